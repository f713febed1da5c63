/**
 * Clinician wording for what the engine produced: condition and level names,
 * each answer behind a flag with "yes" or "not sure" beside it, and what
 * today's rules would say about a snapshot taken under older ones. English,
 * the clinic's working language; the record screen, the review step and the
 * PDF summary all read it from here so they never disagree.
 */
import { answerText } from './answerText'
import { catalogueItem, FIRST_BACK_PAIN_AGE_BANDS } from './catalogue'
import type { TriageDecision } from './review'
import type {
  ConcernLevel,
  EvaluationNotice,
  Flag,
  FlagCondition,
  FlagLevel,
  IntakeAnswers,
  IntakeEvaluation,
  PatternId
} from './types'

/**
 * The five triage decisions in plain words, mildest first: the record
 * screen's choices and the PDF summary's current decision read the same.
 */
export const TRIAGE_DECISION_LABELS: Readonly<Record<TriageDecision, string>> = {
  proceed: 'Proceed with treatment',
  'proceed-with-safety-netting': 'Proceed with safety-netting advice',
  'further-assessment': 'Further assessment needed',
  'urgent-referral': 'Urgent referral',
  'emergency-referral': 'Emergency referral'
}

/** Clinician names of the flag conditions (screening language, never a diagnosis). */
export const CONDITION_LABELS: Readonly<Record<FlagCondition, string>> = {
  'cauda-equina': 'Cauda equina',
  malignancy: 'Malignancy',
  infection: 'Spinal infection',
  fracture: 'Fracture',
  vascular: 'Vascular (aortic)',
  'axial-spa': 'Axial spondyloarthritis',
  rhabdomyolysis: 'Exertional rhabdomyolysis'
}

export const CONCERN_LABELS: Readonly<Record<ConcernLevel, string>> = {
  none: 'No flags',
  review: 'Review',
  urgent: 'Urgent',
  emergency: 'Emergency'
}

/**
 * How each pattern to consider reads for the clinician (§5, "shown as"): a
 * hint, never a conclusion. The staff screens hold the same words in their
 * i18n messages; the PDF and exports, which run in the main process, read these.
 */
export const PATTERN_LABELS: Readonly<Record<PatternId, string>> = {
  'doms-like':
    'Consistent with delayed-onset muscle soreness (usually eases within about 72 hours)',
  'strain-like': 'Consistent with an acute muscle strain',
  radicular: 'Radiating leg pain: possible nerve-root involvement (e.g. disc)',
  inflammatory: 'Inflammatory-type pain pattern',
  'training-load': 'Training load or technique factors reported'
}

/** What each notice asks of the clinician (§3). */
export const NOTICE_TEXT: Readonly<Record<EvaluationNotice, string>> = {
  'under-16':
    'Under 16: the screening rules are written for people aged 16 and over. Assess clinically; the flags are still shown.'
}

/** One answer (or derived value) behind a flag, as the clinician reads it. */
export interface TriggerLine {
  /** The item id or derived name (`age`, `onsetAge`, `noImprovement`). */
  readonly id: string
  readonly label: string
  /** "yes", "not sure", or the answer in clinician wording; `null` when unknown. */
  readonly value: string | null
  /** True for a `ynu` answer of `unsure`: the clinician should ask. */
  readonly unsure: boolean
}

/** One answer in the words every clinician surface shares ({@link answerText}); `null` when unanswered. */
function answerOf(answers: IntakeAnswers, id: string): string | null {
  const value = answers[id]
  return value === undefined ? null : answerText(id, value)
}

function derivedLine(id: string, answers: IntakeAnswers, age: number | null): TriggerLine | null {
  switch (id) {
    case 'age':
      return { id, label: 'Age', value: age === null ? 'unknown' : String(age), unsure: false }
    case 'onsetAge': {
      const band = FIRST_BACK_PAIN_AGE_BANDS.find(
        ({ code }) => code === answers['history.firstBackPainAge']
      )
      const value =
        band !== undefined
          ? `${band.label.toLowerCase()} (first back pain)`
          : age === null
            ? 'unknown'
            : `${age} (current age; first back pain not given)`
      return { id, label: 'Age when back pain began', value, unsure: false }
    }
    case 'noImprovement':
      return {
        id,
        label: 'Not improving after 6 weeks or more',
        value: [answerOf(answers, 'complaint.duration'), answerOf(answers, 'complaint.trend')]
          .filter((part) => part !== null)
          .join(', '),
        unsure: false
      }
    default:
      return null
  }
}

/**
 * One trigger of a flag in clinician wording: a `ynu` answer as "yes" or "not
 * sure", a derived value with what it was derived from, any other item with
 * its answer.
 */
export function triggerLine(id: string, answers: IntakeAnswers, age: number | null): TriggerLine {
  const derived = derivedLine(id, answers, age)
  if (derived !== null) return derived
  const entry = catalogueItem(id)
  const label = entry?.label ?? id
  const value = answers[id]
  if (entry?.type === 'ynu') {
    return {
      id,
      label,
      value: value === 'unsure' ? 'not sure' : value === 'yes' ? 'yes' : answerOf(answers, id),
      unsure: value === 'unsure'
    }
  }
  return { id, label, value: answerOf(answers, id), unsure: false }
}

/** Every answer behind one flag, answers first and derived values after, in catalogue wording. */
export function flagTriggerLines(
  flag: Flag,
  answers: IntakeAnswers,
  age: number | null
): TriggerLine[] {
  return flag.triggeredBy.map((id) => triggerLine(id, answers, age))
}

/** A line of the form "Bladder dysfunction: yes", for one-line summaries. */
export function formatTriggerLine(line: TriggerLine): string {
  return line.value === null ? line.label : `${line.label}: ${line.value}`
}

/** One way today's rules read a stored intake differently from its snapshot. */
export interface RuleDifference {
  readonly condition: FlagCondition
  readonly stored: FlagLevel | null
  readonly current: FlagLevel | null
  /** Plain English, e.g. "Malignancy: Review (was Urgent)". */
  readonly text: string
}

function levelName(level: FlagLevel | null): string {
  return level === null ? 'no flag' : CONCERN_LABELS[level]
}

/**
 * What would change if a stored snapshot were evaluated again under today's
 * rules: flags added, removed or at another level. Differences in missing
 * items are left out on purpose: a record kept under an older form lacks the
 * questions added since, and that is no clinical change.
 */
export function ruleDifferences(
  stored: IntakeEvaluation,
  current: IntakeEvaluation
): RuleDifference[] {
  const before = new Map(stored.flags.map((flag) => [flag.condition, flag.level]))
  const after = new Map(current.flags.map((flag) => [flag.condition, flag.level]))
  const conditions = Object.keys(CONDITION_LABELS) as FlagCondition[]
  const differences: RuleDifference[] = []
  for (const condition of conditions) {
    const was = before.get(condition) ?? null
    const now = after.get(condition) ?? null
    if (was === now) continue
    differences.push({
      condition,
      stored: was,
      current: now,
      text: `${CONDITION_LABELS[condition]}: ${levelName(now)} (was ${levelName(was)})`
    })
  }
  return differences
}
