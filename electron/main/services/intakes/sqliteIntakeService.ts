/**
 * The intake service over a local SQLite database. The business rules of
 * saving and submitting live here (the IPC handlers contain none): what is
 * validated with which rules, when the evaluation is computed and frozen, who
 * the patient is, and what may no longer change.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import {
  alertsRaised,
  evaluateIntake,
  FORM_VERSION,
  furthestSectionAnswered,
  redFlagChanges,
  redFlagEvents,
  ruleDifferences,
  RULES_VERSION,
  todayIso,
  type CurrentRulesReading,
  validateAnswers,
  type DraftSaved,
  type EntryMode,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakeRecord,
  type IntakeStatus,
  type ListIntakesQuery,
  type RedFlagActor,
  type RedFlagEvent,
  type TriageVersion
} from '../../../../src/domain'
import {
  createIntakeRepository,
  type IntakeListRequest,
  type NewDraft,
  type StoredIntake
} from '../database/intakeRepository'
import { decodeListCursor, type ListPosition } from '../database/listCursor'
import { mapSqliteError } from '../database/mapSqliteError'
import { createPatientRepository, type PatientDetails } from '../database/patientRepository'
import { createRedFlagEventRepository } from '../database/redFlagEventRepository'
import { createTriageRepository, type StoredTriage } from '../database/triageRepository'
import { ServiceError } from '../serviceError'
import type { IntakeService } from './intakeService'
import { localDayBounds } from '../review/localDays'

export interface SqliteIntakeServiceOptions {
  /** The clock: timestamps (UTC) and "today" for validation and age (local date). */
  readonly now: () => Date
  /** New record ids; random UUIDs by default. Tests pass a predictable sequence. */
  readonly newId?: () => string
  /**
   * Told of the red-flag history each write adds, inside the write's own
   * transaction (the audit trail records raised alerts there): if it throws,
   * the answers are not saved either.
   */
  readonly onRedFlagEvents?: (intakeId: string, events: readonly RedFlagEvent[]) => void
}

const DEFAULT_PAGE_SIZE = 50
const MAX_PAGE_SIZE = 200
const UNFINISHED_LIMIT = 50
/** Names are at most 100 characters (spec §1); a longer search cannot match anything. */
const MAX_SEARCH_LENGTH = 100

const NOT_FOUND = 'This intake no longer exists. It may have been discarded.'
const RECOMPUTED_EVALUATION =
  'The evaluation shown was worked out again from the answers that could be read, under the current rules; it may differ from the one the clinician saw at submission.'
const ALREADY_SUBMITTED = 'This intake has already been submitted and can no longer be changed.'

/**
 * Creates the intake service over an open, migrated database.
 *
 * Every method returns a promise and rejects with a `ServiceError` for an
 * expected failure; SQLite errors are translated so no SQL reaches the caller.
 */
