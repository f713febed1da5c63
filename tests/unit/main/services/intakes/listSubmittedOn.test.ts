/**
 * "The day's intakes" as the exports read them: submitted on one local
 * calendar day, in submission order, found through the list index.
 */
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SUBMITTED_BETWEEN_QUERY } from '../../../../../electron/main/services/database/intakeRepository'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { rejection } from '../../support/rejection'
import { submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('submitted-on')
const savedTimeZone = process.env['TZ']

let db: Database.Database
let service: IntakeService
let clock = 0

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
  service = createSqliteIntakeService(db, { now: () => new Date(clock) })
})

afterEach(() => {
  db.close()
  if (savedTimeZone === undefined) delete process.env['TZ']
  else process.env['TZ'] = savedTimeZone
})

async function submitAt(at: string): Promise<string> {
  clock = Date.parse(at)
  const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
  await submitAtLatest(service, { id: draft.id, answers: completeAnswers() }, 'staff')
  return draft.id
}

describe('listSubmittedOn', () => {
  it('lists a local day from midnight to midnight, across a clock change', async () => {
    // London leaves summer time on 25 October 2026: that day has 25 hours.
    process.env['TZ'] = 'Europe/London'
    const early = await submitAt('2026-10-24T23:00:00.000Z') // 00:00 BST on the 25th
    const late = await submitAt('2026-10-25T23:59:00.000Z') // 23:59 GMT on the 25th
    await submitAt('2026-10-24T22:59:00.000Z') // 23:59 BST on the 24th
    await submitAt('2026-10-26T00:00:00.000Z') // 00:00 GMT on the 26th
    const listed = await service.listSubmittedOn('2026-10-25')
    expect(listed.map((summary) => summary.id)).toEqual([early, late])
    expect(listed.every((summary) => summary.status === 'submitted')).toBe(true)
  })

  it('leaves out drafts changed that day', async () => {
    process.env['TZ'] = 'UTC'
    clock = Date.parse('2026-11-20T10:00:00.000Z')
    await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    expect(await service.listSubmittedOn('2026-11-20')).toEqual([])
  })

  it('refuses a date that is not a calendar day', async () => {
    const error = await rejection(service.listSubmittedOn('2026-02-29'))
    expect(error).toMatchObject({ code: 'invalid-argument' })
  })

  it('finds the day through the status and time index, not a table scan', () => {
    const plan = db
      .prepare<[Record<string, unknown>], { detail: string }>(
        `EXPLAIN QUERY PLAN ${SUBMITTED_BETWEEN_QUERY}`
      )
      .all({ from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' })
      .map((row) => row.detail)
      .join('\n')
    expect(plan).toMatch(
      /SEARCH intakes USING INDEX intakes_status_updated \(status=\? AND updated_at>\? AND updated_at<\?\)/
    )
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})
