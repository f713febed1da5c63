/**
 * Full-text search over each intake's names and the patient's own words (how
 * the pain started, occupation, medications, allergies, surgeries, goals), so a
 * clinician can find "the one who hurt their back deadlifting" or a name typed
 * without its accents, among 100,000 intakes, as they type.
 *
 * Three parts, each for a reason:
 *
 * - `intake_search_text`: the text to search, one row per intake, copied out
 *   of the row by triggers. It is the external content of both indexes below
 *   (stored once, not once per index), and it maps the indexes' integer row
 *   ids to intake ids. The intake's own `rowid` cannot serve as that key:
 *   `intakes` has a TEXT primary key, so its rowids are not stable, and
 *   `VACUUM` (or the `VACUUM INTO` that writes the copy before a migration)
 *   may renumber them, which would silently point the index at other people's
 *   records. `doc` is an INTEGER PRIMARY KEY, which every copy keeps.
 *
 * - `intake_search_words`: FTS5 with the `unicode61` tokenizer and
 *   `remove_diacritics 2`, so case and accents are ignored for every script
 *   that has them ('nunez' finds 'Núñez', 'ELODIE' finds 'Élodie',
 *   'nguyen' finds 'Nguyễn'), and words are matched by their start
 *   ('deadl' finds 'deadlifts'). This is what Latin, Cyrillic, Greek, Arabic,
 *   Hangul… searches use.
 *
 * - `intake_search_grams`: FTS5 with the `trigram` tokenizer (case and
 *   diacritics folded too). Chinese and Japanese are written without spaces,
 *   so `unicode61` makes one "word" of a whole clause ('腰痛三天了') and a
 *   search for '腰痛三' or a given name inside '王小明' would never match. A
 *   trigram index finds any substring of three characters or more in any
 *   script. It indexes the name as family name then given name with no space
 *   between (`joined_name`), the order and form a Chinese name is written in,
 *   so '王小明' is found whether it was typed into one field or two.
 *   A trigram query needs three characters, yet one- and two-character
 *   Chinese searches are common (a family name, 王; 腰痛, back pain). Each
 *   place such a short text occurs is the start of a trigram, provided every
 *   character has two more after it: so both trigram columns end in two line
 *   feeds (no search word contains whitespace, so these never match anything
 *   themselves), and `intake_search_gram_terms` (an `fts5vocab` view of the
 *   trigram index, with no storage of its own) lists the trigrams that start
 *   with the short text. The search ORs those: index lookups, where LIKE over
 *   every record took about 35 ms at 100,000 intakes (LIKE over this table
 *   stays as the fallback for a character so common that it starts hundreds
 *   of different trigrams).
 *
 * What is indexed is fixed here, not read from the catalogue at run time: a
 * migration that has shipped must build the same thing forever. The free-text
 * items are the catalogue's `text` items written in the patient's words; the
 * signature (drawing data), the phone numbers, the e-mail, the emergency
 * contact's name (another person: searching 'Smith' must not list Smith's
 * friends) and "signed by" (the patient or their parent) are left out, as are
 * dates and coded answers. A test compares this list with the catalogue, so a
 * new text item is a deliberate decision and a new migration.
 *
 * The triggers read the intake's columns and its JSON answers and write only
 * to the search tables: an intake row itself is never changed by them (its
 * check values cover it). An update that leaves the names and the free text
 * as they were (a pain score changed in a draft) does not touch the indexes.
 * Answers that are not valid JSON (only possible in a file damaged outside
 * SQLite) index as no free text rather than failing the write or the migration.
 */
import type { Migration } from './migration'

/**
 * The catalogue's free-text items written by the patient, as of form version
 * 2. Changing this list means a new migration (with a rebuild), never an edit.
 */
export const SEARCHED_TEXT_ITEMS = [
  'patient.occupation',
  'complaint.description',
  'history.medications',
  'history.allergies',
  'history.surgeries',
  'goals.text'
] as const

/** The catalogue's other text items, left out on purpose (see the file comment). */
export const UNSEARCHED_TEXT_ITEMS = [
  'patient.givenName',
  'patient.familyName',
  'patient.phone',
  'patient.email',
  'patient.emergencyContactName',
  'patient.emergencyContactPhone',
  'consent.signedBy',
  'consent.signature'
] as const

const ITEM_LIST = SEARCHED_TEXT_ITEMS.map((id) => `'${id}'`).join(', ')

/** Given then family name, as the words index reads them. */
const names = (row: string): string =>
  `trim(coalesce(${row}.given_name, '') || ' ' || coalesce(${row}.family_name, ''))`

/**
 * Two line feeds after each trigram column, so its last two characters still
 * start a trigram (see the file comment).
 */
const TRIGRAM_END = 'char(10, 10)'

/** Family then given name with nothing between: a Chinese name as it is written. */
const joinedName = (row: string): string =>
  `coalesce(${row}.family_name, '') || coalesce(${row}.given_name, '') || ${TRIGRAM_END}`

