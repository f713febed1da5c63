/**
 * The intake service as the app runs it: the storage-independent rules
 * ({@link createIntakeService}) over the local SQLite store.
 */
import type { Database } from 'better-sqlite3'
import type { RedFlagEvent } from '../../../../src/domain'
import { createSqliteIntakeStore } from '../database/sqliteIntakeStore'
import { createIntakeService, type IntakeService, type IntakeServiceOptions } from './intakeService'

export interface SqliteIntakeServiceOptions extends IntakeServiceOptions {
  /**
   * Told of the red-flag history each write adds, inside the write's own
   * transaction (the audit trail records raised alerts there): if it throws,
   * the answers are not saved either.
   */
  readonly onRedFlagEvents?: (intakeId: string, events: readonly RedFlagEvent[]) => void
}

/** Creates the intake service over an open, migrated database. */
export function createSqliteIntakeService(
  db: Database,
  options: SqliteIntakeServiceOptions
): IntakeService {
  const store = createSqliteIntakeStore(
    db,
    options.onRedFlagEvents === undefined ? {} : { onRedFlagEvents: options.onRedFlagEvents }
  )
  return createIntakeService(store, {
    now: options.now,
    ...(options.newId === undefined ? {} : { newId: options.newId })
  })
}
