/**
 * SQL for the `intakes` table, and the one place where its snake_case rows
 * become the domain's shapes. Business rules (validation, evaluation, who may
 * change what) live in the intake service; this module only stores and reads.
 */
import type { Database, Statement } from 'better-sqlite3'
import {
  catalogueItem,
  concernRank,
  validateAnswers,
  type ConcernLevel,
  type DraftSaved,
  type EntryMode,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakePage,
  type IntakeStatus,
  type IntakeSummary
} from '../../../../src/domain'
import { ServiceError } from '../serviceError'
import { contentDigest, rowDigest, SEALED_ROW_COLUMNS, type SealedRowFields } from './intakeDigest'
import { encodeListCursor, type ListPosition } from './listCursor'
import { prefixUpperBound, searchKey } from './nameKeys'
import { isConcernLevel, oneOf, parseStoredAnswers, parseStoredEvaluation } from './storedJson'

/**
 * An intake as stored: the record minus a draft's evaluation, which is computed on read.
 *
 * A row that fails its checks on read (its check values, its answers against
 * the catalogue, its snapshot's shape) is still returned, never repaired:
 * `answers` holds only the answers that could be read, and `problems` says
 * in plain words what is wrong, so staff see the damage and what is left.
 */
export interface StoredIntake {
  readonly id: string
  readonly status: IntakeStatus
  readonly entryMode: EntryMode
  readonly formVersion: number
  /** The stored answers exactly as stored when they are all readable; otherwise the readable ones. */
  readonly answers: IntakeAnswers
  /** The snapshot taken at submission; `null` for drafts, and for a snapshot that cannot be read. */
  readonly evaluation: IntakeEvaluation | null
  readonly patientId: string | null
  readonly concern: ConcernLevel
  readonly revision: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  /** What is wrong with the row; absent when it passed every check. */
  readonly problems?: readonly string[]
}

export interface NewDraft {
  readonly id: string
  readonly entryMode: EntryMode
  readonly formVersion: number
  readonly answers: IntakeAnswers
  /** The live concern of these answers. */
  readonly concern: ConcernLevel
  /** ISO-8601 UTC. */
  readonly now: string
}

export interface DraftChange {
  readonly id: string
  /** The revision the change is based on: a draft saved since is left alone. */
  readonly expectedRevision: number
  readonly answers: IntakeAnswers
  readonly concern: ConcernLevel
  readonly now: string
}

export interface Submission {
  readonly id: string
  readonly expectedRevision: number
  readonly patientId: string
  /** The form the intake was completed with: a draft begun on an older form is submitted on this one. */
  readonly formVersion: number
  readonly answers: IntakeAnswers
  /** Stored as the snapshot; its `concern` is frozen into the row. */
  readonly evaluation: IntakeEvaluation
  readonly now: string
}

/** A submitted intake's corrected answers and evaluation (see the amendments table). */
export interface AmendedIntake {
  readonly id: string
  readonly expectedRevision: number
  readonly patientId: string
  readonly answers: IntakeAnswers
  readonly evaluation: IntakeEvaluation
}

/** A list request whose arguments the service has already checked. */
export interface IntakeListRequest {
  readonly status?: IntakeStatus
  /** Raw text typed by the user; folded here the same way the stored keys were. */
  readonly search?: string
  /** 1..200. */
  readonly limit: number
  /** Start strictly after this row (from a previous page's cursor). */
  readonly after?: ListPosition
}

