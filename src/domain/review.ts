/**
 * The clinician's side of an intake: the queue ordered by concern, search,
 * and the triage decision recorded after review (with every earlier version
 * kept).
 */
import type { IntakeKind } from './followUp'
import type { RecordDamage } from './records'
import type { ConcernLevel, FlagCondition, FlagLevel } from './types'

/** Concern levels, highest first: the queue's order. */
export const CONCERN_ORDER = [
  'emergency',
  'urgent',
  'review',
  'none'
] as const satisfies readonly ConcernLevel[]

/** Every red-flag condition, as a runtime list (for checking what a caller sends). */
export const FLAG_CONDITIONS = [
  'cauda-equina',
  'malignancy',
  'infection',
  'fracture',
  'vascular',
  'axial-spa',
  'rhabdomyolysis'
] as const satisfies readonly FlagCondition[]
type UnlistedCondition = Exclude<FlagCondition, (typeof FLAG_CONDITIONS)[number]>
/** Compile-time proof that FLAG_CONDITIONS names every condition. */
export const assertAllConditionsListed: UnlistedCondition extends never ? true : never = true

/** What a clinician decided after reviewing an intake, mildest first. */
export const TRIAGE_DECISIONS = [
  'proceed',
  'proceed-with-safety-netting',
  'further-assessment',
  'urgent-referral',
  'emergency-referral'
] as const
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number]

/** Notes with a decision: plain text, at most this long. */
export const TRIAGE_NOTES_MAX_LENGTH = 4000

/** One version of an intake's triage; a change adds a version, earlier ones stay. */
export interface TriageVersion {
  /** 1, 2, 3… in the order they were recorded. */
  readonly version: number
  readonly decision: TriageDecision
  readonly notes: string
  /** The flags the clinician acknowledged having seen (every flag of the intake). */
  readonly acknowledgedFlags: readonly FlagCondition[]
  readonly decidedBy: { readonly staffId: string; readonly name: string }
  /** ISO 8601. */
  readonly decidedAt: string
}

/** What the clinician sends to record a decision. */
export interface TriageInput {
  readonly intakeId: string
  readonly decision: TriageDecision
  readonly notes: string
  readonly acknowledgedFlags: readonly FlagCondition[]
  /**
   * The latest version the clinician saw (0 when there was none): if someone
   * recorded another decision meanwhile, this one is refused as a conflict
   * rather than silently put over it.
   */
  readonly expectedVersion: number
}

/** An intake's place in the clinic's work: reviewed once a triage decision exists. */
export type ReviewStatus = 'draft' | 'submitted' | 'reviewed'

/** One row of the queue or of search results. */
export interface QueueItem {
  readonly id: string
  readonly status: ReviewStatus
  /** A first intake, or a follow-up visit's short form. */
  readonly kind: IntakeKind
  readonly givenName: string | null
  readonly familyName: string | null
  readonly dateOfBirth: string | null
  /** Whole years on the day of the intake; null without a date of birth. */
  readonly age: number | null
  readonly concern: ConcernLevel
  /** The flags behind the concern (clinicians only; empty for the front desk). */
  readonly flags: readonly { readonly condition: FlagCondition; readonly level: FlagLevel }[]
  readonly createdAt: string
  readonly submittedAt: string | null
  readonly updatedAt: string
  /** The current triage decision (clinicians only; null for the front desk and before review). */
  readonly triage: {
    readonly decision: TriageDecision
    readonly decidedAt: string
    readonly decidedBy: string
  } | null
  /** Present when the stored row failed its checks: what is shown may not be what was entered. */
  readonly damage?: RecordDamage
}

export interface QueueQuery {
  /** Local calendar days, inclusive; both default to today. */
  readonly fromDate?: string
  readonly toDate?: string
}

/**
 * The most items one queue lists. A day at a busy clinic is well under it;
 * a long range lists its most pressing intakes, and the counts still count
 * every intake of the range, so the screen can say how many are not shown.
 */
export const QUEUE_ITEM_LIMIT = 200

export interface Queue {
  readonly fromDate: string
  readonly toDate: string
  /**
   * Emergency, urgent, review, none; within a level the one waiting longest
   * first; at most {@link QUEUE_ITEM_LIMIT}.
   */
  readonly items: readonly QueueItem[]
  readonly counts: Readonly<Record<ConcernLevel, number>>
}

export interface SearchQuery {
  /** Words matched against names (partial, any script, accents and case ignored) and free text. */
  readonly text?: string
  readonly dateOfBirth?: string
  readonly fromDate?: string
  readonly toDate?: string
  readonly concern?: ConcernLevel
  readonly status?: ReviewStatus
  readonly decision?: TriageDecision
  /** 1..200, default 50. */
  readonly limit?: number
}

export interface SearchResults {
  readonly items: readonly QueueItem[]
  /** True when more matched than `limit`. */
  readonly more: boolean
}

/** Pushed to staff screens whenever an intake is created, saved, submitted, reviewed or discarded. */
export interface IntakesChanged {
  readonly intakeId: string
  readonly change: 'created' | 'saved' | 'submitted' | 'reviewed' | 'amended' | 'discarded'
  readonly concern: ConcernLevel
}
