import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { evaluateIntake, FORM_VERSION, type IntakeAnswers } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { rejection } from '../../support/rejection'
import { saveAtLatest, submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('intake-service')

let file: string
let db: Database.Database
let service: IntakeService

beforeEach(() => {
  file = path.join(tempDir(), 'intake.sqlite')
  db = openDatabase(file)
  service = createSqliteIntakeService(db, { now: steppingClock().now })
  return () => db.close()
})

/** The stored row exactly as SQLite has it, to prove what was (not) written. */
function rawRow(id: string): unknown {
  return db.prepare('SELECT * FROM intakes WHERE id = ?').get(id)
}

async function submittedIntake(answers: IntakeAnswers = completeAnswers()): Promise<string> {
  const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
  await submitAtLatest(service, { id: draft.id, answers }, 'staff')
  return draft.id
}

describe('drafts', () => {
  it('creates a draft at revision 1 with a live evaluation', async () => {
    const draft = await service.createDraft(
      {
        answers: { 'patient.givenName': '  Maya ', 'rf.bladder': 'yes' },
        entryMode: 'patient'
      },
      'staff'
    )
    expect(draft).toMatchObject({
      status: 'draft',
      revision: 1,
      formVersion: FORM_VERSION,
      patientId: null,
      submittedAt: null,
      // Stored normalised (trimmed), as validation returns it.
      answers: { 'patient.givenName': 'Maya', 'rf.bladder': 'yes' }
    })
    expect(draft.evaluation.concern).toBe('emergency')
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(rawRow(draft.id)).toMatchObject({
      entry_mode: 'patient',
      concern: 'emergency',
      evaluation: null
    })
  })

  it('saves a draft repeatedly, bumping the revision and keeping the live concern current', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    const first = await saveAtLatest(
      service,
      {
        id: draft.id,
        answers: { 'patient.givenName': 'Tomás' }
      },
      'staff'
    )
    const second = await saveAtLatest(
      service,
      {
        id: draft.id,
        answers: {
          'patient.givenName': 'Tomás',
          'patient.familyName': 'Ruiz',
          'rf.saddleNumbness': 'yes'
        }
      },
      'staff'
    )
    expect(first).toMatchObject({ id: draft.id, revision: 2, concern: 'none' })
    expect(second).toMatchObject({ id: draft.id, revision: 3, concern: 'emergency' })
    expect(second.updatedAt > first.updatedAt).toBe(true)

    // The unfinished emergency already shows (and ranks) in the lists.
    const [unfinished] = await service.listUnfinished()
    expect(unfinished).toMatchObject({
      id: draft.id,
      givenName: 'Tomás',
      familyName: 'Ruiz',
      concern: 'emergency'
    })
    expect(rawRow(draft.id)).toMatchObject({ concern_rank: 3, revision: 3 })

    const read = await service.get(draft.id)
    expect(read.revision).toBe(3)
    expect(read.answers['patient.familyName']).toBe('Ruiz')
  })

  it('refuses invalid draft answers with per-item issues and writes nothing', async () => {
    const draft = await service.createDraft(
      { answers: { 'pain.now': 4 }, entryMode: 'staff' },
      'staff'
    )
    const before = rawRow(draft.id)
    const error = await rejection(
      saveAtLatest(service, { id: draft.id, answers: { 'pain.now': 42 } }, 'staff')
    )
    expect(error.code).toBe('invalid-argument')
    expect(error.issues?.map((issue) => issue.itemId)).toEqual(['pain.now'])
    expect(rawRow(draft.id)).toEqual(before)
  })

  it('refuses an unknown entry mode', async () => {
    const input: unknown = { answers: {}, entryMode: 'robot' }
    // The IPC schema stops this earlier; the service does not rely on it.
    const error = await rejection(
      service.createDraft(input as Parameters<IntakeService['createDraft']>[0], 'staff')
    )
    expect(error.code).toBe('invalid-argument')
  })

  it('reports saving a missing intake as not-found', async () => {
    const error = await rejection(saveAtLatest(service, { id: 'missing', answers: {} }, 'staff'))
    expect(error.code).toBe('not-found')
  })

  it('discards a draft, which is then gone', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    await service.discardDraft(draft.id)
    expect((await rejection(service.get(draft.id))).code).toBe('not-found')
    expect((await rejection(service.discardDraft(draft.id))).code).toBe('not-found')
  })
})