export interface IntakeRepository {
  /** Inserts a new draft at revision 1 and returns it as stored. */
  insertDraft(draft: NewDraft): StoredIntake
  /**
   * Replaces a draft's answers and live concern and bumps its revision.
   *
   * @returns `null` when there is no draft with that id at the expected
   * revision (absent, submitted, or saved since).
   */
  updateDraft(change: DraftChange): DraftSaved | null
  /**
   * Turns a draft into a submitted intake with its snapshot, in one statement.
   *
   * @returns `null` when there is no draft with that id at the expected revision.
   */
  markSubmitted(submission: Submission): StoredIntake | null
  /**
   * Replaces a submitted intake's answers and evaluation and bumps its
   * revision. `updated_at` stays the submission time: the day's exports find
   * submitted intakes by it, and the amendment row records when it happened.
   *
   * @returns `null` when there is no submitted intake at the expected revision.
   */
  amendSubmitted(change: AmendedIntake): StoredIntake | null
  findById(id: string): StoredIntake | null
  /** The status alone, to tell "absent" from "not a draft" after a refused change. */
  findStatus(id: string): IntakeStatus | null
  /** Status and revision, to say why a write was refused. */
  findState(id: string): { readonly status: IntakeStatus; readonly revision: number } | null
  /** A patient's submitted intakes, oldest first (a handful: one per visit). */
  listSubmittedForPatient(patientId: string): StoredIntake[]
  /** One page, newest first (`updated_at` then `id`, both descending). */
  list(request: IntakeListRequest): IntakePage
  /**
   * Drafts, highest concern first, then the most recently changed, each with
   * its answers (a few dozen at most: drafts are finished or discarded). A
   * draft whose row or answers fail their checks carries `damage` on its
   * summary, with the answers that could be read.
   */
  listUnfinished(limit: number): Array<{ summary: IntakeSummary; answers: IntakeAnswers }>
  /**
   * Submitted intakes whose submission time is in `[from, to)` (ISO-8601 UTC
   * instants, as stored), in the order they were submitted: a day's intakes
   * for its exports.
   */
  listSubmittedBetween(from: string, to: string): IntakeSummary[]
  /** @returns whether a draft was deleted (false when absent or submitted). */
  deleteDraft(id: string): boolean
}

export interface IntakeRepositoryOptions {
  /** Match count from which a name search walks the list index (tests set it to force a plan). */
  readonly denseSearchThreshold?: number
}

/** The columns a summary is made of, with the check values that vouch for them. */
type SummaryRow = Omit<SealedRowFields, 'content_digest'> & {
  content_digest: string | null
  row_digest: string | null
}

/** A whole row: the summary's columns and the stored JSON. */
type IntakeRow = SummaryRow & {
  answers: string
  evaluation: string | null
}

/** The columns copied out of the answers, so lists and search never parse JSON. */
interface Denormalised {
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
  given_name_search: string | null
  family_name_search: string | null
}

// Lists read every column the row digest covers (none of them the answers),
// so each summary is checked without reading the answers.
const SUMMARY_COLUMNS = `${SEALED_ROW_COLUMNS}, content_digest, row_digest`

const INTAKE_COLUMNS = `${SUMMARY_COLUMNS}, answers, evaluation`

const KEYSET = '(updated_at, id) < (@after_updated_at, @after_id)'
const NEWEST_FIRST = 'ORDER BY updated_at DESC, id DESC LIMIT @limit'
const NAME_RANGE = `(
    (given_name_search >= @low AND given_name_search < @high)
    OR (family_name_search >= @low AND family_name_search < @high)
  )`
// The same tests with the name columns wrapped in unary `+`, which stops SQLite
// from using the name indexes for them, so it walks the list index instead.
const NAME_RANGE_UNINDEXED = `(
    (+given_name_search >= @low AND +given_name_search < @high)
    OR (+family_name_search >= @low AND +family_name_search < @high)
  )`
// And the keyset and status with `+`, so the planner looks rows up through the
// two name indexes (MULTI-INDEX OR) rather than walking the list index.
const KEYSET_UNINDEXED = '(+updated_at, +id) < (@after_updated_at, @after_id)'

/**
 * The shapes of the list query. A status filter gets its own statements rather
 * than `(@status IS NULL OR status = @status)`, because the planner cannot use
 * the status index for a condition that may be void.
 *
 * A name search has two plans, chosen per request from a cheap count of the
 * matches ({@link SEARCH_MATCH_PROBE}), because neither is fast for every prefix:
 * - `walk*`: go down the list index newest first and test the names stored in
 *   it, stopping at the page size. Fast when matches are common ('m'), but a
 *   prefix nobody has would read the whole index.
 * - `sparse*`: fetch every match through the two name indexes and sort them.
 *   Fast when matches are few ('okaf'), slow for 'm' at 100,000 rows.
 *
 * Exported so a test can check each one's query plan against the schema.
 */
