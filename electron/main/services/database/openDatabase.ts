/**
 * Opens the app's SQLite database: checks it without writing, then configures
 * the connection for durability and brings the schema up to date.
 *
 * A clinic's only copy of its intakes may be in this file, so anything
 * unexpected (not a database, damaged, written by a newer app) is refused
 * before a single byte is written, with a message the person at the screen can
 * act on.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { placeWithoutReplacing, syncFile, syncFolder } from './durableFiles'
import { MIGRATIONS, type Migration } from './migrations'
import { expectedSchemaShape, schemaDifferences, schemaShape } from './schemaShape'
import {
  readSqliteFileHeader,
  type SqliteFileHeader,
  type SqliteHeaderProblem,
  type SqliteHeaderReading
} from './sqliteFileHeader'

export type DatabaseOpenFailure = 'not-a-database' | 'corrupt' | 'newer-version' | 'unreadable'

/** Why the database could not be opened; `message` is written for the user. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError'
  readonly reason: DatabaseOpenFailure
  readonly filePath: string

  constructor(reason: DatabaseOpenFailure, filePath: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.reason = reason
    this.filePath = filePath
  }
}

export interface OpenDatabaseOptions {
  /** Schema steps, oldest first; defaults to the app's {@link MIGRATIONS}. */
  readonly migrations?: readonly Migration[]
  /**
   * Path to a better-sqlite3 native binary. The Electron app passes a copy built
   * for Electron's ABI, so Vitest (plain Node) and the app can each load theirs.
   */
  readonly nativeBinding?: string
  /** How long a write waits for another connection's lock before failing. */
  readonly busyTimeoutMs?: number
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000

/**
 * A file standing alone (no `-wal` or `-journal` beside it) up to this size is
 * checked from a copy in memory; bigger ones are opened read-only, which for a
 * WAL-mode file creates empty `-wal` and `-shm` files beside it.
 */
const IN_MEMORY_CHECK_MAX_BYTES = 512 * 1024 * 1024

/**
 * Opens (creating if absent) the database at `filePath` and migrates it.
 *
 * Order matters: an existing file is first read as plain bytes (it must be
 * non-empty, start with a valid SQLite header, and carry a `user_version` this
 * app understands), then checked by SQLite for `user_version`, foreign tables
 * and `PRAGMA quick_check` on a copy in memory (or read-only when a log sits
 * beside it), so a refused file is left as it was, with nothing created
 * beside it. Only when all of that passes is it opened read-write. Before an
 * existing database is migrated to a newer schema, a copy is written next to
 * it as `<file>.v<N>.bak`. A new database is built under a temporary name and
 * renamed into place, so an empty file at `filePath` is never one this
 * function left behind: it is a damaged database, and is refused.
 *
 * @throws {DatabaseOpenError} when the file is empty, is not a database, is
 *   damaged, was written by a newer version of the app, or cannot be read. The
 *   file is left exactly as it was.
 */
