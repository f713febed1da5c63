/**
 * The clinician's queue: who needs seeing first, and why. The intakes of a
 * range of local days (today unless asked), emergency first, then urgent,
 * review and none, and within a level the one waiting longest first, with
 * how many there are at each level.
 *
 * Each item carries the flags behind its concern: from the snapshot frozen at
 * submission, or worked out afresh for a draft (whose answers are still
 * changing), exactly as the record screen shows them. The caller decides what
 * a role may see (the front desk gets no flags and no decisions).
 */
import type { Database } from 'better-sqlite3'
import {
  CONCERN_ORDER,
  QUEUE_ITEM_LIMIT,
  todayIso,
  type Queue,
  type QueueItem,
  type QueueQuery
} from '../../../../src/domain'
import { createIntakeRepository } from '../database/intakeRepository'
import { mapSqliteError } from '../database/mapSqliteError'
import {
  createQueueRepository,
  type QueueEntry,
  type StoredIntakeRow
} from '../database/queueRepository'
import { localDayRange } from './localDays'
import { intactItemSource, storedItemSource, toQueueItem, type QueueItemSource } from './queueItem'

export interface QueueService {
  /**
   * The queue of `fromDate`..`toDate` (local calendar days, inclusive; each
   * defaults to today): drafts created and intakes submitted in that range.
   * A range that is not real days, runs backwards or covers more than
   * {@link MAX_QUEUE_DAYS} days is an `invalid-argument`.
   */
  list(query: QueueQuery): Promise<Queue>
}

export interface QueueServiceOptions {
  /** The clock: "today" (local date) and the day drafts are evaluated on. */
  readonly now: () => Date
}

/** A year, leap day included: the longest range one queue covers. */
export const MAX_QUEUE_DAYS = 366

/**
 * Rows remembered as checked: several full pages, so a clinic's day and the
 * ranges being looked at stay remembered, while the memory stays small
 * (a few megabytes).
 */
export const CHECKED_ROWS_KEPT = 1000

/** Creates the queue service over an open, migrated database. */
export function createQueueService(db: Database, options: QueueServiceOptions): QueueService {
  const intakes = createIntakeRepository(db)
  const queue = createQueueRepository(db)

  /**
   * Each row as last read and checked, by intake id. The queue is read again
   * at every save anywhere in the clinic, and checking a row (its check
   * values, its snapshot's shape, a draft's answers) costs far more than
   * reading it. The outcome of those checks depends on the stored bytes
   * alone, so a row that is byte for byte the one checked before is not
   * checked again; any change at all, by the app or behind its back, is
   * checked afresh.
   */
  const checked = new Map<
    string,
    { readonly row: StoredIntakeRow; readonly source: QueueItemSource }
  >()
  const sourceOf = (entry: QueueEntry): QueueItemSource | null => {
    const known = checked.get(entry.id)
    if (known !== undefined && sameRow(known.row, entry.row)) {
      // Most recently used last, so the oldest goes first when the map is full.
      checked.delete(entry.id)
      checked.set(entry.id, known)
      return known.source
    }
    // The row the queue query read is checked as it is; only one that fails
    // (damaged, or written before check values) is read again in full, so
    // its line says what is wrong.
    const source = intactItemSource(entry.row) ?? storedItemSource(intakes.findById(entry.id))
    checked.delete(entry.id)
    if (source === null) return null
    checked.set(entry.id, { row: entry.row, source })
    if (checked.size > CHECKED_ROWS_KEPT) {
      const oldest = checked.keys().next()
      if (oldest.done !== true) checked.delete(oldest.value)
    }
    return source
  }

  /**
   * Counts and rows in one read transaction, so the counts at the top always
   * agree with the rows below even while another window saves.
   */
  const read = db.transaction(
    (from: string, to: string, today: string): Pick<Queue, 'items' | 'counts'> => {
      const counts = queue.countByConcern(from, to)
      const items: QueueItem[] = []
      for (const level of CONCERN_ORDER) {
        const room = QUEUE_ITEM_LIMIT - items.length
        if (room <= 0) break
        if (counts[level] === 0) continue
        for (const entry of queue.listLevel(level, from, to, room)) {
          const source = sourceOf(entry)
          // Inside the transaction the row cannot go; a row listed but unread is skipped.
          if (source !== null) items.push(toQueueItem(source, entry, today))
        }
      }
      return { items, counts }
    }
  )

  return {
    list(query) {
      try {
        const today = todayIso(options.now())
        const fromDate = query.fromDate ?? today
        const toDate = query.toDate ?? today
        const range = localDayRange(fromDate, toDate, MAX_QUEUE_DAYS)
        return Promise.resolve({ fromDate, toDate, ...read(range.from, range.to, today) })
      } catch (error) {
        return Promise.reject(mapSqliteError(error))
      }
    }
  }
}

/** Whether two reads of a row hold exactly the same stored values. */
function sameRow(before: StoredIntakeRow, now: StoredIntakeRow): boolean {
  for (const column of Object.keys(now) as (keyof StoredIntakeRow)[]) {
    if (before[column] !== now[column]) return false
  }
  return Object.keys(before).length === Object.keys(now).length
}