export const INTAKE_LIST_QUERIES = {
  all: `SELECT ${SUMMARY_COLUMNS} FROM intakes WHERE ${KEYSET} ${NEWEST_FIRST}`,
  byStatus: `SELECT ${SUMMARY_COLUMNS} FROM intakes WHERE status = @status AND ${KEYSET} ${NEWEST_FIRST}`,
  walkAll: `SELECT ${SUMMARY_COLUMNS} FROM intakes WHERE ${NAME_RANGE_UNINDEXED} AND ${KEYSET} ${NEWEST_FIRST}`,
  walkByStatus: `SELECT ${SUMMARY_COLUMNS} FROM intakes
    WHERE ${NAME_RANGE_UNINDEXED} AND status = @status AND ${KEYSET} ${NEWEST_FIRST}`,
  sparseAll: `SELECT ${SUMMARY_COLUMNS} FROM intakes WHERE ${NAME_RANGE} AND ${KEYSET_UNINDEXED} ${NEWEST_FIRST}`,
  sparseByStatus: `SELECT ${SUMMARY_COLUMNS} FROM intakes
    WHERE ${NAME_RANGE} AND +status = @status AND ${KEYSET_UNINDEXED} ${NEWEST_FIRST}`
} as const

/**
 * The intakes submitted in a time range. A submitted intake keeps its
 * `updated_at` equal to its `submitted_at` (an amendment records its own
 * time in the amendments table): the range on `updated_at`
 * lets the (status, updated_at) list index find the rows, and the same range
 * on `submitted_at` keeps the meaning exact should that ever stop being true.
 * Exported so a test can check its query plan.
 */
/**
 * Drafts, highest concern first, then the most recently changed. `INDEXED BY`
 * because the planner otherwise prefers the status index and sorts every
 * draft (measured: 47 ms against well under 1 ms with 100,000 intakes).
 */
export const UNFINISHED_QUERY = `SELECT ${INTAKE_COLUMNS}
  FROM intakes INDEXED BY intakes_unfinished_by_concern WHERE status = 'draft'
  ORDER BY concern_rank DESC, updated_at DESC, id DESC LIMIT ?`

export const SUBMITTED_BETWEEN_QUERY = `SELECT ${SUMMARY_COLUMNS} FROM intakes
  WHERE status = 'submitted' AND updated_at >= @from AND updated_at < @to
    AND submitted_at >= @from AND submitted_at < @to
  ORDER BY updated_at, id`

/**
 * Counts name matches up to `@cap`, reading only the two name indexes. Rows
 * matching on both names count twice: it only has to say "few" or "many".
 */
export const SEARCH_MATCH_PROBE = `SELECT count(*) AS matches FROM (
    SELECT 1 FROM intakes WHERE given_name_search >= @low AND given_name_search < @high
    UNION ALL
    SELECT 1 FROM intakes WHERE family_name_search >= @low AND family_name_search < @high
    LIMIT @cap
  )`

/**
 * From this many matches on, a search walks the list index. Measured at
 * 100,000 intakes: sorting 500 matches costs about 1.5 ms, and with 500 or more
 * matches the walk meets a page of them early enough to cost less.
 */
export const DEFAULT_DENSE_SEARCH_THRESHOLD = 500

/**
 * Before every real row: ISO timestamps start with a digit, and U+10FFFF is the
 * largest character, so "after this position" with it means "from the start".
 * One statement then serves the first page and the following ones.
 */
const FIRST_PAGE: ListPosition = { updatedAt: '\u{10FFFF}', id: '' }

const STATUSES: readonly IntakeStatus[] = ['draft', 'submitted']
const ENTRY_MODES: readonly EntryMode[] = ['staff', 'patient']

/**
 * Creates the repository over an open connection. Statements are prepared
 * once here, so each call only binds and steps.
 */
