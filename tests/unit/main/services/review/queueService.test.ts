/**
 * The clinician's queue over a real SQLite database: emergency first, then
 * urgent, review and none; within a level the one waiting longest first;
 * the counts; local days and their edges; flags from the snapshot or, for a
 * draft, worked out afresh; triage decisions; damage; and, through the real
 * app core, what the front desk may see and the events staff screens get.
 */
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  QUEUE_ITEM_LIMIT,
  type ApiEvents,
  type IntakeAnswers,
  validateAnswers,
  type Queue,
  type QueueItem
} from '../../../../../src/domain'
import { createAppCore } from '../../../../../electron/main/appCore'
import {
  contentDigest,
  rowDigest
} from '../../../../../electron/main/services/database/intakeDigest'
import {
  QUEUE_COUNTS_QUERY,
  QUEUE_LEVEL_QUERY,
  type StoredIntakeRow
} from '../../../../../electron/main/services/database/queueRepository'
import { storedIntakeColumns } from '../../../../../electron/main/services/database/reviewListRows'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import {
  createQueueService,
  type QueueService
} from '../../../../../electron/main/services/review/queueService'
import { loadGoldenCases } from '../../../domain/testAnswers'
import { rejection } from '../../support/rejection'
import { completeAnswers } from '../../support/sampleAnswers'
import { callOk, createStaff, signInAs } from '../../support/staffSessions'
import { useTempDirs } from '../../support/tempDir'
import { saveAtLatest, submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('queue')
const savedTimeZone = process.env['TZ']

let db: Database
let intakes: IntakeService
let queue: QueueService
/** The clock every service reads; each helper sets it to the moment it acts at. */
let clock = 0

beforeEach(() => {
  process.env['TZ'] = 'UTC'
  db = openDatabase(path.join(tempDir(), 'back-intake.sqlite3'))
  intakes = createSqliteIntakeService(db, { now: () => new Date(clock) })
  queue = createQueueService(db, { now: () => new Date(clock) })
})

afterEach(() => {
  db.close()
  if (savedTimeZone === undefined) delete process.env['TZ']
  else process.env['TZ'] = savedTimeZone
})

const CASES = new Map(
  loadGoldenCases().map((golden) => [golden.file.replace(/\.json$/, ''), golden])
)

/** A golden case's answers under another name, so rows can be told apart. */
function caseAnswers(name: string, familyName: string): IntakeAnswers {
  const golden = CASES.get(name)
  if (golden === undefined) throw new Error(`no golden case ${name}`)
  return { ...golden.answers, 'patient.familyName': familyName }
}

/** Creates a draft at `createdAt` and submits it at `submittedAt`. */
async function submitAt(
  answers: IntakeAnswers,
  submittedAt: string,
  createdAt = submittedAt
): Promise<string> {
  clock = Date.parse(createdAt)
  const draft = await intakes.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
  clock = Date.parse(submittedAt)
  await submitAtLatest(intakes, { id: draft.id, answers }, 'staff')
  return draft.id
}

async function draftAt(answers: IntakeAnswers, createdAt: string): Promise<string> {
  clock = Date.parse(createdAt)
  return (await intakes.createDraft({ answers, entryMode: 'staff' }, 'staff')).id
}

/** The queue as seen at `at`. */
async function queueAt(at: string, query: { fromDate?: string; toDate?: string } = {}) {
  clock = Date.parse(at)
  return queue.list(query)
}

function familyNames(result: Queue): (string | null)[] {
  return result.items.map((item) => item.familyName)
}

/** Records a triage decision as the triage service stores it (the table of migration 0008). */
function insertDecision(
  intakeId: string,
  version: number,
  decision: string,
  decidedAt: string,
  staffName = 'Cleo Park'
): void {
  db.prepare(
    `INSERT INTO triage_decisions (intake_id, version, decision, notes, acknowledged_flags,
       staff_id, staff_name, decided_at)
     VALUES (?, ?, ?, '', '[]', 'staff-1', ?, ?)`
  ).run(intakeId, version, decision, staffName, decidedAt)
}

describe('order and counts', () => {
  it('lists emergency, urgent, review then none, the longest-waiting first within each level', async () => {
    await submitAt(caseAnswers('doms-routine', 'NoneSubmitted'), '2026-11-20T09:00:00.000Z')
    await submitAt(caseAnswers('fever', 'UrgentLater'), '2026-11-20T09:10:00.000Z')
    await submitAt(
      caseAnswers('cauda-equina-emergency', 'EmergencyFirst'),
      '2026-11-20T09:20:00.000Z'
    )
    await submitAt(caseAnswers('mid-back-alone-review', 'ReviewFirst'), '2026-11-20T09:30:00.000Z')
    // Started long before, submitted last: it waits from its submission, not its creation.
    await submitAt(
      caseAnswers('fracture-75-sudden-onset-no-trauma', 'ReviewStartedEarly'),
      '2026-11-20T09:55:00.000Z',
      '2026-11-20T07:00:00.000Z'
    )
    await submitAt(caseAnswers('cancer-history', 'UrgentEarlier'), '2026-11-20T08:50:00.000Z')
    // A draft with an emergency answer ranks as an emergency, waiting since it was started.
    await draftAt(
      { 'patient.familyName': 'EmergencyDraft', 'rf.bladder': 'yes' },
      '2026-11-20T09:40:00.000Z'
    )
    // A draft saved again later still waits from when it was started.
    const early = await draftAt({ 'patient.familyName': 'NoneDraft' }, '2026-11-20T08:00:00.000Z')
    clock = Date.parse('2026-11-20T10:30:00.000Z')
    await saveAtLatest(
      intakes,
      { id: early, answers: { 'patient.familyName': 'NoneDraft' } },
      'staff'
    )

    const result = await queueAt('2026-11-20T11:00:00.000Z')
    expect(result.fromDate).toBe('2026-11-20')
    expect(result.toDate).toBe('2026-11-20')
    expect(familyNames(result)).toEqual([
      'EmergencyFirst',
      'EmergencyDraft',
      'UrgentEarlier',
      'UrgentLater',
      'ReviewFirst',
      'ReviewStartedEarly',
      'NoneDraft',
      'NoneSubmitted'
    ])
    expect(result.items.map((item) => item.concern)).toEqual([
      'emergency',
      'emergency',
      'urgent',
      'urgent',
      'review',
      'review',
      'none',
      'none'
    ])
    expect(result.counts).toEqual({ emergency: 2, urgent: 2, review: 2, none: 2 })
  })

  it('breaks a tie of the same moment by id, so the order never changes between two loads', async () => {
    const at = '2026-11-20T09:00:00.000Z'
    const ids = [
      await draftAt({ 'patient.familyName': 'Same1' }, at),
      await draftAt({ 'patient.familyName': 'Same2' }, at),
      await draftAt({ 'patient.familyName': 'Same3' }, at)
    ]
    const result = await queueAt('2026-11-20T12:00:00.000Z')
    expect(result.items.map((item) => item.id)).toEqual([...ids].sort())
  })

  it(`lists at most ${QUEUE_ITEM_LIMIT} intakes, the most pressing, while the counts count them all`, async () => {
    const insert = db.transaction(() => {
      for (let i = 0; i < QUEUE_ITEM_LIMIT + 5; i++) {
        clock = Date.parse('2026-11-20T08:00:00.000Z') + i * 1000
        void intakes.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
      }
    })
    insert()
    const urgent = await submitAt(
      caseAnswers('fever', 'UrgentAmongMany'),
      '2026-11-20T10:00:00.000Z'
    )
    const result = await queueAt('2026-11-20T12:00:00.000Z')
    expect(result.items).toHaveLength(QUEUE_ITEM_LIMIT)
    expect(result.items[0]?.id).toBe(urgent)
    expect(result.counts).toEqual({
      emergency: 0,
      urgent: 1,
      review: 0,
      none: QUEUE_ITEM_LIMIT + 5
    })
  })
})

describe('days', () => {
  it('is today by default, and a range takes drafts started and intakes submitted on its days', async () => {
    await submitAt(caseAnswers('doms-routine', 'Yesterday'), '2026-11-19T15:00:00.000Z')
    await draftAt({ 'patient.familyName': 'DraftYesterday' }, '2026-11-19T16:00:00.000Z')
    await submitAt(caseAnswers('doms-routine', 'Today'), '2026-11-20T09:00:00.000Z')
    // Started yesterday, submitted today: today's.
    await submitAt(
      caseAnswers('doms-routine', 'StartedYesterday'),
      '2026-11-20T09:30:00.000Z',
      '2026-11-19T17:00:00.000Z'
    )
    await submitAt(caseAnswers('doms-routine', 'Tomorrow'), '2026-11-21T09:00:00.000Z')

    expect(familyNames(await queueAt('2026-11-20T12:00:00.000Z'))).toEqual([
      'Today',
      'StartedYesterday'
    ])
    expect(
      familyNames(
        await queueAt('2026-11-21T12:00:00.000Z', { fromDate: '2026-11-19', toDate: '2026-11-20' })
      )
    ).toEqual(['Yesterday', 'DraftYesterday', 'Today', 'StartedYesterday'])
    const tomorrow = await queueAt('2026-11-21T12:00:00.000Z', { fromDate: '2026-11-21' })
    expect(familyNames(tomorrow)).toEqual(['Tomorrow'])
    expect(tomorrow).toMatchObject({ fromDate: '2026-11-21', toDate: '2026-11-21' })
  })

  it('takes a day from local midnight to local midnight, not UTC', async () => {
    // Auckland is 13 hours ahead of UTC in November.
    process.env['TZ'] = 'Pacific/Auckland'
    await submitAt(caseAnswers('doms-routine', 'LastMinuteBefore'), '2026-11-19T10:59:59.999Z')
    await submitAt(caseAnswers('doms-routine', 'LocalMidnight'), '2026-11-19T11:00:00.000Z')
    await submitAt(caseAnswers('doms-routine', 'LastMomentOfDay'), '2026-11-20T10:59:59.999Z')
    await submitAt(caseAnswers('doms-routine', 'NextLocalMidnight'), '2026-11-20T11:00:00.000Z')

    // 18:00 on 20 November in Auckland: today is the 20th there, whatever UTC says.
    const today = await queueAt('2026-11-20T05:00:00.000Z')
    expect(today.fromDate).toBe('2026-11-20')
    expect(familyNames(today)).toEqual(['LocalMidnight', 'LastMomentOfDay'])
  })

  it('covers a day of 25 hours when the clocks go back', async () => {
    // London leaves summer time on 25 October 2026.
    process.env['TZ'] = 'Europe/London'
    await submitAt(caseAnswers('doms-routine', 'MidnightBst'), '2026-10-24T23:00:00.000Z')
    await submitAt(caseAnswers('doms-routine', 'LateGmt'), '2026-10-25T23:59:00.000Z')
    await submitAt(caseAnswers('doms-routine', 'DayBefore'), '2026-10-24T22:59:00.000Z')
    await submitAt(caseAnswers('doms-routine', 'DayAfter'), '2026-10-26T00:00:00.000Z')
    const day = await queueAt('2026-11-20T12:00:00.000Z', {
      fromDate: '2026-10-25',
      toDate: '2026-10-25'
    })
    expect(familyNames(day)).toEqual(['MidnightBst', 'LateGmt'])
  })

  it('refuses a range that runs backwards, is longer than a year or is not made of real days', async () => {
    clock = Date.parse('2026-11-20T12:00:00.000Z')
    for (const query of [
      { fromDate: '2026-11-21', toDate: '2026-11-20' },
      { fromDate: '2025-11-19', toDate: '2026-11-20' },
      { fromDate: '2026-02-29', toDate: '2026-03-01' },
      { fromDate: '2026-11-20', toDate: '20261120' },
      // Only the first day: the last defaults to today, which is before it.
      { fromDate: '2026-12-01' }
    ]) {
      const error = await rejection(queue.list(query))
      expect({ query, code: (error as { code?: string }).code }).toEqual({
        query,
        code: 'invalid-argument'
      })
    }
    // 366 days, a leap day among them, is the longest range.
    await expect(
      queue.list({ fromDate: '2027-11-21', toDate: '2028-11-20' })
    ).resolves.toMatchObject({
      items: []
    })
    await expect(
      queue.list({ fromDate: '2025-11-20', toDate: '2026-11-20' })
    ).resolves.toMatchObject({
      counts: { emergency: 0, urgent: 0, review: 0, none: 0 }
    })
  })
})

describe('each row', () => {
  it('carries the snapshot flags of a submitted intake and fresh flags for a draft', async () => {
    const submitted = await submitAt(
      caseAnswers('cauda-equina-emergency', 'Submitted'),
      '2026-11-20T09:00:00.000Z'
    )
    const draft = await draftAt(
      { 'patient.familyName': 'Draft', 'rf.fever': 'yes', 'rf.cancerHistory': 'yes' },
      '2026-11-20T09:30:00.000Z'
    )
    const result = await queueAt('2026-11-20T12:00:00.000Z')
    const byId = new Map(result.items.map((item) => [item.id, item]))
    expect(byId.get(submitted)).toMatchObject({
      status: 'submitted',
      concern: 'emergency',
      flags: [{ condition: 'cauda-equina', level: 'emergency' }],
      submittedAt: '2026-11-20T09:00:00.000Z',
      triage: null
    })
    expect(byId.get(draft)).toMatchObject({
      status: 'draft',
      concern: 'urgent',
      submittedAt: null,
      createdAt: '2026-11-20T09:30:00.000Z'
    })
    expect(
      byId
        .get(draft)
        ?.flags.map((flag) => `${flag.condition}:${flag.level}`)
        .sort()
    ).toEqual(['infection:urgent', 'malignancy:urgent'])
    // Flags are the condition and level only: the answers behind them stay in the record.
    expect(Object.keys(byId.get(submitted)?.flags[0] ?? {}).sort()).toEqual(['condition', 'level'])
    expect(result.items.every((item) => !('damage' in item))).toBe(true)
  })

  it('says which intakes are follow-up visits', async () => {
    const first = await submitAt(completeAnswers(), '2026-11-20T09:00:00.000Z')
    const { patientId } = await intakes.get(first)
    clock = Date.parse('2026-11-20T09:30:00.000Z')
    const followUp = await intakes.startFollowUp(
      { patientId: patientId ?? '', entryMode: 'staff' },
      { id: 'staff-1', name: 'Front Desk' }
    )
    const result = await queueAt('2026-11-20T10:00:00.000Z')
    expect(result.items.map((item) => [item.id, item.kind])).toEqual([
      [first, 'initial'],
      [followUp.id, 'follow-up']
    ])
  })

  it('gives the name, date of birth and the age on the day of the intake', async () => {
    const answers = completeAnswers({
      'patient.givenName': 'Ngozi',
      'patient.familyName': 'Eze',
      'patient.dateOfBirth': '1996-11-21'
    })
    const id = await submitAt(answers, '2026-11-20T09:00:00.000Z')
    const noDate = await draftAt({ 'patient.givenName': 'Nobirth' }, '2026-11-20T09:10:00.000Z')
    // Two days later the patient is 30, but on the day of the intake they were 29.
    const result = await queueAt('2026-11-22T12:00:00.000Z', { fromDate: '2026-11-20' })
    const item = result.items.find((entry) => entry.id === id)
    expect(item).toMatchObject({
      givenName: 'Ngozi',
      familyName: 'Eze',
      dateOfBirth: '1996-11-21',
      age: 29
    })
    expect(result.items.find((entry) => entry.id === noDate)).toMatchObject({
      givenName: 'Nobirth',
      familyName: null,
      dateOfBirth: null,
      age: null
    })
  })

  it('is reviewed once a decision exists, showing the latest one and who made it', async () => {
    const id = await submitAt(caseAnswers('fever', 'Reviewed'), '2026-11-20T09:00:00.000Z')
    insertDecision(id, 1, 'proceed', '2026-11-20T09:30:00.000Z', 'Cleo Park')
    insertDecision(id, 2, 'further-assessment', '2026-11-20T10:00:00.000Z', 'Ana Ruiz')
    const waiting = await submitAt(caseAnswers('fever', 'Waiting'), '2026-11-20T09:05:00.000Z')

    const result = await queueAt('2026-11-20T12:00:00.000Z')
    expect(result.items.find((item) => item.id === id)).toMatchObject({
      status: 'reviewed',
      triage: {
        decision: 'further-assessment',
        decidedAt: '2026-11-20T10:00:00.000Z',
        decidedBy: 'Ana Ruiz'
      }
    })
    expect(result.items.find((item) => item.id === waiting)).toMatchObject({
      status: 'submitted',
      triage: null
    })
    // A reviewed intake keeps its place: the queue orders by concern and waiting time.
    expect(familyNames(result)).toEqual(['Reviewed', 'Waiting'])
  })

  it('shows a decision it cannot read as damage, still reviewed', async () => {
    const id = await submitAt(caseAnswers('fever', 'OddDecision'), '2026-11-20T09:00:00.000Z')
    insertDecision(id, 1, 'proceed', 'yesterday afternoon')
    const [item] = (await queueAt('2026-11-20T12:00:00.000Z')).items
    expect(item).toMatchObject({ status: 'reviewed', triage: null })
    expect(item?.damage?.problems).toEqual([
      'The current triage decision could not be read; open the record to see its history.'
    ])
  })

  it('lists a record changed behind the app with its damage, where it belongs', async () => {
    const id = await submitAt(
      caseAnswers('cauda-equina-emergency', 'Tampered'),
      '2026-11-20T09:00:00.000Z'
    )
    await submitAt(caseAnswers('doms-routine', 'Intact'), '2026-11-20T08:00:00.000Z')
    db.prepare("UPDATE intakes SET family_name = 'Mallory' WHERE id = ?").run(id)

    const result = await queueAt('2026-11-20T12:00:00.000Z')
    expect(familyNames(result)).toEqual(['Tampered', 'Intact'])
    const [tampered, intact] = result.items as [QueueItem, QueueItem]
    expect(tampered.damage?.problems).toEqual([
      expect.stringContaining('changed after the app saved them')
    ])
    expect(tampered.flags).toEqual([{ condition: 'cauda-equina', level: 'emergency' }])
    expect(intact).not.toHaveProperty('damage')
  })
})

describe('reading again', () => {
  it('checks a row afresh once anything in it changed, behind the app or through it', async () => {
    const tampered = await submitAt(caseAnswers('fever', 'Original'), '2026-11-20T09:00:00.000Z')
    const draft = await draftAt({ 'patient.familyName': 'Changing' }, '2026-11-20T09:10:00.000Z')
    const first = await queueAt('2026-11-20T12:00:00.000Z')
    expect(first.items.every((item) => !('damage' in item))).toBe(true)
    expect(first.items.find((item) => item.id === draft)?.concern).toBe('none')

    // One letter of the stored answers, changed outside the app after the row was shown clean.
    const answers = db.prepare('SELECT answers FROM intakes WHERE id = ?').pluck().get(tampered)
    db.prepare('UPDATE intakes SET answers = ? WHERE id = ?').run(
      String(answers).replace('Original', 'Origjnal'),
      tampered
    )
    clock = Date.parse('2026-11-20T12:05:00.000Z')
    await saveAtLatest(
      intakes,
      { id: draft, answers: { 'patient.familyName': 'Changing', 'rf.bladder': 'yes' } },
      'staff'
    )

    const again = await queueAt('2026-11-20T12:10:00.000Z')
    expect(again.items.find((item) => item.id === tampered)?.damage?.problems).toEqual([
      expect.stringContaining('answers changed after the app saved them')
    ])
    expect(again.items.find((item) => item.id === draft)).toMatchObject({
      concern: 'emergency',
      flags: [{ condition: 'cauda-equina', level: 'emergency' }]
    })
    expect(again.items[0]?.id).toBe(draft)
  })
})

describe('checking the row it listed', () => {
  /** Changes stored columns and seals the row again, as a tool that knows the format could. */
  function resealWith(id: string, changes: Partial<StoredIntakeRow>): void {
    const stored = db
      .prepare<[string], StoredIntakeRow>(
        `SELECT ${storedIntakeColumns()} FROM intakes WHERE id = ?`
      )
      .get(id)
    if (stored === undefined) throw new Error(`no intake ${id}`)
    const row = { ...stored, ...changes }
    const content = contentDigest(row.answers, row.evaluation)
    const sealed = {
      ...row,
      content_digest: content,
      row_digest: rowDigest({ ...row, content_digest: content })
    }
    const columns = Object.keys(sealed).filter((column) => column !== 'id')
    db.prepare(
      `UPDATE intakes SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`
    ).run(sealed)
  }

  it('builds the same line from the row alone as from the record read in full', async () => {
    let minute = 0
    const at = (): string =>
      new Date(Date.parse('2026-11-20T07:00:00.000Z') + minute++ * 60_000).toISOString()
    // Every golden case, submitted when it can be and left a draft when it cannot.
    for (const [name, golden] of CASES) {
      const answers = { ...golden.answers, 'patient.familyName': name }
      if (validateAnswers(answers, { mode: 'submit', asOf: '2026-11-20' }).ok)
        await submitAt(answers, at())
      else await draftAt(answers, at())
    }
    await draftAt({ 'patient.familyName': 'DraftFever', 'rf.fever': 'yes' }, at())
    await draftAt({ 'patient.givenName': 'Nofamily', 'patient.dateOfBirth': '1950-01-02' }, at())
    const intact = await queueAt('2026-11-20T18:00:00.000Z')
    expect(intact.items).toHaveLength(CASES.size + 2)
    expect(intact.items.every((item) => !('damage' in item))).toBe(true)

    // Without check values (a row from before they existed) every row is read in full.
    db.exec('UPDATE intakes SET content_digest = NULL, row_digest = NULL')
    expect(await queueAt('2026-11-20T18:00:00.000Z')).toEqual(intact)
  })

  it('says so when only one check value is left', async () => {
    const id = await submitAt(caseAnswers('fever', 'HalfSealed'), '2026-11-20T09:00:00.000Z')
    db.prepare('UPDATE intakes SET row_digest = NULL WHERE id = ?').run(id)
    const [item] = (await queueAt('2026-11-20T12:00:00.000Z')).items
    expect(item?.damage?.problems).toEqual([expect.stringContaining('check values are incomplete')])
  })

  it('names what the app never writes even when the check values were made to match', async () => {
    const oddSnapshot = await submitAt(
      caseAnswers('cauda-equina-emergency', 'OddSnapshot'),
      '2026-11-20T09:00:00.000Z'
    )
    const draftSnapshot = await draftAt(
      { 'patient.familyName': 'DraftSnapshot' },
      '2026-11-20T09:10:00.000Z'
    )
    const oddAnswers = await draftAt(
      { 'patient.familyName': 'OddAnswers' },
      '2026-11-20T09:20:00.000Z'
    )
    resealWith(oddSnapshot, { evaluation: '{"concern":"none"}' })
    resealWith(draftSnapshot, { evaluation: '{}' })
    resealWith(oddAnswers, {
      answers: '{"patient.familyName":"OddAnswers","rf.bladder":{"yes":true}}'
    })

    const byId = new Map(
      (await queueAt('2026-11-20T12:00:00.000Z')).items.map((item) => [item.id, item])
    )
    for (const id of [oddSnapshot, draftSnapshot]) {
      expect(byId.get(id)?.damage?.problems).toEqual([
        'The evaluation saved at submission could not be read.'
      ])
    }
    // No snapshot to show: the answers, evaluated on the day of the intake, give the flags.
    expect(byId.get(oddSnapshot)?.flags).toEqual([
      { condition: 'cauda-equina', level: 'emergency' }
    ])
    expect(byId.get(oddAnswers)).toMatchObject({
      familyName: 'OddAnswers',
      flags: [],
      damage: { problems: [expect.stringContaining('Some saved answers could not be read')] }
    })
  })
})

describe('the queries', () => {
  function plan(sql: string, params: Record<string, unknown>): string {
    return db
      .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => row.detail)
      .join('\n')
  }
  const range = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' }

  it('walk one range of the queue index per level, already in order', () => {
    const level = plan(QUEUE_LEVEL_QUERY, { ...range, rank: 3, limit: 200 })
    expect(level).toMatch(
      /SEARCH intakes USING COVERING INDEX intakes_queue \(concern_rank=\? AND <expr>>\? AND <expr><\?\)/
    )
    expect(level).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/)
    expect(level).toMatch(
      /SEARCH t USING INDEX sqlite_autoindex_triage_decisions_1 \(intake_id=\? AND version=\?\)/
    )
    expect(level).not.toMatch(/TEMP B-TREE/)
  })

  it('count every level from the index alone', () => {
    const counts = plan(QUEUE_COUNTS_QUERY, range)
    expect(counts).toMatch(
      /SEARCH intakes USING COVERING INDEX intakes_queue \(concern_rank=\? AND <expr>>\? AND <expr><\?\)/
    )
    expect(counts).not.toMatch(/SCAN/)
  })
})

