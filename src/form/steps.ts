/**
 * The intake's steps as a patient meets them. Which items a step holds is
 * decided here; what an item is (type, codes, required) comes from the
 * catalogue, so the steps cannot drift from the clinical contract.
 */
import {
  CATALOGUE,
  FOLLOW_UP_ITEMS,
  type CatalogueItem,
  type IntakeKind,
  type SectionId
} from '../domain'

export type StepId =
  | 'about'
  | 'episode'
  | 'where'
  | 'howMuch'
  | 'safety'
  | 'startBack'
  | 'history'
  | 'goals'
  | 'consent'
  | 'change'
  | 'review'

export interface FormStep {
  readonly id: StepId
  readonly items: readonly CatalogueItem[]
}

function itemsOf(
  section: SectionId,
  filter: (item: CatalogueItem) => boolean = () => true
): CatalogueItem[] {
  return CATALOGUE.filter((item) => item.section === section && filter(item))
}

export const FORM_STEPS: readonly FormStep[] = [
  // The preferred language is asked by the language picker at the top of the first step.
  { id: 'about', items: itemsOf('patient', (item) => item.id !== 'patient.preferredLanguage') },
  { id: 'episode', items: itemsOf('complaint') },
  { id: 'where', items: itemsOf('pain', (item) => item.id === 'pain.regions') },
  { id: 'howMuch', items: itemsOf('pain', (item) => item.id !== 'pain.regions') },
  { id: 'safety', items: itemsOf('redFlags') },
  { id: 'startBack', items: itemsOf('startBack') },
  { id: 'history', items: itemsOf('history') },
  { id: 'goals', items: itemsOf('goals') },
  { id: 'consent', items: itemsOf('consent') },
  { id: 'review', items: [] }
]

const inFollowUp = (item: CatalogueItem): boolean => FOLLOW_UP_ITEMS.includes(item.id)

/**
 * A returning patient's short form: pain now and at its worst with PEG, the
 * red-flag screen again, STarT Back, and how things changed since the last
 * visit. Their name and date of birth come from their record and are not asked.
 */
export const FOLLOW_UP_STEPS: readonly FormStep[] = [
  { id: 'howMuch', items: itemsOf('pain', inFollowUp) },
  { id: 'safety', items: itemsOf('redFlags') },
  { id: 'startBack', items: itemsOf('startBack') },
  { id: 'change', items: itemsOf('followUp') },
  { id: 'review', items: [] }
]

/** The steps of the form for this kind of intake. */
export function stepsFor(kind: IntakeKind): readonly FormStep[] {
  return kind === 'follow-up' ? FOLLOW_UP_STEPS : FORM_STEPS
}

/** Ages at which the pregnancy question is asked (it applies to no one else). */
const PREGNANCY_AGES = { min: 12, max: 55 } as const

/**
 * Whether a question applies to this patient, from the answers so far. Only
 * the pregnancy question depends on anything: it is not asked of a patient
 * recorded as male, nor outside the ages it can concern. Unknown sex or age
 * keeps it asked, so it is never skipped by mistake.
 */
export function itemApplies(
  itemId: string,
  answers: Readonly<Record<string, unknown>>,
  age: number | null
): boolean {
  if (itemId !== 'history.pregnancy') return true
  if (answers['patient.sex'] === 'male') return false
  return age === null || (age >= PREGNANCY_AGES.min && age <= PREGNANCY_AGES.max)
}

/** The step that asks an item, for the review screen's "Change" links. */
export function stepOfItem(itemId: string, kind: IntakeKind = 'initial'): StepId | undefined {
  return stepsFor(kind).find((step) => step.items.some((item) => item.id === itemId))?.id
}