export function createSqliteIntakeService(
  db: Database,
  options: SqliteIntakeServiceOptions
): IntakeService {
  const intakes = createIntakeRepository(db)
  const patients = createPatientRepository(db)
  const history = createRedFlagEventRepository(db)
  const triage = createTriageRepository(db)
  const newId = options.newId ?? randomUUID
  const appendHistory = (intakeId: string, events: readonly RedFlagEvent[]): void => {
    history.append(intakeId, events)
    if (events.length > 0) options.onRedFlagEvents?.(intakeId, events)
  }

  const clock = (): { readonly timestamp: string; readonly today: string } => {
    const now = options.now()
    return { timestamp: now.toISOString(), today: todayIso(now) }
  }

  /**
   * The red-flag history one save adds (answer changes, then the alerts they
   * raised), from the answers stored before it and the answers it stores.
   * Evaluated on the same day as the new answers, so a change of date never
   * passes for a raised alert.
   */
  const historyOfSave = (
    before: IntakeAnswers | null,
    after: IntakeAnswers,
    evaluation: IntakeEvaluation,
    stamp: SaveStamp
  ): RedFlagEvent[] => {
    // With no flag now, nothing can have been raised: skip evaluating the old answers.
    const previous =
      before === null || evaluation.flags.length === 0
        ? null
        : evaluateIntake(before, { asOf: stamp.today })
    return redFlagEvents(redFlagChanges(before ?? {}, after), alertsRaised(previous, evaluation), {
      at: stamp.at,
      by: stamp.by
    })
  }

  /**
   * Each write of answers reads the answers it replaces and writes the row and
   * its red-flag history together: a failed write leaves neither. IMMEDIATE
   * takes the write lock up front, so the read and the writes see the same
   * database.
   */
  const createTransaction = db.transaction(
    (draft: NewDraft, events: readonly RedFlagEvent[]): StoredWithHistory => {
      const stored = intakes.insertDraft(draft)
      appendHistory(stored.id, events)
      return { stored, redFlagHistory: history.listForIntake(stored.id) }
    }
  )

  const saveTransaction = db.transaction(
    (
      id: string,
      answers: IntakeAnswers,
      evaluation: IntakeEvaluation,
      stamp: SaveStamp
    ): DraftSaved => {
      const previous = intakes.findById(id)
      if (previous === null || previous.status !== 'draft') {
        throw refusedChange(previous?.status ?? null)
      }
      const saved = intakes.updateDraft({
        id,
        answers,
        concern: evaluation.concern,
        now: stamp.at
      })
      if (saved === null) throw refusedChange(intakes.findStatus(id))
      appendHistory(id, historyOfSave(previous.answers, answers, evaluation, stamp))
      return saved
    }
  )

  /** Submission also writes the patient: if anything fails, nothing is kept. */
  const submitTransaction = db.transaction(
    (
      id: string,
      answers: IntakeAnswers,
      evaluation: IntakeEvaluation,
      stamp: SaveStamp
    ): StoredWithHistory => {
      const previous = intakes.findById(id)
      if (previous === null || previous.status !== 'draft') {
        throw refusedChange(previous?.status ?? null)
      }
      const patient = patients.findOrCreate(patientDetails(answers), { now: stamp.at, newId })
      const stored = intakes.markSubmitted({
        id,
        patientId: patient.id,
        formVersion: FORM_VERSION,
        answers,
        evaluation,
        now: stamp.at
      })
      if (stored === null) throw refusedChange(intakes.findStatus(id))
      appendHistory(id, historyOfSave(previous.answers, answers, evaluation, stamp))
      return { stored, redFlagHistory: history.listForIntake(id) }
    }
  )

  /**
   * The row, its history and its triage decisions read in one transaction,
   * so they agree (a decision recorded meanwhile is in all or none).
   */
  const readTransaction = db.transaction(
    (id: string): (StoredWithHistory & { readonly triage: StoredTriage }) | null => {
      const stored = intakes.findById(id)
      if (stored === null) return null
      return { stored, redFlagHistory: history.listForIntake(id), triage: triage.listForIntake(id) }
    }
  )

  const service: IntakeService = {
    createDraft: (input, actor) =>
      run(() => {
        const entryMode = checkEntryMode(input.entryMode)
        const by = checkActor(actor)
        const { timestamp, today } = clock()
        const answers = validated(input.answers, 'draft', today)
        const evaluation = evaluateIntake(answers, { asOf: today })
        const events = historyOfSave(null, answers, evaluation, { today, at: timestamp, by })
        const { stored, redFlagHistory } = createTransaction.immediate(
          {
            id: newId(),
            entryMode,
            formVersion: FORM_VERSION,
            answers,
            concern: evaluation.concern,
            now: timestamp
          },
          events
        )
        return toRecord(stored, evaluation, redFlagHistory)
      }),

    saveDraft: (input, actor) =>
      run(() => {
        // As for submit: "already submitted" matters more than a field problem.
        const status = intakes.findStatus(input.id)
        if (status !== 'draft') throw refusedChange(status)
        const by = checkActor(actor)
        const { timestamp, today } = clock()
        const answers = validated(input.answers, 'draft', today)
        // The live concern is stored with the draft so an emergency answer in a
        // form nobody finished still sorts and shows as an emergency in the lists.
        const evaluation = evaluateIntake(answers, { asOf: today })
        return saveTransaction.immediate(input.id, answers, evaluation, {
          today,
          at: timestamp,
          by
        })
      }),

    submit: (input, actor) =>
      run(() => {
        // Refuse a missing or already-submitted intake before judging the answers:
        // "already submitted" is what the person needs to hear, not a list of fields.
        const status = intakes.findStatus(input.id)
        if (status !== 'draft') throw refusedChange(status)
        const by = checkActor(actor)
        const { timestamp, today } = clock()
        const answers = validated(input.answers, 'submit', today)
        const evaluation = evaluateIntake(answers, { asOf: today })
        const { stored, redFlagHistory } = submitTransaction.immediate(
          input.id,
          answers,
          evaluation,
          { today, at: timestamp, by }
        )
        return toRecord(stored, evaluation, redFlagHistory)
      }),

    get: (id) =>
      run(() => {
        const found = readTransaction(id)
        if (found === null) throw new ServiceError('not-found', NOT_FOUND)
        const { redFlagHistory } = found
        const stored = withTriageProblems(found.stored, found.triage)
        const decisions = found.triage.versions
        if (stored.status === 'submitted') {
          if (stored.evaluation === null) {
            // The snapshot is unreadable: show the record anyway (the repository
            // has listed it as damaged), with the readable answers evaluated as
            // on the day of submission, and say that this is not the snapshot.
            return toRecord(
              { ...stored, problems: [...(stored.problems ?? []), RECOMPUTED_EVALUATION] },
              evaluateIntake(stored.answers, { asOf: submissionDay(stored) ?? clock().today }),
              redFlagHistory,
              null,
              decisions
            )
          }
          return toRecord(
            stored,
            stored.evaluation,
            redFlagHistory,
            currentRulesReading(stored, stored.evaluation),
            decisions
          )
        }
        return toRecord(
          stored,
          evaluateIntake(stored.answers, { asOf: clock().today }),
          redFlagHistory
        )
      }),

    list: (query) => run(() => intakes.list(listRequest(query))),

    listUnfinished: () =>
      run(() =>
        intakes.listUnfinished(UNFINISHED_LIMIT).map(({ summary, answers }) => ({
          ...summary,
          furthestSection: furthestSectionAnswered(answers)
        }))
      ),

    listSubmittedOn: (date) =>
      run(() => {
        const bounds = localDayBounds(date)
        return intakes.listSubmittedBetween(bounds.from, bounds.to)
      }),

    discardDraft: (id) =>
      run(() => {
        if (!intakes.deleteDraft(id)) {
          const status = intakes.findStatus(id)
          if (status === null) throw new ServiceError('not-found', NOT_FOUND)
          throw new ServiceError(
            'conflict',
            'A submitted intake is part of the clinical record and cannot be discarded.'
          )
        }
      })
  }
  return service
}

