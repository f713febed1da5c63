import type { Database } from 'better-sqlite3'

/**
 * One schema step. `version` is the `PRAGMA user_version` the database has
 * once `up` has run; steps are numbered 1, 2, 3... with no gaps, one file each.
 * A step that has shipped is never edited: a change is a new step, because
 * databases in the field have already run the old one.
 */
export interface Migration {
  readonly version: number
  readonly name: string
  /**
   * Applies the step. Runs inside a transaction opened by the migrator (which
   * also bumps `user_version` in that same transaction), so it must not open
   * its own, and must not run statements SQLite refuses inside a transaction
   * (`VACUUM`, changing `journal_mode`).
   */
  up(db: Database): void
}
