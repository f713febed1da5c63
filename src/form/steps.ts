/**
 * The intake's steps as a patient meets them. Which items a step holds is
 * decided here; what an item is (type, codes, required) comes from the
 * catalogue, so the steps cannot drift from the clinical contract.
 */
import { CATALOGUE, type CatalogueItem, type SectionId } from '../domain'

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

/** The step that asks an item, for the review screen's "Change" links. */
export function stepOfItem(itemId: string): StepId | undefined {
  return FORM_STEPS.find((step) => step.items.some((item) => item.id === itemId))?.id
}