/**
 * Runs the synchronous SQLite work and settles a promise with its outcome, so
 * a thrown error becomes a rejection (never a synchronous throw from an
 * async-looking method) and SQLite errors become `ServiceError`s.
 */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(mapSqliteError(error))
  }
}

function validated(input: unknown, mode: 'draft' | 'submit', today: string): IntakeAnswers {
  const result = validateAnswers(input, { mode, asOf: today })
  if (result.ok) return result.answers
  const message =
    mode === 'submit'
      ? 'The intake cannot be submitted yet: some answers are missing or not valid.'
      : 'Some answers are not valid, so the draft was not saved.'
  throw new ServiceError('invalid-argument', message, { issues: result.issues })
}

function checkEntryMode(value: unknown): EntryMode {
  if (value === 'staff' || value === 'patient') return value
  throw new ServiceError('invalid-argument', 'The entry mode must be "staff" or "patient".')
}

/** The history names who made each change; a call without a known role writes nothing. */
function checkActor(value: unknown): RedFlagActor {
  if (value === 'staff' || value === 'patient') return value
  throw new ServiceError('invalid-argument', 'The caller must be "staff" or "patient".')
}

/** The error for a change refused because the intake is not (or no longer) a draft. */
function refusedChange(status: IntakeStatus | null): ServiceError {
  return status === null
    ? new ServiceError('not-found', NOT_FOUND)
    : new ServiceError('conflict', ALREADY_SUBMITTED)
}

