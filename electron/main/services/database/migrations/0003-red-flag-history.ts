/**
 * The red-flag history: every change of a red-flag answer and every alert
 * raised while an intake is filled in, so an emergency answer that is later
 * changed (and the alert it raised) is never lost from the record.
 *
 * Rows belong to their intake and go with it (ON DELETE CASCADE): only a
 * draft can be deleted (discarding it), and a discarded draft is not part of
 * any clinical record, so keeping its history would keep answers about a
 * person that no screen can show. A submitted intake is never deleted, so its
 * history stays.
 *
 * Only codes are stored, never free text: answer codes are checked against
 * the four red-flag codes, levels and roles against their fixed lists, and
 * item ids and conditions against a plain pattern (rather than a list, so a
 * future rules version adding a question or condition needs no table rebuild;
 * the repository checks them against the domain on read).
 */
import type { Migration } from './migration'

export const redFlagHistoryMigration: Migration = {
  version: 3,
  name: 'red-flag-history',
  up(db) {
    db.exec(`
      CREATE TABLE red_flag_events (
        -- The order of writing: events of one save share a time and keep their order.
        id             INTEGER PRIMARY KEY,
        intake_id      TEXT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
        kind           TEXT NOT NULL CHECK (kind IN ('answer', 'alert')),
        -- kind 'answer': the rf.* item and its answer before and after (NULL: not answered).
        item_id        TEXT CHECK (
          length(item_id) <= 40 AND item_id GLOB 'rf.[a-zA-Z]*' AND item_id NOT GLOB 'rf.*[^a-zA-Z]*'
        ),
        from_value     TEXT CHECK (from_value IN ('yes', 'no', 'unsure', 'not-applicable')),
        to_value       TEXT CHECK (to_value IN ('yes', 'no', 'unsure', 'not-applicable')),
        -- kind 'alert': the flag raised, its level, and the level it rose from (NULL: it appeared).
        flag_condition TEXT CHECK (
          length(flag_condition) <= 40 AND flag_condition GLOB '[a-z]*' AND flag_condition NOT GLOB '*[^a-z-]*'
        ),
        flag_level     TEXT CHECK (flag_level IN ('review', 'urgent', 'emergency')),
        previous_level TEXT CHECK (previous_level IN ('review', 'urgent', 'emergency')),
        -- Who made the change: the role of the call that saved it.
        actor          TEXT NOT NULL CHECK (actor IN ('staff', 'patient')),
        -- ISO-8601 UTC, the time of the save that made the change.
        occurred_at    TEXT NOT NULL,
        CHECK (
          (kind = 'answer' AND item_id IS NOT NULL AND from_value IS NOT to_value
            AND flag_condition IS NULL AND flag_level IS NULL AND previous_level IS NULL)
          OR (kind = 'alert' AND flag_condition IS NOT NULL AND flag_level IS NOT NULL
            AND item_id IS NULL AND from_value IS NULL AND to_value IS NULL)
        )
      ) STRICT;

      -- One intake's history in order, and the cascade when a draft is discarded.
      CREATE INDEX red_flag_events_intake ON red_flag_events (intake_id, id);
    `)
  }
}
