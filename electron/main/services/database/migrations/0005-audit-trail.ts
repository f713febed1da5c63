/**
 * The audit trail: who did what to which record, and when.
 *
 * Each row carries the SHA-256 hash of its own content and the hash of the row
 * before it (`prev_hash`), computed by the audit service, so a row changed or
 * removed with another tool shows as a broken link when the chain is verified.
 * The triggers below make the table append-only for the app and for anyone
 * using plain SQL: changing or deleting a row is refused, and an insert must
 * take the next number and link to the last row. They do not stop someone who
 * drops them first; the hash chain is what catches that.
 *
 * `seq` is the rowid (1, 2, 3…, assigned by the service, not AUTOINCREMENT) so
 * a missing entry leaves a visible gap. Actions are checked against a plain
 * pattern rather than a list, as in the red-flag history, so a later version
 * adding an action needs no table rebuild (which the triggers would make
 * awkward); the service checks them against the domain on read.
 */
import type { Migration } from './migration'

export const auditTrailMigration: Migration = {
  version: 5,
  name: 'audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq            INTEGER PRIMARY KEY CHECK (seq >= 1),
        -- ISO-8601 UTC from the injected clock: sorts as text, reads the same in any tool.
        at             TEXT NOT NULL,
        -- The actor: a member of staff (id and name as they were then), the
        -- patient holding the device, or nobody signed in.
        actor_staff_id TEXT CHECK (length(actor_staff_id) <= 100),
        actor_name     TEXT CHECK (length(actor_name) <= 200),
        actor_role     TEXT NOT NULL CHECK (
          actor_role IN ('signed-out', 'patient', 'front-desk', 'clinician', 'administrator', 'system')
        ),
        action         TEXT NOT NULL CHECK (
          length(action) <= 60 AND action GLOB '[a-z]*' AND action NOT GLOB '*[^a-z-]*'
        ),
        -- No foreign key: the entry outlives a discarded draft, and must never
        -- block (or be cascaded away by) a change to the intakes table.
        intake_id      TEXT CHECK (length(intake_id) <= 100),
        -- A JSON object of a few plain values (never answers, patient names or secrets).
        detail         TEXT NOT NULL CHECK (json_valid(detail)),
        prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash           TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;

      -- The filters of the audit screen, each newest first by seq. The staff and
      -- intake indexes are partial: most entries have no intake, and entries with
      -- no one signed in have no staff id.
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_staff ON audit_log (actor_staff_id, seq)
        WHERE actor_staff_id IS NOT NULL;
      CREATE INDEX audit_log_intake ON audit_log (intake_id, seq)
        WHERE intake_id IS NOT NULL;
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be changed.');
      END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be removed.');
      END;

      -- INSERT OR REPLACE deletes the row it replaces without firing delete
      -- triggers (unless recursive_triggers is on), so inserts are checked too:
      -- only the next number, linked to the last entry, may be added.
      CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
        OR NEW.prev_hash IS NOT coalesce(
          (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
          '0000000000000000000000000000000000000000000000000000000000000000'
        )
      BEGIN
        SELECT RAISE(ABORT, 'The audit trail is append-only: an entry must follow the last one.');
      END;
    `)
  }
}