export function openDatabase(
  filePath: string,
  options: OpenDatabaseOptions = {}
): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS
  assertMigrationsInOrder(migrations)
  const latest = migrations.length
  const nativeBinding = options.nativeBinding
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS

  const existing = existingFileSize(filePath) !== null
  if (existing) {
    const header = readHeader(filePath)
    if (header.userVersion > latest) {
      throw newerVersionError(filePath, header.userVersion, latest)
    }
    inspect(filePath, header, migrations, nativeBinding)
  } else {
    createDatabase(filePath, migrations, nativeBinding, busyTimeoutMs)
  }

  let db: Database.Database
  try {
    db = new Database(filePath, nativeBinding === undefined ? {} : { nativeBinding })
    configure(db, busyTimeoutMs)
  } catch (error) {
    throw new DatabaseOpenError(
      'unreadable',
      filePath,
      `The database file "${filePath}" could not be opened for saving (${describeSqliteFailure(error)}). ` +
        'Check that the file is not read-only, that its folder is writable and that the disk is not full, then restart the app.',
      error
    )
  }

  try {
    // Another copy of the app could have migrated the file between the check
    // and this open; reading the marker again costs nothing.
    const version = readUserVersion(db)
    if (version > latest) throw newerVersionError(filePath, version, latest)
    if (existing && version >= 1 && version < latest) backUpBeforeMigrating(db, filePath, version)
    migrate(db, migrations, version)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/**
 * Builds a new database under a temporary name beside `filePath`, migrated to
 * the latest schema and closed (which folds the log back into the file), then
 * moves it into place. A crash part-way leaves only the temporary files, which
 * the next attempt removes; `filePath` is never an empty or half-built file.
 */
function createDatabase(
  filePath: string,
  migrations: readonly Migration[],
  nativeBinding: string | undefined,
  busyTimeoutMs: number
): void {
  const folder = path.dirname(filePath)
  const temporaryPath = `${filePath}.new`
  const removeTemporary = (): void => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      fs.rmSync(`${temporaryPath}${suffix}`, { force: true })
    }
  }
  let db: Database.Database | undefined
  try {
    fs.mkdirSync(folder, { recursive: true })
    removeTemporary()
    db = new Database(temporaryPath, nativeBinding === undefined ? {} : { nativeBinding })
    configure(db, busyTimeoutMs)
  } catch (error) {
    db?.close()
    removeTemporary()
    throw new DatabaseOpenError(
      'unreadable',
      filePath,
      `A new database could not be created at "${filePath}" (${describeSqliteFailure(error)}). ` +
        'Check that its folder is writable and that the disk is not full, then restart the app.',
      error
    )
  }
  try {
    migrate(db, migrations, 0)
    db.close()
    db = undefined
    syncFile(temporaryPath)
    placeWithoutReplacing(temporaryPath, filePath)
    syncFolder(folder)
  } catch (error) {
    db?.close()
    removeTemporary()
    throw error
  }
}