describe('through the app core', () => {
  it('gives the front desk names, status and concern, and clinicians the flags and decisions too', async () => {
    const dataDir = tempDir()
    const core = await createAppCore({
      dataDir,
      version: '0.0.0-queue',
      transport: 'web',
      now: () => new Date('2026-11-20T12:00:00.000Z')
    })
    try {
      await createStaff(core.dispatch)
      await signInAs(core.dispatch, 'front-desk')
      const draft = await callOk(core.dispatch, 'createDraft', {
        answers: { 'patient.familyName': 'Desk', 'rf.bladder': 'yes' },
        entryMode: 'staff'
      })
      const submitted = await callOk(core.dispatch, 'createDraft', {
        answers: {},
        entryMode: 'staff'
      })
      await callOk(core.dispatch, 'submitIntake', {
        id: submitted.id,
        revision: submitted.revision,
        answers: caseAnswers('fever', 'Fever')
      })
      const raw = new BetterSqlite3(core.databasePath)
      try {
        raw
          .prepare(
            `INSERT INTO triage_decisions (intake_id, version, decision, notes, acknowledged_flags,
               staff_id, staff_name, decided_at)
             VALUES (?, 1, 'proceed-with-safety-netting', '', '["infection"]', 's', 'Cleo Park', ?)`
          )
          .run(submitted.id, '2026-11-20T11:00:00.000Z')
      } finally {
        raw.close()
      }

      const desk = await callOk(core.dispatch, 'listQueue', {})
      expect(desk.items.map((item) => [item.familyName, item.status, item.concern])).toEqual([
        ['Desk', 'draft', 'emergency'],
        ['Fever', 'reviewed', 'urgent']
      ])
      expect(desk.items.every((item) => item.flags.length === 0 && item.triage === null)).toBe(true)
      expect(desk.counts).toEqual({ emergency: 1, urgent: 1, review: 0, none: 0 })

      for (const role of ['clinician', 'administrator'] as const) {
        await signInAs(core.dispatch, role)
        const seen = await callOk(core.dispatch, 'listQueue', { fromDate: '2026-11-20' })
        expect({ role, flags: seen.items.map((item) => item.flags) }).toEqual({
          role,
          flags: [
            [{ condition: 'cauda-equina', level: 'emergency' }],
            [{ condition: 'infection', level: 'urgent' }]
          ]
        })
        expect(seen.items[1]?.triage).toEqual({
          decision: 'proceed-with-safety-netting',
          decidedAt: '2026-11-20T11:00:00.000Z',
          decidedBy: 'Cleo Park'
        })
      }
      expect(draft.status).toBe('draft')

      // The schema refuses a malformed range before the service sees it; the service, a backwards one.
      const refused = await core.dispatch('listQueue', {
        fromDate: '2026-11-21',
        toDate: '2026-11-20'
      })
      expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-argument')
      const unknownKey = await core.dispatch('listQueue', { search: 'x' })
      expect(unknownKey.ok ? 'ok' : unknownKey.error.code).toBe('invalid-argument')
    } finally {
      core.close()
    }
  })

  it('tells staff screens of every created, saved, submitted and discarded intake, with no names', async () => {
    const events: ApiEvents['intakesChanged'][] = []
    const core = await createAppCore({
      dataDir: tempDir(),
      version: '0.0.0-queue',
      transport: 'web',
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      emit: (event, payload) => {
        if (event === 'intakesChanged') events.push(payload as ApiEvents['intakesChanged'])
      }
    })
    try {
      await createStaff(core.dispatch)
      const kept = await callOk(core.dispatch, 'createDraft', {
        answers: { 'patient.familyName': 'Secretname' },
        entryMode: 'staff'
      })
      const saved = await callOk(core.dispatch, 'saveDraft', {
        id: kept.id,
        revision: kept.revision,
        answers: { 'patient.familyName': 'Secretname', 'rf.saddleNumbness': 'yes' }
      })
      await callOk(core.dispatch, 'submitIntake', {
        id: kept.id,
        revision: saved.revision,
        answers: caseAnswers('fever', 'Secretname')
      })
      const dropped = await callOk(core.dispatch, 'createDraft', {
        answers: {},
        entryMode: 'staff'
      })
      await callOk(core.dispatch, 'discardDraft', { id: dropped.id })
      // A refused change tells nobody anything.
      const refused = await core.dispatch('saveDraft', { id: kept.id, answers: {} })
      expect(refused.ok).toBe(false)

      expect(events).toEqual([
        { intakeId: kept.id, change: 'created', concern: 'none' },
        { intakeId: kept.id, change: 'saved', concern: 'emergency' },
        { intakeId: kept.id, change: 'submitted', concern: 'urgent' },
        { intakeId: dropped.id, change: 'created', concern: 'none' },
        { intakeId: dropped.id, change: 'discarded', concern: 'none' }
      ])
      expect(JSON.stringify(events)).not.toContain('Secretname')
    } finally {
      core.close()
    }
  })

  it('keeps a save that the window cannot be told about', async () => {
    const logged: string[] = []
    const core = await createAppCore({
      dataDir: tempDir(),
      version: '0.0.0-queue',
      transport: 'web',
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      emit: (event) => {
        if (event === 'intakesChanged') throw new Error('Object has been destroyed')
      },
      logError: (context) => logged.push(context)
    })
    try {
      await createStaff(core.dispatch)
      const created = await core.dispatch('createDraft', { answers: {}, entryMode: 'staff' })
      expect(created.ok).toBe(true)
      expect(logged).toContain('intakesChanged')
    } finally {
      core.close()
    }
  })
})
