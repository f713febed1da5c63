/**
 * Follow-up visits: a returning patient, matched on name and date of birth
 * and confirmed by staff, answers a short intake instead of the whole one:
 * pain now and at its worst, PEG, STarT Back, the red-flag screen again, and
 * how their back has changed since the last visit. Consent, history and the
 * story of the episode were given at the first intake and are not asked again.
 *
 * The screening rules are the same function (`evaluateIntake`); only what is
 * required differs, so a follow-up is evaluated on its own answers and its
 * `missingRequired` lists the follow-up's items alone.
 */
import { CATALOGUE, RED_FLAG_ITEMS } from './catalogue'
import { evaluateIntake } from './evaluateIntake'
import type { ConcernLevel, IntakeAnswers, IntakeEvaluation, StartBackScore } from './types'

/** A first intake (the whole form) or a follow-up visit (the short form). */
export type IntakeKind = 'initial' | 'follow-up'

export const INTAKE_KINDS: readonly IntakeKind[] = ['initial', 'follow-up']

/** Copied from the confirmed patient's record: the form shows them, never asks them again. */
export const FOLLOW_UP_IDENTITY_ITEMS: readonly string[] = [
  'patient.givenName',
  'patient.familyName',
  'patient.dateOfBirth'
]

const START_BACK_ITEMS = CATALOGUE.filter((entry) => entry.section === 'startBack').map(
  (entry) => entry.id
)

/**
 * Every item a follow-up holds, in catalogue order. The preferred language is
 * copied from the patient's record too, but the patient may change it (it is
 * the language of the form on the tablet).
 */
export const FOLLOW_UP_ITEMS: readonly string[] = CATALOGUE.map((entry) => entry.id).filter(
  (id) =>
    FOLLOW_UP_IDENTITY_ITEMS.includes(id) ||
    id === 'patient.preferredLanguage' ||
    id === 'pain.now' ||
    id === 'pain.worst' ||
    id.startsWith('peg.') ||
    START_BACK_ITEMS.includes(id) ||
    RED_FLAG_ITEMS.some(([itemId]) => itemId === id) ||
    id === 'followUp.change'
)

/** What a follow-up needs before it can be submitted; `pain.worst` and the language stay optional. */
export const FOLLOW_UP_REQUIRED: readonly string[] = FOLLOW_UP_ITEMS.filter(
  (id) => id !== 'pain.worst' && id !== 'patient.preferredLanguage'
)

/** Items only a follow-up asks: a first intake refuses them. */
export const FOLLOW_UP_ONLY_ITEMS: readonly string[] = ['followUp.change']

/** Whether an item belongs to the form of this kind of intake. */
export function itemInForm(itemId: string, kind: IntakeKind): boolean {
  return kind === 'follow-up'
    ? FOLLOW_UP_ITEMS.includes(itemId)
    : !FOLLOW_UP_ONLY_ITEMS.includes(itemId)
}

/** Whether an item must be answered before an intake of this kind is submitted. */
export function requiredInForm(itemId: string, kind: IntakeKind): boolean {
  if (kind === 'follow-up') return FOLLOW_UP_REQUIRED.includes(itemId)
  return CATALOGUE.some((entry) => entry.id === itemId && entry.required)
}

/**
 * The evaluation of an intake of either kind. A first intake is exactly
 * `evaluateIntake`. A follow-up runs the same rules on its own answers; its
 * `missingRequired` is the follow-up's unanswered required items, since the
 * whole intake's items (consent, the episode) are not asked at a follow-up.
 */
export function evaluateAnswers(
  answers: IntakeAnswers,
  options: { readonly asOf: string; readonly kind: IntakeKind }
): IntakeEvaluation {
  const evaluation = evaluateIntake(answers, { asOf: options.asOf })
  if (options.kind === 'initial') return evaluation
  return {
    ...evaluation,
    missingRequired: FOLLOW_UP_REQUIRED.filter((id) => !isAnswered(answers[id]))
  }
}

function isAnswered(value: unknown): boolean {
  if (value === undefined) return false
  if (Array.isArray(value)) return value.length > 0
  return !(typeof value === 'string' && value.trim() === '')
}

/** A patient found for a follow-up, for staff to confirm it is the person in front of them. */
export interface ReturningPatient {
  readonly patientId: string
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string
  /** Submitted visits so far (first intake and follow-ups). */
  readonly visitCount: number
  /** When the last submitted visit was, ISO-8601 UTC. */
  readonly lastVisitAt: string
  /** That visit's intake, which the follow-up is compared with. */
  readonly lastIntakeId: string
}

/** What staff type to find a returning patient: the same identity the intake records. */
export interface ReturningPatientQuery {
  readonly givenName: string
  readonly familyName: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
}

/** How a follow-up intake is tied to its patient and to the visit before it. */
export interface FollowUpLink {
  readonly patientId: string
  /** The patient's last submitted intake when the follow-up began. */
  readonly previousIntakeId: string
  /** The member of staff who confirmed the match, as they were named then. */
  readonly confirmedBy: { readonly id: string; readonly name: string }
}

/** One submitted visit of a patient, with the scores the chart follows across visits. */
export interface PatientVisit {
  readonly intakeId: string
  readonly kind: IntakeKind
  /** ISO-8601 UTC. */
  readonly submittedAt: string
  /** The visit's concern as recorded (amended when the record was corrected). */
  readonly concern: ConcernLevel
  readonly painNow: number | null
  readonly painWorst: number | null
  readonly peg: number | null
  readonly startBackTotal: number | null
  readonly startBackRisk: StartBackScore['risk'] | null
  /** The follow-up's answer to "change since last visit"; `null` for a first intake. */
  readonly change: string | null
}

/** The visit's scores as the chart reads them, from a stored evaluation and answers. */
export function visitOf(
  visit: { readonly intakeId: string; readonly kind: IntakeKind; readonly submittedAt: string },
  evaluation: IntakeEvaluation,
  answers: IntakeAnswers
): PatientVisit {
  const change = answers['followUp.change']
  return {
    ...visit,
    concern: evaluation.concern,
    painNow: evaluation.scores.painNow,
    painWorst: evaluation.scores.painWorst,
    peg: evaluation.scores.peg,
    startBackTotal: evaluation.scores.startBack?.total ?? null,
    startBackRisk: evaluation.scores.startBack?.risk ?? null,
    change: typeof change === 'string' ? change : null
  }
}

/** The scores the visits chart draws, each on its own 0..max scale. */
export const VISIT_SERIES = [
  { key: 'painNow', label: 'Pain now', max: 10 },
  { key: 'painWorst', label: 'Worst pain', max: 10 },
  { key: 'peg', label: 'PEG', max: 10 },
  { key: 'startBackTotal', label: 'STarT Back total', max: 9 }
] as const satisfies ReadonlyArray<{
  readonly key: keyof PatientVisit
  readonly label: string
  readonly max: number
}>

export type VisitSeriesKey = (typeof VISIT_SERIES)[number]['key']
