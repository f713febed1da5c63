/**
 * Check values on every intake row (see ../intakeDigest.ts): a record whose
 * bytes changed outside the app is then shown as damaged rather than served
 * as what staff entered.
 *
 * Existing rows are sealed here as they are now, if they read cleanly (their
 * answers pass the catalogue's draft checks and a snapshot, where there is
 * one, has its shape): a sealed row's answers are trusted on read without
 * validating them again, so a row already damaged must not be sealed. It is
 * left without check values and validated at every read, and so keeps
 * showing as damaged. Rows are read in batches by rowid (better-sqlite3
 * allows no writes while a statement is still iterating) inside the
 * migrator's one transaction, so a crash part-way leaves no row half-sealed.
 */
import { validateAnswers } from '../../../../../src/domain'
import { contentDigest, rowDigest, SEALED_ROW_COLUMNS, type SealedRowFields } from '../intakeDigest'
import { parseStoredEvaluation } from '../storedJson'
import type { Migration } from './migration'

const BATCH = 500

type UnsealedRow = Omit<SealedRowFields, 'content_digest'> & {
  rowid: number
  answers: string
  evaluation: string | null
}

export const intakeDigestsMigration: Migration = {
  version: 7,
  name: 'intake-digests',
  up(db) {
    db.exec(`
      ALTER TABLE intakes ADD COLUMN content_digest TEXT;
      ALTER TABLE intakes ADD COLUMN row_digest TEXT;
    `)
    const batch = db.prepare<[number, number], UnsealedRow>(
      `SELECT rowid, ${SEALED_ROW_COLUMNS}, answers, evaluation FROM intakes
       WHERE rowid > ? ORDER BY rowid LIMIT ?`
    )
    const seal = db.prepare<[string, string, number]>(
      'UPDATE intakes SET content_digest = ?, row_digest = ? WHERE rowid = ?'
    )
    let after = 0
    for (;;) {
      const rows = batch.all(after, BATCH)
      for (const row of rows) {
        if (!readsCleanly(row)) continue
        const content = contentDigest(row.answers, row.evaluation)
        seal.run(content, rowDigest({ ...row, content_digest: content }), row.rowid)
      }
      const last = rows[rows.length - 1]
      if (last === undefined || rows.length < BATCH) break
      after = last.rowid
    }
  }
}

function readsCleanly(row: UnsealedRow): boolean {
  let answers: unknown
  try {
    answers = JSON.parse(row.answers)
  } catch {
    return false
  }
  if (!validateAnswers(answers, { mode: 'draft' }).ok) return false
  return row.evaluation === null || parseStoredEvaluation(row.evaluation) !== null
}
