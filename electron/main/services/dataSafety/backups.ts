/**
 * Backups of the app database as plain files in a folder the administrator
 * chooses, and restoring one in place of the database.
 *
 * A backup is made with SQLite's online backup API (better-sqlite3's
 * `db.backup`), which copies a consistent snapshot while the app goes on
 * saving, into a temporary name; it is turned into a file that stands alone
 * (no `-wal` beside it), checked with a full integrity check, and only then
 * given its final name. So a file with a backup's name is always a complete,
 * checked backup, and an interrupted one leaves only a `.partial` file.
 *
 * Restoring never deletes or overwrites anything: the current database (and
 * its `-wal`/`-shm`) is moved aside under a dated name before the backup's
 * copy takes its place.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo } from '../../../../src/domain'
import { placeWithoutReplacing, syncFile, syncFolder } from '../database/durableFiles'
import { MIGRATIONS } from '../database/migrations'
import { readSqliteFileHeader, type SqliteHeaderReading } from '../database/sqliteFileHeader'
import { ServiceError } from '../serviceError'
import { MAX_REPORTED_PROBLEMS } from './integrityProtocol'
import type { IntegrityResult } from './integrityCheck'

/** The names of the app's backups: `back-intake-YYYY-MM-DD-HHMMSS.sqlite3`, `-N` when one second holds several. */
export const BACKUP_NAME_PATTERN =
  /^back-intake-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-([1-9]\d{0,3}))?\.sqlite3$/

/** A backup being written; never matches {@link BACKUP_NAME_PATTERN}. */
const PARTIAL_SUFFIX = '.partial'
/** A `.partial` file older than this is left over from a crash and is removed when pruning. */
const STALE_PARTIAL_MS = 60 * 60_000
/** Pages copied per step of the online backup; between steps the app's event loop runs. */
const BACKUP_STEP_PAGES = 256
/** A file up to this size is checked from a copy in memory (see {@link openForChecking}). */
const IN_MEMORY_CHECK_MAX_BYTES = 512 * 1024 * 1024

export interface MakeBackupOptions {
  readonly nativeBinding?: string
  /**
   * The full integrity check of the finished copy. By default it runs in this
   * thread; the app passes the worker thread's, so the window never stalls.
   */
  readonly fullCheck?: (filePath: string) => Promise<IntegrityResult>
}

/**
 * Writes a backup of `db` into `folder`, named after `now` (local time).
 *
 * @returns the new backup, once it is complete under its name and has passed
 *   its integrity check
 * @throws {ServiceError} `storage` when the folder cannot be written, the disk
 *   is full, or the copy fails its check (then nothing is left in the folder)
 */
export async function makeBackup(
  db: Database.Database,
  folder: string,
  now: Date,
  options: MakeBackupOptions = {}
): Promise<BackupInfo> {
  assertFolder(folder)
  const fileName = freeBackupName(folder, now)
  const finalPath = path.join(folder, fileName)
  const partialPath = `${finalPath}${PARTIAL_SUFFIX}`
  try {
    await db.backup(partialPath, { progress: () => BACKUP_STEP_PAGES })
    standAlone(partialPath, options.nativeBinding)
    syncFile(partialPath)
    const check = await (
      options.fullCheck ?? ((file) => checkInThread(file, options.nativeBinding))
    )(partialPath)
    if (!check.ok) {
      throw new ServiceError(
        'storage',
        'The backup copy failed its integrity check, so it was not kept. The database itself may be damaged: ' +
          'run the integrity check in Settings, and keep your earlier backups.',
        { cause: new Error(check.problems.join('\n')) }
      )
    }
    placeWithoutReplacing(partialPath, finalPath)
    syncFolder(folder)
  } catch (error) {
    removeWithSideFiles(partialPath)
    throw backupFailure(error, folder)
  }
  const info = backupInfo(folder, fileName)
  if (info === null)
    throw new ServiceError('storage', `The backup ${fileName} disappeared from ${folder}.`)
  return info
}

/**
 * The app's backups in `folder`, newest first. Other files, and backups still
 * being written, are not listed.
 *
 * @throws {ServiceError} `not-found` when the folder is missing (a drive not
 *   connected), `storage` when it cannot be read
 */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch (error) {
    throw folderFailure(error, folder)
  }
  const found: Array<{ info: BackupInfo; order: readonly [number, number] }> = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (parsed === null) continue
    const info = backupInfo(folder, name)
    if (info !== null) found.push({ info, order: [parsed.time, parsed.sequence] })
  }
  found.sort((a, b) => b.order[0] - a.order[0] || b.order[1] - a.order[1])
  return found.map((entry) => entry.info)
}

