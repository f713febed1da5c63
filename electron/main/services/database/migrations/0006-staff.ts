/**
 * Staff accounts: who may sign in, with which role. The secret is stored only
 * as an scrypt hash; the failure count and lockout live on the row, so a
 * restart does not hand out fresh guesses.
 *
 * The staff PIN of earlier versions (one shared PIN in `settings`) is removed:
 * after this step the first person to start the app creates the first
 * administrator, and leaving patient mode needs a staff sign-in.
 */
import type { Migration } from './migration'

export const staffMigration: Migration = {
  version: 6,
  name: 'staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id               TEXT PRIMARY KEY NOT NULL,
        name             TEXT NOT NULL,
        name_key         TEXT NOT NULL UNIQUE,
        role             TEXT NOT NULL CHECK (role IN ('front-desk', 'clinician', 'administrator')),
        secret_hash      TEXT NOT NULL,
        secret_kind      TEXT NOT NULL CHECK (secret_kind IN ('password', 'pin')),
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts  INTEGER NOT NULL DEFAULT 0,
        locked_until     INTEGER NOT NULL DEFAULT 0,
        created_at       TEXT NOT NULL,
        last_sign_in_at  TEXT
      ) STRICT;
      DELETE FROM settings
        WHERE key IN ('staffPinHash', 'staffPinFailures', 'staffPinLockedOutUntil');
    `)
  }
}
