/**
 * Saves that the disk refuses: a real SQLITE_FULL (the connection's page
 * limit lowered to the file's size, so the next page SQLite needs is refused
 * as on a full disk) and a database that cannot be written (opened read-only,
 * or `query_only`). Each save must reject with a `storage` error whose message
 * a receptionist understands, and leave nothing half-written: the row, its
 * red-flag history and the patients exactly as before the save.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { mapSqliteError } from '../../../../electron/main/services/database/mapSqliteError'
import { openDatabase } from '../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../electron/main/services/intakes/sqliteIntakeService'
import { ServiceError } from '../../../../electron/main/services/serviceError'
import { largestAnswers } from '../support/largestIntake'
import { rejection } from '../support/rejection'
import { completeAnswers, steppingClock } from '../support/sampleAnswers'
import { useTempDirs } from '../support/tempDir'
import { saveAtLatest, submitAtLatest } from '../support/intakeWrites'

const tempDir = useTempDirs('disk-full')
const connections: Database.Database[] = []
afterEach(() => {
  for (const db of connections.splice(0)) if (db.open) db.close()
})

function openApp(): { db: Database.Database; service: IntakeService; file: string } {
  const file = path.join(tempDir(), 'back-intake.sqlite3')
  const db = openDatabase(file)
  connections.push(db)
  return { db, file, service: createSqliteIntakeService(db, { now: steppingClock().now }) }
}

/** Everything a save writes: if a refused save left any of it changed, that is a half-written record. */
function state(db: Database.Database): unknown {
  return {
    intakes: db.prepare('SELECT * FROM intakes ORDER BY id').all(),
    history: db.prepare('SELECT * FROM red_flag_events ORDER BY rowid').all(),
    patients: db.prepare('SELECT * FROM patients ORDER BY id').all()
  }
}

/** The SQLite error behind a ServiceError (kept for the log, never shown). */
function sqliteCode(error: ServiceError): string | undefined {
  const cause: unknown = error.cause
  return cause instanceof Database.SqliteError ? cause.code : undefined
}

/** Stops the file from growing: the next page SQLite needs is refused, as on a full disk. */
function fillDisk(db: Database.Database): void {
  const pages = Number(db.pragma('page_count', { simple: true }))
  db.pragma(`max_page_count = ${pages}`)
}

describe('a full disk', () => {
  it('refuses a draft save with a clear message and keeps the previous answers', async () => {
    const { db, service } = openApp()
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    const saved = completeAnswers({ 'rf.fever': 'yes' })
    await saveAtLatest(service, { id: draft.id, answers: saved }, 'staff')
    const before = state(db)

    fillDisk(db)
    const error = await rejection(
      saveAtLatest(service, { id: draft.id, answers: largestAnswers() }, 'staff')
    )
    expect(sqliteCode(error)).toBe('SQLITE_FULL')
    expect(error.code).toBe('storage')
    expect(error.message).toBe(
      'The disk is full, so this change was not saved; everything saved before it is kept. ' +
        'Free some disk space, then try again.'
    )
    expect(state(db)).toEqual(before)
    const read = await service.get(draft.id)
    expect(read.answers).toEqual(saved)
    expect(read.revision).toBe(2)
    expect(read.damage).toBeUndefined()

    // Space freed: the same save goes through without a restart.
    db.pragma('max_page_count = 1073741823')
    await saveAtLatest(service, { id: draft.id, answers: largestAnswers() }, 'staff')
    expect((await service.get(draft.id)).revision).toBe(3)
  })

  it('creates no row, history or patient when a new draft or a submission does not fit', async () => {
    const { db, service } = openApp()
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    // Fill the free pages first, so the next write needs a page the "disk" does not have.
    fillDisk(db)
    const refusedCreate = await rejection(
      service.createDraft({ answers: largestAnswers(), entryMode: 'staff' }, 'staff')
    )
    expect(sqliteCode(refusedCreate)).toBe('SQLITE_FULL')
    const before = state(db)

    const refusedSubmit = await rejection(
      submitAtLatest(
        service,
        { id: draft.id, answers: completeAnswers({ 'complaint.description': '😀'.repeat(2000) }) },
        'staff'
      )
    )
    expect(refusedSubmit.code).toBe('storage')
    expect(sqliteCode(refusedSubmit)).toBe('SQLITE_FULL')
    expect(state(db)).toEqual(before)
    expect((await service.get(draft.id)).status).toBe('draft')
    expect(db.prepare('SELECT count(*) FROM intakes').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0)
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })
})

describe('a database that cannot be written', () => {
  it('refuses saves on a read-only connection, and still reads', async () => {
    const { db, file, service } = openApp()
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    db.close()
    const readOnly = new Database(file, { readonly: true })
    connections.push(readOnly)
    const reader = createSqliteIntakeService(readOnly, { now: steppingClock().now })
    const before = state(readOnly)

    const error = await rejection(
      saveAtLatest(reader, { id: draft.id, answers: { 'pain.now': 9 } }, 'staff')
    )
    expect(error.code).toBe('storage')
    expect(sqliteCode(error)).toMatch(/^SQLITE_READONLY/)
    expect(error.message).toMatch(/cannot be written.*This change was not saved/)
    expect(error.message).not.toMatch(/SQLITE|UPDATE|intakes/)
    const created = await rejection(
      reader.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    )
    expect(created.code).toBe('storage')
    expect(state(readOnly)).toEqual(before)
    expect((await reader.get(draft.id)).answers).toEqual(completeAnswers())
  })

  it('refuses saves while the connection is query-only, then saves again', async () => {
    const { db, service } = openApp()
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    await saveAtLatest(service, { id: draft.id, answers: { 'pain.now': 2 } }, 'staff')
    const before = state(db)
    db.pragma('query_only = 1')
    const error = await rejection(
      saveAtLatest(service, { id: draft.id, answers: { 'pain.now': 8 } }, 'staff')
    )
    expect(error.code).toBe('storage')
    expect(sqliteCode(error)).toMatch(/^SQLITE_READONLY/)
    expect(state(db)).toEqual(before)
    db.pragma('query_only = 0')
    await saveAtLatest(service, { id: draft.id, answers: { 'pain.now': 8 } }, 'staff')
    expect((await service.get(draft.id)).answers).toEqual({ 'pain.now': 8 })
  })

  it('words a disk error for people, keeping SQLite’s own words for the log', () => {
    const cause = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE')
    const mapped = mapSqliteError(cause)
    expect(mapped).toBeInstanceOf(ServiceError)
    expect(mapped).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/disk reported an error.*not saved.*make a backup/),
      cause
    })
  })
})
