/**
 * Installation settings (the staff PIN hash, the patient-mode lock) as a
 * small key/value table: few rows, read at start-up and on rare changes.
 */
import type { Migration } from './migration'

export const settingsMigration: Migration = {
  version: 2,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
