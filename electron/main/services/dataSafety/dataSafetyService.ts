/**
 * The data-safety service: the database's background integrity check (and
 * the read-only state a failed one puts the app in), the backup settings,
 * backups made on request and once a day, and restoring a backup.
 *
 * Everything slow runs off the main thread or in small steps: the integrity
 * check in a worker thread, the backup through SQLite's online backup API
 * (which copies a few hundred pages at a time between turns of the event
 * loop), and its verification in the worker again.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import {
  DEFAULT_BACKUP_SETTINGS,
  MAX_BACKUPS_KEPT,
  MIN_BACKUPS_KEPT,
  type BackupInfo,
  type BackupSettings,
  type DataHealth,
  type RestoreResult,
  type ValidationIssue
} from '../../../../src/domain'
import { mapSqliteError } from '../database/mapSqliteError'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from '../settings/settingsStore'
import {
  BACKUP_NAME_PATTERN,
  listBackups,
  makeBackup,
  pruneBackups,
  restoreDatabaseFile
} from './backups'
import {
  checkIntegrityInWorker,
  defaultIntegrityWorkerFile,
  type IntegrityResult
} from './integrityCheck'

/** The settings key of the stored JSON value. */
export const BACKUP_SETTINGS_KEY = 'backup.settings'

/** A daily backup is due when the newest one is at least this old. */
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60_000
/** How often the daily schedule looks whether a backup is due. */
export const BACKUP_SCHEDULE_CHECK_MS = 60 * 60_000

export interface DataSafetyServiceOptions {
  /** The app's open connection (backups are read through it). */
  readonly db: Database.Database
  /** The database file, as opened. */
  readonly databasePath: string
  /** The app's data folder: backups may not be kept inside it. */
  readonly dataDir: string
  readonly settings: SettingsStore
  readonly now: () => Date
  /** A folder dialog (the desktop shell's); resolves to null when cancelled. */
  readonly chooseFolder?: (title: string) => Promise<string | null>
  /** The integrity worker's entry; the checkout's (source or build) by default. */
  readonly integrityWorkerFile?: string
  /** A better-sqlite3 binary built for this runtime (Electron), when it is not the default one. */
  readonly nativeBinding?: string
  /** Told whenever the health changes (a check starts or ends, a backup is made). */
  readonly onHealthChange?: (health: DataHealth) => void
  /** Told of each backup the daily schedule makes (for the audit trail). */
  readonly onAutomaticBackup?: (info: BackupInfo) => void
  /** Failures of background work, which has no caller to reject to. */
  readonly onError?: (context: string, error: unknown) => void
  /** Closes the app's connection; called just before a restored backup replaces the file. */
  readonly closeDatabase: () => void
  /** Restarts the app on the restored database. */
  readonly requestRestart?: () => void
}

export interface DataSafetyService {
  /** The latest check, whether writing has stopped, and the newest backup. */
  health(): DataHealth
  /** Runs the first full integrity check in the background; its result goes to `onHealthChange`. */
  startBackgroundCheck(): void
  /** Runs a full integrity check now (or joins the one running) and returns the new health. */
  runCheckNow(): Promise<DataHealth>
  /** True once a check has failed: records can be read, nothing may be saved. */
  isReadOnly(): boolean
  getSettings(): Promise<BackupSettings>
  /**
   * Validates and stores the backup settings.
   * @throws ServiceError `invalid-argument` with issues for `folder` and `keep`
   */
  setSettings(input: BackupSettings): Promise<BackupSettings>
  /** Asks for a folder with the desktop's dialog; `null` when cancelled. */
  chooseFolder(): Promise<{ folder: string | null }>
  /** Makes a checked backup in the backup folder now, then deletes the oldest beyond `keep`. */
  backupNow(): Promise<BackupInfo>
  /** The backups in the backup folder, newest first (none when no folder is set). */
  listBackups(): Promise<readonly BackupInfo[]>
  /**
   * Restores a backup from the backup folder: checked first (a refused backup
   * changes nothing), then the database is closed, moved aside and replaced,
   * and the app is asked to restart.
   */
  restore(fileName: string): Promise<RestoreResult>
  /** Makes a backup now if the last is a day old, then looks again every hour. */
  startDailySchedule(): void
  /** Stops the daily schedule. */
  stop(): void
  /**
   * Resolves once no backup or restore is running: the app waits for it
   * before closing the database (a backup reads through the connection).
   */
  whenIdle(): Promise<void>
}