export function createIntakeRepository(
  db: Database,
  options: IntakeRepositoryOptions = {}
): IntakeRepository {
  // A new row's every column is known here, so it is sealed as it is inserted.
  const insertDraftStatement = db.prepare<[Record<string, unknown>], IntakeRow>(`
    INSERT INTO intakes (
      id, status, entry_mode, form_version, answers, evaluation, concern, concern_rank,
      given_name, family_name, date_of_birth, given_name_search, family_name_search,
      revision, created_at, updated_at, submitted_at, content_digest, row_digest
    ) VALUES (
      @id, @status, @entry_mode, @form_version, @answers, NULL, @concern, @concern_rank,
      @given_name, @family_name, @date_of_birth, @given_name_search, @family_name_search,
      @revision, @created_at, @updated_at, NULL, @content_digest, @row_digest
    )
    RETURNING ${INTAKE_COLUMNS}`)

  // Changes return the whole row as written, and `seal` then stores its check
  // values, in one transaction: the database computes the new revision, so
  // the digest is taken from what it returns rather than recomputed beside it.
  const updateDraftStatement = db.prepare<[Record<string, unknown>], IntakeRow>(`
    UPDATE intakes SET
      answers = @answers, concern = @concern, concern_rank = @concern_rank,
      given_name = @given_name, family_name = @family_name, date_of_birth = @date_of_birth,
      given_name_search = @given_name_search, family_name_search = @family_name_search,
      revision = revision + 1, updated_at = @now
    WHERE id = @id AND status = 'draft' AND revision = @expected_revision
    RETURNING ${INTAKE_COLUMNS}`)

  const sealStatement = db.prepare<[string, string, string]>(
    'UPDATE intakes SET content_digest = ?, row_digest = ? WHERE id = ?'
  )
  /** Stores the check values of a row just written, and returns the row as sealed. */
  const seal = (row: IntakeRow): IntakeRow => {
    const sealed = withCheckValues(row)
    sealStatement.run(sealed.content_digest, sealed.row_digest, row.id)
    return sealed
  }

  const markSubmittedStatement = db.prepare<[Record<string, unknown>], IntakeRow>(`
    UPDATE intakes SET
      status = 'submitted', patient_id = @patient_id, form_version = @form_version,
      answers = @answers, evaluation = @evaluation, concern = @concern, concern_rank = @concern_rank,
      given_name = @given_name, family_name = @family_name, date_of_birth = @date_of_birth,
      given_name_search = @given_name_search, family_name_search = @family_name_search,
      revision = revision + 1, updated_at = @now, submitted_at = @now
    WHERE id = @id AND status = 'draft' AND revision = @expected_revision
    RETURNING ${INTAKE_COLUMNS}`)

  const amendStatement = db.prepare<[Record<string, unknown>], IntakeRow>(`
    UPDATE intakes SET
      patient_id = @patient_id, answers = @answers, evaluation = @evaluation,
      concern = @concern, concern_rank = @concern_rank,
      given_name = @given_name, family_name = @family_name, date_of_birth = @date_of_birth,
      given_name_search = @given_name_search, family_name_search = @family_name_search,
      revision = revision + 1
    WHERE id = @id AND status = 'submitted' AND revision = @expected_revision
    RETURNING ${INTAKE_COLUMNS}`)

  const amendTransaction = db.transaction((change: AmendedIntake): StoredIntake | null => {
    const row = amendStatement.get({
      id: change.id,
      expected_revision: change.expectedRevision,
      patient_id: change.patientId,
      answers: JSON.stringify(change.answers),
      evaluation: JSON.stringify(change.evaluation),
      concern: change.evaluation.concern,
      concern_rank: concernRank(change.evaluation.concern),
      ...denormalise(change.answers)
    })
    return row === undefined ? null : toStoredIntake(seal(row))
  })

  const updateDraftTransaction = db.transaction((change: DraftChange): DraftSaved | null => {
    const row = updateDraftStatement.get({
      id: change.id,
      expected_revision: change.expectedRevision,
      answers: JSON.stringify(change.answers),
      concern: change.concern,
      concern_rank: concernRank(change.concern),
      ...denormalise(change.answers),
      now: change.now
    })
    if (row === undefined) return null
    seal(row)
    return {
      id: row.id,
      revision: row.revision,
      updatedAt: row.updated_at,
      concern: readConcern(row.concern, row.id)
    }
  })

  const markSubmittedTransaction = db.transaction((submission: Submission): StoredIntake | null => {
    const row = markSubmittedStatement.get({
      id: submission.id,
      expected_revision: submission.expectedRevision,
      patient_id: submission.patientId,
      form_version: submission.formVersion,
      answers: JSON.stringify(submission.answers),
      evaluation: JSON.stringify(submission.evaluation),
      concern: submission.evaluation.concern,
      concern_rank: concernRank(submission.evaluation.concern),
      ...denormalise(submission.answers),
      now: submission.now
    })
    return row === undefined ? null : toStoredIntake(seal(row))
  })

  const findByIdStatement = db.prepare<[string], IntakeRow>(
    `SELECT ${INTAKE_COLUMNS} FROM intakes WHERE id = ?`
  )
  const findStatusStatement = db.prepare<[string], { status: string; revision: number }>(
    'SELECT status, revision FROM intakes WHERE id = ?'
  )
  const submittedForPatientStatement = db.prepare<[string], IntakeRow>(
    `SELECT ${INTAKE_COLUMNS} FROM intakes
     WHERE patient_id = ? AND status = 'submitted' ORDER BY submitted_at, id`
  )
  const deleteDraftStatement = db.prepare<[string]>(
    "DELETE FROM intakes WHERE id = ? AND status = 'draft'"
  )

  const listQuery = (sql: string) => db.prepare<[Record<string, unknown>], SummaryRow>(sql)
  const list = {
    all: listQuery(INTAKE_LIST_QUERIES.all),
    byStatus: listQuery(INTAKE_LIST_QUERIES.byStatus),
    walkAll: listQuery(INTAKE_LIST_QUERIES.walkAll),
    walkByStatus: listQuery(INTAKE_LIST_QUERIES.walkByStatus),
    sparseAll: listQuery(INTAKE_LIST_QUERIES.sparseAll),
    sparseByStatus: listQuery(INTAKE_LIST_QUERIES.sparseByStatus)
  }
  // Prepared on first use: it names an index that only exists from schema version 4.
  let unfinishedStatement: Statement<[number], IntakeRow> | null = null
  const submittedBetweenStatement = db.prepare<[Record<string, unknown>], SummaryRow>(
    SUBMITTED_BETWEEN_QUERY
  )
  const probe = db.prepare<[Record<string, unknown>], { matches: number }>(SEARCH_MATCH_PROBE)
  const denseThreshold = options.denseSearchThreshold ?? DEFAULT_DENSE_SEARCH_THRESHOLD

  const chooseStatement = (
    status: IntakeStatus | undefined,
    range: { low: string; high: string } | null
  ) => {
    const byStatus = status !== undefined
    if (range === null) return byStatus ? list.byStatus : list.all
    const matches = probe.get({ ...range, cap: denseThreshold })?.matches ?? 0
    if (matches >= denseThreshold) return byStatus ? list.walkByStatus : list.walkAll
    return byStatus ? list.sparseByStatus : list.sparseAll
  }

  return {
    insertDraft(draft) {
      const row = withCheckValues({
        id: draft.id,
        patient_id: null,
        status: 'draft',
        entry_mode: draft.entryMode,
        form_version: draft.formVersion,
        answers: JSON.stringify(draft.answers),
        evaluation: null,
        concern: draft.concern,
        concern_rank: concernRank(draft.concern),
        ...denormalise(draft.answers),
        revision: 1,
        created_at: draft.now,
        updated_at: draft.now,
        submitted_at: null,
        content_digest: null,
        row_digest: null
      })
      const inserted = insertDraftStatement.get(row)
      if (inserted === undefined) throw new Error('INSERT ... RETURNING returned no row.')
      return toStoredIntake(inserted)
    },

    updateDraft(change) {
      return updateDraftTransaction(change)
    },

    markSubmitted(submission) {
      return markSubmittedTransaction(submission)
    },

    amendSubmitted(change) {
      return amendTransaction(change)
    },

    findState(id) {
      const row = findStatusStatement.get(id)
      if (row === undefined) return null
      return { status: readStatus(row.status, id), revision: row.revision }
    },

    listSubmittedForPatient(patientId) {
      return submittedForPatientStatement.all(patientId).map(toStoredIntake)
    },

    findById(id) {
      const row = findByIdStatement.get(id)
      return row === undefined ? null : toStoredIntake(row)
    },

    findStatus(id) {
      const row = findStatusStatement.get(id)
      if (row === undefined) return null
      return readStatus(row.status, id)
    },

    listUnfinished(limit) {
      unfinishedStatement ??= db.prepare<[number], IntakeRow>(UNFINISHED_QUERY)
      return unfinishedStatement.all(limit).map((row) => {
        const stored = toStoredIntake(row)
        // The whole row was checked: the summary carries every problem found.
        return { summary: summaryOf(row, stored), answers: stored.answers }
      })
    },

    listSubmittedBetween(from, to) {
      return submittedBetweenStatement.all({ from, to }).map(toSummary)
    },

    list(request) {
      const after = request.after ?? FIRST_PAGE
      const prefix = request.search === undefined ? '' : searchKey(request.search)
      const range = prefix === '' ? null : { low: prefix, high: prefixUpperBound(prefix) }
      const rows = chooseStatement(request.status, range).all({
        after_updated_at: after.updatedAt,
        after_id: after.id,
        // One row more than asked tells whether another page exists without a COUNT.
        limit: request.limit + 1,
        ...(request.status === undefined ? {} : { status: request.status }),
        ...range
      })
      const items = rows.slice(0, request.limit).map(toSummary)
      const last = items[items.length - 1]
      const nextCursor =
        rows.length > request.limit && last !== undefined
          ? encodeListCursor({ updatedAt: last.updatedAt, id: last.id })
          : null
      return { items, nextCursor }
    },

    deleteDraft(id) {
      return deleteDraftStatement.run(id).changes > 0
    }
  }
}

