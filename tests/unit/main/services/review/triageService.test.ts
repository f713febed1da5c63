/**
 * Triage decisions over a real SQLite file: versions in order with who and
 * when, the conflict check inside the write transaction (two clinicians
 * deciding at once: exactly one is recorded), drafts and unacknowledged
 * flags refused, notes normalised, and the table refusing any change or
 * removal of a version, even through plain SQL. A row changed behind the
 * app's back reads as damaged, never as a decision. Through the app core: the
 * decision is the signed-in person's, audited, and pushed as "reviewed".
 */
import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  reviewStatusOf,
  type IntakesChanged,
  type StaffIdentity,
  type TriageInput
} from '../../../../../src/domain'
import { createAppCore } from '../../../../../electron/main/appCore'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import {
  createTriageService,
  type TriageService
} from '../../../../../electron/main/services/review/triageService'
import { rejection } from '../../support/rejection'
import { callOk, createStaff, signInAs } from '../../support/staffSessions'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('triage-service')

const ADA: StaffIdentity = { id: 'staff-ada', name: 'Dr Ada Byrne', role: 'clinician' }
const LEE: StaffIdentity = { id: 'staff-lee', name: 'Lee Chen', role: 'administrator' }

let file: string
let db: Database.Database
let intakes: IntakeService
let triage: TriageService

beforeEach(() => {
  file = path.join(tempDir(), 'intake.sqlite')
  db = openDatabase(file)
  const clock = steppingClock()
  intakes = createSqliteIntakeService(db, { now: clock.now })
  triage = createTriageService(db, { intakes, now: clock.now })
  return () => db.close()
})

/** A submitted intake; with `flagged`, saddle numbness and leg weakness raise flags. */
async function submitted(flagged = true): Promise<string> {
  const { id } = await intakes.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
  const answers = completeAnswers(
    flagged ? { 'rf.saddleNumbness': 'yes', 'rf.cancerHistory': 'yes' } : {}
  )
  await submitAtLatest(intakes, { id, answers }, 'staff')
  return id
}

async function flagsOf(id: string): Promise<TriageInput['acknowledgedFlags']> {
  return (await intakes.get(id)).evaluation.flags.map((flag) => flag.condition)
}

async function input(id: string, overrides: Partial<TriageInput> = {}): Promise<TriageInput> {
  return {
    intakeId: id,
    decision: 'emergency-referral',
    notes: 'Sent to A&E.',
    acknowledgedFlags: await flagsOf(id),
    expectedVersion: 0,
    ...overrides
  }
}