export function createDataSafetyService(options: DataSafetyServiceOptions): DataSafetyService {
  const workerFile = options.integrityWorkerFile ?? defaultIntegrityWorkerFile()
  const binding =
    options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }
  const onError = (context: string, error: unknown): void => options.onError?.(context, error)

  let health: DataHealth = {
    integrity: 'not-run',
    checkedAt: null,
    problems: [],
    readOnly: false,
    lastBackupAt: null
  }
  let checking: Promise<DataHealth> | null = null
  /** Backups and the restore run one at a time: a restore must not close the database under a backup. */
  let queue: Promise<unknown> = Promise.resolve()
  let schedule: ReturnType<typeof setInterval> | null = null
  let lastBackupKnown = false
  /** Set once the connection is closed for a restore: nothing may use it any more. */
  let closed = false

  const setHealth = (next: DataHealth): void => {
    health = next
    options.onHealthChange?.(health)
  }

  const fullCheck = (filePath: string): Promise<IntegrityResult> =>
    checkIntegrityInWorker(filePath, { workerFile, ...binding })

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }

  const readSettings = async (): Promise<BackupSettings> => {
    let stored: string | null
    try {
      stored = await options.settings.get(BACKUP_SETTINGS_KEY)
    } catch (error) {
      throw mapSqliteError(error)
    }
    if (stored === null) return DEFAULT_BACKUP_SETTINGS
    // A damaged value reads as the defaults (no folder): backups stop, visibly,
    // rather than the app failing to start or writing somewhere unintended.
    let value: unknown
    try {
      value = JSON.parse(stored)
    } catch {
      return DEFAULT_BACKUP_SETTINGS
    }
    return storedShape(value) ?? DEFAULT_BACKUP_SETTINGS
  }

  /** Reads the newest backup's time from the folder, so `health()` can show it. */
  const refreshLastBackup = async (folder?: string): Promise<void> => {
    const where = folder ?? (await readSettings()).folder
    let newest: string | null = null
    if (where !== '') {
      try {
        newest = listBackups(where)[0]?.createdAt ?? null
      } catch (error) {
        // A drive not connected: the health says no backup is known.
        onError('backup-list', error)
      }
    }
    lastBackupKnown = true
    if (newest !== health.lastBackupAt) setHealth({ ...health, lastBackupAt: newest })
  }

  const backUp = (): Promise<BackupInfo> =>
    serially(async () => {
      if (closed) throw restarting()
      const settings = await readSettings()
      if (settings.folder === '') {
        throw new ServiceError(
          'conflict',
          'No backup folder is set. Choose a folder for backups in Settings first.'
        )
      }
      const info = await makeBackup(options.db, settings.folder, options.now(), {
        ...binding,
        fullCheck
      })
      try {
        pruneBackups(settings.folder, settings.keep)
      } catch (error) {
        // The backup is made; failing to delete old ones must not hide that.
        onError('backup-prune', error)
      }
      setHealth({ ...health, lastBackupAt: info.createdAt })
      return info
    })

  /** One look of the daily schedule: never throws, reports to `onError`. */
  const dailyTick = async (): Promise<void> => {
    try {
      if (closed || health.readOnly) return
      const settings = await readSettings()
      if (!settings.daily || settings.folder === '') return
      const newest = listBackups(settings.folder)[0]
      if (newest !== undefined) {
        const age = options.now().getTime() - Date.parse(newest.createdAt)
        if (age < DAILY_BACKUP_INTERVAL_MS) return
      }
      const info = await backUp()
      options.onAutomaticBackup?.(info)
    } catch (error) {
      onError('automatic-backup', error)
    }
  }

  const service: DataSafetyService = {
    health: () => health,

    startBackgroundCheck() {
      if (!lastBackupKnown) {
        void refreshLastBackup().catch((error: unknown) => onError('backup-list', error))
      }
      service.runCheckNow().catch((error: unknown) => onError('integrity-check', error))
    },

    runCheckNow() {
      if (checking !== null) return checking
      const before = health
      setHealth({ ...health, integrity: 'running' })
      checking = fullCheck(options.databasePath)
        .then(
          (result) => {
            // Once a check fails, writing stays stopped until the app restarts
            // (after a restore): a disk that returned bad data once cannot be trusted.
            setHealth({
              ...health,
              integrity: result.ok ? 'ok' : 'failed',
              checkedAt: options.now().toISOString(),
              problems: result.problems,
              readOnly: health.readOnly || !result.ok
            })
            return health
          },
          (error: unknown) => {
            setHealth({
              ...health,
              integrity: before.integrity,
              checkedAt: before.checkedAt,
              problems: before.problems
            })
            throw new ServiceError(
              'storage',
              'The integrity check could not run. Try again; if it keeps failing, restart the app.',
              { cause: error }
            )
          }
        )
        .finally(() => {
          checking = null
        })
      return checking
    },

    isReadOnly: () => health.readOnly,

    getSettings: readSettings,

    async setSettings(input) {
      const settings = validateSettings(input, options.dataDir)
      try {
        await options.settings.set(BACKUP_SETTINGS_KEY, JSON.stringify(settings))
      } catch (error) {
        throw mapSqliteError(error)
      }
      await refreshLastBackup(settings.folder)
      return settings
    },

    async chooseFolder() {
      if (options.chooseFolder === undefined) {
        throw new ServiceError('conflict', 'Choosing a folder is not available here.')
      }
      return { folder: await options.chooseFolder('Choose the folder for backups') }
    },

    backupNow: backUp,

    async listBackups() {
      const { folder } = await readSettings()
      return folder === '' ? [] : listBackups(folder)
    },

    restore(fileName) {
      return serially(async () => {
        if (closed) throw restarting()
        const { folder } = await readSettings()
        if (folder === '') {
          throw new ServiceError(
            'conflict',
            'No backup folder is set, so there is nothing to restore.'
          )
        }
        const backupPath = backupInFolder(folder, fileName)
        let replacing = false
        try {
          const restored = await restoreDatabaseFile({
            dataDir: path.dirname(options.databasePath),
            databaseFileName: path.basename(options.databasePath),
            backupPath,
            now: options.now(),
            ...binding,
            fullCheck,
            beforeReplacing: () => {
              replacing = true
              service.stop()
              closed = true
              options.closeDatabase()
            }
          })
          options.requestRestart?.()
          return {
            restoredFrom: restored.restoredFrom,
            previousMovedTo: restored.previousMovedTo ?? ''
          }
        } catch (error) {
          // The connection is already closed: only a restart opens the database
          // again (whichever file is in place, which the restore never deletes).
          if (replacing) options.requestRestart?.()
          throw error
        }
      })
    },

    startDailySchedule() {
      if (schedule !== null) return
      if (!lastBackupKnown) {
        void refreshLastBackup().catch((error: unknown) => onError('backup-list', error))
      }
      void dailyTick()
      schedule = setInterval(() => void dailyTick(), BACKUP_SCHEDULE_CHECK_MS)
      // The schedule alone must never keep the app running.
      schedule.unref()
    },

    stop() {
      if (schedule !== null) clearInterval(schedule)
      schedule = null
    },

    whenIdle: () => queue.then(() => undefined)
  }
  return service
}