/**
 * Deletes the oldest backups beyond the newest `keep`, and `.partial` files
 * a crash left behind. Only files with a backup's name are ever deleted.
 *
 * @returns the names of the deleted backups
 */
export function pruneBackups(folder: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new RangeError(`pruneBackups: keep must be a whole number of at least 1, got ${keep}`)
  }
  const deleted: string[] = []
  for (const backup of listBackups(folder).slice(keep)) {
    fs.rmSync(path.join(folder, backup.fileName), { force: true })
    deleted.push(backup.fileName)
  }
  removeStalePartials(folder)
  return deleted
}

/** Whether a file can be restored: a reason the administrator can act on when it cannot. */
export type BackupCheck =
  | { readonly usable: true; readonly userVersion: number }
  | { readonly usable: false; readonly reason: string }

export interface CheckBackupOptions {
  readonly nativeBinding?: string
  /** As for {@link MakeBackupOptions.fullCheck}. */
  readonly fullCheck?: (filePath: string) => Promise<IntegrityResult>
}

/**
 * Checks that a file is a whole, undamaged Back Intake database this version
 * of the app can open: a SQLite header, a schema version it knows (older ones
 * are migrated after restoring), the intakes table, and a full integrity
 * check. It is only read.
 */
export async function checkBackupFile(
  filePath: string,
  options: CheckBackupOptions = {}
): Promise<BackupCheck> {
  const header = readHeader(filePath)
  if (!header.usable) return header
  let db: Database.Database
  try {
    db = openForChecking(filePath, header.size, header.wal, options.nativeBinding)
  } catch (error) {
    return { usable: false, reason: `it could not be opened as a database (${describe(error)}).` }
  }
  let userVersion: number
  try {
    const version: unknown = db.pragma('user_version', { simple: true })
    userVersion = typeof version === 'number' ? version : -1
    if (userVersion > MIGRATIONS.length) return newerReason(userVersion)
    const hasIntakes =
      db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'intakes'")
        .pluck()
        .get() === 1
    if (userVersion < 1 || !hasIntakes) {
      return { usable: false, reason: 'it is not a Back Intake database (it has no intakes).' }
    }
    if (options.fullCheck === undefined) {
      const problems = integrityProblems(db)
      if (problems.length > 0) return damagedReason(problems)
    }
  } catch (error) {
    return { usable: false, reason: `it could not be read (${describe(error)}).` }
  } finally {
    db.close()
  }
  if (options.fullCheck !== undefined) {
    const result = await options.fullCheck(filePath)
    if (!result.ok) return damagedReason(result.problems)
  }
  return { usable: true, userVersion }
}

export interface RestoreFileOptions {
  /** The app's data folder, where the database lives. */
  readonly dataDir: string
  /** The database's file name in `dataDir`. */
  readonly databaseFileName: string
  /** The backup to restore (anywhere; it is only read). */
  readonly backupPath: string
  /** Dates the names the current database is moved aside under (local time). */
  readonly now: Date
  readonly nativeBinding?: string
  /** As for {@link MakeBackupOptions.fullCheck}. */
  readonly fullCheck?: (filePath: string) => Promise<IntegrityResult>
  /**
   * Called once the copy has passed every check, just before the current
   * database is moved aside: the running app closes its connection here, so a
   * backup that is refused never interrupts it.
   */
  readonly beforeReplacing?: () => void
}

/** What a restore did, by file name in the data folder. */
export interface RestoredDatabase {
  /** The backup's file name. */
  readonly restoredFrom: string
  /** Where the database that was replaced now is; null when there was none. */
  readonly previousMovedTo: string | null
  /** Every file moved aside (the database and its `-wal`, `-shm` or `-journal`). */
  readonly movedAside: readonly string[]
}

/**
 * Puts a backup in place of the database in `dataDir`.
 *
 * The backup is copied into the data folder first (so the file checked is the
 * file that will be used, and a full disk fails before anything is touched),
 * synced to disk and checked. Only then is the current database, with its log
 * files, moved aside as `<name>.before-restore-<stamp>` (`-wal`/`-shm` keep
 * their suffix so SQLite still finds them if that copy is opened), and the
 * copy renamed into place. Works whether the current database is healthy,
 * damaged or missing; the app must not have it open (see `beforeReplacing`).
 *
 * @throws {ServiceError} `conflict` when the backup cannot be used (nothing
 *   is changed), `not-found` when it does not exist, `storage` when the files
 *   cannot be written
 */
