/**
 * Triage decisions: a clinician's decision after reviewing a submitted
 * intake, recorded as a new version each time (earlier versions stay, with
 * who made them and when). The rules live here, not in the handler:
 * - only a submitted intake is triaged (a draft can still change);
 * - every flag of the intake's evaluation must be acknowledged, so a
 *   decision can never be recorded over a flag nobody looked at;
 * - the decision is made on the version the clinician saw: `expectedVersion`
 *   is compared with the latest version inside the write transaction, so of
 *   two clinicians deciding at once exactly one is recorded and the other is
 *   told who got there first, instead of one decision silently hiding the
 *   other.
 */
import type { Database } from 'better-sqlite3'
import {
  CONDITION_LABELS,
  FLAG_CONDITIONS,
  isControlExceptLineFeed,
  TRIAGE_DECISIONS,
  TRIAGE_NOTES_MAX_LENGTH,
  type ConcernLevel,
  type FlagCondition,
  type StaffIdentity,
  type TriageInput,
  type TriageVersion
} from '../../../../src/domain'
import { mapSqliteError } from '../database/mapSqliteError'
import { oneOf } from '../database/storedJson'
import { createTriageRepository, type LatestTriage } from '../database/triageRepository'
import type { IntakeService } from '../intakes/intakeService'
import { ServiceError } from '../serviceError'

export interface TriageServiceOptions {
  /** Where the intake's status and flags come from (the evaluation staff see). */
  readonly intakes: IntakeService
  /** The clock: the time a decision is recorded at (UTC). */
  readonly now: () => Date
}

/** What recording a decision came to. */
export interface RecordedTriage {
  /** Every version, oldest first; the last is the one just recorded. */
  readonly versions: readonly TriageVersion[]
  /** The version just recorded. */
  readonly added: TriageVersion
  /** The intake's concern level, for the `intakesChanged` event. */
  readonly concern: ConcernLevel
}

export interface TriageService {
  /**
   * Records a decision as the next version, attributed to `by` (the member
   * of staff signed in). Resolves to every version, oldest first, with the
   * one added and the intake's concern.
   *
   * Rejects with `not-found` for an unknown intake, `conflict` for a draft or
   * when `expectedVersion` is not the latest version, `invalid-argument` for
   * an unacknowledged flag or unusable notes, and `storage` when a stored
   * decision of the intake is damaged (nothing is added on top of it).
   */
  record(input: TriageInput, by: StaffIdentity): Promise<RecordedTriage>
  /** Every version of an intake's decision, oldest first (the intake service reads the same rows). */
  list(intakeId: string): Promise<readonly TriageVersion[]>
}

/** Creates the triage service over an open, migrated database. */
export function createTriageService(db: Database, options: TriageServiceOptions): TriageService {
  const decisions = createTriageRepository(db)

  /**
   * The version check and the insert in one IMMEDIATE transaction: the write
   * lock is taken before the latest version is read, so no other connection
   * can record a version between the check and the write.
   */
  const appendTransaction = db.transaction(
    (
      input: TriageInput & { readonly notes: string },
      acknowledged: readonly FlagCondition[],
      by: StaffIdentity,
      decidedAt: string
    ): { versions: readonly TriageVersion[]; added: TriageVersion } => {
      const stored = decisions.listForIntake(input.intakeId)
      if (stored.problems.length > 0) throw damagedDecisions()
      const latest = decisions.latest(input.intakeId)
      const latestVersion = latest?.version ?? 0
      if (latestVersion !== input.expectedVersion) throw staleDecision(latest)
      decisions.append({
        intakeId: input.intakeId,
        version: latestVersion + 1,
        decision: input.decision,
        notes: input.notes,
        acknowledgedFlags: acknowledged,
        staffId: by.id,
        staffName: by.name,
        decidedAt
      })
      const versions = decisions.listForIntake(input.intakeId).versions
      const added = versions[versions.length - 1]
      // Just written and read back in the same transaction: a row failing its
      // checks here is a bug in this module, not damage on the disk.
      if (added === undefined || added.version !== latestVersion + 1) {
        throw new Error('The triage decision just recorded could not be read back.')
      }
      return { versions, added }
    }
  )

  return {
    async record(input, by) {
      const checked = checkInput(input)
      if (by.id === '' || by.name.trim() === '') {
        throw new ServiceError('forbidden', 'Sign in as a clinician to record a triage decision.')
      }
      // A submitted intake never changes again, so its status and flags read
      // here still hold when the transaction below writes.
      const intake = await options.intakes.get(checked.intakeId)
      if (intake.status !== 'submitted') {
        throw new ServiceError(
          'conflict',
          'This intake has not been submitted yet: a triage decision is recorded after the submitted intake has been reviewed.'
        )
      }
      const flags = intake.evaluation.flags.map((flag) => flag.condition)
      const acknowledged = checkAcknowledged(flags, checked.acknowledgedFlags)
      const recorded = await run(() =>
        appendTransaction.immediate(checked, acknowledged, by, options.now().toISOString())
      )
      return { ...recorded, concern: intake.evaluation.concern }
    },

    list: (intakeId) => run(() => decisions.listForIntake(intakeId).versions)
  }
}