function restarting(): ServiceError {
  return new ServiceError('conflict', 'The app is restarting after a restore. Wait a moment.')
}

/**
 * The backup named `fileName` inside `folder`. The name must be one of the
 * app's backup names, a plain name that resolves inside the folder: never a
 * path that leads anywhere else.
 */
function backupInFolder(folder: string, fileName: string): string {
  const invalid = (): ServiceError =>
    new ServiceError('invalid-argument', 'Choose a backup from the list.', {
      issues: [
        { itemId: 'fileName', code: 'unknown-code', message: 'Choose a backup from the list.' }
      ]
    })
  if (
    typeof fileName !== 'string' ||
    path.basename(fileName) !== fileName ||
    fileName.includes('/') ||
    fileName.includes('\\') ||
    !BACKUP_NAME_PATTERN.test(fileName)
  ) {
    throw invalid()
  }
  const root = path.resolve(folder)
  const resolved = path.resolve(root, fileName)
  if (path.dirname(resolved) !== root) throw invalid()
  if (!fs.existsSync(resolved)) {
    throw new ServiceError('not-found', `The backup ${fileName} is no longer in the backup folder.`)
  }
  return resolved
}

/** The stored JSON's shape (not the folder's state on disk, which can change while the app runs). */
function storedShape(value: unknown): BackupSettings | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { folder, keep, daily } = value as Record<string, unknown>
  if (typeof folder !== 'string' || (folder !== '' && !path.isAbsolute(folder))) return null
  if (typeof keep !== 'number' || !Number.isInteger(keep)) return null
  if (keep < MIN_BACKUPS_KEPT || keep > MAX_BACKUPS_KEPT) return null
  if (typeof daily !== 'boolean') return null
  return { folder, keep, daily }
}

