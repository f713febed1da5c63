/**
 * What the clinician's two lists of intakes, the queue and search, read of
 * each intake besides the row itself: when it started waiting, and its
 * current triage decision as the domain knows it. Both lists show a row the
 * same way, so both read it through here.
 */
import { TRIAGE_DECISIONS, type QueueItem } from '../../../../src/domain'
import { SEALED_ROW_COLUMNS, type SealedRowFields } from './intakeDigest'
import { oneOf } from './storedJson'

/**
 * The moment an intake starts waiting: its submission, or its creation while
 * it is a draft. Spelled exactly as migration 0010 indexes it, or SQLite
 * cannot use that index.
 */
export const WAITING_SINCE = 'coalesce(submitted_at, created_at)'

/** Every column the intake repository reads and checks, exactly as stored. */
export type StoredIntakeRow = Omit<SealedRowFields, 'content_digest'> & {
  readonly content_digest: string | null
  readonly row_digest: string | null
  readonly answers: string
  readonly evaluation: string | null
}

/** The SQL column list of {@link StoredIntakeRow}, each prefixed with `table.` when given. */
export function storedIntakeColumns(table?: string): string {
  const names = [
    ...SEALED_ROW_COLUMNS.split(',').map((column) => column.trim()),
    'content_digest',
    'row_digest',
    'answers',
    'evaluation'
  ]
  return names.map((column) => (table === undefined ? column : `${table}.${column}`)).join(', ')
}

/** The columns {@link latestTriageColumns} selects, as stored (other tools can change them). */
export interface LatestTriageRow {
  readonly triage_version: number | null
  readonly decision: unknown
  readonly decided_at: unknown
  readonly staff_name: unknown
}

/** The select list of {@link LatestTriageRow}, from the decision joined as `alias`. */
export function latestTriageColumns(alias: string): string {
  return `${alias}.version AS triage_version, ${alias}.decision, ${alias}.decided_at, ${alias}.staff_name`
}

/**
 * Joins each intake's latest decision as `alias`, found through the primary
 * key of `triage_decisions` (intake, version): one short probe per row.
 * `intakeId` is the SQL naming the intake's id in the query.
 */
export function latestTriageJoin(alias: string, intakeId: string): string {
  return `LEFT JOIN triage_decisions AS ${alias}
    ON ${alias}.intake_id = ${intakeId}
    AND ${alias}.version = (
      SELECT max(version) FROM triage_decisions AS newer WHERE newer.intake_id = ${intakeId}
    )`
}

/** Where an intake stands in review, from its latest decision. */
export interface ReviewState {
  /** Whether a triage decision exists, even one too damaged to read. */
  readonly reviewed: boolean
  /** The latest decision; null before review, and for a decision that cannot be read. */
  readonly triage: QueueItem['triage']
  /** Set when the latest decision exists but could not be read. */
  readonly triageProblem?: string
}

/** What the triage service stores: `Date.prototype.toISOString`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TRIAGE_UNREADABLE =
  'The current triage decision could not be read; open the record to see its history.'

/**
 * The latest decision as the domain knows it. The file can be changed by
 * other tools or a failing disk, so the stored values are checked rather
 * than cast; one that fails still marks the intake as reviewed (a decision
 * was recorded) and is named as a problem instead of being guessed at.
 */
export function reviewStateOf(row: LatestTriageRow): ReviewState {
  if (row.triage_version === null) return { reviewed: false, triage: null }
  const { decision, decided_at: decidedAt, staff_name: decidedBy } = row
  if (
    oneOf(TRIAGE_DECISIONS, decision) &&
    typeof decidedAt === 'string' &&
    ISO_INSTANT.test(decidedAt) &&
    typeof decidedBy === 'string' &&
    decidedBy !== ''
  ) {
    return { reviewed: true, triage: { decision, decidedAt, decidedBy } }
  }
  return { reviewed: true, triage: null, triageProblem: TRIAGE_UNREADABLE }
}
