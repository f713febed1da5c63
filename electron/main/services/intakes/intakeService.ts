/**
 * The intake rules, in one place and independent of storage: what is
 * validated with which rules, when the evaluation is computed and frozen,
 * which status changes are allowed, who the patient is, and that every write
 * is based on the revision the caller saw. Storage is an {@link IntakeStore}
 * (the local SQLite database today; a clinic server can stand behind the same
 * interface), and the service's tests run as one suite against that
 * interface.
 *
 * Expected failures reject with a `ServiceError`: `not-found`, `conflict` (the
 * intake is no longer a draft, or it changed since the caller's revision),
 * `invalid-argument` (with per-item `issues` when answers are refused) and
 * `storage`.
 */
import { randomUUID } from 'node:crypto'
import {
  alertsRaised,
  applyAmendment,
  AMENDMENT_REASON_MAX_LENGTH,
  catalogueItem,
  evaluateAnswers,
  FOLLOW_UP_IDENTITY_ITEMS,
  FORM_VERSION,
  furthestSectionAnswered,
  isControlExceptLineFeed,
  isIsoDate,
  itemInForm,
  NAME_MAX_LENGTH,
  redFlagChanges,
  redFlagEvents,
  ruleDifferences,
  RULES_VERSION,
  todayIso,
  validateAnswers,
  visitOf,
  type AmendmentInput,
  type CurrentRulesReading,
  type DraftSaved,
  type EntryMode,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakeKind,
  type IntakePage,
  type IntakeRecord,
  type IntakeSummary,
  type ListIntakesQuery,
  type PatientVisit,
  type RedFlagActor,
  type RedFlagEvent,
  type ReturningPatient,
  type ReturningPatientQuery,
  type UnfinishedIntake
} from '../../../../src/domain'
import { decodeListCursor, type ListPosition } from '../database/listCursor'
import { identityKey } from '../database/nameKeys'
import { ServiceError } from '../serviceError'
import { localDayBounds } from '../review/localDays'
import {
  isStale,
  type IntakeListRequest,
  type IntakeSnapshot,
  type IntakeStore,
  type PatientDetails,
  type PatientIdentity,
  type PatientLink,
  type StaleWrite,
  type StoredIntake,
  type StoredPatient
} from './intakeStore'

/** The member of staff behind a write that needs a name (an amendment, a confirmed match). */
export interface StaffAuthor {
  readonly id: string
  readonly name: string
}

export interface IntakeService {
  /**
   * Starts a draft of the whole intake with whatever has been answered so far
   * (possibly nothing). `actor` (here and below) is the role of the call,
   * which the red-flag history records against each red-flag answer change
   * and raised alert, written in the same write as the answers.
   */
  createDraft(
    input: { answers: IntakeAnswers; entryMode: EntryMode },
    actor: RedFlagActor
  ): Promise<IntakeRecord>
  /** Known patients with this name and date of birth, for staff to confirm one. */
  findReturningPatients(query: ReturningPatientQuery): Promise<readonly ReturningPatient[]>
  /**
   * Starts a follow-up draft for a patient staff confirmed: the short form,
   * with the patient's name and date of birth filled in from their record.
   */
  startFollowUp(
    input: { patientId: string; entryMode: EntryMode },
    confirmedBy: StaffAuthor
  ): Promise<IntakeRecord>
  /**
   * Replaces a draft's answers (validated with draft rules for its kind),
   * refreshes its live concern and bumps its revision. A submitted intake, or
   * a draft saved by someone else since `revision`, is a `conflict`.
   */
  saveDraft(
    input: { id: string; revision: number; answers: IntakeAnswers },
    actor: RedFlagActor
  ): Promise<DraftSaved>
  /**
   * Validates with submission rules and, in one write, links the patient
   * (found or created; the confirmed one for a follow-up), stores the answers
   * and the evaluation computed now as a snapshot. Submitting twice, or a
   * draft changed since `revision`, is a `conflict`.
   */
  submit(
    input: { id: string; revision: number; answers: IntakeAnswers },
    actor: RedFlagActor
  ): Promise<IntakeRecord>
  /**
   * Corrects a submitted intake field by field with a reason: the answers
   * are validated again with submission rules, the evaluation is worked out
   * again on the day it was submitted, and the amendment keeps the answers and
   * the evaluation it replaced. A record changed since `revision` is a `conflict`.
   */
  amend(input: AmendmentInput, by: StaffAuthor): Promise<IntakeRecord>
  /**
   * One intake: a draft with a fresh evaluation, a submitted one with its
   * snapshot (the amended one after an amendment); with the whole red-flag
   * history, triage, amendments and the patient's visits (staff see them; the
   * caller hides them from the patient).
   */
  get(id: string): Promise<IntakeRecord>
  /** One page of intakes, newest first, optionally filtered by status and name prefix. */
  list(query: ListIntakesQuery): Promise<IntakePage>
  /** Drafts not yet submitted, highest concern first, at most 50. */
  listUnfinished(): Promise<readonly UnfinishedIntake[]>
  /**
   * The intakes submitted on one calendar day (`YYYY-MM-DD`) of this
   * computer's clock, from midnight to midnight local time, in the order they
   * were submitted. A date that is not a real day is an `invalid-argument`.
   */
  listSubmittedOn(date: string): Promise<readonly IntakeSummary[]>
  /** Deletes a draft. A submitted intake is a `conflict`: clinical records are not deleted. */
  discardDraft(id: string): Promise<void>
}

