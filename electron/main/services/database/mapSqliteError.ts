/**
 * Turns an error from SQLite into a {@link ServiceError} whose message a
 * receptionist can read. The SQLite message (which can quote SQL, table and
 * column names) never reaches the UI: it stays in `cause` for the log.
 */
import Database from 'better-sqlite3'
import { ServiceError } from '../serviceError'

/**
 * @returns a `storage` ServiceError for failures of the disk or the database
 *   file, an `internal` one for a broken constraint (the service checks input
 *   first, so that is a bug), and any other value unchanged.
 */
export function mapSqliteError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error
  const code = error.code
  const storage = (message: string): ServiceError =>
    new ServiceError('storage', message, { cause: error })
  // Each message says what happened to this change and to what was saved
  // before (kept: SQLite rolled the change back whole), and what to do.
  if (code === 'SQLITE_FULL') {
    return storage(
      'The disk is full, so this change was not saved; everything saved before it is kept. ' +
        'Free some disk space, then try again.'
    )
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return storage(
      'The disk reported an error while reading or writing the database, so this change was not saved. ' +
        'Try again; if it keeps happening the disk may be failing: make a backup and ask an administrator to check it.'
    )
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_CANTOPEN')
  ) {
    return storage(
      'The database cannot be written: its file or folder is read-only or cannot be reached. ' +
        'This change was not saved; everything saved before it is kept. Ask an administrator to check the data folder.'
    )
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return storage('The database is busy with another task. Wait a moment and try again.')
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return storage(
      'The database is damaged. Close the app and restore your most recent backup, or contact support.'
    )
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ServiceError(
      'internal',
      'The change was refused by a storage rule and was not saved. Please report this.',
      {
        cause: error
      }
    )
  }
  return storage('The database reported an error, so the change was not saved. Try again.')
}