/** Runs the synchronous SQLite work; a thrown error becomes a rejection, SQLite's a `ServiceError`. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(mapSqliteError(error))
  }
}

/**
 * Checks what the handler passes on (the IPC schema has already checked the
 * types; the service checks again because it takes plain data from anyone)
 * and normalises the notes: line breaks as line feeds, tabs as spaces, no
 * space around. Any other control character is refused rather than
 * stripped: it is not something a person typed, and silently changing
 * clinical notes is worse than asking again.
 */
function checkInput(input: TriageInput): TriageInput & { readonly notes: string } {
  if (typeof input.intakeId !== 'string' || input.intakeId === '') {
    throw new ServiceError('invalid-argument', 'Choose the intake to record a decision for.')
  }
  if (!oneOf(TRIAGE_DECISIONS, input.decision)) {
    throw new ServiceError('invalid-argument', 'Choose one of the five decisions.')
  }
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0) {
    throw new ServiceError(
      'invalid-argument',
      'The version a decision is based on must be a whole number, 0 or more.'
    )
  }
  if (typeof input.notes !== 'string') {
    throw new ServiceError('invalid-argument', 'The notes must be text.')
  }
  const notes = input.notes.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trim()
  for (const character of notes) {
    if (isControlExceptLineFeed(character.codePointAt(0) ?? 0)) {
      throw new ServiceError(
        'invalid-argument',
        'The notes contain characters that cannot be shown or printed. Retype the part you pasted.'
      )
    }
  }
  const length = [...notes].length
  if (length > TRIAGE_NOTES_MAX_LENGTH) {
    throw new ServiceError(
      'invalid-argument',
      `The notes can be at most ${TRIAGE_NOTES_MAX_LENGTH} characters long (they have ${length}).`
    )
  }
  return { ...input, notes }
}

/**
 * The acknowledged flags in the order the intake lists them: every flag of
 * the intake, and no condition it does not have (acknowledging a flag nobody
 * was shown would put something untrue in the record).
 */
function checkAcknowledged(
  flags: readonly FlagCondition[],
  acknowledged: readonly unknown[]
): FlagCondition[] {
  if (!Array.isArray(acknowledged)) {
    throw new ServiceError('invalid-argument', 'The acknowledged flags must be a list.')
  }
  const unknown = acknowledged.filter(
    (condition) => !oneOf(FLAG_CONDITIONS, condition) || !flags.includes(condition)
  )
  if (unknown.length > 0) {
    throw new ServiceError(
      'invalid-argument',
      `Only this intake's own flags can be acknowledged; ${unknown.map(conditionName).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among them. Reload the record.`
    )
  }
  const missing = flags.filter((condition) => !acknowledged.includes(condition))
  if (missing.length > 0) {
    throw new ServiceError(
      'invalid-argument',
      `Tick “I have seen this” for every flag before recording a decision. Not yet acknowledged: ${missing.map(conditionName).join(', ')}.`
    )
  }
  return [...flags]
}

function conditionName(condition: unknown): string {
  return oneOf(FLAG_CONDITIONS, condition) ? CONDITION_LABELS[condition] : String(condition)
}

/** The refusal when someone else recorded a decision after the one the clinician saw. */
function staleDecision(latest: LatestTriage | null): ServiceError {
  if (latest === null) {
    return new ServiceError(
      'conflict',
      'The decisions of this record are not the ones you saw; reload to see them before deciding.'
    )
  }
  const by = latest.staffName.trim() === '' ? 'another member of staff' : latest.staffName
  return new ServiceError(
    'conflict',
    `Another decision was recorded at ${localTime(latest.decidedAt)} by ${by}; reload to see it before deciding.`
  )
}

function damagedDecisions(): ServiceError {
  return new ServiceError(
    'storage',
    'A decision already recorded for this intake could not be read (it may be damaged), so no new decision was added. Restore a backup, or ask an administrator.'
  )
}

/** `2026-11-20 14:05` on this computer's clock: how staff read a time in a sentence. */
function localTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return 'an unknown time'
  const two = (value: number): string => String(value).padStart(2, '0')
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`
}
