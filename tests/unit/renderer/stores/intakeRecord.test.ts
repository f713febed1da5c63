/**
 * The record store against a fake `window.api`: answers held back at gates to
 * test that only the latest `load` lands, opening a record in one call (the
 * patient's visits come with it; no name search), a recorded triage decision
 * and an amended record put on screen, and everything forgotten on sign-out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  ApiArgs,
  IntakeRecord,
  PatientVisit,
  Result,
  SessionState,
  TriageVersion
} from '../../../../src/domain'
import type * as RecordStoreModule from '../../../../src/stores/intakeRecord'
import type * as SessionStoreModule from '../../../../src/stores/session'
import { NotFakedApi } from '../support/notFakedApi'
import { CLINICIAN_SESSION, freshStores } from '../support/freshStores'

const FIRST = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const SECOND = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'
const EARLIER = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'

function visit(intakeId: string, submittedAt: string): PatientVisit {
  return {
    intakeId,
    kind: 'initial',
    submittedAt,
    concern: 'none',
    painNow: 3,
    painWorst: 5,
    peg: 2.7,
    startBackTotal: 1,
    startBackRisk: 'low',
    change: null
  }
}

function record(
  id: string,
  familyName: string,
  visits: readonly PatientVisit[] = []
): IntakeRecord {
  return {
    id,
    status: 'submitted',
    kind: 'initial',
    followUp: null,
    formVersion: 2,
    answers: {
      'patient.givenName': 'Maya',
      'patient.familyName': familyName,
      'patient.dateOfBirth': '1996-03-14'
    },
    evaluation: {
      rulesVersion: 2,
      concern: 'none',
      flags: [],
      patterns: [],
      scores: { startBack: null, peg: null, painNow: null, painWorst: null },
      notices: [],
      age: 30,
      missingRequired: []
    },
    currentRules: null,
    redFlagHistory: [],
    triage: [],
    amendments: [],
    visits,
    patientId: visits.length > 0 ? '9b2d7f4e-1c3a-4e5b-8d6f-7a8b9c0d1e2f' : null,
    revision: 1,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:20:00.000Z',
    submittedAt: '2026-11-20T09:20:00.000Z'
  }
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}

class FakeRecordApi extends NotFakedApi {
  readonly records = new Map<string, IntakeRecord>()
  readonly gates = new Map<string, Promise<void>>()

  constructor() {
    super('the record store')
  }

  override async getIntake(args: ApiArgs<'getIntake'>): Promise<Result<IntakeRecord>> {
    const waitFor = this.gates.get(args.id)
    if (waitFor) await waitFor
    const found = this.records.get(args.id)
    return found
      ? { ok: true, value: found }
      : { ok: false, error: { code: 'not-found', message: 'No such intake.' } }
  }
}

const CLINICIAN: SessionState = CLINICIAN_SESSION

let fake: FakeRecordApi
let recordModule: typeof RecordStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  fake = new FakeRecordApi()
  sessionModule = await freshStores(fake, CLINICIAN)
  recordModule = await import('../../../../src/stores/intakeRecord')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('intake record store', () => {
  it('keeps only the answer to the latest load when answers come back out of order', async () => {
    fake.records.set(FIRST, record(FIRST, 'Okafor'))
    fake.records.set(SECOND, record(SECOND, 'Ruiz'))
    const slow = gate()
    fake.gates.set(FIRST, slow.promise)
    const store = recordModule.useIntakeRecordStore()

    const first = store.load(FIRST)
    await store.load(SECOND)
    expect(store.record?.id).toBe(SECOND)
    slow.open()
    await first
    expect(store.record?.id).toBe(SECOND)
  })

  it('shows nothing of another record while a different one loads, and says why one failed', async () => {
    fake.records.set(FIRST, record(FIRST, 'Okafor'))
    const store = recordModule.useIntakeRecordStore()
    await store.load(FIRST)
    const held = gate()
    fake.gates.set(SECOND, held.promise)
    const loading = store.load(SECOND)
    expect(store.record).toBeNull()
    held.open()
    await loading
    expect(store.record).toBeNull()
    expect(store.error).toBe('No such intake.')
  })

  it('opens a record in one call: the patient’s visits come with it, no search by name', async () => {
    const visits = [
      visit(EARLIER, '2026-10-01T09:20:00.000Z'),
      visit(FIRST, '2026-11-20T09:20:00.000Z')
    ]
    fake.records.set(FIRST, record(FIRST, 'Okafor', visits))
    const store = recordModule.useIntakeRecordStore()
    await store.load(FIRST)
    expect(store.record?.visits.map((item) => item.intakeId)).toEqual([EARLIER, FIRST])
    // Every other method answers "not faked" and is counted: a name search would show here.
    expect(fake.notFakedCalls).toEqual([])
    expect('earlier' in store).toBe(false)
  })

  it('puts a recorded triage decision on the record without reading it again', async () => {
    fake.records.set(FIRST, record(FIRST, 'Okafor'))
    const store = recordModule.useIntakeRecordStore()
    await store.load(FIRST)
    const versions: readonly TriageVersion[] = [
      {
        version: 1,
        decision: 'proceed',
        notes: '',
        acknowledgedFlags: [],
        decidedBy: { staffId: 'staff-1', name: 'Cleo Park' },
        decidedAt: '2026-11-20T09:40:00.000Z'
      }
    ]
    store.triageRecorded(versions)
    expect(store.record?.triage).toEqual(versions)
  })

  it('puts the amended record on screen, only over the same record and never over a newer one', async () => {
    const original = record(FIRST, 'Okafor')
    fake.records.set(FIRST, original)
    const store = recordModule.useIntakeRecordStore()
    await store.load(FIRST)
    const amended: IntakeRecord = {
      ...original,
      answers: { ...original.answers, 'patient.familyName': 'Okafor-Byrne' },
      revision: 2
    }
    store.amended(amended)
    expect(store.record).toEqual(amended)
    // A record of another patient, or an older revision, never replaces what is shown.
    store.amended({ ...record(SECOND, 'Ruiz'), revision: 9 })
    store.amended({ ...original, revision: 1 })
    expect(store.record).toEqual(amended)
    expect(fake.notFakedCalls).toEqual([])
  })

  it('forgets the record on sign-out and drops an answer still on its way', async () => {
    fake.records.set(FIRST, record(FIRST, 'Okafor', [visit(EARLIER, '2026-10-01T09:20:00.000Z')]))
    const store = recordModule.useIntakeRecordStore()
    await store.load(FIRST)
    expect(store.record?.visits).toHaveLength(1)

    const held = gate()
    fake.gates.set(FIRST, held.promise)
    const reloading = store.load(FIRST)
    sessionModule.useSessionStore().adopt({ ...CLINICIAN, role: 'signed-out', staff: null })
    expect(store.record).toBeNull()
    held.open()
    await reloading
    expect(store.record).toBeNull()
    expect(JSON.stringify(store.$state)).not.toContain('Okafor')
  })
})
