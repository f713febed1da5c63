/**
 * Check values on every intake row (see ../intakeDigest.ts): a record whose
 * bytes changed outside the app is then shown as damaged rather than served
 * as what staff entered.
 *
 * Existing rows are sealed here as they are now. That cannot vouch for a row
 * damaged before this step, but every read still validates the answers, so
 * such a row keeps showing as damaged; what it adds is that any change from
 * now on is caught. Rows are read in batches by rowid (better-sqlite3 allows
 * no writes while a statement is still iterating) inside the migrator's one
 * transaction, so a crash part-way leaves no row half-sealed.
 */
import { contentDigest, rowDigest, SEALED_ROW_COLUMNS, type SealedRowFields } from '../intakeDigest'
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
        const content = contentDigest(row.answers, row.evaluation)
        seal.run(content, rowDigest({ ...row, content_digest: content }), row.rowid)
      }
      const last = rows[rows.length - 1]
      if (last === undefined || rows.length < BATCH) break
      after = last.rowid
    }
  }
}
