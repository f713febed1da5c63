/**
 * The intake service keeps every red-flag answer change and every alert raised,
 * written in the same transaction as the answers, attributed to the caller.
 */
import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import type { IntakeAnswers } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { rejection } from '../../support/rejection'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { saveAtLatest, submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('red-flag-history')

let db: Database.Database
let service: IntakeService

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
  service = createSqliteIntakeService(db, { now: steppingClock().now })
  return () => db.close()
})

/** The history rows exactly as SQLite has them. */
function rawEvents(intakeId?: string): Record<string, unknown>[] {
  return intakeId === undefined
    ? db.prepare<[], Record<string, unknown>>('SELECT * FROM red_flag_events ORDER BY id').all()
    : db
        .prepare<[string], Record<string, unknown>>(
          'SELECT * FROM red_flag_events WHERE intake_id = ? ORDER BY id'
        )
        .all(intakeId)
}

async function emptyDraft(): Promise<string> {
  return (await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')).id
}

describe('red-flag history of a draft', () => {
  it('keeps yes then no across two saves: two answer events and one alert, attributed and timed', async () => {
    const id = await emptyDraft()
    const yes = await saveAtLatest(
      service,
      { id, answers: { 'rf.saddleNumbness': 'yes' } },
      'staff'
    )
    const no = await saveAtLatest(service, { id, answers: { 'rf.saddleNumbness': 'no' } }, 'staff')

    const record = await service.get(id)
    // The evaluation is of the final answers only...
    expect(record.evaluation.concern).toBe('none')
    // ...and the history keeps what was said and raised on the way.
    expect(record.redFlagHistory).toEqual([
      {
        kind: 'answer',
        itemId: 'rf.saddleNumbness',
        from: null,
        to: 'yes',
        at: yes.updatedAt,
        by: 'staff'
      },
      {
        kind: 'alert',
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: null,
        at: yes.updatedAt,
        by: 'staff'
      },
      {
        kind: 'answer',
        itemId: 'rf.saddleNumbness',
        from: 'yes',
        to: 'no',
        at: no.updatedAt,
        by: 'staff'
      }
    ])
  })

  it('attributes each change to the caller of that save, not to the intake’s entry mode', async () => {
    const id = await emptyDraft()
    await saveAtLatest(service, { id, answers: { 'rf.fever': 'yes' } }, 'patient')
    await saveAtLatest(service, { id, answers: { 'rf.fever': 'unsure' } }, 'staff')

    const history = (await service.get(id)).redFlagHistory
    expect(history.map((event) => [event.kind, event.by])).toEqual([
      ['answer', 'patient'],
      ['alert', 'patient'],
      ['answer', 'staff']
    ])
    // Unsure keeps the infection flag at the same level: no second alert.
    expect(history.filter((event) => event.kind === 'alert')).toHaveLength(1)
  })

  it('adds nothing for a save that changes no red-flag answer and raises no alert', async () => {
    const id = await emptyDraft()
    await saveAtLatest(service, { id, answers: { 'rf.bladder': 'yes', 'pain.now': 3 } }, 'staff')
    const before = rawEvents(id)
    expect(before).toHaveLength(2)

    await saveAtLatest(
      service,
      {
        id,
        answers: { 'rf.bladder': 'yes', 'pain.now': 7, 'complaint.description': 'Worse.' }
      },
      'patient'
    )
    await saveAtLatest(service, { id, answers: { 'rf.bladder': 'yes', 'pain.now': 7 } }, 'staff')

    expect(rawEvents(id)).toEqual(before)
  })

  it('records an alert raised by a rise in level, with the level it rose from', async () => {
    const id = await emptyDraft()
    await saveAtLatest(service, { id, answers: { 'rf.bothLegs': 'yes' } }, 'staff')
    await saveAtLatest(
      service,
      { id, answers: { 'rf.bothLegs': 'yes', 'rf.bowel': 'yes' } },
      'staff'
    )

    const alerts = (await service.get(id)).redFlagHistory.filter((event) => event.kind === 'alert')
    expect(alerts).toEqual([
      expect.objectContaining({ condition: 'cauda-equina', level: 'urgent', previousLevel: null }),
      expect.objectContaining({
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: 'urgent'
      })
    ])
  })

  it('records the answers and alerts a draft is created with', async () => {
    const draft = await service.createDraft(
      { answers: { 'rf.bladder': 'yes', 'rf.fever': 'no' }, entryMode: 'patient' },
      'staff'
    )
    expect(draft.redFlagHistory).toEqual([
      expect.objectContaining({ kind: 'answer', itemId: 'rf.bladder', from: null, to: 'yes' }),
      expect.objectContaining({ kind: 'answer', itemId: 'rf.fever', from: null, to: 'no' }),
      expect.objectContaining({ kind: 'alert', condition: 'cauda-equina', level: 'emergency' })
    ])
    expect(draft.redFlagHistory.every((event) => event.at === draft.createdAt)).toBe(true)
    expect((await service.get(draft.id)).redFlagHistory).toEqual(draft.redFlagHistory)
  })

  it('writes nothing for a save that is refused (invalid answers, a bad caller, a submitted intake)', async () => {
    const id = await emptyDraft()
    await rejection(saveAtLatest(service, { id, answers: { 'rf.bladder': 'maybe' } }, 'staff'))
    const badCaller: unknown = 'robot'
    const refused = await rejection(
      saveAtLatest(
        service,
        { id, answers: { 'rf.bladder': 'yes' } },
        badCaller as Parameters<IntakeService['saveDraft']>[1]
      )
    )
    expect(refused.code).toBe('invalid-argument')
    expect(rawEvents(id)).toEqual([])

    await submitAtLatest(service, { id, answers: completeAnswers() }, 'staff')
    const count = rawEvents(id).length
    const conflict = await rejection(
      saveAtLatest(service, { id, answers: { 'rf.bladder': 'yes' } }, 'staff')
    )
    expect(conflict.code).toBe('conflict')
    expect(rawEvents(id)).toHaveLength(count)
  })

  it('stores only codes: no text the person typed reaches the history', async () => {
    const id = await emptyDraft()
    const answers: IntakeAnswers = completeAnswers({
      'rf.saddleNumbness': 'yes',
      'complaint.description': 'Numb when wiping since Tuesday'
    })
    await saveAtLatest(service, { id, answers }, 'patient')
    const stored = JSON.stringify(rawEvents(id))
    expect(stored).not.toMatch(/Tuesday|Maya|Okafor|wiping/)
    for (const row of rawEvents(id)) {
      expect([null, 'yes', 'no', 'unsure', 'not-applicable']).toContain(row['to_value'])
    }
  })

  it('goes with the draft when it is discarded', async () => {
    const id = await emptyDraft()
    await saveAtLatest(service, { id, answers: { 'rf.bladder': 'yes' } }, 'staff')
    const other = await emptyDraft()
    await saveAtLatest(service, { id: other, answers: { 'rf.fever': 'yes' } }, 'staff')

    await service.discardDraft(id)

    expect(rawEvents(id)).toEqual([])
    expect(rawEvents(other)).toHaveLength(2)
  })
})

describe('red-flag history at submission', () => {
  it('records the changes the submission itself makes and returns the whole history', async () => {
    const id = await emptyDraft()
    await saveAtLatest(
      service,
      { id, answers: completeAnswers({ 'rf.saddleNumbness': 'yes' }) },
      'patient'
    )
    const record = await submitAtLatest(service, { id, answers: completeAnswers() }, 'staff')

    expect(record.evaluation.concern).toBe('none')
    const last = record.redFlagHistory.at(-1)
    expect(last).toEqual({
      kind: 'answer',
      itemId: 'rf.saddleNumbness',
      from: 'yes',
      to: 'no',
      at: record.submittedAt,
      by: 'staff'
    })
    expect(record.redFlagHistory).toContainEqual(
      expect.objectContaining({ kind: 'alert', condition: 'cauda-equina', by: 'patient' })
    )
    // Read back later, the submitted record keeps it all.
    expect((await service.get(id)).redFlagHistory).toEqual(record.redFlagHistory)
  })

  it('writes no event when the submission fails: the answers and the history go together', async () => {
    const id = await emptyDraft()
    await saveAtLatest(
      service,
      { id, answers: completeAnswers({ 'rf.saddleNumbness': 'yes' }) },
      'staff'
    )
    const before = rawEvents(id)
    db.exec(`CREATE TRIGGER refuse_submit BEFORE UPDATE OF status ON intakes
             BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)

    const error = await rejection(
      submitAtLatest(service, { id, answers: completeAnswers() }, 'staff')
    )

    expect(error.code).toBe('internal')
    expect(rawEvents(id)).toEqual(before)
    expect((await service.get(id)).answers['rf.saddleNumbness']).toBe('yes')
  })

  it('keeps the answers unsaved when their history cannot be written', async () => {
    const id = await emptyDraft()
    db.exec(`CREATE TRIGGER refuse_history BEFORE INSERT ON red_flag_events
             BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)

    await rejection(saveAtLatest(service, { id, answers: { 'rf.bladder': 'yes' } }, 'staff'))
    await rejection(submitAtLatest(service, { id, answers: completeAnswers() }, 'staff'))

    const record = await service.get(id)
    expect(record).toMatchObject({ status: 'draft', revision: 1, answers: {} })
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0)
  })
})
