/**
 * The clinician's queue: the intakes of a range of days, highest concern
 * first, then the one waiting longest. An intake waits from its submission,
 * or from its creation while it is a draft (a draft's `submitted_at` is NULL,
 * so `coalesce(submitted_at, created_at)` is exactly that moment).
 *
 * No existing index serves it: the list indexes are ordered by last change,
 * which a draft's every autosave moves. With this one, each concern level is
 * one range of the index, already in queue order, and counting a level
 * reads only the index: the queue's first page at 100,000 intakes then
 * touches the few rows it shows instead of sorting a day's worth (or a
 * year's, for a long range). The queries must spell the expression exactly
 * as here for SQLite to use the index (see queueRepository.ts).
 */
import type { Migration } from './migration'

export const queueIndexMigration: Migration = {
  version: 10,
  name: 'queue-index',
  up(db) {
    db.exec(`
      CREATE INDEX intakes_queue
        ON intakes (concern_rank, coalesce(submitted_at, created_at), id);
    `)
  }
}