export async function restoreDatabaseFile(options: RestoreFileOptions): Promise<RestoredDatabase> {
  const { dataDir, databaseFileName, backupPath } = options
  const backupName = path.basename(backupPath)
  const refused = (reason: string): ServiceError =>
    new ServiceError(
      'conflict',
      `The backup ${backupName} cannot be restored: ${reason} Nothing was changed.`
    )
  if (!fs.existsSync(backupPath)) {
    throw new ServiceError('not-found', `The backup ${backupName} no longer exists.`)
  }
  const header = readHeader(backupPath)
  if (!header.usable) throw refused(header.reason)

  const stamp = localStamp(options.now)
  const databasePath = path.join(dataDir, databaseFileName)
  const copyPath = path.join(dataDir, `${databaseFileName}.restoring-${stamp}`)
  removeWithSideFiles(copyPath)
  try {
    fs.copyFileSync(backupPath, copyPath, fs.constants.COPYFILE_EXCL)
    // A copy of a database that was in WAL mode has no log beside it: mark it
    // as a rollback-journal file (header bytes 18 and 19), which it now is, so
    // checking it creates nothing beside it. The app turns WAL on again when it opens it.
    if (header.wal) writeAt(copyPath, 18, Buffer.from([1, 1]))
    syncFile(copyPath)
  } catch (error) {
    removeWithSideFiles(copyPath)
    throw restoreFailure(error)
  }
  let check: BackupCheck
  try {
    check = await checkBackupFile(copyPath, {
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
      ...(options.fullCheck === undefined ? {} : { fullCheck: options.fullCheck })
    })
  } catch (error) {
    removeWithSideFiles(copyPath)
    throw restoreFailure(error)
  }
  if (!check.usable) {
    removeWithSideFiles(copyPath)
    throw refused(check.reason)
  }

  try {
    options.beforeReplacing?.()
  } catch (error) {
    removeWithSideFiles(copyPath)
    throw error
  }

  const asideBase = freeAsideName(dataDir, `${databaseFileName}.before-restore-${stamp}`)
  const movedAside: string[] = []
  let previousMovedTo: string | null = null
  try {
    if (fs.existsSync(databasePath)) {
      // A second name first: the database keeps its own name until the copy
      // replaces it in one rename, so no moment leaves the app without one.
      linkOrMove(databasePath, path.join(dataDir, asideBase))
      previousMovedTo = asideBase
      movedAside.push(asideBase)
    }
    // The old log must never meet the restored file: SQLite would replay it into it.
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (!fs.existsSync(`${databasePath}${suffix}`)) continue
      placeWithoutReplacing(`${databasePath}${suffix}`, path.join(dataDir, `${asideBase}${suffix}`))
      movedAside.push(`${asideBase}${suffix}`)
    }
    fs.renameSync(copyPath, databasePath)
    syncFolder(dataDir)
  } catch (error) {
    throw restoreFailure(error)
  }
  return { restoredFrom: backupName, previousMovedTo, movedAside }
}

/** `YYYY-MM-DD-HHMMSS` in local time: what the clinic's clock said. */
export function localStamp(now: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0')
  return (
    `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}-` +
    `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`
  )
}

/** The backup name for `now`, with `-N` for the N-th backup of the same second. */
export function backupFileName(now: Date, sequence = 1): string {
  return `back-intake-${localStamp(now)}${sequence > 1 ? `-${sequence}` : ''}.sqlite3`
}

/** The time (from the name, local) and the same-second sequence of a backup's name, or null. */
export function parseBackupName(name: string): { time: number; sequence: number } | null {
  const match = BACKUP_NAME_PATTERN.exec(name)
  if (match === null) return null
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const date = new Date(0)
  date.setFullYear(year, month - 1, day)
  date.setHours(hours, minutes, seconds, 0)
  // 2026-02-31 would roll over into March: not a name this app wrote.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null
  }
  return { time: date.getTime(), sequence: match[7] === undefined ? 1 : Number(match[7]) }
}