describe('recording a decision', () => {
  it('adds versions 1, 2… oldest first, each with who and when; the record reads them', async () => {
    const id = await submitted()
    const flags = await flagsOf(id)
    expect(flags.length).toBeGreaterThanOrEqual(2)

    const first = await triage.record(await input(id, { decision: 'urgent-referral' }), ADA)
    expect(first.versions).toHaveLength(1)
    expect(first.added).toMatchObject({
      version: 1,
      decision: 'urgent-referral',
      notes: 'Sent to A&E.',
      acknowledgedFlags: flags,
      decidedBy: { staffId: ADA.id, name: ADA.name }
    })
    expect(first.concern).toBe('emergency')
    expect(first.added.decidedAt).toMatch(/^2026-11-20T10:00:\d\d\.000Z$/)

    const second = await triage.record(
      await input(id, { decision: 'emergency-referral', expectedVersion: 1, notes: '' }),
      LEE
    )
    expect(second.versions.map((version) => [version.version, version.decision])).toEqual([
      [1, 'urgent-referral'],
      [2, 'emergency-referral']
    ])
    expect(second.added.decidedBy).toEqual({ staffId: LEE.id, name: LEE.name })
    expect(second.added.decidedAt > first.added.decidedAt).toBe(true)

    expect(await triage.list(id)).toEqual(second.versions)
    const record = await intakes.get(id)
    expect(record.triage).toEqual(second.versions)
    expect(record.damage).toBeUndefined()
  })

  it('records a decision for an intake without flags (nothing to acknowledge)', async () => {
    const id = await submitted(false)
    const recorded = await triage.record(
      await input(id, { decision: 'proceed', acknowledgedFlags: [] }),
      ADA
    )
    expect(recorded.added).toMatchObject({ version: 1, decision: 'proceed', acknowledgedFlags: [] })
    expect(recorded.concern).toBe('none')
  })

  it('trims the notes, keeps line breaks and refuses control characters', async () => {
    const id = await submitted()
    const recorded = await triage.record(
      await input(id, { notes: '  \tFirst line\r\nsecond line  \n' }),
      ADA
    )
    expect(recorded.added.notes).toBe('First line\nsecond line')

    const refused = await rejection(
      triage.record(await input(id, { notes: 'bell\u0007', expectedVersion: 1 }), ADA)
    )
    expect(refused.code).toBe('invalid-argument')
    expect(refused.message).toMatch(/cannot be shown/)
    expect(await triage.list(id)).toHaveLength(1)
  })

  it('refuses a draft as a conflict and an unknown intake as not found', async () => {
    const { id } = await intakes.createDraft(
      { answers: { 'rf.saddleNumbness': 'yes' }, entryMode: 'staff' },
      'staff'
    )
    const draft = await rejection(triage.record(await input(id), ADA))
    expect(draft.code).toBe('conflict')
    expect(draft.message).toMatch(/not been submitted/)

    const missing = await rejection(
      triage.record(
        {
          intakeId: 'no-such-intake',
          decision: 'proceed',
          notes: '',
          acknowledgedFlags: [],
          expectedVersion: 0
        },
        ADA
      )
    )
    expect(missing.code).toBe('not-found')
    expect(db.prepare('SELECT count(*) AS n FROM triage_decisions').get()).toEqual({ n: 0 })
  })

  it('refuses a decision until every flag is acknowledged, naming the ones missing', async () => {
    const id = await submitted()
    const [first] = await flagsOf(id)
    const refused = await rejection(
      triage.record(await input(id, { acknowledgedFlags: first === undefined ? [] : [first] }), ADA)
    )
    expect(refused.code).toBe('invalid-argument')
    expect(refused.message).toMatch(/Not yet acknowledged: Malignancy/)

    const other = await rejection(
      triage.record(
        await input(id, { acknowledgedFlags: [...(await flagsOf(id)), 'vascular'] }),
        ADA
      )
    )
    expect(other.code).toBe('invalid-argument')
    expect(other.message).toMatch(/Vascular \(aortic\) is not among them/)
    expect(await triage.list(id)).toEqual([])
  })

  it('refuses an expected version that is not the latest, saying who decided and when', async () => {
    const id = await submitted()
    await triage.record(await input(id), ADA)

    const stale = await rejection(triage.record(await input(id, { expectedVersion: 0 }), LEE))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(
      /^Another decision was recorded at \d{4}-\d\d-\d\d \d\d:\d\d by Dr Ada Byrne; reload to see it before deciding\.$/
    )
    const ahead = await rejection(triage.record(await input(id, { expectedVersion: 5 }), LEE))
    expect(ahead.code).toBe('conflict')
    expect(await triage.list(id)).toHaveLength(1)
  })

  it('of two decisions made at once on the same version, records exactly one', async () => {
    const id = await submitted()
    const [ada, lee] = await Promise.allSettled([
      triage.record(await input(id, { decision: 'urgent-referral' }), ADA),
      triage.record(await input(id, { decision: 'emergency-referral' }), LEE)
    ])
    const outcomes = [ada, lee].map((outcome) => outcome?.status)
    expect(outcomes.filter((status) => status === 'fulfilled')).toHaveLength(1)
    const lost = [ada, lee].find((outcome) => outcome?.status === 'rejected')
    expect(lost?.status === 'rejected' ? (lost.reason as { code: string }).code : null).toBe(
      'conflict'
    )
    expect(await triage.list(id)).toHaveLength(1)
  })

  it('of two connections to the same file deciding on the same version, records exactly one', async () => {
    const id = await submitted()
    const otherDb = openDatabase(file)
    try {
      const clock = steppingClock('2026-11-20T11:00:00.000Z')
      const otherIntakes = createSqliteIntakeService(otherDb, { now: clock.now })
      const other = createTriageService(otherDb, { intakes: otherIntakes, now: clock.now })
      const results = await Promise.allSettled([
        triage.record(await input(id), ADA),
        other.record(await input(id, { decision: 'further-assessment' }), LEE)
      ])
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((result) => result.status === 'rejected')
      expect(refused?.status === 'rejected' ? (refused.reason as Error).message : '').toMatch(
        /^Another decision was recorded/
      )
      expect(await other.list(id)).toEqual(await triage.list(id))
      expect(await triage.list(id)).toHaveLength(1)
    } finally {
      otherDb.close()
    }
  })
})

