/**
 * Migration 0003 (red-flag history) on a database the previous version of the
 * app wrote, and what the new table refuses to store.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { FORM_VERSION } from '../../../../../src/domain'
import { createIntakeRepository } from '../../../../../electron/main/services/database/intakeRepository'
import { MIGRATIONS } from '../../../../../electron/main/services/database/migrations'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { createRedFlagEventRepository } from '../../../../../electron/main/services/database/redFlagEventRepository'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { rejection } from '../../support/rejection'
import { steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { saveAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('red-flag-migration')

/** A database as version 2 of the schema left it, holding one draft with an emergency answer. */
function versionTwoDatabase(file: string): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) })
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    // Written as version 2 wrote it: today's repository expects later columns.
    db.prepare(
      `INSERT INTO intakes (id, status, entry_mode, form_version, answers, concern, concern_rank,
         given_name, given_name_search, revision, created_at, updated_at)
       VALUES ('draft-from-v2', 'draft', 'staff', ?, ?, 'emergency', 3, 'Maya', 'maya', 1, ?, ?)`
    ).run(
      FORM_VERSION,
      JSON.stringify({ 'patient.givenName': 'Maya', 'rf.saddleNumbness': 'yes' }),
      '2026-11-19T09:00:00.000Z',
      '2026-11-19T09:00:00.000Z'
    )
  } finally {
    db.close()
  }
}

describe('migration 0003: red-flag history', () => {
  it('migrates an existing version 2 database, keeping its intakes and backing it up first', async () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    versionTwoDatabase(file)

    const db = openDatabase(file)
    try {
      // Version 3 adds the history; later steps (4: the unfinished-list index) run as well.
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3)
      const table = db
        .prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list('red_flag_events')")
        .get()
      expect(table?.strict).toBe(1)
      const foreignKeys = db
        .prepare<[], { table: string; on_delete: string }>(
          'SELECT "table", on_delete FROM pragma_foreign_key_list(\'red_flag_events\')'
        )
        .all()
      expect(foreignKeys).toEqual([{ table: 'intakes', on_delete: 'CASCADE' }])

      // The draft written before the history existed opens with an empty history...
      const service = createSqliteIntakeService(db, { now: steppingClock().now })
      const before = await service.get('draft-from-v2')
      expect(before.answers['rf.saddleNumbness']).toBe('yes')
      expect(before.redFlagHistory).toEqual([])
      // ...and its first change says what the answer was before.
      await saveAtLatest(
        service,
        { id: 'draft-from-v2', answers: { 'rf.saddleNumbness': 'no' } },
        'staff'
      )
      expect((await service.get('draft-from-v2')).redFlagHistory).toEqual([
        expect.objectContaining({ itemId: 'rf.saddleNumbness', from: 'yes', to: 'no', by: 'staff' })
      ])
    } finally {
      db.close()
    }

    const backup = new Database(`${file}.v2.bak`, { readonly: true })
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(2)
      expect(
        backup
          .prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'red_flag_events'")
          .pluck()
          .get()
      ).toBe(0)
    } finally {
      backup.close()
    }
    expect(fs.existsSync(`${file}.v2.bak.tmp`)).toBe(false)
  })

  it('refuses anything but codes, and an event for an intake that does not exist', () => {
    const db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
    try {
      createIntakeRepository(db).insertDraft({
        id: 'draft',
        entryMode: 'staff',
        formVersion: FORM_VERSION,
        answers: {},
        concern: 'none',
        now: '2026-11-20T10:00:00.000Z'
      })
      const insert = (values: Record<string, unknown>) =>
        db
          .prepare(
            `INSERT INTO red_flag_events (intake_id, kind, item_id, from_value, to_value,
               flag_condition, flag_level, previous_level, actor, occurred_at)
             VALUES (@intake_id, @kind, @item_id, @from_value, @to_value,
               @flag_condition, @flag_level, @previous_level, @actor, @occurred_at)`
          )
          .run({
            intake_id: 'draft',
            kind: 'answer',
            item_id: 'rf.bladder',
            from_value: null,
            to_value: 'yes',
            flag_condition: null,
            flag_level: null,
            previous_level: null,
            actor: 'staff',
            occurred_at: '2026-11-20T10:00:00.000Z',
            ...values
          })

      expect(() => insert({})).not.toThrow()
      for (const bad of [
        { to_value: 'Numb since Tuesday' },
        { item_id: 'rf.bladder and more' },
        { item_id: 'patient.givenName' },
        { actor: 'Dr Smith' },
        { from_value: 'yes', to_value: 'yes' },
        { kind: 'alert' },
        {
          kind: 'alert',
          item_id: null,
          to_value: null,
          flag_condition: 'Cauda equina!',
          flag_level: 'emergency'
        },
        {
          kind: 'alert',
          item_id: null,
          to_value: null,
          flag_condition: 'cauda-equina',
          flag_level: 'none'
        },
        { intake_id: 'no-such-intake' }
      ]) {
        expect(() => insert(bad), JSON.stringify(bad)).toThrow()
      }
    } finally {
      db.close()
    }
  })

  it('reports a history row it cannot read back as damaged storage, not as a crash', async () => {
    const db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
    try {
      const service = createSqliteIntakeService(db, { now: steppingClock().now })
      const draft = await service.createDraft(
        { answers: { 'rf.bladder': 'yes' }, entryMode: 'staff' },
        'staff'
      )
      // Passes the table's pattern check, but is no question of the form.
      db.prepare(
        "UPDATE red_flag_events SET item_id = 'rf.unknownThing' WHERE kind = 'answer'"
      ).run()

      expect(() => createRedFlagEventRepository(db).listForIntake(draft.id)).toThrow(/damaged/)
      expect((await rejection(service.get(draft.id))).code).toBe('storage')
    } finally {
      db.close()
    }
  })
})