function denormalise(answers: IntakeAnswers): Denormalised {
  const givenName = textAnswer(answers, 'patient.givenName')
  const familyName = textAnswer(answers, 'patient.familyName')
  return {
    given_name: givenName,
    family_name: familyName,
    date_of_birth: textAnswer(answers, 'patient.dateOfBirth'),
    given_name_search: givenName === null ? null : searchKey(givenName),
    family_name_search: familyName === null ? null : searchKey(familyName)
  }
}

function textAnswer(answers: IntakeAnswers, itemId: string): string | null {
  const value = answers[itemId]
  return typeof value === 'string' && value !== '' ? value : null
}

function damaged(id: string, what: string): ServiceError {
  return new ServiceError(
    'storage',
    `The stored intake ${id} could not be read (${what}); it may be damaged.`
  )
}

function readStatus(value: string, id: string): IntakeStatus {
  if (!oneOf(STATUSES, value)) throw damaged(id, 'unknown status')
  return value
}

function readConcern(value: string, id: string): ConcernLevel {
  if (!isConcernLevel(value)) throw damaged(id, 'unknown concern level')
  return value
}

/**
 * What a failed check means, in words for the clinic: the record is still
 * shown (with what could be read), so staff must know which parts to doubt.
 */
const PROBLEMS = {
  unsealed:
    'This record’s check values are incomplete, so it cannot be confirmed that it is as the app saved it.',
  details:
    'This record’s details (name, date of birth, status, concern or times) changed after the app saved them, so they may not be what was entered.',
  content:
    'This record’s answers changed after the app saved them, so the answers shown may not be what was entered.',
  answersUnreadable: 'The saved answers could not be read at all.',
  evaluationUnreadable: 'The evaluation saved at submission could not be read.',
  status: 'Whether this record is unfinished or submitted could not be read.',
  entryMode: 'Whether staff or the patient entered this record could not be read.',
  concern: 'The level of concern saved with this record could not be read.'
} as const

