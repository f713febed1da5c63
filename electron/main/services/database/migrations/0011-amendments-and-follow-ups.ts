/**
 * Amendments of submitted intakes, and follow-up visits.
 *
 * `intake_amendments`: each correction of a submitted intake, with its
 * reason, its author as named then, the fields it changed (before and after),
 * the complete answers it replaced and the evaluations before and after. Like
 * triage decisions, rows are part of the clinical record: never updated or
 * deleted, and only the next version of an intake may be added.
 *
 * `follow_ups`: which intakes are follow-up visits, for which patient (staff
 * confirmed the match when the visit began) and after which earlier visit.
 * A draft has no `patient_id` on its intake row until submission (0001), so
 * the link lives here from the start; it goes with the draft if the draft is
 * discarded, and never changes otherwise.
 */
import type { Migration } from './migration'

export const amendmentsAndFollowUpsMigration: Migration = {
  version: 11,
  name: 'amendments-and-follow-ups',
  up(db) {
    db.exec(`
      CREATE TABLE intake_amendments (
        intake_id         TEXT NOT NULL REFERENCES intakes (id),
        version           INTEGER NOT NULL CHECK (version >= 1),
        reason            TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        -- [{ itemId, before, after }]: null for "not answered".
        changes           TEXT NOT NULL CHECK (
          json_valid(changes) AND json_type(changes) = 'array' AND json_array_length(changes) >= 1
        ),
        answers_before    TEXT NOT NULL CHECK (json_valid(answers_before)),
        evaluation_before TEXT NOT NULL CHECK (json_valid(evaluation_before)),
        evaluation_after  TEXT NOT NULL CHECK (json_valid(evaluation_after)),
        staff_id          TEXT NOT NULL CHECK (length(staff_id) <= 100),
        staff_name        TEXT NOT NULL CHECK (length(staff_name) <= 200),
        amended_at        TEXT NOT NULL,
        PRIMARY KEY (intake_id, version)
      ) STRICT;

      CREATE TRIGGER intake_amendments_no_update BEFORE UPDATE ON intake_amendments
      BEGIN
        SELECT RAISE(ABORT, 'Amendments are never changed: amend the record again instead.');
      END;

      CREATE TRIGGER intake_amendments_no_delete BEFORE DELETE ON intake_amendments
      BEGIN
        SELECT RAISE(ABORT, 'Amendments are never removed: they are part of the record.');
      END;

      CREATE TRIGGER intake_amendments_next_version BEFORE INSERT ON intake_amendments
      WHEN NEW.version IS NOT (
        SELECT coalesce(max(version), 0) + 1 FROM intake_amendments WHERE intake_id = NEW.intake_id
      )
      BEGIN
        SELECT RAISE(ABORT, 'An amendment must be the next version of its intake.');
      END;

      CREATE TABLE follow_ups (
        intake_id          TEXT PRIMARY KEY NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
        patient_id         TEXT NOT NULL REFERENCES patients (id),
        previous_intake_id TEXT NOT NULL REFERENCES intakes (id),
        confirmed_by_id    TEXT NOT NULL CHECK (length(confirmed_by_id) <= 100),
        confirmed_by_name  TEXT NOT NULL CHECK (length(confirmed_by_name) <= 200),
        created_at         TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
      BEGIN
        SELECT RAISE(ABORT, 'A follow-up stays linked to the patient staff confirmed.');
      END;

      CREATE INDEX follow_ups_patient ON follow_ups (patient_id);
      -- The foreign-key check when an intake is deleted (only drafts are).
      CREATE INDEX follow_ups_previous ON follow_ups (previous_intake_id);
    `)
  }
}