describe('submission', () => {
  it('submits a draft saved several times, storing the evaluation as a snapshot', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    await saveAtLatest(service, { id: draft.id, answers: { 'patient.givenName': 'Maya' } }, 'staff')
    await saveAtLatest(
      service,
      {
        id: draft.id,
        answers: completeAnswers({ 'consent.signature': undefined })
      },
      'staff'
    )

    const record = await submitAtLatest(
      service,
      { id: draft.id, answers: completeAnswers() },
      'staff'
    )

    expect(record).toMatchObject({ id: draft.id, status: 'submitted', revision: 4 })
    expect(record.submittedAt).not.toBeNull()
    expect(record.submittedAt).toBe(record.updatedAt)
    expect(record.patientId).not.toBeNull()
    expect(record.evaluation).toEqual(evaluateIntake(completeAnswers(), { asOf: '2026-11-20' }))
    const row = db
      .prepare<[string], { evaluation: string; concern: string }>(
        'SELECT evaluation, concern FROM intakes WHERE id = ?'
      )
      .get(draft.id)
    expect(row?.concern).toBe('none')
    expect(JSON.parse(row?.evaluation ?? 'null')).toEqual(record.evaluation)
    const patient = db
      .prepare('SELECT given_name, family_name, date_of_birth, phone FROM patients')
      .all()
    expect(patient).toEqual([
      {
        given_name: 'Maya',
        family_name: 'Okafor',
        date_of_birth: '1996-03-14',
        phone: '+44 20 7946 0000'
      }
    ])
  })

  it('freezes the concern: an emergency stays an emergency in the submitted record', async () => {
    const id = await submittedIntake(completeAnswers({ 'rf.bowel': 'yes' }))
    const [item] = (await service.list({ status: 'submitted' })).items
    expect(item).toMatchObject({ id, concern: 'emergency' })
  })

  it('refuses a second submission as a conflict and leaves the record alone', async () => {
    const id = await submittedIntake()
    const before = rawRow(id)
    expect(
      (await rejection(submitAtLatest(service, { id, answers: completeAnswers() }, 'staff'))).code
    ).toBe('conflict')
    expect((await rejection(saveAtLatest(service, { id, answers: {} }, 'staff'))).code).toBe(
      'conflict'
    )
    // Even with answers that would not validate: the state of the intake is the news.
    expect(
      (await rejection(saveAtLatest(service, { id, answers: { 'pain.now': 42 } }, 'staff'))).code
    ).toBe('conflict')
    expect((await rejection(service.discardDraft(id))).code).toBe('conflict')
    expect(rawRow(id)).toEqual(before)
  })

  it('refuses missing required answers with issues, writing nothing', async () => {
    const draft = await service.createDraft(
      {
        answers: { 'patient.givenName': 'Maya' },
        entryMode: 'staff'
      },
      'staff'
    )
    await saveAtLatest(
      service,
      {
        id: draft.id,
        answers: { 'patient.givenName': 'Maya', 'pain.now': 2 }
      },
      'staff'
    )
    const before = rawRow(draft.id)

    const error = await rejection(
      submitAtLatest(
        service,
        {
          id: draft.id,
          answers: completeAnswers({
            'pain.now': undefined,
            'consent.signature': undefined,
            'consent.privacy': false
          })
        },
        'staff'
      )
    )

    expect(error.code).toBe('invalid-argument')
    expect(error.message).not.toMatch(/SQL|intakes/)
    const flagged = error.issues?.map((issue) => issue.itemId) ?? []
    expect(flagged).toEqual(
      expect.arrayContaining(['pain.now', 'consent.signature', 'consent.privacy'])
    )
    expect(rawRow(draft.id)).toEqual(before)
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0)
  })

  it('refuses to submit a missing intake', async () => {
    expect(
      (
        await rejection(
          submitAtLatest(service, { id: 'missing', answers: completeAnswers() }, 'staff')
        )
      ).code
    ).toBe('not-found')
  })

  it('links returning patients to one record, whatever the capitalisation', async () => {
    const first = await submittedIntake(
      completeAnswers({ 'patient.givenName': 'Élodie', 'patient.familyName': 'Ñúñez' })
    )
    const second = await submittedIntake(
      completeAnswers({
        'patient.givenName': 'ÉLODIE',
        'patient.familyName': 'ñúñez',
        'patient.phone': '555'
      })
    )
    const other = await submittedIntake(
      completeAnswers({
        'patient.givenName': 'Élodie',
        'patient.familyName': 'Ñúñez',
        'patient.dateOfBirth': '1990-01-01'
      })
    )
    const [a, b, c] = await Promise.all([
      service.get(first),
      service.get(second),
      service.get(other)
    ])
    expect(b?.patientId).toBe(a?.patientId)
    expect(c?.patientId).not.toBe(a?.patientId)
    expect(db.prepare('SELECT phone FROM patients WHERE id = ?').pluck().get(a?.patientId)).toBe(
      '555'
    )
  })

  it('keeps patient and intake together: if the intake write fails, no patient is left behind', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    db.exec(`CREATE TRIGGER refuse_submit BEFORE UPDATE OF status ON intakes
             BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)
    const error = await rejection(
      submitAtLatest(service, { id: draft.id, answers: completeAnswers() }, 'staff')
    )
    expect(error.code).toBe('internal')
    expect(error.message).not.toMatch(/trigger|UPDATE|intakes/)
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0)
    expect(rawRow(draft.id)).toMatchObject({ status: 'draft', revision: 1 })
  })
})

describe('get', () => {
  it('evaluates a draft afresh on every read', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    await saveAtLatest(service, { id: draft.id, answers: { 'rf.fever': 'yes' } }, 'staff')
    // Changed behind the service's back: a fresh evaluation sees it, a stored one would not.
    db.prepare(`UPDATE intakes SET answers = '{"rf.abdominalPulsing":"yes"}' WHERE id = ?`).run(
      draft.id
    )
    const read = await service.get(draft.id)
    expect(read.evaluation.flags.map((flag) => flag.condition)).toEqual(['vascular'])
  })

  it('returns the stored snapshot of a submitted intake, not a re-evaluation', async () => {
    const id = await submittedIntake()
    db.prepare(
      "UPDATE intakes SET evaluation = json_set(evaluation, '$.age', 99) WHERE id = ?"
    ).run(id)
    const read = await service.get(id)
    expect(read.evaluation.age).toBe(99)
    expect(evaluateIntake(read.answers, { asOf: '2026-11-20' }).age).toBe(30)
  })

  it('reports a missing intake as not-found', async () => {
    const error = await rejection(service.get('missing'))
    expect(error.code).toBe('not-found')
  })
})

describe('lists', () => {
  it('pages, filters and searches through the service', async () => {
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const draft = await service.createDraft(
        {
          answers: { 'patient.givenName': i % 3 === 0 ? `Núria${i}` : `Sam${i}` },
          entryMode: 'staff'
        },
        'staff'
      )
      ids.push(draft.id)
    }
    await submitAtLatest(
      service,
      {
        id: ids[0] ?? '',
        answers: completeAnswers({ 'patient.givenName': 'Núria0' })
      },
      'staff'
    )

    const first = await service.list({ limit: 5 })
    expect(first.items).toHaveLength(5)
    expect(first.nextCursor).not.toBeNull()
    const seen = [...first.items]
    let cursor = first.nextCursor
    while (cursor !== null) {
      const page = await service.list({ limit: 5, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
    }
    expect(new Set(seen.map((item) => item.id))).toEqual(new Set(ids))
    expect(seen[0]?.id).toBe(ids[0]) // submitted last, so updated last

    expect((await service.list({ search: ' nuria ' })).items.map((item) => item.givenName)).toEqual(
      ['Núria0', 'Núria9', 'Núria6', 'Núria3']
    )
    expect((await service.list({ search: 'NÚ', status: 'submitted' })).items).toHaveLength(1)
    expect((await service.list({ search: '   ' })).items).toHaveLength(12)
  })

  it('offers at most 50 unfinished drafts, newest first, and never a submitted intake', async () => {
    const ids: string[] = []
    for (let i = 0; i < 53; i++)
      ids.push((await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')).id)
    const submittedId = await submittedIntake()
    const unfinished = await service.listUnfinished()
    expect(unfinished).toHaveLength(50)
    expect(unfinished.map((item) => item.id)).toEqual(ids.slice(-50).reverse())
    expect(unfinished.some((item) => item.id === submittedId)).toBe(false)
  })

  it('refuses a page size out of range and a cursor it did not make', async () => {
    for (const limit of [0, 201, 2.5]) {
      expect((await rejection(service.list({ limit }))).code).toBe('invalid-argument')
    }
    expect((await rejection(service.list({ cursor: 'garbage!' }))).code).toBe('invalid-argument')
    expect((await rejection(service.list({ search: 'x'.repeat(101) }))).code).toBe(
      'invalid-argument'
    )
    expect((await service.list({ limit: 200 })).items).toEqual([])
  })
})

describe('storage failures', () => {
  it('reports a read-only database as a storage error in plain words', async () => {
    await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    const readOnly = new Database(file, { readonly: true })
    try {
      const readOnlyService = createSqliteIntakeService(readOnly, { now: steppingClock().now })
      const error = await rejection(
        readOnlyService.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
      )
      expect(error.code).toBe('storage')
      expect(error.message).toMatch(/read-only/)
      expect(error.message).not.toMatch(/INSERT|intakes|SQLITE/)
      expect((await readOnlyService.list({})).items).toHaveLength(1)
    } finally {
      readOnly.close()
    }
  })

  it('reports a database locked by another writer as busy, not as a crash', async () => {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    db.pragma('busy_timeout = 0')
    const other = new Database(file)
    other.exec('BEGIN IMMEDIATE')
    try {
      const error = await rejection(
        saveAtLatest(service, { id: draft.id, answers: { 'pain.now': 1 } }, 'staff')
      )
      expect(error.code).toBe('storage')
      expect(error.message).toMatch(/busy/)
      expect(error.message).not.toMatch(/SQLITE|UPDATE/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  })

  it('rejects rather than throws: every method returns a promise', () => {
    const pending = service.get('missing')
    expect(pending).toBeInstanceOf(Promise)
    return expect(pending).rejects.toBeInstanceOf(ServiceError)
  })
})

describe('records kept under earlier versions', () => {
  /** A draft as version 1 of the form left it: no dark-urine question, form_version 1. */
  async function versionOneDraft(answers: IntakeAnswers): Promise<string> {
    const draft = await service.createDraft({ answers, entryMode: 'staff' }, 'staff')
    db.prepare('UPDATE intakes SET form_version = 1 WHERE id = ?').run(draft.id)
    return draft.id
  }

  it('opens a version 1 draft with every answer and asks the new question before submission', async () => {
    const answers = completeAnswers({ 'rf.darkUrine': undefined })
    const id = await versionOneDraft(answers)

    const opened = await service.get(id)
    expect(opened.formVersion).toBe(1)
    expect(opened.answers).toEqual(answers)
    expect(opened.evaluation.missingRequired).toEqual(['rf.darkUrine'])

    const refused = await rejection(submitAtLatest(service, { id, answers }, 'staff'))
    expect(refused).toBeInstanceOf(ServiceError)
    expect((refused as ServiceError).issues?.map((issue) => issue.itemId)).toEqual(['rf.darkUrine'])
    expect(await service.get(id)).toMatchObject({ status: 'draft', answers })

    const submitted = await submitAtLatest(
      service,
      { id, answers: { ...answers, 'rf.darkUrine': 'no' } },
      'staff'
    )
    expect(submitted).toMatchObject({ status: 'submitted', formVersion: FORM_VERSION })
    expect(submitted.evaluation.rulesVersion).toBe(2)
  })

  it('keeps a version 1 snapshot as it was and says where today’s rules differ', async () => {
    // 58, the same after 6-12 weeks, no symptom: version 1 added age and "no
    // improvement" up to an urgent malignancy flag; version 2 makes it review.
    const answers = completeAnswers({
      'patient.dateOfBirth': '1968-05-02',
      'complaint.duration': '6-12w',
      'complaint.trend': 'same'
    })
    const id = await submittedIntake(answers)
    const versionOne = {
      concern: 'urgent',
      flags: [
        {
          condition: 'malignancy',
          level: 'urgent',
          triggeredBy: ['noImprovement', 'age'],
          uncertain: false,
          recommendation: 'Concern for possible spinal malignancy.'
        }
      ],
      patterns: [],
      scores: { startBack: null, peg: null, painNow: 3, painWorst: 5 },
      age: 58,
      missingRequired: []
    }
    db.prepare('UPDATE intakes SET evaluation = ? WHERE id = ?').run(JSON.stringify(versionOne), id)

    const record = await service.get(id)
    // The snapshot is served as stored, read as version 1, and never rewritten.
    expect(record.evaluation).toEqual({ ...versionOne, rulesVersion: 1, notices: [] })
    expect(record.currentRules?.rulesVersion).toBe(2)
    expect(record.currentRules?.evaluation.concern).toBe('review')
    expect(record.currentRules?.differences).toEqual([
      {
        condition: 'malignancy',
        stored: 'urgent',
        current: 'review',
        text: 'Malignancy: Review (was Urgent)'
      }
    ])
    const row = rawRow(id) as { evaluation: string }
    expect(JSON.parse(row.evaluation)).toEqual(versionOne)
  })

  it('reads a current snapshot without a second evaluation', async () => {
    const id = await submittedIntake()
    expect((await service.get(id)).currentRules).toBeNull()
  })
})