/** The steps must be numbered 1..n in order: a gap or a swap would skip or repeat schema changes. */
function assertMigrationsInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version} but is at position ${index + 1}.`
      )
    }
  })
}

/** The size of the file at `filePath`, or null when there is none. */
function existingFileSize(filePath: string): number | null {
  let stats: fs.Stats
  try {
    stats = fs.statSync(filePath)
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw unreadableError(filePath, error)
  }
  if (!stats.isFile()) {
    const cause = Object.assign(new Error(`${filePath} is not a regular file`), {
      code: stats.isDirectory() ? 'EISDIR' : 'EINVAL'
    })
    throw unreadableError(filePath, cause)
  }
  return stats.size
}

/**
 * Reads and checks the 100-byte header as plain bytes, writing nothing: an
 * empty file, a file that is not SQLite, and a header cut short are refused
 * here, before SQLite (which takes an empty file for a new database) sees them.
 */
function readHeader(filePath: string): SqliteFileHeader {
  let header: SqliteHeaderReading
  try {
    header = readSqliteFileHeader(filePath)
  } catch (error) {
    throw unreadableError(filePath, error)
  }
  if (!header.ok) throw headerError(filePath, header.problem)
  // A negative marker was never written by this app.
  if (header.userVersion < 0) throw foreignDatabaseError(filePath)
  return header
}

function headerError(filePath: string, problem: SqliteHeaderProblem): DatabaseOpenError {
  switch (problem) {
    case 'not-a-file':
      // It was a regular file a moment ago (see existingFileSize).
      return unreadableError(
        filePath,
        Object.assign(new Error(`${filePath} is not a regular file`), { code: 'EINVAL' })
      )
    case 'empty':
      return emptyFileError(filePath)
    case 'header-cut-short':
    case 'page-cut-short':
      return corruptError(filePath)
    case 'not-sqlite':
    case 'bad-page-size':
    case 'bad-format':
      return notADatabaseError(filePath)
  }
}

/**
 * Reads the schema version, looks for another program's tables, runs
 * SQLite's quick integrity check and compares the tables, columns and indexes
 * with those the migrations build for that version (a damaged byte in the
 * schema's SQL text passes SQLite's checks but breaks every statement naming
 * what it changed), on a connection that cannot write the file.
 *
 * A file standing alone is the whole database, so it is checked from a copy
 * in memory: SQLite opening a WAL-mode file, even read-only, creates `-wal`
 * and `-shm` files beside it, which must not appear beside a file that is
 * then refused. When a log or journal is already there (after a crash), it
 * holds committed data the check must see, and the file is opened read-only.
 *
 * @returns the file's `user_version`
 */
function inspect(
  filePath: string,
  header: SqliteFileHeader,
  migrations: readonly Migration[],
  nativeBinding: string | undefined
): number {
  const latest = migrations.length
  const standsAlone = !fs.existsSync(`${filePath}-wal`) && !fs.existsSync(`${filePath}-journal`)
  let db: Database.Database
  try {
    const binding = nativeBinding === undefined ? {} : { nativeBinding }
    if (standsAlone && header.size <= IN_MEMORY_CHECK_MAX_BYTES) {
      const copy = fs.readFileSync(filePath)
      // The in-memory copy has no log: mark it as a rollback-journal database
      // (header bytes 18 and 19), or SQLite refuses to open it. The file keeps its bytes.
      if (header.wal) copy.fill(1, 18, 20)
      db = new Database(copy, { readonly: true, ...binding })
    } else {
      db = new Database(filePath, { readonly: true, fileMustExist: true, ...binding })
    }
  } catch (error) {
    throw classifySqliteOpenError(filePath, error)
  }
  try {
    // Version first: a schema from a newer app may use features this SQLite
    // build does not parse, which quick_check would misreport as damage.
    const version = readUserVersion(db)
    if (version > latest) throw newerVersionError(filePath, version, latest)
    // Version 0 with tables is some other program's SQLite database (the app's
    // first step sets version 1 in the same transaction as its tables): adding
    // ours to it would be writing into someone else's file.
    if (version < 0) throw foreignDatabaseError(filePath)
    if (version === 0 && db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() !== 0) {
      throw foreignDatabaseError(filePath)
    }
    const rows: unknown = db.pragma('quick_check')
    if (!isQuickCheckOk(rows)) {
      throw corruptError(filePath)
    }
    if (version >= 1) {
      const expected = expectedSchemaShape(migrations, version, nativeBinding)
      const differences = schemaDifferences(expected, schemaShape(db))
      if (differences.length > 0) {
        throw corruptError(filePath, new Error(`Schema damaged: ${differences.join('; ')}.`))
      }
    }
    return version
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error
    throw classifySqliteOpenError(filePath, error)
  } finally {
    db.close()
  }
}

function readUserVersion(db: Database.Database): number {
  const value: unknown = db.pragma('user_version', { simple: true })
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error('PRAGMA user_version did not return an integer.')
  }
  return value
}

/** `quick_check` answers a single row `ok` when it finds nothing wrong, and one row per problem otherwise. */
function isQuickCheckOk(rows: unknown): boolean {
  if (!Array.isArray(rows) || rows.length !== 1) return false
  const row: unknown = rows[0]
  return typeof row === 'object' && row !== null && 'quick_check' in row && row.quick_check === 'ok'
}

function configure(db: Database.Database, busyTimeoutMs: number): void {
  // WAL lets the UI read while a save is being written and makes each commit a
  // single append to the log.
  const mode: unknown = db.pragma('journal_mode = WAL', { simple: true })
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)}).`)
  // better-sqlite3 (like SQLite) runs WAL with synchronous=NORMAL, which does not
  // fsync the log at each commit: after a power cut the last intakes the clinic
  // was told were saved can be gone. FULL fsyncs every commit, costing about one
  // disk flush per save, which an intake app can easily afford.
  db.pragma('synchronous = FULL')
  // SQLite leaves foreign keys off by default for backwards compatibility; the
  // schema relies on them (an intake must point at a real patient).
  db.pragma('foreign_keys = ON')
  // Wait for another connection's write lock (a backup tool, a second window)
  // instead of failing at once with SQLITE_BUSY.
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`)
}

/**
 * Writes a consistent copy of the database as `<file>.v<version>.bak` before a
 * schema change, so a migration that goes wrong in the field can be undone by
 * hand. `VACUUM INTO` is used rather than better-sqlite3's `backup()` because it
 * is synchronous (opening stays a plain function call before any window shows)
 * and produces a compact, self-contained file. It refuses to overwrite, so it
 * writes a temporary name that is then renamed over any older copy.
 */
function backUpBeforeMigrating(db: Database.Database, filePath: string, version: number): void {
  const backupPath = `${filePath}.v${version}.bak`
  const temporaryPath = `${backupPath}.tmp`
  fs.rmSync(temporaryPath, { force: true })
  db.prepare('VACUUM INTO ?').run(temporaryPath)
  // VACUUM INTO does not sync its output; the copy only protects anything if it
  // is on disk before the migration touches the original.
  syncFile(temporaryPath)
  fs.renameSync(temporaryPath, backupPath)
}

/**
 * Runs each pending step in its own transaction together with its
 * `user_version` bump: a crash mid-step leaves the previous version intact and
 * the step is simply run again at the next start. One transaction per step
 * (rather than one for all) means a database that reached step 3 keeps it even
 * if step 4 fails.
 */
function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  fromVersion: number
): void {
  for (const migration of migrations.slice(fromVersion)) {
    db.transaction(() => {
      migration.up(db)
      // PRAGMA does not take bound parameters; the version is an integer we checked.
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}

function classifySqliteOpenError(filePath: string, error: unknown): DatabaseOpenError {
  const code = sqliteCode(error)
  if (code === 'SQLITE_NOTADB') return notADatabaseError(filePath, error)
  if (code !== undefined && code.startsWith('SQLITE_CORRUPT')) return corruptError(filePath, error)
  return unreadableError(filePath, error)
}

function notADatabaseError(filePath: string, cause?: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'not-a-database',
    filePath,
    `The file "${filePath}" is not a Back Intake database, so it was not opened. It has NOT been changed. ` +
      'If it is yours, keep it; move or rename it, then restart the app to start a new, empty database, ' +
      'or put your backed-up database in its place.',
    cause
  )
}

/**
 * An empty file where the database should be: the app never leaves one (a new
 * database is built under another name and moved into place), so the clinic's
 * intakes were lost from it, by a disk, sync or copying problem. Starting a
 * new, empty database on top would hide that.
 */
function emptyFileError(filePath: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'corrupt',
    filePath,
    `The database file "${filePath}" is empty (0 bytes): the intakes it held are not in it, so it was not opened. ` +
      'It has NOT been changed. Restore your most recent backup in its place. ' +
      'If this is a new installation with no intakes yet, delete the empty file and restart the app to start a new database.'
  )
}

function foreignDatabaseError(filePath: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'not-a-database',
    filePath,
    `The file "${filePath}" is a database of another program, not of Back Intake, so it was not opened. ` +
      'It has NOT been changed. Move or rename it, then restart the app to start a new, empty database, ' +
      'or put your backed-up Back Intake database in its place.'
  )
}

function corruptError(filePath: string, cause?: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'corrupt',
    filePath,
    `The database "${filePath}" is damaged, so it was not opened. It has NOT been changed. ` +
      'Do not delete it: restore your most recent backup in its place, or send a copy of the file to support.',
    cause
  )
}

function newerVersionError(filePath: string, found: number, latest: number): DatabaseOpenError {
  return new DatabaseOpenError(
    'newer-version',
    filePath,
    `The database "${filePath}" was saved by a newer version of Back Intake (database version ${found}; ` +
      `this version of the app understands up to version ${latest}). It has NOT been changed. ` +
      'Update Back Intake to the latest version to open it.'
  )
}

function unreadableError(filePath: string, cause: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'unreadable',
    filePath,
    `The database "${filePath}" could not be read (${describeSqliteFailure(cause)}). It has NOT been changed. ` +
      'Check that the file exists, that your account may read it, and that no other program has it locked, then restart the app.',
    cause
  )
}

/** A short, SQL-free phrase for the message; the full error stays in `cause` for the log. */
function describeSqliteFailure(error: unknown): string {
  const code = sqliteCode(error) ?? errnoCode(error)
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'it is in use by another program'
    case 'SQLITE_FULL':
      return 'the disk is full'
    case 'SQLITE_CANTOPEN':
      return 'the file or its folder cannot be opened'
    case undefined:
      return 'unknown error'
    default:
      if (code.startsWith('SQLITE_READONLY')) return 'the file or its folder is read-only'
      if (code.startsWith('SQLITE_IOERR')) return 'a disk error occurred'
      return code
  }
}

function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined
  return error.code
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