/** Most answer names listed in one problem; the rest are counted. */
const MAX_NAMED_ANSWERS = 10

/** The row as written, with its check values: what {@link rowProblems} verifies on every read. */
function withCheckValues(
  row: IntakeRow
): IntakeRow & { content_digest: string; row_digest: string } {
  const content = contentDigest(row.answers, row.evaluation)
  return {
    ...row,
    content_digest: content,
    row_digest: rowDigest({ ...row, content_digest: content })
  }
}

/**
 * Checks the columns a summary shows against the row's check value. A row
 * with neither check value was written before they existed (or by another
 * tool): it cannot be checked this way, only validated. One without the other
 * is damage, since the app always writes both.
 */
function rowProblems(row: SummaryRow): string[] {
  if (row.content_digest === null && row.row_digest === null) return []
  if (row.content_digest === null || row.row_digest === null) return [PROBLEMS.unsealed]
  const expected = rowDigest({ ...row, content_digest: row.content_digest })
  return expected === row.row_digest ? [] : [PROBLEMS.details]
}

/**
 * Checks the stored answers and snapshot text against the row's content
 * check value: `sealed` when it matches, `unsealed` when the row has none.
 */
function contentCheck(row: IntakeRow): 'sealed' | 'unsealed' | 'changed' {
  if (row.content_digest === null) return 'unsealed'
  return contentDigest(row.answers, row.evaluation) === row.content_digest ? 'sealed' : 'changed'
}

/**
 * The stored answers. Text that matches its check value is exactly what the
 * app wrote after validating it, so it is only parsed (validating costs five
 * times as much, on every list of unfinished intakes). Anything else is
 * checked against the catalogue as a draft would be (without today's date, so
 * a record never turns "damaged" as time passes): when every answer passes,
 * they are returned exactly as stored; otherwise only those that pass, and
 * the names of the others.
 */