function freeBackupName(folder: string, now: Date): string {
  for (let sequence = 1; sequence < 10_000; sequence += 1) {
    const name = backupFileName(now, sequence)
    const taken = path.join(folder, name)
    if (!fs.existsSync(taken) && !fs.existsSync(`${taken}${PARTIAL_SUFFIX}`)) return name
  }
  throw new ServiceError('storage', `Too many backups were made in one second in ${folder}.`)
}

function backupInfo(folder: string, fileName: string): BackupInfo | null {
  const parsed = parseBackupName(fileName)
  if (parsed === null) return null
  let stats: fs.Stats
  try {
    stats = fs.statSync(path.join(folder, fileName))
  } catch {
    return null
  }
  if (!stats.isFile()) return null
  return { fileName, createdAt: new Date(parsed.time).toISOString(), bytes: stats.size }
}

function assertFolder(folder: string): void {
  let stats: fs.Stats
  try {
    stats = fs.statSync(folder)
  } catch (error) {
    throw folderFailure(error, folder)
  }
  if (!stats.isDirectory()) {
    throw new ServiceError('conflict', `The backup folder ${folder} is a file, not a folder.`)
  }
}

/**
 * Turns the online backup's copy (a WAL-mode file, like its source) into one
 * that stands alone, so copying it elsewhere copies all of it and opening it
 * read-only creates nothing beside it.
 */
function standAlone(filePath: string, nativeBinding: string | undefined): void {
  const db = new Database(filePath, nativeBinding === undefined ? {} : { nativeBinding })
  try {
    const mode: unknown = db.pragma('journal_mode = DELETE', { simple: true })
    if (mode !== 'delete') throw new Error(`The backup copy stayed in ${String(mode)} mode.`)
  } finally {
    db.close()
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${filePath}${suffix}`, { force: true })
}

/** The full check in this thread, for start-up (no window yet) and tests. */
async function checkInThread(
  filePath: string,
  nativeBinding: string | undefined
): Promise<IntegrityResult> {
  const db = new Database(filePath, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding === undefined ? {} : { nativeBinding })
  })
  try {
    const problems = integrityProblems(db)
    return { ok: problems.length === 0, problems }
  } finally {
    db.close()
  }
}

/** `PRAGMA integrity_check`'s lines, or none when it says `ok`. */
function integrityProblems(db: Database.Database): string[] {
  const rows: unknown = db.pragma(`integrity_check(${MAX_REPORTED_PROBLEMS})`)
  const lines = Array.isArray(rows)
    ? rows.map((row: unknown) =>
        typeof row === 'object' && row !== null && 'integrity_check' in row
          ? String(row.integrity_check)
          : String(row)
      )
    : ['no answer']
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines
}

type HeaderCheck =
  | { readonly usable: true; readonly size: number; readonly wal: boolean }
  | { readonly usable: false; readonly reason: string }

/** Reads the first 100 bytes as plain bytes: an empty or foreign file is refused before SQLite sees it. */
function readHeader(filePath: string): HeaderCheck {
  let header: SqliteHeaderReading
  try {
    header = readSqliteFileHeader(filePath)
  } catch (error) {
    return { usable: false, reason: `it could not be read (${describe(error)}).` }
  }
  if (!header.ok) {
    switch (header.problem) {
      case 'not-a-file':
        return { usable: false, reason: 'it is not a file.' }
      case 'empty':
        return { usable: false, reason: 'it is empty (0 bytes).' }
      case 'not-sqlite':
      case 'header-cut-short':
      case 'bad-format':
        return { usable: false, reason: 'it is not a database file.' }
      case 'bad-page-size':
      case 'page-cut-short':
        return { usable: false, reason: 'it is damaged (its first page is incomplete).' }
    }
  }
  if (header.userVersion > MIGRATIONS.length) return newerReason(header.userVersion)
  return { usable: true, size: header.size, wal: header.wal }
}

/**
 * Opens a file for checking without writing beside it. A WAL-mode file is
 * read from a copy in memory marked as a rollback-journal file (as opening it
 * read-only from disk would create `-wal` and `-shm` files next to it); a
 * rollback-journal file is opened read-only, which creates nothing.
 */
function openForChecking(
  filePath: string,
  size: number,
  wal: boolean,
  nativeBinding: string | undefined
): Database.Database {
  const binding = nativeBinding === undefined ? {} : { nativeBinding }
  if (wal && size <= IN_MEMORY_CHECK_MAX_BYTES) {
    const copy = fs.readFileSync(filePath)
    copy.fill(1, 18, 20)
    return new Database(copy, { readonly: true, ...binding })
  }
  return new Database(filePath, { readonly: true, fileMustExist: true, ...binding })
}

function newerReason(version: number): { readonly usable: false; readonly reason: string } {
  return {
    usable: false,
    reason:
      `it was saved by a newer version of Back Intake (database version ${version}; this version understands up to ${MIGRATIONS.length}). ` +
      'Update the app first.'
  }
}

function damagedReason(problems: readonly string[]): BackupCheck {
  return {
    usable: false,
    reason: `it is damaged (its integrity check found: ${problems.slice(0, 3).join('; ')}).`
  }
}

/**
 * A name nothing in the folder has yet, with none of the log suffixes taken
 * either, so moving a database and its logs aside never replaces a file.
 */
function freeAsideName(dataDir: string, base: string): string {
  for (let n = 1; n < 1000; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`
    const taken = ['', '-wal', '-shm', '-journal'].some((suffix) =>
      fs.existsSync(path.join(dataDir, `${name}${suffix}`))
    )
    if (!taken) return name
  }
  throw new ServiceError('storage', `Too many earlier databases were set aside in ${dataDir}.`)
}

