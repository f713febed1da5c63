/**
 * Small key/value settings that belong to the clinic's installation (the
 * staff PIN hash, the patient-mode lock). Promise-returning like every
 * service, so a server database can stand behind it later.
 */
import type { Database } from 'better-sqlite3'

export interface SettingsStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string | null): Promise<void>
}

/** Settings in the `settings` table of the app database. */
export function createSqliteSettingsStore(db: Database): SettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  )
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?')
  return {
    get(key) {
      return Promise.resolve(select.get(key)?.value ?? null)
    },
    set(key, value) {
      if (value === null) remove.run(key)
      else upsert.run(key, value)
      return Promise.resolve()
    }
  }
}
