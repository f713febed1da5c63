/**
 * The triage store against a fake `window.api`: a recorded decision, a
 * conflict (someone else decided first) and a refusal each leave the outcome
 * for the intake they were about, and signing out forgets it, even when the
 * answer arrives afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiArgs, AppError, Result, SessionState, TriageVersion } from '../../../../src/domain'
import type * as SessionStoreModule from '../../../../src/stores/session'
import type * as TriageStoreModule from '../../../../src/stores/triage'
import { NotFakedApi } from '../support/notFakedApi'
import { CLINICIAN_SESSION, freshStores } from '../support/freshStores'

const INTAKE = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'
const VERSION: TriageVersion = {
  version: 1,
  decision: 'urgent-referral',
  notes: 'MRI today.',
  acknowledgedFlags: ['cauda-equina'],
  decidedBy: { staffId: 'staff-1', name: 'Cleo Park' },
  decidedAt: '2026-11-20T10:00:00.000Z'
}

class FakeTriageApi extends NotFakedApi {
  readonly calls: ApiArgs<'recordTriage'>[] = []
  answer: Result<readonly TriageVersion[]> = { ok: true, value: [VERSION] }
  /** When set, the answer waits here until the test opens it. */
  hold: Promise<void> | null = null

  constructor() {
    super('the triage store')
  }

  override async recordTriage(
    args: ApiArgs<'recordTriage'>
  ): Promise<Result<readonly TriageVersion[]>> {
    this.calls.push(args)
    if (this.hold) await this.hold
    return this.answer
  }
}

const CLINICIAN: SessionState = CLINICIAN_SESSION
const SIGNED_OUT: SessionState = { ...CLINICIAN, role: 'signed-out', staff: null }

let fake: FakeTriageApi
let triageModule: typeof TriageStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  fake = new FakeTriageApi()
  sessionModule = await freshStores(fake, CLINICIAN)
  triageModule = await import('../../../../src/stores/triage')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const input = {
  intakeId: INTAKE,
  decision: 'urgent-referral',
  notes: 'MRI today.',
  acknowledgedFlags: ['cauda-equina'],
  expectedVersion: 0
} as const

function refusal(error: AppError): Result<readonly TriageVersion[]> {
  return { ok: false, error }
}

describe('triage store', () => {
  it('resolves to every version when recorded, and says so for that intake', async () => {
    const store = triageModule.useTriageStore()
    expect(await store.record(input)).toEqual([VERSION])
    expect(fake.calls).toEqual([input])
    expect(store.outcome).toEqual({ kind: 'saved' })
    expect(store.outcomeFor).toBe(INTAKE)
    expect(store.savingFor).toBeNull()
  })

  it('tells a conflict (someone decided first) from any other refusal', async () => {
    const store = triageModule.useTriageStore()
    const message =
      'Another decision was recorded at 2026-11-20 10:00 by Ana Ruiz; reload to see it before deciding.'
    fake.answer = refusal({ code: 'conflict', message })
    expect(await store.record(input)).toBeNull()
    expect(store.outcome).toEqual({ kind: 'conflict', message })

    fake.answer = refusal({ code: 'invalid-argument', message: 'Not yet acknowledged: Fracture.' })
    expect(await store.record(input)).toBeNull()
    expect(store.outcome).toEqual({ kind: 'refused', message: 'Not yet acknowledged: Fracture.' })
  })

  it('forgets the outcome on sign-out, and drops an answer that arrives after it', async () => {
    const store = triageModule.useTriageStore()
    let open = (): void => undefined
    fake.hold = new Promise<void>((resolve) => (open = resolve))
    const pending = store.record(input)
    expect(store.savingFor).toBe(INTAKE)

    sessionModule.useSessionStore().adopt(SIGNED_OUT)
    expect(store.savingFor).toBeNull()
    open()
    expect(await pending).toBeNull()
    expect(store.outcome).toBeNull()
    expect(store.outcomeFor).toBeNull()
  })
})
