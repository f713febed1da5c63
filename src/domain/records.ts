/**
 * Stored intake records as they cross the process boundary. The storage layer
 * maps its rows to these shapes at its edge; nothing else sees a row.
 */
import type { Amendment } from './amendments'
import type { SectionId } from './catalogue'
import type { FollowUpLink, IntakeKind, PatientVisit } from './followUp'
import type { RuleDifference } from './clinicianText'
import type { RedFlagEvent } from './redFlagHistory'
import type { ReviewStatus, TriageVersion } from './review'
import type { ConcernLevel, IntakeAnswers, IntakeEvaluation, RulesVersion } from './types'

export type IntakeStatus = 'draft' | 'submitted'

/** Who is filling the intake in: staff beside the patient, or the patient alone on a tablet. */
export type EntryMode = 'staff' | 'patient'

/**
 * What is wrong with a stored record that failed its checks on read (its
 * check values, its answers against the catalogue, its snapshot's shape), in
 * plain words for staff. Such a record is shown with what could be read and
 * never silently repaired: the fix is to restore a backup or re-enter it.
 */
export interface RecordDamage {
  readonly problems: readonly string[]
}

export interface IntakeRecord {
  readonly id: string
  readonly status: IntakeStatus
  /** A first intake (the whole form) or a follow-up visit (the short form). */
  readonly kind: IntakeKind
  /** For a follow-up: the confirmed patient and the visit before it; `null` for a first intake. */
  readonly followUp: FollowUpLink | null
  readonly formVersion: number
  readonly answers: IntakeAnswers
  /**
   * For a submitted intake, the evaluation computed at submission (a snapshot
   * that later rule changes never rewrite); for a draft, evaluated on read.
   */
  readonly evaluation: IntakeEvaluation
  /**
   * For a submitted intake whose snapshot came from older rules: the same
   * answers under today's rules, and where they would flag differently. The
   * snapshot itself is never rewritten. `null` when the rules are the same.
   */
  readonly currentRules: CurrentRulesReading | null
  /**
   * Every change of a red-flag answer and every alert raised while the intake
   * was filled in, oldest first, even where the final answers no longer flag.
   * Staff only: empty whenever the patient (patient mode) reads the record.
   */
  readonly redFlagHistory: readonly RedFlagEvent[]
  /**
   * Every triage decision recorded after review, oldest first (the last one
   * is the current decision; a change adds a version and never rewrites one).
   * Empty for a draft, before review, and whenever the patient reads the
   * record. Read in the same transaction as the row, so the two agree.
   */
  readonly triage: readonly TriageVersion[]
  /**
   * Every amendment of the submitted answers, oldest first, each with what it
   * changed, who made it, when and why, and the evaluation before and after.
   * `answers` and `evaluation` above are the current (amended) ones. Empty for
   * a draft and whenever the patient reads the record.
   */
  readonly amendments: readonly Amendment[]
  /**
   * The patient's submitted visits, oldest first, this one included once
   * submitted: the scores the visits chart draws. Empty for a draft of a first
   * intake and whenever the patient reads the record.
   */
  readonly visits: readonly PatientVisit[]
  readonly patientId: string | null
  /**
   * Increases by one at every save or amendment. Every write names the
   * revision it was based on, and a write based on an older one is refused as
   * a conflict, so two windows never silently overwrite each other.
   */
  readonly revision: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  /**
   * Present when the stored record failed its checks: `answers` then holds
   * only the answers that could be read (and, for a submitted intake whose
   * snapshot was unreadable, `evaluation` was worked out again from them).
   */
  readonly damage?: RecordDamage
}

/**
 * Where a record stands in the clinic's work. Derived rather than stored on
 * the record, so it can never disagree with the decisions it is read from: a
 * submitted intake with at least one triage decision has been reviewed.
 */
export function reviewStatusOf(record: Pick<IntakeRecord, 'status' | 'triage'>): ReviewStatus {
  if (record.status === 'draft') return 'draft'
  return record.triage.length > 0 ? 'reviewed' : 'submitted'
}

/** One row of an intake list: enough to show and order it, no answers. */
export interface IntakeSummary {
  readonly id: string
  readonly status: IntakeStatus
  /** Who was entering it: staff beside the patient, or the patient alone. */
  readonly entryMode: EntryMode
  readonly givenName: string | null
  readonly familyName: string | null
  readonly dateOfBirth: string | null
  readonly concern: ConcernLevel
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  /** Present when the stored row failed its checks: the details shown may be wrong. */
  readonly damage?: RecordDamage
}

/**
 * An unfinished intake as the start screen lists it: enough to tell two
 * drafts for people of the same name apart and to see how far each got.
 */
export interface UnfinishedIntake extends IntakeSummary {
  /** A follow-up visit's short form, or a first intake. */
  readonly kind: IntakeKind
  /** The last part of the form with an answer; `null` when nothing is answered yet. */
  readonly furthestSection: SectionId | null
}

export interface ListIntakesQuery {
  readonly status?: IntakeStatus
  /** Matches the start of the given or family name, case-insensitively. */
  readonly search?: string
  /** 1..200, default 50. */
  readonly limit?: number
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string
}

export interface IntakePage {
  readonly items: readonly IntakeSummary[]
  readonly nextCursor: string | null
}

/** What a draft save returns: small, because it happens every few seconds. */
export interface DraftSaved {
  readonly id: string
  readonly revision: number
  readonly updatedAt: string
  readonly concern: ConcernLevel
}

/** Today's rules applied to a snapshot taken under older ones (see {@link IntakeRecord.currentRules}). */
export interface CurrentRulesReading {
  readonly rulesVersion: RulesVersion
  readonly evaluation: IntakeEvaluation
  readonly differences: readonly RuleDifference[]
}

/**
 * Version of the question set a record was captured with (stored on every
 * intake). Version 2 added the questions in {@link ITEMS_ADDED_IN_FORM_VERSION}.
 */
export const FORM_VERSION = 2

/** The questions each form version added, so a draft started earlier can ask them before submission. */
export const ITEMS_ADDED_IN_FORM_VERSION: Readonly<Record<number, readonly string[]>> = {
  2: [
    'rf.darkUrine',
    'history.firstBackPainAge',
    'history.anticoagulants',
    'consent.signerRelationship'
  ]
}

/** Item ids added to the form after `formVersion`, in the order they were added. */
export function itemsAddedSince(formVersion: number): string[] {
  const added: string[] = []
  for (let version = formVersion + 1; version <= FORM_VERSION; version += 1) {
    added.push(...(ITEMS_ADDED_IN_FORM_VERSION[version] ?? []))
  }
  return added
}
