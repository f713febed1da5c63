/**
 * Triage decisions: what a clinician decided after reviewing a submitted
 * intake. A change of mind adds a version; earlier versions are part of the
 * clinical record (who decided what, and when) and are never changed, so the
 * triggers below refuse UPDATE and DELETE for the app and for plain SQL alike.
 *
 * INSERT OR REPLACE deletes the row it replaces without firing delete
 * triggers (unless recursive_triggers is on), so inserts are checked too:
 * only the next version of an intake may be added, which also keeps the
 * numbering 1, 2, 3… without gaps.
 *
 * The foreign key has no ON DELETE action: only drafts can be deleted, and a
 * draft is never triaged, so a delete of a triaged intake is refused rather
 * than taking its decisions with it.
 *
 * The decision is checked against the five decisions of this version; the
 * acknowledged flags only as a JSON array (the repository checks each
 * condition against the domain on read, so a future rules version adding a
 * condition needs no table rebuild, which the triggers would make awkward).
 * Staff id and name are copied as they were then: the decision keeps its
 * author even if the account is later renamed or deactivated.
 */
import type { Migration } from './migration'

export const triageMigration: Migration = {
  version: 8,
  name: 'triage',
  up(db) {
    db.exec(`
      CREATE TABLE triage_decisions (
        intake_id          TEXT NOT NULL REFERENCES intakes (id),
        version            INTEGER NOT NULL CHECK (version >= 1),
        decision           TEXT NOT NULL CHECK (decision IN (
          'proceed', 'proceed-with-safety-netting', 'further-assessment',
          'urgent-referral', 'emergency-referral'
        )),
        notes              TEXT NOT NULL CHECK (length(notes) <= 4000),
        -- A JSON array of the conditions the clinician acknowledged having seen.
        acknowledged_flags TEXT NOT NULL CHECK (
          json_valid(acknowledged_flags) AND json_type(acknowledged_flags) = 'array'
        ),
        staff_id           TEXT NOT NULL CHECK (length(staff_id) <= 100),
        staff_name         TEXT NOT NULL CHECK (length(staff_name) <= 200),
        -- ISO-8601 UTC from the injected clock: sorts as text, reads the same in any tool.
        decided_at         TEXT NOT NULL,
        PRIMARY KEY (intake_id, version)
      ) STRICT;

      CREATE TRIGGER triage_decisions_no_update BEFORE UPDATE ON triage_decisions
      BEGIN
        SELECT RAISE(ABORT, 'Triage decisions are never changed: record a new version instead.');
      END;

      CREATE TRIGGER triage_decisions_no_delete BEFORE DELETE ON triage_decisions
      BEGIN
        SELECT RAISE(ABORT, 'Triage decisions are never removed: they are part of the record.');
      END;

      CREATE TRIGGER triage_decisions_next_version BEFORE INSERT ON triage_decisions
      WHEN NEW.version IS NOT (
        SELECT coalesce(max(version), 0) + 1 FROM triage_decisions WHERE intake_id = NEW.intake_id
      )
      BEGIN
        SELECT RAISE(ABORT, 'A triage decision must be the next version of its intake.');
      END;
    `)
  }
}
