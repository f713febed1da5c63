/**
 * The first schema: patients and their intakes.
 *
 * Tables are STRICT so a value of the wrong type is refused by SQLite itself
 * rather than silently stored (SQLite's default type affinity would keep the
 * text '3' in an INTEGER column). Timestamps are ISO-8601 UTC text from the
 * injected clock: they sort correctly as text and read the same in any tool.
 */
import type { Migration } from './migration'

export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id                 TEXT PRIMARY KEY NOT NULL,
        given_name         TEXT NOT NULL,
        family_name        TEXT NOT NULL,
        -- Identity keys: the names NFC-normalised and lower-cased in JavaScript.
        -- SQLite's NOCASE only folds ASCII, so 'ÉLODIE' and 'élodie' would be two
        -- people under it; a clinic with Spanish and other non-English names needs
        -- the full Unicode case fold.
        given_name_key     TEXT NOT NULL,
        family_name_key    TEXT NOT NULL,
        date_of_birth      TEXT NOT NULL,
        sex                TEXT,
        phone              TEXT,
        email              TEXT,
        preferred_language TEXT,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;

      -- Find-or-create at submission looks a person up by exact identity.
      CREATE INDEX patients_identity
        ON patients (family_name_key, given_name_key, date_of_birth);

      CREATE TABLE intakes (
        id             TEXT PRIMARY KEY NOT NULL,
        -- NULL while a draft: the patient is only found or created at submission,
        -- so abandoned drafts never create people.
        patient_id     TEXT REFERENCES patients (id),
        status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        entry_mode     TEXT NOT NULL DEFAULT 'staff' CHECK (entry_mode IN ('staff', 'patient')),
        form_version   INTEGER NOT NULL,
        answers        TEXT NOT NULL CHECK (json_valid(answers)),
        -- The evaluation computed at submission, kept as a snapshot so a later
        -- change to the screening rules never rewrites what the clinician saw.
        -- NULL for drafts, which are evaluated on read.
        evaluation     TEXT CHECK (json_valid(evaluation)),
        -- Live for drafts (so an emergency answer in an unfinished intake already
        -- ranks in the lists), frozen at submission. The rank sorts and filters
        -- by severity without a CASE expression.
        concern        TEXT NOT NULL CHECK (concern IN ('none', 'review', 'urgent', 'emergency')),
        concern_rank   INTEGER NOT NULL CHECK (concern_rank BETWEEN 0 AND 3),
        -- Copied out of the answers so lists and search never parse JSON.
        given_name     TEXT,
        family_name    TEXT,
        date_of_birth  TEXT,
        -- Search keys: lower-cased with accents removed (in JavaScript, because
        -- SQLite's LOWER and NOCASE only know ASCII), so 'nun' and 'ÑÚÑ' both
        -- find 'Núñez'. Searched by range, which a plain BINARY index serves.
        given_name_search  TEXT,
        family_name_search TEXT,
        revision       INTEGER NOT NULL CHECK (revision >= 1),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        submitted_at   TEXT,
        -- A submitted intake without its patient, snapshot or time would be a
        -- record the clinician cannot trust: refuse it at the lowest level.
        CHECK (
          status = 'draft'
          OR (submitted_at IS NOT NULL AND evaluation IS NOT NULL AND patient_id IS NOT NULL)
        )
      ) STRICT;

      -- The list: newest first, keyset-paginated on (updated_at, id), with or
      -- without a status filter (SQLite walks these backwards for DESC). The name
      -- keys ride along so a search that matches many rows can walk this index
      -- in list order and test the names without reading the table.
      CREATE INDEX intakes_updated
        ON intakes (updated_at, id, given_name_search, family_name_search);
      CREATE INDEX intakes_status_updated
        ON intakes (status, updated_at, id, given_name_search, family_name_search);

      -- Prefix search on either name when few rows match: one range per index.
      CREATE INDEX intakes_given_name_search ON intakes (given_name_search);
      CREATE INDEX intakes_family_name_search ON intakes (family_name_search);

      -- A patient's intakes, and the foreign-key check when a patient is deleted.
      CREATE INDEX intakes_patient ON intakes (patient_id);
    `)
  }
}
