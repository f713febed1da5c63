/**
 * SQL for the clinician's queue: which intakes of a time range wait, in queue
 * order, with how many there are per concern level and each one's current
 * triage decision. Each entry carries its intake row exactly as stored, so the
 * service can tell whether it is byte for byte a row it has already checked;
 * checking and reading a row is the intake repository's, so the queue shows a
 * damaged record exactly as the record screen does.
 *
 * An intake waits from its submission, or from its creation while it is a
 * draft: `coalesce(submitted_at, created_at)`, spelled as in the index of
 * migration 0010 so SQLite can use it. Each concern level is one range of
 * that index, already in queue order, so a page stops after the rows it shows.
 */
import type { Database } from 'better-sqlite3'
import {
  concernRank,
  TRIAGE_DECISIONS,
  type ConcernLevel,
  type QueueItem
} from '../../../../src/domain'
import { SEALED_ROW_COLUMNS, type SealedRowFields } from './intakeDigest'
import { oneOf } from './storedJson'

/** Every column the intake repository reads and checks, exactly as stored. */
export type StoredIntakeRow = Omit<SealedRowFields, 'content_digest'> & {
  readonly content_digest: string | null
  readonly row_digest: string | null
  readonly answers: string
  readonly evaluation: string | null
}

/** One waiting intake in queue order, with its row as stored. */
export interface QueueEntry {
  readonly id: string
  /** When it started waiting (ISO-8601 UTC): submitted, or created while a draft. */
  readonly waitingSince: string
  readonly row: StoredIntakeRow
  /** Whether a triage decision exists, even one too damaged to read. */
  readonly reviewed: boolean
  /** The latest decision; null before review, and for a decision that cannot be read. */
  readonly triage: QueueItem['triage']
  /** Set when the latest decision exists but could not be read. */
  readonly triageProblem?: string
}

export interface QueueRepository {
  /** How many intakes wait in `[from, to)` at each concern level (zero included). */
  countByConcern(from: string, to: string): Record<ConcernLevel, number>
  /** Up to `limit` intakes of one level waiting in `[from, to)`, the longest-waiting first. */
  listLevel(concern: ConcernLevel, from: string, to: string, limit: number): QueueEntry[]
}

/** The moment an intake starts waiting: the expression migration 0010 indexes. */
const WAITING_SINCE = 'coalesce(submitted_at, created_at)'

/** The row's columns as the intake repository reads them, from the table aliased `i`. */
const ROW_COLUMNS = [
  ...SEALED_ROW_COLUMNS.split(',').map((column) => column.trim()),
  'content_digest',
  'row_digest',
  'answers',
  'evaluation'
]
  .map((column) => `i.${column}`)
  .join(', ')

/**
 * One level of the queue, in order. The page is chosen from the queue index
 * alone (with each entry's rowid), and only its rows are then read; the
 * latest decision is found through the primary key of `triage_decisions`
 * (intake, version): one short probe per row shown. Exported so a test can
 * check its query plan.
 */
export const QUEUE_LEVEL_QUERY = `
  SELECT q.waiting_since, ${ROW_COLUMNS},
    t.version AS triage_version, t.decision, t.decided_at, t.staff_name
  FROM (
    SELECT rowid AS row_id, id, ${WAITING_SINCE} AS waiting_since FROM intakes
    WHERE concern_rank = @rank AND ${WAITING_SINCE} >= @from AND ${WAITING_SINCE} < @to
    ORDER BY ${WAITING_SINCE}, id
    LIMIT @limit
  ) AS q
  JOIN intakes AS i ON i.rowid = q.row_id
  LEFT JOIN triage_decisions AS t
    ON t.intake_id = q.id
    AND t.version = (SELECT max(version) FROM triage_decisions WHERE intake_id = q.id)
  ORDER BY q.waiting_since, q.id`

/** Every level's count in one pass over the index (one range per level). Exported for its plan. */
export const QUEUE_COUNTS_QUERY = `
  SELECT concern_rank, count(*) AS total FROM intakes
  WHERE concern_rank IN (0, 1, 2, 3) AND ${WAITING_SINCE} >= @from AND ${WAITING_SINCE} < @to
  GROUP BY concern_rank`

type LevelRow = StoredIntakeRow & {
  waiting_since: string
  triage_version: number | null
  decision: unknown
  decided_at: unknown
  staff_name: unknown
}

const CONCERN_LEVELS: readonly ConcernLevel[] = ['none', 'review', 'urgent', 'emergency']
/** What the triage service stores: `Date.prototype.toISOString`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TRIAGE_UNREADABLE =
  'The current triage decision could not be read; open the record to see its history.'

/** Creates the repository over an open, migrated connection; statements are prepared once. */
export function createQueueRepository(db: Database): QueueRepository {
  const levelStatement = db.prepare<[Record<string, unknown>], LevelRow>(QUEUE_LEVEL_QUERY)
  const countsStatement = db.prepare<
    [Record<string, unknown>],
    { concern_rank: number; total: number }
  >(QUEUE_COUNTS_QUERY)

  return {
    countByConcern(from, to) {
      const counts: Record<ConcernLevel, number> = { emergency: 0, urgent: 0, review: 0, none: 0 }
      for (const row of countsStatement.all({ from, to })) {
        const level = CONCERN_LEVELS.find(
          (candidate) => concernRank(candidate) === row.concern_rank
        )
        if (level !== undefined) counts[level] = row.total
      }
      return counts
    },

    listLevel(concern, from, to, limit) {
      return levelStatement.all({ rank: concernRank(concern), from, to, limit }).map(toEntry)
    }
  }
}

/**
 * The row's decision as the domain knows it. The file can be changed by
 * other tools or a failing disk, so the stored values are checked rather
 * than cast; one that fails still marks the intake as reviewed (a decision
 * was recorded) and is named as a problem instead of being guessed at.
 */
function toEntry(level: LevelRow): QueueEntry {
  const {
    waiting_since: waitingSince,
    triage_version: triageVersion,
    decision,
    decided_at: decidedAt,
    staff_name: decidedBy,
    ...row
  } = level
  const base = { id: row.id, waitingSince, row }
  if (triageVersion === null) return { ...base, reviewed: false, triage: null }
  if (
    oneOf(TRIAGE_DECISIONS, decision) &&
    typeof decidedAt === 'string' &&
    ISO_INSTANT.test(decidedAt) &&
    typeof decidedBy === 'string' &&
    decidedBy !== ''
  ) {
    return { ...base, reviewed: true, triage: { decision, decidedAt, decidedBy } }
  }
  return { ...base, reviewed: true, triage: null, triageProblem: TRIAGE_UNREADABLE }
}