/**
 * Checks new settings, the folder against the disk: it must be an absolute
 * path to an existing folder the app can write to (tested by writing and
 * removing a small file), and not inside the data folder, where a backup
 * would be lost with the disk or folder it is meant to survive. An empty
 * folder turns backups off.
 */
function validateSettings(input: BackupSettings, dataDir: string): BackupSettings {
  const issues: ValidationIssue[] = []
  const value: unknown = input
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const { folder, keep, daily } = record

  if (
    typeof keep !== 'number' ||
    !Number.isInteger(keep) ||
    keep < MIN_BACKUPS_KEPT ||
    keep > MAX_BACKUPS_KEPT
  ) {
    issues.push({
      itemId: 'keep',
      code: 'out-of-range',
      message: `Keep a whole number of backups from ${MIN_BACKUPS_KEPT} to ${MAX_BACKUPS_KEPT}.`
    })
  }
  if (typeof daily !== 'boolean') {
    issues.push({
      itemId: 'daily',
      code: 'wrong-type',
      message: 'Choose whether a backup is made every day.'
    })
  }
  let chosen = ''
  if (typeof folder !== 'string') {
    issues.push({ itemId: 'folder', code: 'wrong-type', message: 'Choose a folder for backups.' })
  } else if (folder.trim() !== '') {
    const problem = folderProblem(folder.trim(), dataDir)
    if (problem === null) chosen = path.resolve(folder.trim())
    else issues.push({ itemId: 'folder', code: problem.code, message: problem.message })
  }
  if (issues.length > 0) {
    throw new ServiceError(
      'invalid-argument',
      issues.length === 1 && issues[0] !== undefined
        ? issues[0].message
        : 'The backup settings were not saved: some need attention.',
      { issues }
    )
  }
  return { folder: chosen, keep: keep as number, daily: daily as boolean }
}

function folderProblem(
  folder: string,
  dataDir: string
): { code: ValidationIssue['code']; message: string } | null {
  if (!path.isAbsolute(folder)) {
    return {
      code: 'wrong-type',
      message:
        'Give the backup folder’s full location (for example D:\\Backups), or choose it with “Choose folder…”.'
    }
  }
  let stats: fs.Stats
  try {
    stats = fs.statSync(folder)
  } catch {
    return {
      code: 'out-of-range',
      message: `The folder ${folder} cannot be found. Create it, or connect the drive it is on.`
    }
  }
  if (!stats.isDirectory()) {
    return { code: 'out-of-range', message: `${folder} is a file, not a folder.` }
  }
  if (isInside(folder, dataDir)) {
    return {
      code: 'out-of-range',
      message:
        'The backup folder cannot be inside the app’s own data folder: a backup must survive losing that folder. ' +
        'Choose a folder on another drive, a network share or a USB drive.'
    }
  }
  const probe = path.join(folder, `.back-intake-write-test-${randomUUID()}`)
  try {
    fs.writeFileSync(
      probe,
      'Back Intake checks that it may write here; this file is removed at once.',
      {
        flag: 'wx'
      }
    )
  } catch {
    return {
      code: 'out-of-range',
      message: `The app may not write to ${folder}. Choose a folder you can save files in.`
    }
  } finally {
    fs.rmSync(probe, { force: true })
  }
  return null
}

/** Whether `folder` is `dataDir` or inside it, after following links on both. */
function isInside(folder: string, dataDir: string): boolean {
  const real = (where: string): string => {
    try {
      return fs.realpathSync(where)
    } catch {
      return path.resolve(where)
    }
  }
  const relative = path.relative(real(dataDir), real(folder))
  const outside =
    relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
  return !outside
}
