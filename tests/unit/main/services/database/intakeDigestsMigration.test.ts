/**
 * Migration 0007 (check values on intake rows) on a database the previous
 * version wrote: existing rows are sealed as they are, so a later change is
 * caught, and a row already broken before it still shows as damaged.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../../../electron/main/services/database/migrations'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('intake-digests-migration')
const DIGESTS = MIGRATIONS.findIndex((migration) => migration.name === 'intake-digests') + 1

/** A database at the version before digests, with `count` drafts written as that version wrote them. */
function olderDatabase(file: string, count: number): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, DIGESTS - 1) })
  const insert = db.prepare(
    `INSERT INTO intakes (id, status, entry_mode, form_version, answers, concern, concern_rank,
       given_name, given_name_search, revision, created_at, updated_at)
     VALUES (?, 'draft', 'staff', 2, ?, 'none', 0, ?, ?, 1, ?, ?)`
  )
  for (let i = 0; i < count; i += 1) {
    const name = `Maya${i}`
    const at = new Date(Date.UTC(2026, 10, 19, 9, 0, i)).toISOString()
    insert.run(
      `old-${String(i).padStart(4, '0')}`,
      JSON.stringify(completeAnswers({ 'patient.givenName': name })),
      name,
      name.toLowerCase(),
      at,
      at
    )
  }
  // A row broken before the upgrade: it must not be sealed, or it would look whole.
  insert.run(
    'old-broken',
    '{"pain.now": "eleven"}',
    null,
    null,
    '2026-11-19T08:00:00.000Z',
    '2026-11-19T08:00:00.000Z'
  )
  db.close()
}

describe('migration 0007: intake check values', () => {
  it('seals every row that reads cleanly, in batches, and later changes are caught', async () => {
    expect(DIGESTS).toBe(7)
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    // More rows than one batch, so the batching is exercised.
    olderDatabase(file, 520)
    const db = openDatabase(file)
    try {
      expect(
        db
          .prepare('SELECT id FROM intakes WHERE content_digest IS NULL OR row_digest IS NULL')
          .pluck()
          .all()
      ).toEqual(['old-broken'])
      const service = createSqliteIntakeService(db, { now: steppingClock().now })
      const intact = await service.get('old-0510')
      expect(intact).not.toHaveProperty('damage')
      expect(intact.answers).toEqual(completeAnswers({ 'patient.givenName': 'Maya510' }))
      expect((await service.get('old-broken')).damage?.problems).toEqual([
        'Some saved answers could not be read and are not shown: Pain now (NPRS).'
      ])

      db.prepare("UPDATE intakes SET given_name = 'Mbya510' WHERE id = 'old-0510'").run()
      expect((await service.get('old-0510')).damage).toBeDefined()
    } finally {
      db.close()
    }
  })
})