/**
 * Gives `from` the name `to` as well (a hard link), leaving `from` to be
 * replaced by a rename; where hard links are not supported, it is moved.
 * Never replaces an existing `to`.
 */
function linkOrMove(from: string, to: string): void {
  try {
    fs.linkSync(from, to)
    return
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw error
  }
  placeWithoutReplacing(from, to)
}

function removeWithSideFiles(filePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    fs.rmSync(`${filePath}${suffix}`, { force: true })
  }
}

function removeStalePartials(folder: string): void {
  const cutoff = Date.now() - STALE_PARTIAL_MS
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue
    if (parseBackupName(name.slice(0, -PARTIAL_SUFFIX.length)) === null) continue
    const file = path.join(folder, name)
    try {
      if (fs.statSync(file).mtimeMs < cutoff) removeWithSideFiles(file)
    } catch {
      // Already gone: another prune got there first.
    }
  }
}

function writeAt(filePath: string, position: number, bytes: Buffer): void {
  const fd = fs.openSync(filePath, 'r+')
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, position)
  } finally {
    fs.closeSync(fd)
  }
}

function backupFailure(error: unknown, folder: string): unknown {
  if (error instanceof ServiceError) return error
  const code = errnoCode(error)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new ServiceError(
      'storage',
      `The disk holding the backup folder ${folder} is full, so no backup was made. Free some space or choose another folder.`,
      { cause: error }
    )
  }
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code?.startsWith('SQLITE_READONLY') === true ||
    code === 'SQLITE_CANTOPEN'
  ) {
    return new ServiceError(
      'storage',
      `The app may not write to the backup folder ${folder}, so no backup was made. Choose a folder you can write to.`,
      { cause: error }
    )
  }
  if (code === 'ENOENT') return folderFailure(error, folder)
  return new ServiceError(
    'storage',
    `The backup could not be written to ${folder} (${describe(error)}). Check the folder and the disk, then try again.`,
    { cause: error }
  )
}

function folderFailure(error: unknown, folder: string): ServiceError {
  if (errnoCode(error) === 'ENOENT') {
    return new ServiceError(
      'not-found',
      `The backup folder ${folder} cannot be found. Connect the drive it is on, or choose another folder in Settings.`,
      { cause: error }
    )
  }
  return new ServiceError(
    'storage',
    `The backup folder ${folder} cannot be read (${describe(error)}).`,
    { cause: error }
  )
}

function restoreFailure(error: unknown): unknown {
  if (error instanceof ServiceError) return error
  const code = errnoCode(error)
  const why =
    code === 'ENOSPC' || code === 'SQLITE_FULL'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the data folder cannot be written'
        : describe(error)
  return new ServiceError(
    'storage',
    `The backup could not be put in place (${why}). Your current database has not been deleted; if the app does not start, contact support.`,
    { cause: error }
  )
}

/** A short phrase for a message; the full error stays in `cause` for the log. */
function describe(error: unknown): string {
  const code = errnoCode(error)
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT') return 'not found'
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full'
  if (code === 'SQLITE_NOTADB') return 'not a database'
  if (code?.startsWith('SQLITE_CORRUPT') === true) return 'the file is damaged'
  return code ?? (error instanceof Error ? error.message : String(error))
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