function listRequest(query: ListIntakesQuery): IntakeListRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ServiceError(
      'invalid-argument',
      `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`
    )
  }
  const status = query.status
  if (status !== undefined && status !== 'draft' && status !== 'submitted') {
    throw new ServiceError('invalid-argument', 'The status filter must be "draft" or "submitted".')
  }
  const search = query.search?.trim()
  if (search !== undefined && search.length > MAX_SEARCH_LENGTH) {
    throw new ServiceError(
      'invalid-argument',
      `The search text can be at most ${MAX_SEARCH_LENGTH} characters.`
    )
  }
  let after: ListPosition | undefined
  if (query.cursor !== undefined) {
    after = decodeListCursor(query.cursor) ?? undefined
    if (after === undefined) {
      throw new ServiceError(
        'invalid-argument',
        'The list position is not valid; reload the list from the start.'
      )
    }
  }
  return {
    limit,
    ...(status === undefined ? {} : { status }),
    ...(search === undefined || search === '' ? {} : { search }),
    ...(after === undefined ? {} : { after })
  }
}

/** What the patient record needs from submitted answers (all three identity items are required to submit). */
function patientDetails(answers: IntakeAnswers): PatientDetails {
  const text = (itemId: string): string | undefined => {
    const value = answers[itemId]
    return typeof value === 'string' ? value : undefined
  }
  const givenName = text('patient.givenName')
  const familyName = text('patient.familyName')
  const dateOfBirth = text('patient.dateOfBirth')
  if (givenName === undefined || familyName === undefined || dateOfBirth === undefined) {
    // Submission validation requires all three; reaching here is a bug, not user input.
    throw new Error('Submitted answers lack the patient identity.')
  }
  const sex = text('patient.sex')
  const phone = text('patient.phone')
  const email = text('patient.email')
  const preferredLanguage = text('patient.preferredLanguage')
  return {
    givenName,
    familyName,
    dateOfBirth,
    ...(sex === undefined ? {} : { sex }),
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(preferredLanguage === undefined ? {} : { preferredLanguage })
  }
}

/**
 * A snapshot from older rules read again under today's, on the day it was
 * submitted (the clinic's local date) so the age is the one it had then. Only
 * computed when the versions differ: the same rules on the same day agree.
 */
function currentRulesReading(
  stored: StoredIntake,
  snapshot: IntakeEvaluation
): CurrentRulesReading | null {
  const asOf = submissionDay(stored)
  if (snapshot.rulesVersion === RULES_VERSION || asOf === null) return null
  const evaluation = evaluateIntake(stored.answers, { asOf })
  return {
    rulesVersion: evaluation.rulesVersion,
    evaluation,
    differences: ruleDifferences(snapshot, evaluation)
  }
}

/**
 * The clinic's local date of the submission, or null for a draft or a
 * submission time too damaged to read (which the record then reports).
 */
function submissionDay(stored: StoredIntake): string | null {
  if (stored.submittedAt === null) return null
  const at = new Date(stored.submittedAt)
  return Number.isNaN(at.getTime()) ? null : todayIso(at)
}

/** One save: its local date (for evaluation), its time and who made it (for the history). */
interface SaveStamp {
  readonly today: string
  readonly at: string
  readonly by: RedFlagActor
}

/** A stored intake with its red-flag history, read or written together. */
interface StoredWithHistory {
  readonly stored: StoredIntake
  readonly redFlagHistory: readonly RedFlagEvent[]
}

/**
 * A triage decision that failed its checks makes the whole record read as
 * damaged (it is left out of the versions, and the warning says the
 * current decision may not be the latest), never silently skipped.
 */
function withTriageProblems(stored: StoredIntake, triage: StoredTriage): StoredIntake {
  if (triage.problems.length === 0) return stored
  return { ...stored, problems: [...(stored.problems ?? []), ...triage.problems] }
}

function toRecord(
  stored: StoredIntake,
  evaluation: IntakeEvaluation,
  redFlagHistory: readonly RedFlagEvent[],
  currentRules: CurrentRulesReading | null = null,
  triage: readonly TriageVersion[] = []
): IntakeRecord {
  return {
    id: stored.id,
    status: stored.status,
    formVersion: stored.formVersion,
    answers: stored.answers,
    evaluation,
    currentRules,
    redFlagHistory,
    // A draft, or an intake just submitted, has no decision yet.
    triage,
    patientId: stored.patientId,
    revision: stored.revision,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    submittedAt: stored.submittedAt,
    // Only on damaged records, so an intact one is exactly the shape it always was.
    ...(stored.problems === undefined ? {} : { damage: { problems: stored.problems } })
  }
}