/** The free-text answers, one per line; none when the answers are not valid JSON. */
const story = (row: string): string => `CASE WHEN json_valid(${row}.answers) THEN coalesce((
    SELECT group_concat(value, char(10)) FROM json_each(${row}.answers)
    WHERE key IN (${ITEM_LIST}) AND type = 'text'
  ), '') ELSE '' END || ${TRIGRAM_END}`

export const searchMigration: Migration = {
  version: 9,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE intake_search_text (
        doc         INTEGER PRIMARY KEY,
        intake_id   TEXT NOT NULL UNIQUE,
        names       TEXT NOT NULL,
        joined_name TEXT NOT NULL,
        story       TEXT NOT NULL
      ) STRICT;

      -- Every intake that exists now, in the order it was written.
      INSERT INTO intake_search_text (intake_id, names, joined_name, story)
        SELECT id, ${names('intakes')}, ${joinedName('intakes')}, ${story('intakes')}
        FROM intakes ORDER BY rowid;

      CREATE VIRTUAL TABLE intake_search_words USING fts5(
        names, story,
        content = 'intake_search_text', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE intake_search_grams USING fts5(
        joined_name, story,
        content = 'intake_search_text', content_rowid = 'doc',
        tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
      );
      -- Indexes the rows copied above in one pass each (faster than row by row).
      INSERT INTO intake_search_words (intake_search_words) VALUES ('rebuild');
      INSERT INTO intake_search_grams (intake_search_grams) VALUES ('rebuild');
      -- The trigram index's terms, in order: the trigrams starting with '王'.
      CREATE VIRTUAL TABLE intake_search_gram_terms USING fts5vocab(intake_search_grams, row);

      -- The text table keeps both indexes in step. External-content FTS5 tables
      -- must be told the old values to remove, which this table still holds.
      CREATE TRIGGER intake_search_text_inserted AFTER INSERT ON intake_search_text
      BEGIN
        INSERT INTO intake_search_words (rowid, names, story)
          VALUES (new.doc, new.names, new.story);
        INSERT INTO intake_search_grams (rowid, joined_name, story)
          VALUES (new.doc, new.joined_name, new.story);
      END;

      CREATE TRIGGER intake_search_text_deleted AFTER DELETE ON intake_search_text
      BEGIN
        INSERT INTO intake_search_words (intake_search_words, rowid, names, story)
          VALUES ('delete', old.doc, old.names, old.story);
        INSERT INTO intake_search_grams (intake_search_grams, rowid, joined_name, story)
          VALUES ('delete', old.doc, old.joined_name, old.story);
      END;

      CREATE TRIGGER intake_search_text_updated AFTER UPDATE ON intake_search_text
      WHEN old.doc IS NOT new.doc OR old.names IS NOT new.names
        OR old.joined_name IS NOT new.joined_name OR old.story IS NOT new.story
      BEGIN
        INSERT INTO intake_search_words (intake_search_words, rowid, names, story)
          VALUES ('delete', old.doc, old.names, old.story);
        INSERT INTO intake_search_grams (intake_search_grams, rowid, joined_name, story)
          VALUES ('delete', old.doc, old.joined_name, old.story);
        INSERT INTO intake_search_words (rowid, names, story)
          VALUES (new.doc, new.names, new.story);
        INSERT INTO intake_search_grams (rowid, joined_name, story)
          VALUES (new.doc, new.joined_name, new.story);
      END;

      -- Intakes feed the text table. The insert first removes any text left
      -- under the same id: INSERT OR REPLACE on intakes (which the app never
      -- runs, another tool might) deletes the old row without firing the
      -- delete trigger, and the id must still have exactly one entry.
      CREATE TRIGGER intakes_search_inserted AFTER INSERT ON intakes
      BEGIN
        DELETE FROM intake_search_text WHERE intake_id = new.id;
        INSERT INTO intake_search_text (intake_id, names, joined_name, story)
          VALUES (new.id, ${names('new')}, ${joinedName('new')}, ${story('new')});
      END;

      -- Sealing a row (its check values) and other column changes do not fire this.
      CREATE TRIGGER intakes_search_updated
      AFTER UPDATE OF id, answers, given_name, family_name ON intakes
      WHEN old.id IS NOT new.id OR old.answers IS NOT new.answers
        OR old.given_name IS NOT new.given_name OR old.family_name IS NOT new.family_name
      BEGIN
        UPDATE intake_search_text
          SET intake_id = new.id, names = ${names('new')}, joined_name = ${joinedName('new')},
            story = ${story('new')}
          WHERE intake_id = old.id;
      END;

      CREATE TRIGGER intakes_search_deleted AFTER DELETE ON intakes
      BEGIN
        DELETE FROM intake_search_text WHERE intake_id = old.id;
      END;

      -- Search by date of birth ("born 1961-07-30") without reading every row.
      CREATE INDEX intakes_date_of_birth ON intakes (date_of_birth);
    `)
  }
}