function readAnswers(
  text: string,
  sealed: boolean
): { answers: IntakeAnswers; problems: string[] } {
  const exact = sealed ? parseStoredAnswers(text) : null
  if (exact !== null) return { answers: exact, problems: [] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { answers: {}, problems: [PROBLEMS.answersUnreadable] }
  }
  const result = validateAnswers(value, { mode: 'draft' })
  if (result.ok) {
    return { answers: parseStoredAnswers(text) ?? result.answers, problems: [] }
  }
  if (result.issues.some((issue) => issue.code === 'not-an-object')) {
    return { answers: {}, problems: [PROBLEMS.answersUnreadable] }
  }
  const known = new Set<string>()
  let unknown = 0
  for (const issue of result.issues) {
    const item = catalogueItem(issue.itemId)
    // A damaged key is no name to show: it is counted instead.
    if (item === undefined) unknown += 1
    else known.add(item.label)
  }
  const names = [...known]
  const parts = names.slice(0, MAX_NAMED_ANSWERS)
  const more = names.length - parts.length + unknown
  if (more > 0) parts.push(`${more} other${more === 1 ? '' : 's'}`)
  return {
    answers: result.validAnswers,
    problems: [`Some saved answers could not be read and are not shown: ${parts.join('; ')}.`]
  }
}

/** The stored status; a damaged one is read from whether a submission time is stored. */
function statusOf(row: SummaryRow, problems: string[]): IntakeStatus {
  if (oneOf(STATUSES, row.status)) return row.status
  problems.push(PROBLEMS.status)
  return row.submitted_at === null ? 'draft' : 'submitted'
}

function entryModeOf(row: SummaryRow, problems: string[]): EntryMode {
  if (oneOf(ENTRY_MODES, row.entry_mode)) return row.entry_mode
  problems.push(PROBLEMS.entryMode)
  return 'staff'
}

/**
 * The stored concern; a damaged one falls back to its rank column, and when
 * that is damaged too, to "review": never "none", which would let a record
 * that may hold an emergency pass as unremarkable.
 */
function concernOf(row: SummaryRow, problems: string[]): ConcernLevel {
  if (isConcernLevel(row.concern)) return row.concern
  problems.push(PROBLEMS.concern)
  return CONCERN_LEVELS.find((level) => concernRank(level) === row.concern_rank) ?? 'review'
}

const CONCERN_LEVELS: readonly ConcernLevel[] = ['none', 'review', 'urgent', 'emergency']

function damageOf(problems: readonly string[]): { damage?: { problems: readonly string[] } } {
  return problems.length === 0 ? {} : { damage: { problems: [...new Set(problems)] } }
}

function toStoredIntake(row: IntakeRow): StoredIntake {
  const content = contentCheck(row)
  const problems = rowProblems(row)
  if (content === 'changed') problems.push(PROBLEMS.content)
  const status = statusOf(row, problems)
  const entryMode = entryModeOf(row, problems)
  const concern = concernOf(row, problems)
  const read = readAnswers(row.answers, content === 'sealed')
  problems.push(...read.problems)
  let evaluation: IntakeEvaluation | null = null
  if (row.evaluation !== null) {
    evaluation = parseStoredEvaluation(row.evaluation)
    if (evaluation === null) problems.push(PROBLEMS.evaluationUnreadable)
  } else if (status === 'submitted') {
    problems.push(PROBLEMS.evaluationUnreadable)
  }
  const unique = [...new Set(problems)]
  return {
    id: row.id,
    status,
    entryMode,
    formVersion: row.form_version,
    answers: read.answers,
    evaluation,
    patientId: row.patient_id,
    concern,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    ...(unique.length === 0 ? {} : { problems: unique })
  }
}

function toSummary(row: SummaryRow): IntakeSummary {
  const problems = rowProblems(row)
  const status = statusOf(row, problems)
  const entryMode = entryModeOf(row, problems)
  const concern = concernOf(row, problems)
  return summaryOf(row, { status, entryMode, concern, problems })
}

/** A list row from its columns and what reading them found. */
function summaryOf(
  row: SummaryRow,
  read: Pick<StoredIntake, 'status' | 'entryMode' | 'concern' | 'problems'>
): IntakeSummary {
  return {
    id: row.id,
    status: read.status,
    entryMode: read.entryMode,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    concern: read.concern,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    ...damageOf(read.problems ?? [])
  }
}
