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
import { concernRank, type ConcernLevel } from '../../../../src/domain'
import {
  followUpColumn,
  latestTriageColumns,
  latestTriageJoin,
  reviewStateOf,
  storedIntakeColumns,
  WAITING_SINCE,
  type LatestTriageRow,
  type ReviewState,
  type StoredIntakeRow
} from './reviewListRows'

export type { StoredIntakeRow } from './reviewListRows'

/** One waiting intake in queue order, with its row as stored and its latest decision. */
export interface QueueEntry extends ReviewState {
  readonly id: string
  /** When it started waiting (ISO-8601 UTC): submitted, or created while a draft. */
  readonly waitingSince: string
  /** A follow-up visit's short form rather than a first intake. */
  readonly followUp: boolean
  readonly row: StoredIntakeRow
}

export interface QueueRepository {
  /** How many intakes wait in `[from, to)` at each concern level (zero included). */
  countByConcern(from: string, to: string): Record<ConcernLevel, number>
  /** Up to `limit` intakes of one level waiting in `[from, to)`, the longest-waiting first. */
  listLevel(concern: ConcernLevel, from: string, to: string, limit: number): QueueEntry[]
}

/**
 * One level of the queue, in order. The page is chosen from the queue index
 * alone (with each entry's rowid), and only its rows are then read; the
 * latest decision is found through the primary key of `triage_decisions`
 * (intake, version): one short probe per row shown. Exported so a test can
 * check its query plan.
 */
export const QUEUE_LEVEL_QUERY = `
  SELECT q.waiting_since, ${followUpColumn('q.id')}, ${storedIntakeColumns('i')},
    ${latestTriageColumns('t')}
  FROM (
    SELECT rowid AS row_id, id, ${WAITING_SINCE} AS waiting_since FROM intakes
    WHERE concern_rank = @rank AND ${WAITING_SINCE} >= @from AND ${WAITING_SINCE} < @to
    ORDER BY ${WAITING_SINCE}, id
    LIMIT @limit
  ) AS q
  JOIN intakes AS i ON i.rowid = q.row_id
  ${latestTriageJoin('t', 'q.id')}
  ORDER BY q.waiting_since, q.id`

/** Every level's count in one pass over the index (one range per level). Exported for its plan. */
export const QUEUE_COUNTS_QUERY = `
  SELECT concern_rank, count(*) AS total FROM intakes
  WHERE concern_rank IN (0, 1, 2, 3) AND ${WAITING_SINCE} >= @from AND ${WAITING_SINCE} < @to
  GROUP BY concern_rank`

type LevelRow = StoredIntakeRow & LatestTriageRow & { waiting_since: string; follow_up: number }

const CONCERN_LEVELS: readonly ConcernLevel[] = ['none', 'review', 'urgent', 'emergency']

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

/** The entry of one row of the level query: the intake's columns apart from the rest. */
function toEntry(level: LevelRow): QueueEntry {
  const {
    waiting_since: waitingSince,
    follow_up: followUp,
    triage_version,
    decision,
    decided_at,
    staff_name,
    ...row
  } = level
  return {
    id: row.id,
    waitingSince,
    followUp: followUp === 1,
    row,
    ...reviewStateOf({ triage_version, decision, decided_at, staff_name })
  }
}
