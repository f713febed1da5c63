/**
 * Records whose stored data fails its checks are shown as damaged, with what
 * can be read, and never repaired behind anyone's back: reading writes
 * nothing, and staff can still save a damaged draft (re-entering answers).
 */
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { evaluateIntake } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { saveAtLatest, submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('damaged-records')

let db: Database
let service: IntakeService

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'back-intake.sqlite3'))
  service = createSqliteIntakeService(db, { now: steppingClock().now })
  return () => db.close()
})

function rawRow(id: string): unknown {
  return db.prepare('SELECT * FROM intakes WHERE id = ?').get(id)
}

/** Changes stored JSON the way a bad sector or another program would: behind the app. */
function setAnswersText(id: string, text: string): void {
  db.prepare('UPDATE intakes SET answers = ? WHERE id = ?').run(text, id)
}

describe('damaged records', () => {
  it('serves intact records without a damage field', async () => {
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    const read = await service.get(draft.id)
    expect(read).not.toHaveProperty('damage')
    expect((await service.list({})).items[0]).not.toHaveProperty('damage')
    expect((await service.listUnfinished())[0]).not.toHaveProperty('damage')
  })

  it('shows a draft with unreadable answers as damaged, with the answers that can be read', async () => {
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    const stored = JSON.parse(
      db.prepare('SELECT answers FROM intakes WHERE id = ?').pluck().get(draft.id) as string
    ) as Record<string, unknown>
    setAnswersText(
      draft.id,
      JSON.stringify({
        ...stored,
        'pain.now': 'eleven',
        'rf.fever': 'maybe',
        'patient.gi\u0000': 'x'
      })
    )
    const before = rawRow(draft.id)

    const read = await service.get(draft.id)
    expect(read.damage?.problems).toEqual([
      'This record’s answers changed after the app saved them, so the answers shown may not be what was entered.',
      'Some saved answers could not be read and are not shown: Pain now (NPRS); Fever; 1 other.'
    ])
    const { 'pain.now': _pain, 'rf.fever': _fever, ...readable } = completeAnswers()
    expect(read.answers).toEqual(readable)
    expect(read.evaluation).toEqual(evaluateIntake(readable, { asOf: '2026-11-20' }))
    // Reading never writes: the damaged text is still there for support or a backup.
    expect(rawRow(draft.id)).toEqual(before)

    const unfinished = await service.listUnfinished()
    expect(unfinished[0]?.damage?.problems).toEqual(read.damage?.problems)
    // The list shows only what the row's own check value vouches for: names and dates are intact.
    expect((await service.list({})).items[0]).not.toHaveProperty('damage')

    // Staff re-enter the answers and save: the draft is whole again.
    await saveAtLatest(service, { id: draft.id, answers: completeAnswers() }, 'staff')
    const fixed = await service.get(draft.id)
    expect(fixed).not.toHaveProperty('damage')
    expect(fixed.answers).toEqual(completeAnswers())
  })

  it('shows a draft whose answers are not JSON at all, with no answers', async () => {
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    db.pragma('ignore_check_constraints = ON')
    setAnswersText(draft.id, '{"patient.givenName": "Ma')
    const read = await service.get(draft.id)
    expect(read.answers).toEqual({})
    expect(read.damage?.problems).toContain('The saved answers could not be read at all.')
  })

  it('catches a change that every validation rule accepts, by the check values', async () => {
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    const text = db
      .prepare('SELECT answers FROM intakes WHERE id = ?')
      .pluck()
      .get(draft.id) as string
    // A plausible answer for a plausible one: only the stored check value can tell.
    setAnswersText(draft.id, text.replace('Deadlift again', 'Deadlift agaim'))
    const read = await service.get(draft.id)
    expect(read.answers['goals.text']).toBe('Deadlift agaim without pain.')
    expect(read.damage?.problems).toEqual([
      'This record’s answers changed after the app saved them, so the answers shown may not be what was entered.'
    ])
  })

  it('marks a list row whose name changed behind the app', async () => {
    const draft = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    db.prepare("UPDATE intakes SET given_name = 'Mbya' WHERE id = ?").run(draft.id)
    const [item] = (await service.list({})).items
    expect(item?.givenName).toBe('Mbya')
    expect(item?.damage?.problems).toEqual([
      'This record’s details (name, date of birth, status, concern or times) changed after the app saved them, so they may not be what was entered.'
    ])
    expect((await service.get(draft.id)).damage?.problems).toEqual(item?.damage?.problems)
  })

  it('shows a submitted intake whose snapshot is unreadable, evaluated again and saying so', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    const answers = completeAnswers({ 'rf.fever': 'yes' })
    const submitted = await submitAtLatest(service, { id: draft.id, answers }, 'staff')
    db.prepare(`UPDATE intakes SET evaluation = '{"concern": "nonsense"}' WHERE id = ?`).run(
      draft.id
    )

    const read = await service.get(draft.id)
    expect(read.status).toBe('submitted')
    expect(read.answers).toEqual(submitted.answers)
    expect(read.evaluation).toEqual(submitted.evaluation)
    expect(read.damage?.problems).toEqual([
      'This record’s answers changed after the app saved them, so the answers shown may not be what was entered.',
      'The evaluation saved at submission could not be read.',
      'The evaluation shown was worked out again from the answers that could be read, under the current rules; it may differ from the one the clinician saw at submission.'
    ])
  })

  it('keeps listing when one row’s status or concern is unreadable, and never calls it unremarkable', async () => {
    const first = await service.createDraft(
      { answers: completeAnswers(), entryMode: 'staff' },
      'staff'
    )
    await service.createDraft({ answers: completeAnswers(), entryMode: 'staff' }, 'staff')
    db.pragma('ignore_check_constraints = ON')
    db.prepare("UPDATE intakes SET concern = 'n0ne', concern_rank = 9 WHERE id = ?").run(first.id)
    const items = (await service.list({})).items
    expect(items).toHaveLength(2)
    const damaged = items.find((item) => item.id === first.id)
    expect(damaged?.concern).toBe('review')
    expect(damaged?.damage?.problems).toContain(
      'The level of concern saved with this record could not be read.'
    )
  })
})
