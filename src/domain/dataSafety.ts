/**
 * The health of the database and its backups, as Settings and the warning
 * banner show them.
 */

export type IntegrityState = 'not-run' | 'running' | 'ok' | 'failed'

export interface DataHealth {
  /** The latest full integrity check (one runs in the background after every start). */
  readonly integrity: IntegrityState
  /** When that check finished (ISO 8601), or null. */
  readonly checkedAt: string | null
  /** The first problems SQLite reported, when it failed (at most 20 lines). */
  readonly problems: readonly string[]
  /**
   * True when the app has stopped writing because the database failed its
   * check: records can be read, nothing can be saved until it is restored
   * from a backup.
   */
  readonly readOnly: boolean
  /** The most recent backup (ISO 8601), or null if none was made. */
  readonly lastBackupAt: string | null
}

export interface BackupSettings {
  /** Absolute path of the folder backups are written to; empty when not chosen. */
  readonly folder: string
  /** How many backups to keep; the oldest beyond this are deleted after each new one. */
  readonly keep: number
  /** Whether a backup is made automatically once a day while the app runs. */
  readonly daily: boolean
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: '', keep: 14, daily: true }
export const MIN_BACKUPS_KEPT = 1
export const MAX_BACKUPS_KEPT = 365

export interface BackupInfo {
  /** The file's name inside the backup folder (no path). */
  readonly fileName: string
  /** When it was made (ISO 8601). */
  readonly createdAt: string
  readonly bytes: number
}

export interface RestoreResult {
  /** The backup now in use. */
  readonly restoredFrom: string
  /** Where the database that was replaced was moved (its name in the data folder). */
  readonly previousMovedTo: string
}
