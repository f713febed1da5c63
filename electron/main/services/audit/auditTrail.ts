/**
 * The audit trail over the `audit_log` table (migration 0005): appending an
 * entry, reading pages of it for the administrators' screen, and verifying its
 * hash chain. The one place its rows become the domain's `AuditEntry`.
 *
 * Each entry's hash covers its own content and the previous entry's hash, so
 * the database file cannot be edited behind the app's back (with another
 * SQLite tool, after dropping the table's triggers) without `verify` naming
 * the first entry that no longer fits. What the chain cannot show on its own
 * is the newest entries being cut off the end together, or the whole tail
 * rewritten with fresh hashes: that needs the last hash kept somewhere else
 * (a backup, a printout).
 */
import { hash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import {
  AUDIT_ACTIONS,
  type AuditActor,
  type AuditEntry,
  type AuditEntryInput,
  type AuditPage,
  type AuditQuery,
  type AuditVerification
} from '../../../../src/domain'
import { mapSqliteError } from '../database/mapSqliteError'
import { oneOf } from '../database/storedJson'
import { ServiceError } from '../serviceError'
import { localDayBounds } from '../review/localDays'

/** The `prev_hash` of the first entry: there is no entry before it. */
export const GENESIS_HASH = '0'.repeat(64)
/** Longer detail strings are cut to this many characters: an entry holds facts, not documents. */
export const DETAIL_STRING_MAX_LENGTH = 200
/** More facts than this in one entry is a caller putting a record in the trail. */
export const DETAIL_MAX_KEYS = 20
export const AUDIT_PAGE_DEFAULT_LIMIT = 100
export const AUDIT_PAGE_MAX_LIMIT = 500

/**
 * A detail key: a short identifier (`fileName`, `setting`, `conditions`), so
 * the key itself can never carry free text such as a patient's name.
 */
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/
const ID_MAX_LENGTH = 100
const NAME_MAX_LENGTH = 200
const ACTOR_ROLES: readonly AuditActor['role'][] = [
  'signed-out',
  'patient',
  'front-desk',
  'clinician',
  'administrator',
  'system'
]
/**
 * Bumped if the serialisation below ever changes, so entries hashed one way
 * are never checked the other way.
 */
const HASH_FORMAT = 'audit-log/1'

type DetailValue = string | number | boolean | null
type Detail = Readonly<Record<string, DetailValue>>

export interface AuditTrailOptions {
  /** The clock: each entry's time (stored as ISO 8601 UTC). */
  readonly now: () => Date
}

export interface AuditTrail {
  /**
   * Appends one entry and returns it as stored. Synchronous, because it is
   * called inside the transaction of the write it records: if the entry
   * cannot be written, the write is not kept either (and vice versa).
   *
   * @throws ServiceError `internal` when the input is not something the trail
   *   may hold (an unknown action or role, a detail value that is not a
   *   string, number, boolean or null): that is a bug in the caller, and the
   *   write it belongs to must fail rather than go unrecorded.
   */
  append(input: AuditEntryInput): AuditEntry
  /**
   * A page of entries, newest first, matching every filter given.
   *
   * @throws ServiceError `invalid-argument` for a limit outside 1 to
   *   {@link AUDIT_PAGE_MAX_LIMIT}, a date that is not a calendar day, or a
   *   start date after the end date; `storage` when a stored entry cannot be read.
   */
  list(query: AuditQuery): AuditPage
  /**
   * Walks every entry in order, recomputing each hash and link. Reads the
   * table as a stream, so memory stays flat however long the trail is.
   */
  verify(): AuditVerification
}

/**
 * The fields an entry's hash covers, in domain terms. Role and action are
 * plain text here: `verify` hashes whatever a stored row holds, checked or not.
 */
export interface AuditHashInput {
  readonly seq: number
  readonly at: string
  readonly actor: {
    readonly staffId: string | null
    readonly name: string | null
    readonly role: string
  }
  readonly action: string
  readonly intakeId: string | null
  readonly detail: Detail
  readonly prevHash: string
}

interface AuditRow {
  seq: number
  at: string
  actor_staff_id: string | null
  actor_name: string | null
  actor_role: string
  action: string
  intake_id: string | null
  detail: string
  prev_hash: string
  hash: string
}

interface LastRow {
  seq: number
  hash: string
}

const COLUMNS =
  'seq, at, actor_staff_id, actor_name, actor_role, action, intake_id, detail, prev_hash, hash'

/** The filters of one list call, as SQL fragments with their named parameters. */
interface ListFilter {
  readonly action?: string
  readonly staffId?: string
  readonly intakeId?: string
  readonly from?: string
  readonly to?: string
  readonly beforeSeq?: number
}

/** Creates the trail over an open, migrated connection; statements are prepared once. */
export function createAuditTrail(db: Database, options: AuditTrailOptions): AuditTrail {
  const lastStatement = db.prepare<[], LastRow>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'
  )
  const insertStatement = db.prepare<[AuditRow]>(`
    INSERT INTO audit_log (${COLUMNS})
    VALUES (@seq, @at, @actor_staff_id, @actor_name, @actor_role, @action, @intake_id,
      @detail, @prev_hash, @hash)`)
  const verifyStatement = db.prepare<[], AuditRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`)
  /** One prepared statement per combination of filters (at most 64), made on first use. */
  const listStatements = new Map<string, ReturnType<typeof prepareList>>()
  const prepareList = (filter: ListFilter) =>
    db.prepare<[Record<string, string | number>], AuditRow>(listSql(filter))

  /**
   * Reads the last entry and writes the next in one transaction, so two
   * appends can never take the same number or link to the same entry.
   * better-sqlite3 turns a transaction opened inside another into a savepoint,
   * so this nests inside the caller's write; on its own it takes the write
   * lock first (IMMEDIATE), so the read and the write see the same table.
   */
  const appendTransaction = db.transaction(
    (row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): AuditRow => {
      const last = lastStatement.get()
      const linked = { ...row, seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? GENESIS_HASH }
      const stored: AuditRow = { ...linked, hash: hashOfRow(linked) }
      insertStatement.run(stored)
      return stored
    }
  )

  return {
    append(input) {
      const { actor, action, intakeId, detail } = checkedInput(input)
      const row = {
        at: options.now().toISOString(),
        actor_staff_id: actor.staffId,
        actor_name: actor.name,
        actor_role: actor.role,
        action,
        intake_id: intakeId,
        detail: canonicalDetail(detail)
      }
      const stored = guarded(() => appendTransaction.immediate(row))
      return { seq: stored.seq, at: stored.at, actor, action, intakeId, detail, hash: stored.hash }
    },

    list(query) {
      const limit = query.limit ?? AUDIT_PAGE_DEFAULT_LIMIT
      if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX_LIMIT) {
        throw new ServiceError(
          'invalid-argument',
          `The page size must be a whole number from 1 to ${AUDIT_PAGE_MAX_LIMIT}.`
        )
      }
      const filter = listFilter(query)
      const key = Object.keys(filter).sort().join(',')
      let statement = listStatements.get(key)
      if (statement === undefined) {
        statement = guarded(() => prepareList(filter))
        listStatements.set(key, statement)
      }
      const rows = guarded(() => statement.all({ ...filter, limit: limit + 1 }))
      const entries = rows.slice(0, limit).map(toEntry)
      const last = entries.at(-1)
      return {
        entries,
        nextBeforeSeq: rows.length > limit && last !== undefined ? last.seq : null
      }
    },

    verify() {
      return guarded(() => verifyRows(verifyStatement.iterate()))
    }
  }
}

/**
 * The SHA-256 (hex) of an entry: its fields, in a fixed order, as one JSON
 * array. JSON escaping keeps field boundaries unambiguous (a name holding a
 * separator cannot pass for two fields), and the detail is serialised with
 * its keys sorted, so the same facts always hash the same.
 */
export function auditEntryHash(input: AuditHashInput): string {
  return hashOfRow({
    seq: input.seq,
    at: input.at,
    actor_staff_id: input.actor.staffId,
    actor_name: input.actor.name,
    actor_role: input.actor.role,
    action: input.action,
    intake_id: input.intakeId,
    detail: canonicalDetail(input.detail),
    prev_hash: input.prevHash
  })
}

/**
 * The detail as stored and hashed: a JSON object with its keys in code-unit
 * order. Built by hand because a JavaScript object lists integer-like keys
 * ("2", "10") before the others whatever order they were added in.
 */
export function canonicalDetail(detail: Detail): string {
  const keys = Object.keys(detail).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(detail[key] ?? null)}`).join(',')}}`
}

/** {@link auditEntryHash} of a row whose `detail` is already canonical text. */
function hashOfRow(row: Omit<AuditRow, 'hash'>): string {
  const text = JSON.stringify([
    HASH_FORMAT,
    row.seq,
    row.at,
    row.actor_staff_id,
    row.actor_name,
    row.actor_role,
    row.action,
    row.intake_id,
    row.detail,
    row.prev_hash
  ])
  // One-shot hashing: no Hash object per entry, which counts when verifying thousands.
  return hash('sha256', text, 'hex')
}

/**
 * Checks the chain. Reasons are plain sentences for the administrator; the
 * entry named is the first one at fault, and `checked` counts the entries
 * before it, all of which are sound.
 */
function verifyRows(rows: Iterable<AuditRow>): AuditVerification {
  let expectedSeq = 1
  let previousHash = GENESIS_HASH
  // Returning from inside the loop ends the iterator, which resets the
  // statement: the rest of the table is not read.
  const broken = (seq: number, reason: string): AuditVerification => ({
    ok: false,
    checked: expectedSeq - 1,
    broken: { seq, reason }
  })
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return broken(expectedSeq, `entry ${expectedSeq} is missing`)
    }
    // The detail is stored in its canonical form; any other text (reordered,
    // re-spaced, not JSON at all) was written by something other than the app.
    const detail = parseStoredDetail(row.detail)
    if (detail === null || canonicalDetail(detail) !== row.detail || hashOfRow(row) !== row.hash) {
      return broken(row.seq, `entry ${row.seq} was changed after it was written`)
    }
    if (row.prev_hash !== previousHash) {
      return broken(
        row.seq,
        row.seq === 1
          ? 'entry 1 does not start the trail'
          : `entry ${row.seq} does not follow entry ${row.seq - 1}`
      )
    }
    previousHash = row.hash
    expectedSeq += 1
  }
  return { ok: true, checked: expectedSeq - 1, broken: null }
}

/** Checks an entry before it is written; see {@link AuditTrail.append}. */
function checkedInput(input: AuditEntryInput): Required<AuditEntryInput> & { detail: Detail } {
  const { actor, action } = input
  if (!oneOf(AUDIT_ACTIONS, action)) throw refused(`unknown action ${String(action)}`)
  if (!oneOf(ACTOR_ROLES, actor.role)) throw refused(`unknown actor role ${String(actor.role)}`)
  const staffId = optionalText(actor.staffId, ID_MAX_LENGTH, 'actor staff id')
  const name = optionalText(actor.name, NAME_MAX_LENGTH, 'actor name')
  const intakeId = optionalText(input.intakeId ?? null, ID_MAX_LENGTH, 'intake id')
  return {
    actor: { staffId, name, role: actor.role },
    action,
    intakeId,
    detail: checkedDetail(input.detail === undefined ? {} : input.detail)
  }
}

function optionalText(value: unknown, maxLength: number, what: string): string | null {
  if (value === null) return null
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw refused(`${what} must be null or text of 1 to ${maxLength} characters`)
  }
  return value
}

/**
 * Copies the detail, refusing anything but plain values: an object or array
 * could smuggle a whole record into the trail, and `undefined`, `NaN` or
 * `Infinity` would silently change meaning in JSON.
 */
function checkedDetail(detail: unknown): Detail {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    throw refused('detail must be an object')
  }
  const entries = Object.entries(detail)
  if (entries.length > DETAIL_MAX_KEYS) {
    throw refused(`detail has more than ${DETAIL_MAX_KEYS} facts`)
  }
  const copy: Record<string, DetailValue> = {}
  for (const [key, value] of entries) {
    if (!DETAIL_KEY.test(key)) throw refused(`detail key ${JSON.stringify(key)} is not allowed`)
    if (typeof value === 'string') copy[key] = cut(value)
    else if (typeof value === 'number' && Number.isFinite(value)) copy[key] = value
    else if (typeof value === 'boolean' || value === null) copy[key] = value
    else throw refused(`detail "${key}" is not a string, finite number, boolean or null`)
  }
  return copy
}

/** Cuts a string to the cap without splitting a surrogate pair (an emoji in a file name). */
function cut(value: string): string {
  if (value.length <= DETAIL_STRING_MAX_LENGTH) return value
  const end = /[\uD800-\uDBFF]/.test(value.charAt(DETAIL_STRING_MAX_LENGTH - 1))
    ? DETAIL_STRING_MAX_LENGTH - 1
    : DETAIL_STRING_MAX_LENGTH
  return value.slice(0, end)
}

/**
 * The person at the screen learns that their action was not carried out; the
 * reason (a bug in the caller) goes to the main-process log through `cause`.
 */
function refused(reason: string): ServiceError {
  return new ServiceError(
    'internal',
    'The action could not be recorded in the audit trail, so it was not carried out. Please report this.',
    { cause: new Error(`Audit entry refused: ${reason}.`) }
  )
}

/** A stored detail read back; null when it is not an object of plain values. */
function parseStoredDetail(text: string): Detail | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const detail: Record<string, DetailValue> = {}
  for (const [key, entry] of Object.entries(value)) {
    if (
      typeof entry === 'string' ||
      typeof entry === 'number' ||
      typeof entry === 'boolean' ||
      entry === null
    ) {
      detail[key] = entry
    } else {
      return null
    }
  }
  return detail
}

/** Maps a row to the domain entry, checking what the table's own checks leave open. */
function toEntry(row: AuditRow): AuditEntry {
  const detail = parseStoredDetail(row.detail)
  const role = row.actor_role
  const action = row.action
  if (detail === null || !oneOf(ACTOR_ROLES, role) || !oneOf(AUDIT_ACTIONS, action)) {
    throw new ServiceError(
      'storage',
      `Entry ${row.seq} of the audit trail cannot be read: it may have been changed outside the app. ` +
        'Verify the trail to see where it was changed.'
    )
  }
  return {
    seq: row.seq,
    at: row.at,
    actor: { staffId: row.actor_staff_id, name: row.actor_name, role },
    action,
    intakeId: row.intake_id,
    detail,
    hash: row.hash
  }
}

/** Checks the query and turns it into named parameters (local days become UTC instants). */
function listFilter(query: AuditQuery): ListFilter {
  if (query.action !== undefined && !oneOf(AUDIT_ACTIONS, query.action)) {
    throw new ServiceError('invalid-argument', 'The action filter is not one the trail records.')
  }
  if (
    query.beforeSeq !== undefined &&
    (!Number.isInteger(query.beforeSeq) || query.beforeSeq < 1)
  ) {
    throw new ServiceError(
      'invalid-argument',
      'The list position is not valid; reload the list from the start.'
    )
  }
  const from = query.fromDate === undefined ? undefined : localDayBounds(query.fromDate).from
  const to = query.toDate === undefined ? undefined : localDayBounds(query.toDate).to
  if (from !== undefined && to !== undefined && from >= to) {
    throw new ServiceError('invalid-argument', 'The start date is after the end date.')
  }
  const filter: Record<string, string | number> = {}
  if (query.action !== undefined) filter.action = query.action
  if (query.staffId !== undefined) filter.staffId = query.staffId
  if (query.intakeId !== undefined) filter.intakeId = query.intakeId
  if (from !== undefined) filter.from = from
  if (to !== undefined) filter.to = to
  if (query.beforeSeq !== undefined) filter.beforeSeq = query.beforeSeq
  return filter
}

/**
 * The SQL for one combination of filters. Only fixed fragments are joined;
 * every value is a bound parameter. Newest first is `seq` order (the order of
 * writing), not `at`, which a clock set back could disorder.
 */
function listSql(filter: ListFilter): string {
  const conditions = [
    filter.action === undefined ? null : 'action = @action',
    filter.staffId === undefined ? null : 'actor_staff_id = @staffId',
    filter.intakeId === undefined ? null : 'intake_id = @intakeId',
    filter.from === undefined ? null : 'at >= @from',
    filter.to === undefined ? null : 'at < @to',
    filter.beforeSeq === undefined ? null : 'seq < @beforeSeq'
  ].filter((condition): condition is string => condition !== null)
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`
  return `SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit`
}

/** SQLite failures become messages a person can act on; anything else passes unchanged. */
function guarded<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw mapSqliteError(error)
  }
}