describe('the triage_decisions table', () => {
  it('refuses to change or remove a version, and any insert but the next version', async () => {
    const id = await submitted()
    await triage.record(await input(id, { decision: 'urgent-referral' }), ADA)

    expect(() =>
      db.prepare("UPDATE triage_decisions SET decision = 'proceed' WHERE intake_id = ?").run(id)
    ).toThrow(/never changed/)
    expect(() => db.prepare('DELETE FROM triage_decisions WHERE intake_id = ?').run(id)).toThrow(
      /never removed/
    )
    const insert = db.prepare<[string, number]>(
      `INSERT OR REPLACE INTO triage_decisions
         (intake_id, version, decision, notes, acknowledged_flags, staff_id, staff_name, decided_at)
       VALUES (?, ?, 'proceed', '', '[]', 'x', 'Mallory', '2026-11-20T12:00:00.000Z')`
    )
    // Replacing version 1 would delete it without a delete trigger: refused as not the next version.
    expect(() => insert.run(id, 1)).toThrow(/next version/)
    expect(() => insert.run(id, 3)).toThrow(/next version/)
    // A draft's intake cannot be deleted once decided (no such intake is ever decided, but the
    // foreign key must not let the decisions go with it).
    expect(() => db.prepare('DELETE FROM intakes WHERE id = ?').run(id)).toThrow()
    expect(await triage.list(id)).toEqual([
      expect.objectContaining({ version: 1, decision: 'urgent-referral' })
    ])
  })

  it('reads a row changed behind the app’s back as damage, never as a decision', async () => {
    const id = await submitted()
    await triage.record(await input(id, { decision: 'urgent-referral' }), ADA)
    await triage.record(await input(id, { decision: 'proceed', expectedVersion: 1 }), ADA)
    // Someone with another tool drops the trigger and rewrites version 2's flags.
    db.exec('DROP TRIGGER triage_decisions_no_update')
    db.prepare(
      'UPDATE triage_decisions SET acknowledged_flags = \'["not-a-condition"]\' WHERE version = 2'
    ).run()

    const record = await intakes.get(id)
    expect(record.triage.map((version) => version.version)).toEqual([1])
    expect(record.damage?.problems.join(' ')).toMatch(
      /Triage decision 2 of this record could not be read.*may not be the latest/
    )
    // Nothing is recorded on top of a damaged decision.
    const refused = await rejection(
      triage.record(await input(id, { decision: 'emergency-referral', expectedVersion: 2 }), ADA)
    )
    expect(refused.code).toBe('storage')
    expect(db.prepare('SELECT count(*) AS n FROM triage_decisions').get()).toEqual({ n: 2 })
  })
})

describe('through the app core', () => {
  it('records as the person signed in, audits it, pushes "reviewed" and the record reads as reviewed', async () => {
    const pushed: IntakesChanged[] = []
    const core = await createAppCore({
      dataDir: path.join(tempDir(), 'data'),
      version: '0.0.0-triage',
      transport: 'web',
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      emit: (event, payload) => {
        if (event === 'intakesChanged') pushed.push(payload as IntakesChanged)
      }
    })
    try {
      await createStaff(core.dispatch)
      const { staff } = await signInAs(core.dispatch, 'clinician')
      const { id } = await callOk(core.dispatch, 'createDraft', { answers: {}, entryMode: 'staff' })
      const answers = completeAnswers({ 'rf.saddleNumbness': 'yes', 'rf.bladder': 'yes' })
      await callOk(core.dispatch, 'submitIntake', { id, revision: 1, answers })
      const before = await callOk(core.dispatch, 'getIntake', { id })
      expect(reviewStatusOf(before)).toBe('submitted')
      pushed.length = 0

      const versions = await callOk(core.dispatch, 'recordTriage', {
        intakeId: id,
        decision: 'emergency-referral',
        notes: 'Ambulance called.',
        acknowledgedFlags: before.evaluation.flags.map((flag) => flag.condition),
        expectedVersion: 0
      })
      expect(versions).toEqual([
        expect.objectContaining({
          version: 1,
          decidedBy: { staffId: staff?.id, name: staff?.name },
          decidedAt: '2026-11-20T12:00:00.000Z'
        })
      ])
      expect(pushed).toEqual([{ intakeId: id, change: 'reviewed', concern: 'emergency' }])
      const after = await callOk(core.dispatch, 'getIntake', { id })
      expect(after.triage).toEqual(versions)
      expect(reviewStatusOf(after)).toBe('reviewed')

      const stale = await core.dispatch('recordTriage', {
        intakeId: id,
        decision: 'proceed',
        notes: '',
        acknowledgedFlags: before.evaluation.flags.map((flag) => flag.condition),
        expectedVersion: 0
      })
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(pushed).toHaveLength(1)

      await signInAs(core.dispatch, 'administrator')
      const trail = await callOk(core.dispatch, 'listAuditEvents', { action: 'triage-recorded' })
      expect(trail.entries).toEqual([
        expect.objectContaining({
          action: 'triage-recorded',
          intakeId: id,
          actor: { staffId: staff?.id, name: staff?.name, role: 'clinician' },
          detail: { decision: 'emergency-referral', version: 1 }
        })
      ])
    } finally {
      core.close()
    }
  }, 60_000)
})
