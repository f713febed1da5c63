/**
 * The database's health (its integrity check, whether saving has stopped, the
 * last backup), the backup settings and the list of backups, as Settings and
 * the read-only banner show them. Each action returns the error it met, or
 * null, and keeps the previous state on failure.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { onForgetPatientData } from './session'
import {
  DEFAULT_BACKUP_SETTINGS,
  type AppError,
  type BackupInfo,
  type BackupSettings,
  type DataHealth,
  type RestoreResult
} from '../domain'

export const useDataSafetyStore = defineStore('dataSafety', () => {
  /** Null until first read. */
  const health = ref<DataHealth | null>(null)
  const settings = ref<BackupSettings>(DEFAULT_BACKUP_SETTINGS)
  const settingsLoaded = ref(false)
  const backups = ref<readonly BackupInfo[]>([])
  /** The restore that succeeded: the app is about to restart. */
  const restored = ref<RestoreResult | null>(null)

  async function loadHealth(): Promise<AppError | null> {
    const result = await api.getDataHealth({})
    if (!result.ok) return result.error
    health.value = result.value
    return null
  }

  /** Takes the health the main process pushed (its `dataHealthChanged` event). */
  function setHealth(next: DataHealth): void {
    health.value = next
  }

  /** Runs a full integrity check now; the health shows it running until it ends. */
  async function runCheck(): Promise<AppError | null> {
    if (health.value !== null) health.value = { ...health.value, integrity: 'running' }
    const result = await api.runIntegrityCheck({})
    if (!result.ok) {
      await loadHealth()
      return result.error
    }
    health.value = result.value
    return null
  }

  async function loadSettings(): Promise<AppError | null> {
    const result = await api.getBackupSettings({})
    if (!result.ok) return result.error
    settings.value = result.value
    settingsLoaded.value = true
    return null
  }

  async function saveSettings(next: BackupSettings): Promise<AppError | null> {
    const result = await api.setBackupSettings({
      folder: next.folder,
      keep: next.keep,
      daily: next.daily
    })
    if (!result.ok) return result.error
    settings.value = result.value
    // A new folder has other backups in it (and another "last backup").
    await Promise.all([loadBackups(), loadHealth()])
    return null
  }

  /** The folder dialog; resolves to the folder, or null when cancelled. */
  async function chooseFolder(): Promise<{ folder: string | null } | { error: AppError }> {
    const result = await api.chooseBackupFolder({})
    return result.ok ? result.value : { error: result.error }
  }

  async function loadBackups(): Promise<AppError | null> {
    const result = await api.listBackups({})
    if (!result.ok) {
      backups.value = []
      return result.error
    }
    backups.value = result.value
    return null
  }

  async function backupNow(): Promise<BackupInfo | { error: AppError }> {
    const result = await api.backupNow({})
    if (!result.ok) return { error: result.error }
    await Promise.all([loadBackups(), loadHealth()])
    return result.value
  }

  async function restore(fileName: string): Promise<AppError | null> {
    const result = await api.restoreBackup({ fileName })
    if (!result.ok) return result.error
    restored.value = result.value
    return null
  }

  /** Forgets everything (sign-out): the next administrator reads it afresh. */
  function clear(): void {
    health.value = null
    settings.value = DEFAULT_BACKUP_SETTINGS
    settingsLoaded.value = false
    backups.value = []
    restored.value = null
  } // Backup names and folders are for administrators: they go when the session ends.
  onForgetPatientData(clear)

  return {
    health,
    settings,
    settingsLoaded,
    backups,
    restored,
    loadHealth,
    setHealth,
    runCheck,
    loadSettings,
    saveSettings,
    chooseFolder,
    loadBackups,
    backupNow,
    restore,
    clear
  }
})
