/**
 * The schema check at open: a damaged byte in the schema's SQL text passes
 * SQLite's own checks but would break every statement naming what it
 * changed, so the file is refused as damaged (and left as it was). Objects
 * another tool added are not damage.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../../../electron/main/services/database/migrations'
import {
  DatabaseOpenError,
  openDatabase
} from '../../../../../electron/main/services/database/openDatabase'
import {
  expectedSchemaShape,
  schemaDifferences,
  schemaShape
} from '../../../../../electron/main/services/database/schemaShape'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('schema-shape')

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

describe('the schema check at open', () => {
  it('finds nothing missing in a database the migrations built', () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    const db = openDatabase(file)
    try {
      expect(
        schemaDifferences(expectedSchemaShape(MIGRATIONS, MIGRATIONS.length), schemaShape(db))
      ).toEqual([])
    } finally {
      db.close()
    }
  })

  it('refuses a file whose schema text lost a column name to one damaged byte, unchanged', () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    openDatabase(file).close()
    const bytes = fs.readFileSync(file)
    // The schema page was rewritten by each migration: old copies linger in
    // free pages, so every copy of the table's text is damaged alike.
    let copies = 0
    for (let at = bytes.indexOf('CREATE TABLE patients'); at >= 0;) {
      const column = bytes.indexOf('updated_at', at)
      bytes[column + 'updated_a'.length] = 'x'.charCodeAt(0)
      copies += 1
      at = bytes.indexOf('CREATE TABLE patients', at + 1)
    }
    expect(copies).toBeGreaterThan(0)
    fs.writeFileSync(file, bytes)
    // SQLite itself sees nothing wrong.
    const probe = new Database(file, { readonly: true })
    expect(probe.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    probe.close()
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
    const before = sha256(file)

    let refused: unknown
    try {
      openDatabase(file).close()
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(DatabaseOpenError)
    expect(refused).toMatchObject({ reason: 'corrupt', message: /is damaged/ })
    expect(String((refused as Error).cause)).toMatch(/column patients\.updated_at is missing/)
    expect(sha256(file)).toBe(before)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['back-intake.sqlite3'])
  })

  it('accepts an index or a table another tool added', () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    openDatabase(file).close()
    const other = new Database(file)
    other.exec(`CREATE INDEX report_by_created ON intakes (created_at);
                CREATE TABLE report_notes (text TEXT);`)
    other.close()
    openDatabase(file).close()
  })
})
