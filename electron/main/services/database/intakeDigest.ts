/**
 * Check values ("digests") sealed into every intake row, so a record changed
 * outside the app (a flipped bit on a failing disk, a sector rewritten by a
 * sync tool, someone editing the file) is shown as damaged instead of being
 * served as if it were what staff entered.
 *
 * SQLite keeps no checksum of the data in its pages: `PRAGMA integrity_check`
 * finds broken structure (pages, indexes) but a letter changed inside a
 * patient's answers passes every structural check and every validation rule.
 * Only a value computed when the row was written can tell.
 *
 * Two digests per row, so the lists can check what they show without reading
 * the answers (which can be long, and which lists never read):
 * - `content_digest` covers the stored text of `answers` and `evaluation`;
 * - `row_digest` covers every other column the app reads, plus `content_digest`.
 *
 * The format is frozen: rows sealed today must verify in every later version.
 * A change of what is covered is a new format (`v2:`), with `v1` kept for the
 * rows it sealed, and any migration that rewrites intake rows must reseal them.
 */
import { createHash } from 'node:crypto'

/** The prefix of every digest of this format. */
const FORMAT = 'v1:'

/** The columns `row_digest` covers, as they are stored. */
export interface SealedRowFields {
  readonly id: string
  readonly patient_id: string | null
  readonly status: string
  readonly entry_mode: string
  readonly form_version: number
  readonly concern: string
  readonly concern_rank: number
  readonly given_name: string | null
  readonly family_name: string | null
  readonly date_of_birth: string | null
  readonly given_name_search: string | null
  readonly family_name_search: string | null
  readonly revision: number
  readonly created_at: string
  readonly updated_at: string
  readonly submitted_at: string | null
  readonly content_digest: string
}

/** The SQL column list of {@link SealedRowFields}, for statements that read or return them. */
export const SEALED_ROW_COLUMNS = `id, patient_id, status, entry_mode, form_version, concern,
  concern_rank, given_name, family_name, date_of_birth, given_name_search, family_name_search,
  revision, created_at, updated_at, submitted_at`

/**
 * JSON of an array is an unambiguous encoding of a tuple: strings are quoted
 * and escaped, null is not "null", 1 is not "1". The first element names what
 * is hashed, so a content digest can never pass for a row digest.
 */
function digest(parts: readonly unknown[]): string {
  return FORMAT + createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex')
}

/** The digest of a row's stored `answers` and `evaluation` text, exactly as stored. */
export function contentDigest(answersText: string, evaluationText: string | null): string {
  return digest(['intake-content', answersText, evaluationText])
}

/** The digest of a row's other columns (which include its content digest). */
export function rowDigest(row: SealedRowFields): string {
  return digest([
    'intake-row',
    row.id,
    row.patient_id,
    row.status,
    row.entry_mode,
    row.form_version,
    row.concern,
    row.concern_rank,
    row.given_name,
    row.family_name,
    row.date_of_birth,
    row.given_name_search,
    row.family_name_search,
    row.revision,
    row.created_at,
    row.updated_at,
    row.submitted_at,
    row.content_digest
  ])
}
