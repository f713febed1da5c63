/**
 * The SQLite header read as plain bytes: what it accepts, each problem it
 * names (opening the database and checking a backup both act on these), and
 * that it writes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readSqliteFileHeader } from '../../../../../electron/main/services/database/sqliteFileHeader'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('sqlite-header')

/** A small real database in `mode`, with `user_version` set, closed. */
function realDatabase(file: string, mode: 'wal' | 'delete', userVersion = 7): void {
  const db = new Database(file)
  db.pragma(`journal_mode = ${mode}`)
  db.exec('CREATE TABLE notes (text TEXT)')
  db.pragma(`user_version = ${userVersion}`)
  db.close()
}

/** A copy of a real database with `bytes` written at `offset`. */
function changed(file: string, offset: number, bytes: number[]): string {
  realDatabase(file, 'delete')
  const content = fs.readFileSync(file)
  Buffer.from(bytes).copy(content, offset)
  fs.writeFileSync(file, content)
  return file
}

describe('readSqliteFileHeader', () => {
  it('reads the size, user_version and journal mode of a real database', () => {
    const dir = tempDir()
    const wal = path.join(dir, 'wal.sqlite3')
    realDatabase(wal, 'wal')
    const rollback = path.join(dir, 'rollback.sqlite3')
    realDatabase(rollback, 'delete', -3)

    expect(readSqliteFileHeader(wal)).toEqual({
      ok: true,
      size: fs.statSync(wal).size,
      userVersion: 7,
      wal: true
    })
    expect(readSqliteFileHeader(rollback)).toMatchObject({ ok: true, userVersion: -3, wal: false })
  })

  it('names the first problem it finds, writing nothing beside the file', () => {
    const dir = tempDir()
    const write = (name: string, bytes: Buffer | string): string => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, bytes)
      return file
    }
    const cutTo = (name: string, length: number): string => {
      const file = path.join(dir, name)
      realDatabase(file, 'delete')
      fs.truncateSync(file, length)
      return file
    }
    const cases: [string, string][] = [
      [dir, 'not-a-file'],
      [write('empty.sqlite3', ''), 'empty'],
      [write('text.sqlite3', 'hello, this is not a database'), 'not-sqlite'],
      [cutTo('short-header.sqlite3', 60), 'header-cut-short'],
      [changed(path.join(dir, 'page-size.sqlite3'), 16, [0x03, 0x00]), 'bad-page-size'],
      [changed(path.join(dir, 'read-version.sqlite3'), 19, [3]), 'bad-format'],
      [changed(path.join(dir, 'fractions.sqlite3'), 21, [65]), 'bad-format'],
      [cutTo('short-page.sqlite3', 100), 'page-cut-short']
    ]
    const before = fs.readdirSync(dir).sort()

    for (const [file, problem] of cases) {
      expect({ file, reading: readSqliteFileHeader(file) }).toEqual({
        file,
        reading: { ok: false, problem }
      })
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before)
  })

  it('throws the file system’s error for a file that is not there', () => {
    expect(() => readSqliteFileHeader(path.join(tempDir(), 'absent.sqlite3'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' })
    )
  })
})
