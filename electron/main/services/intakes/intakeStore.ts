/**
 * What the intake service needs from storage, and nothing more: an
 * asynchronous interface, so the local SQLite database is one adapter behind
 * it and a clinic server (several workstations, one database) can be another
 * without the rules moving.
 *
 * The store decides nothing about intakes. Validation, evaluation, status
 * changes, revision checks against what the caller saw and who the patient is
 * are the service's. The store keeps each write atomic and refuses a write
 * whose `expectedRevision` is no longer the stored one (compare-and-set), so
 * two writers based on the same revision cannot both succeed, whichever
 * machine they run on.
 */
import type {
  ConcernLevel,
  DraftSaved,
  EntryMode,
  FollowUpLink,
  IntakeAnswers,
  IntakeEvaluation,
  IntakeKind,
  IntakePage,
  IntakeStatus,
  IntakeSummary,
  RedFlagEvent,
  TriageVersion
} from '../../../../src/domain'
import type { IntakeListRequest, StoredIntake } from '../database/intakeRepository'
import type { PatientDetails } from '../database/patientRepository'

export type { IntakeListRequest, StoredIntake } from '../database/intakeRepository'
export type { PatientDetails } from '../database/patientRepository'

/** How a patient is named for matching: folded names and the date of birth. */
export interface PatientIdentity {
  readonly givenNameKey: string
  readonly familyNameKey: string
  readonly dateOfBirth: string
}

/** A known patient with their submitted visits, for staff to confirm. */
export interface StoredPatient {
  readonly id: string
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string
  /** The language last chosen for the form, when one was. */
  readonly preferredLanguage: string | null
  readonly visitCount: number
  /** The last submitted intake: `null` when the patient has none (never, in practice). */
  readonly lastVisit: { readonly intakeId: string; readonly submittedAt: string } | null
}

/** An amendment as stored, with the answers it replaced (kept so nothing is lost). */
export interface StoredAmendment {
  readonly version: number
  readonly reason: string
  readonly changes: ReadonlyArray<{
    readonly itemId: string
    readonly before: IntakeAnswers[string] | null
    readonly after: IntakeAnswers[string] | null
  }>
  readonly answersBefore: IntakeAnswers
  readonly evaluationBefore: IntakeEvaluation
  readonly evaluationAfter: IntakeEvaluation
  readonly amendedBy: { readonly staffId: string; readonly name: string }
  readonly amendedAt: string
}

/** One submitted intake of a patient, as the visits chart needs it. */
export interface StoredVisit {
  readonly intakeId: string
  readonly kind: IntakeKind
  readonly submittedAt: string
  /** `null` when the stored snapshot could not be read (the record says so). */
  readonly evaluation: IntakeEvaluation | null
  readonly answers: IntakeAnswers
}

/** Everything the record shows about one intake, read at one moment so the parts agree. */
export interface IntakeSnapshot {
  readonly stored: StoredIntake
  readonly kind: IntakeKind
  readonly followUp: FollowUpLink | null
  readonly redFlagHistory: readonly RedFlagEvent[]
  readonly triage: readonly TriageVersion[]
  /** Problems with triage or amendment rows that failed their checks. */
  readonly problems: readonly string[]
  readonly amendments: readonly StoredAmendment[]
}

/** A write refused because the row is not what the caller based it on. */
export interface StaleWrite {
  readonly stale: true
  /** What is stored now: `null` when the intake no longer exists. */
  readonly current: { readonly status: IntakeStatus; readonly revision: number } | null
}

export interface NewDraftWrite {
  readonly id: string
  readonly entryMode: EntryMode
  readonly formVersion: number
  readonly answers: IntakeAnswers
  readonly concern: ConcernLevel
  readonly now: string
  /** Set for a follow-up: the confirmed patient and their last visit. */
  readonly followUp: FollowUpLink | null
  /** The red-flag history the first answers make, written with the row. */
  readonly events: readonly RedFlagEvent[]
}

export interface DraftWrite {
  readonly id: string
  readonly expectedRevision: number
  readonly answers: IntakeAnswers
  readonly concern: ConcernLevel
  readonly now: string
  readonly events: readonly RedFlagEvent[]
}

/**
 * Who the submitted intake belongs to: a patient staff already confirmed
 * (follow-up), or the patient with this identity, created if there is none.
 */
export type PatientLink =
  | { readonly kind: 'confirmed'; readonly patientId: string }
  | {
      readonly kind: 'identity'
      readonly identity: PatientIdentity
      readonly details: PatientDetails
      /** The id a new patient gets when nobody has this identity yet. */
      readonly newPatientId: string
    }

export interface SubmissionWrite {
  readonly id: string
  readonly expectedRevision: number
  readonly formVersion: number
  readonly answers: IntakeAnswers
  readonly evaluation: IntakeEvaluation
  readonly patient: PatientLink
  readonly now: string
  readonly events: readonly RedFlagEvent[]
}

export interface AmendmentWrite {
  readonly id: string
  readonly expectedRevision: number
  readonly answers: IntakeAnswers
  readonly evaluation: IntakeEvaluation
  /** Set when the amendment changed who the patient is (name or date of birth). */
  readonly patient: PatientLink | null
  /**
   * Kept whole: the red-flag history tells how the form was filled in, and a
   * later correction is told by its amendment (fields before and after, both
   * evaluations) rather than as a history event.
   */
  readonly amendment: Omit<StoredAmendment, 'version'>
}

export interface IntakeStore {
  insertDraft(write: NewDraftWrite): Promise<IntakeSnapshot>
  /** Replaces a draft's answers when it is still a draft at `expectedRevision`. */
  saveDraft(write: DraftWrite): Promise<DraftSaved | StaleWrite>
  /** Submits a draft still at `expectedRevision`, linking its patient in the same write. */
  submit(write: SubmissionWrite): Promise<IntakeSnapshot | StaleWrite>
  /** Amends a submitted intake still at `expectedRevision`, keeping what it replaces. */
  amend(write: AmendmentWrite): Promise<IntakeSnapshot | StaleWrite>
  read(id: string): Promise<IntakeSnapshot | null>
  /** Status and revision alone, to tell "absent" from "changed" cheaply. */
  readState(id: string): Promise<StaleWrite['current']>
  /** @returns whether a draft was deleted (false when absent or submitted). */
  deleteDraft(id: string): Promise<boolean>
  list(request: IntakeListRequest): Promise<IntakePage>
  listUnfinished(
    limit: number
  ): Promise<ReadonlyArray<{ summary: IntakeSummary; answers: IntakeAnswers; kind: IntakeKind }>>
  /** Submitted intakes whose submission time is in `[from, to)`, in submission order. */
  listSubmittedBetween(from: string, to: string): Promise<readonly IntakeSummary[]>
  /** Patients with exactly this identity, oldest record first. */
  findPatients(identity: PatientIdentity): Promise<readonly StoredPatient[]>
  findPatient(id: string): Promise<StoredPatient | null>
  /** A patient's submitted intakes, oldest first. */
  listVisits(patientId: string): Promise<readonly StoredVisit[]>
}

/** Whether a write came back refused as stale. */
export function isStale<T extends object>(outcome: T | StaleWrite): outcome is StaleWrite {
  return 'stale' in outcome && outcome.stale === true
}