export interface IntakeServiceOptions {
  /** The clock: timestamps (UTC) and "today" for validation and age (local date). */
  readonly now: () => Date
  /** New record ids; random UUIDs by default. Tests pass a predictable sequence. */
  readonly newId?: () => string
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
const DRAFT_CHANGED_ELSEWHERE =
  'This intake was saved from another window or device since this one last saved it, so these answers were not saved over it. Open the latest version to see what changed.'
const RECORD_CHANGED_ELSEWHERE =
  'This record was changed by someone else since you opened it, so your amendment was not saved over theirs. Reload the record and make the change again.'
const PATIENT_NOT_FOUND = 'That patient could not be found. Search again by name and date of birth.'

export function createIntakeService(
  store: IntakeStore,
  options: IntakeServiceOptions
): IntakeService {
  const newId = options.newId ?? randomUUID

  const clock = (): { readonly timestamp: string; readonly today: string } => {
    const now = options.now()
    return { timestamp: now.toISOString(), today: todayIso(now) }
  }

  /** Reads an intake or fails with `not-found`. */
  const readOrFail = async (id: string): Promise<IntakeSnapshot> => {
    const found = await store.read(id)
    if (found === null) throw new ServiceError('not-found', NOT_FOUND)
    return found
  }

  /** The error for a write the store refused because the row moved on. */
  const staleError = (outcome: StaleWrite, changedElsewhere: string): ServiceError => {
    if (outcome.current === null) return new ServiceError('not-found', NOT_FOUND)
    return new ServiceError('conflict', changedElsewhere, {
      currentRevision: outcome.current.revision
    })
  }

  /** A draft the caller may still change, at the revision they saw. */
  const draftAt = async (id: string, revision: number): Promise<IntakeSnapshot> => {
    const found = await readOrFail(id)
    if (found.stored.status !== 'draft') throw new ServiceError('conflict', ALREADY_SUBMITTED)
    if (found.stored.revision !== revision) {
      throw staleError(
        { stale: true, current: { status: 'draft', revision: found.stored.revision } },
        DRAFT_CHANGED_ELSEWHERE
      )
    }
    return found
  }

  const visitsOf = async (snapshot: IntakeSnapshot): Promise<readonly PatientVisit[]> => {
    const patientId = snapshot.stored.patientId ?? snapshot.followUp?.patientId ?? null
    if (patientId === null) return []
    const visits = await store.listVisits(patientId)
    return visits.flatMap((visit) =>
      visit.evaluation === null ? [] : [visitOf(visit, visit.evaluation, visit.answers)]
    )
  }

  const recordOf = async (snapshot: IntakeSnapshot): Promise<IntakeRecord> => {
    const stored = withProblems(snapshot.stored, snapshot.problems)
    const visits = await visitsOf(snapshot)
    const base = { snapshot, visits }
    if (stored.status !== 'submitted') {
      const evaluation = evaluateAnswers(stored.answers, {
        asOf: clock().today,
        kind: snapshot.kind
      })
      return toRecord(base, stored, evaluation, null)
    }
    if (stored.evaluation === null) {
      // The snapshot is unreadable: show the record anyway (the store has
      // listed it as damaged), with the readable answers evaluated as on the
      // day of submission, and say that this is not the snapshot.
      return toRecord(
        base,
        { ...stored, problems: [...(stored.problems ?? []), RECOMPUTED_EVALUATION] },
        evaluateAnswers(stored.answers, {
          asOf: submissionDay(stored) ?? clock().today,
          kind: snapshot.kind
        }),
        null
      )
    }
    return toRecord(
      base,
      stored,
      stored.evaluation,
      currentRulesReading(stored, stored.evaluation, snapshot.kind)
    )
  }

  /** The draft's history for one save: answer changes, then the alerts they raised. */
  const historyOf = (
    before: IntakeAnswers | null,
    after: IntakeAnswers,
    evaluation: IntakeEvaluation,
    stamp: SaveStamp
  ): RedFlagEvent[] => {
    // With no flag now, nothing can have been raised: skip evaluating the old answers.
    const previous =
      before === null || evaluation.flags.length === 0
        ? null
        : evaluateAnswers(before, { asOf: stamp.today, kind: stamp.kind })
    return redFlagEvents(redFlagChanges(before ?? {}, after), alertsRaised(previous, evaluation), {
      at: stamp.at,
      by: stamp.by
    })
  }

  const newDraft = async (
    answers: IntakeAnswers,
    entryMode: EntryMode,
    by: RedFlagActor,
    kind: IntakeKind,
    followUp: IntakeSnapshot['followUp']
  ): Promise<IntakeRecord> => {
    const { timestamp, today } = clock()
    const evaluation = evaluateAnswers(answers, { asOf: today, kind })
    const created = await store.insertDraft({
      id: newId(),
      entryMode,
      formVersion: FORM_VERSION,
      answers,
      concern: evaluation.concern,
      now: timestamp,
      followUp,
      events: historyOf(null, answers, evaluation, { today, at: timestamp, by, kind })
    })
    return recordOf(created)
  }

  /**
   * A save or submission of a draft, worked out before anything is written:
   * the draft as the caller saw it ("already submitted" and "changed
   * elsewhere" matter more than a field problem, so they are checked first),
   * the answers validated for its kind, their evaluation and the red-flag
   * history they add.
   */
  const draftChange = async (
    input: { readonly id: string; readonly revision: number; readonly answers: IntakeAnswers },
    actor: RedFlagActor,
    mode: 'draft' | 'submit'
  ): Promise<{
    readonly current: IntakeSnapshot
    readonly answers: IntakeAnswers
    readonly evaluation: IntakeEvaluation
    readonly timestamp: string
    readonly events: readonly RedFlagEvent[]
  }> => {
    const current = await draftAt(input.id, input.revision)
    const by = checkActor(actor)
    const { timestamp, today } = clock()
    const answers = validated(keepIdentity(current, input.answers), mode, today, current.kind)
    const evaluation = evaluateAnswers(answers, { asOf: today, kind: current.kind })
    const events = historyOf(current.stored.answers, answers, evaluation, {
      today,
      at: timestamp,
      by,
      kind: current.kind
    })
    return { current, answers, evaluation, timestamp, events }
  }

  const service: IntakeService = {
    createDraft: (input, actor) =>
      settle(async () => {
        const entryMode = checkEntryMode(input.entryMode)
        const by = checkActor(actor)
        const answers = validated(input.answers, 'draft', clock().today, 'initial')
        return newDraft(answers, entryMode, by, 'initial', null)
      }),

    findReturningPatients: (query) =>
      settle(async () => {
        const identity = identityOf(checkedIdentity(query))
        const patients = await store.findPatients(identity)
        return patients.flatMap((patient) => returning(patient))
      }),

    startFollowUp: (input, confirmedBy) =>
      settle(async () => {
        const entryMode = checkEntryMode(input.entryMode)
        const patient = await store.findPatient(input.patientId)
        if (patient === null) throw new ServiceError('not-found', PATIENT_NOT_FOUND)
        if (patient.lastVisit === null) {
          throw new ServiceError(
            'conflict',
            'This patient has no submitted intake yet, so there is nothing to follow up: start a new intake.'
          )
        }
        const answers = validated(
          {
            'patient.givenName': patient.givenName,
            'patient.familyName': patient.familyName,
            'patient.dateOfBirth': patient.dateOfBirth,
            ...(patient.preferredLanguage === null
              ? {}
              : { 'patient.preferredLanguage': patient.preferredLanguage })
          },
          'draft',
          clock().today,
          'follow-up'
        )
        return newDraft(answers, entryMode, 'staff', 'follow-up', {
          patientId: patient.id,
          previousIntakeId: patient.lastVisit.intakeId,
          confirmedBy: { id: confirmedBy.id, name: confirmedBy.name }
        })
      }),

    saveDraft: (input, actor) =>
      settle(async () => {
        const change = await draftChange(input, actor, 'draft')
        // The live concern is stored with the draft so an emergency answer in a
        // form nobody finished still sorts and shows as an emergency in the lists.
        const outcome = await store.saveDraft({
          id: input.id,
          expectedRevision: input.revision,
          answers: change.answers,
          concern: change.evaluation.concern,
          now: change.timestamp,
          events: change.events
        })
        if (isStale(outcome)) throw staleOrSubmitted(outcome)
        return outcome
      }),

    submit: (input, actor) =>
      settle(async () => {
        const { current, answers, evaluation, timestamp, events } = await draftChange(
          input,
          actor,
          'submit'
        )
        const outcome = await store.submit({
          id: input.id,
          expectedRevision: input.revision,
          formVersion: FORM_VERSION,
          answers,
          evaluation,
          patient:
            current.followUp === null
              ? identityLink(answers)
              : { kind: 'confirmed', patientId: current.followUp.patientId },
          now: timestamp,
          events
        })
        if (isStale(outcome)) throw staleOrSubmitted(outcome)
        return recordOf(outcome)
      }),

    amend: (input, by) =>
      settle(async () => {
        const reason = checkedReason(input.reason)
        const current = await readOrFail(input.id)
        const { stored } = current
        if (stored.status !== 'submitted') {
          throw new ServiceError(
            'conflict',
            'Only a submitted intake is amended; a draft is simply changed and saved.'
          )
        }
        if (stored.problems !== undefined || current.problems.length > 0) {
          throw new ServiceError(
            'conflict',
            'This record failed its checks, so it cannot be amended: restore a backup or re-enter it.'
          )
        }
        if (stored.revision !== input.revision) {
          throw staleError(
            { stale: true, current: { status: 'submitted', revision: stored.revision } },
            RECORD_CHANGED_ELSEWHERE
          )
        }
        const fieldIssues = input.changes.flatMap(({ itemId }) =>
          catalogueItem(itemId) !== undefined && itemInForm(itemId, current.kind)
            ? []
            : [
                {
                  itemId,
                  code: 'not-in-form' as const,
                  message: `"${itemId}" cannot be amended on this record.`
                }
              ]
        )
        if (current.kind === 'follow-up') {
          for (const { itemId } of input.changes) {
            if (FOLLOW_UP_IDENTITY_ITEMS.includes(itemId)) {
              fieldIssues.push({
                itemId,
                code: 'not-in-form',
                message:
                  'A follow-up takes its name and date of birth from the patient’s first intake: amend that record instead.'
              })
            }
          }
        }
        if (fieldIssues.length > 0) {
          throw new ServiceError('invalid-argument', 'Some of these answers cannot be amended.', {
            issues: fieldIssues
          })
        }
        // Evaluated as on the day of submission, so the age and the dates
        // mean what they meant then, under today's rules.
        const asOf = submissionDay(stored) ?? clock().today
        const answers = validatedAmendment(
          applyAmendment(stored.answers, input.changes).answers,
          asOf,
          current.kind
        )
        // What changed, read from the answers as they will be stored (trimmed,
        // normalised), so a value that only differed in spacing is no change.
        const { changed } = applyAmendment(
          stored.answers,
          input.changes.map(({ itemId }) => ({ itemId, value: answers[itemId] ?? null }))
        )
        if (changed.length === 0) {
          throw new ServiceError(
            'invalid-argument',
            'Nothing would change: every new answer is the same as the one recorded.'
          )
        }
        const evaluation = evaluateAnswers(answers, { asOf, kind: current.kind })
        const evaluationBefore =
          stored.evaluation ?? evaluateAnswers(stored.answers, { asOf, kind: current.kind })
        const { timestamp } = clock()
        const identityChanged = changed.some(({ itemId }) =>
          FOLLOW_UP_IDENTITY_ITEMS.includes(itemId)
        )
        const outcome = await store.amend({
          id: input.id,
          expectedRevision: input.revision,
          answers,
          evaluation,
          patient: identityChanged ? identityLink(answers) : null,
          amendment: {
            reason,
            changes: changed,
            answersBefore: stored.answers,
            evaluationBefore,
            evaluationAfter: evaluation,
            amendedBy: { staffId: by.id, name: by.name },
            amendedAt: timestamp
          }
        })
        if (isStale(outcome)) throw staleError(outcome, RECORD_CHANGED_ELSEWHERE)
        return recordOf(outcome)
      }),

    get: (id) => settle(async () => recordOf(await readOrFail(id))),

    list: (query) => settle(() => store.list(listRequest(query))),

    listUnfinished: () =>
      settle(async () =>
        (await store.listUnfinished(UNFINISHED_LIMIT)).map(({ summary, answers, kind }) => ({
          ...summary,
          kind,
          furthestSection: furthestSectionAnswered(answers)
        }))
      ),

    listSubmittedOn: (date) =>
      settle(() => {
        const bounds = localDayBounds(date)
        return store.listSubmittedBetween(bounds.from, bounds.to)
      }),

    discardDraft: (id) =>
      settle(async () => {
        if (await store.deleteDraft(id)) return
        const state = await store.readState(id)
        if (state === null) throw new ServiceError('not-found', NOT_FOUND)
        throw new ServiceError(
          'conflict',
          'A submitted intake is part of the clinical record and cannot be discarded.'
        )
      })
  }

  /** A draft write refused: submitted meanwhile, or saved by someone else. */
  function staleOrSubmitted(outcome: StaleWrite): ServiceError {
    if (outcome.current?.status === 'submitted') {
      return new ServiceError('conflict', ALREADY_SUBMITTED)
    }
    return staleError(outcome, DRAFT_CHANGED_ELSEWHERE)
  }

  /** The submitted intake's patient, matched on identity or new with a fresh id. */
  function identityLink(answers: IntakeAnswers): PatientLink {
    const details = patientDetails(answers)
    return {
      kind: 'identity',
      identity: identityOf(details),
      details,
      newPatientId: newId()
    }
  }

  return service
}

/**
 * Runs the work and settles a promise with its outcome, so a synchronous
 * throw (a failed check) becomes a rejection like a failed write.
 */
async function settle<T>(work: () => T | Promise<T>): Promise<T> {
  return work()
}

/**
 * The identity a patient is matched on: the same names with different
 * capitalisation are the same person, accents are kept ('Muller' and
 * 'Müller' are different people until staff say otherwise), and the date of
 * birth must be the same.
 */
export function identityOf(details: {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string
}): PatientIdentity {
  return {
    givenNameKey: identityKey(details.givenName),
    familyNameKey: identityKey(details.familyName),
    dateOfBirth: details.dateOfBirth
  }
}

function checkedIdentity(query: ReturningPatientQuery): ReturningPatientQuery {
  const givenName = query.givenName.normalize('NFC').trim()
  const familyName = query.familyName.normalize('NFC').trim()
  const issues: Array<{
    itemId: string
    code: 'required' | 'too-long' | 'invalid-date'
    message: string
  }> = []
  for (const [itemId, value] of [
    ['patient.givenName', givenName],
    ['patient.familyName', familyName]
  ] as const) {
    if (value === '')
      issues.push({ itemId, code: 'required', message: 'Type the name as on the first intake.' })
    else if (
      value.length > NAME_MAX_LENGTH ||
      [...value].some((c) => isControlExceptLineFeed(c.codePointAt(0) ?? 0) || c === '\n')
    ) {
      issues.push({
        itemId,
        code: 'too-long',
        message: `A name is at most ${NAME_MAX_LENGTH} characters of text.`
      })
    }
  }
  if (!isIsoDate(query.dateOfBirth)) {
    issues.push({
      itemId: 'patient.dateOfBirth',
      code: 'invalid-date',
      message: 'Type the date of birth as a real date (year, month, day).'
    })
  }
  if (issues.length > 0) {
    throw new ServiceError(
      'invalid-argument',
      'Type the patient’s name and date of birth to find them.',
      {
        issues
      }
    )
  }
  return { givenName, familyName, dateOfBirth: query.dateOfBirth }
}

function returning(patient: StoredPatient): ReturningPatient[] {
  if (patient.lastVisit === null) return []
  return [
    {
      patientId: patient.id,
      givenName: patient.givenName,
      familyName: patient.familyName,
      dateOfBirth: patient.dateOfBirth,
      visitCount: patient.visitCount,
      lastVisitAt: patient.lastVisit.submittedAt,
      lastIntakeId: patient.lastVisit.intakeId
    }
  ]
}

/**
 * A follow-up's name and date of birth are the confirmed patient's: whatever
 * a caller sends for them, the draft keeps its own.
 */
function keepIdentity(current: IntakeSnapshot, answers: IntakeAnswers): IntakeAnswers {
  if (current.kind !== 'follow-up') return answers
  const kept: Record<string, IntakeAnswers[string]> = { ...answers }
  for (const itemId of FOLLOW_UP_IDENTITY_ITEMS) {
    const value = current.stored.answers[itemId]
    if (value === undefined) delete kept[itemId]
    else kept[itemId] = value
  }
  return kept
}

function checkedReason(value: string): string {
  const reason = value.normalize('NFC').trim()
  if (reason === '') {
    throw new ServiceError('invalid-argument', 'Say why the record is amended.', {
      issues: [{ itemId: 'reason', code: 'required', message: 'Give a reason for the amendment.' }]
    })
  }
  if (reason.length > AMENDMENT_REASON_MAX_LENGTH) {
    throw new ServiceError('invalid-argument', 'The reason is too long.', {
      issues: [
        {
          itemId: 'reason',
          code: 'too-long',
          message: `A reason is at most ${AMENDMENT_REASON_MAX_LENGTH} characters.`
        }
      ]
    })
  }
  for (const character of reason) {
    if (isControlExceptLineFeed(character.codePointAt(0) ?? 0)) {
      throw new ServiceError('invalid-argument', 'The reason holds a character that is not text.')
    }
  }
  return reason
}

function validated(
  input: unknown,
  mode: 'draft' | 'submit',
  today: string,
  kind: IntakeKind
): IntakeAnswers {
  const result = validateAnswers(input, { mode, asOf: today, kind })
  if (result.ok) return result.answers
  const message =
    mode === 'submit'
      ? 'The intake cannot be submitted yet: some answers are missing or not valid.'
      : 'Some answers are not valid, so the draft was not saved.'
  throw new ServiceError('invalid-argument', message, { issues: result.issues })
}

function validatedAmendment(input: IntakeAnswers, asOf: string, kind: IntakeKind): IntakeAnswers {
  const result = validateAnswers(input, { mode: 'submit', asOf, kind })
  if (result.ok) return result.answers
  throw new ServiceError(
    'invalid-argument',
    'The amended record would not be complete and valid, so it was not saved.',
    { issues: result.issues }
  )
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
  snapshot: IntakeEvaluation,
  kind: IntakeKind
): CurrentRulesReading | null {
  const asOf = submissionDay(stored)
  if (snapshot.rulesVersion === RULES_VERSION || asOf === null) return null
  const evaluation = evaluateAnswers(stored.answers, { asOf, kind })
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

/** One save: its local date (for evaluation), its time, who made it and which form. */
interface SaveStamp {
  readonly today: string
  readonly at: string
  readonly by: RedFlagActor
  readonly kind: IntakeKind
}

/**
 * Triage or amendment rows that failed their checks make the whole record
 * read as damaged, never silently skipped.
 */
function withProblems(stored: StoredIntake, problems: readonly string[]): StoredIntake {
  if (problems.length === 0) return stored
  return { ...stored, problems: [...(stored.problems ?? []), ...problems] }
}

function toRecord(
  base: { readonly snapshot: IntakeSnapshot; readonly visits: readonly PatientVisit[] },
  stored: StoredIntake,
  evaluation: IntakeEvaluation,
  currentRules: CurrentRulesReading | null
): IntakeRecord {
  const { snapshot, visits } = base
  return {
    id: stored.id,
    status: stored.status,
    kind: snapshot.kind,
    followUp: snapshot.followUp,
    formVersion: stored.formVersion,
    answers: stored.answers,
    evaluation,
    currentRules,
    redFlagHistory: snapshot.redFlagHistory,
    // A draft, or an intake just submitted, has no decision yet.
    triage: stored.status === 'submitted' ? snapshot.triage : [],
    amendments: snapshot.amendments.map((amendment) => ({
      version: amendment.version,
      reason: amendment.reason,
      changes: amendment.changes,
      amendedBy: amendment.amendedBy,
      amendedAt: amendment.amendedAt,
      concernBefore: amendment.evaluationBefore.concern,
      concernAfter: amendment.evaluationAfter.concern,
      evaluationBefore: amendment.evaluationBefore,
      evaluationAfter: amendment.evaluationAfter
    })),
    visits,
    patientId: stored.patientId,
    revision: stored.revision,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    submittedAt: stored.submittedAt,
    // Only on damaged records, so an intact one is exactly the shape it always was.
    ...(stored.problems === undefined ? {} : { damage: { problems: stored.problems } })
  }
}
