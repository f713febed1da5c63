/**
 * The clinic store against a fake `window.api` that validates like the main
 * process (the domain validator) and enforces the contract's role rules, so
 * patient mode is refused a change here as it would be in the app.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  EMPTY_CLINIC_DETAILS,
  METHOD_ACCESS,
  validateClinicDetails,
  type ApiMethod,
  type AppApi,
  type AppError,
  type ClinicDetails,
  type Result,
  type SessionState,
  type StaffRole
} from '../../../../src/domain'
import type * as ClinicStoreModule from '../../../../src/stores/clinic'
import type * as SessionStoreModule from '../../../../src/stores/session'

const DETAILS: ClinicDetails = {
  name: 'Riverside Physiotherapy',
  address: '12 Mill Lane\nRiverside RV1 2AB',
  phone: '020 7946 0000'
}

type UsedApi = Pick<
  AppApi,
  'getClinicDetails' | 'setClinicDetails' | 'startPatientMode' | 'getSession' | 'getAppInfo'
>

/** The clinic details and session of the main process, in memory. */
class FakeClinicApi implements UsedApi {
  readonly calls: ApiMethod[] = []
  stored: ClinicDetails = EMPTY_CLINIC_DETAILS
  lockedIntakeId: string | null = null
  /** While set, getClinicDetails answers with this error. */
  readFailure: AppError | null = null
  /** While set, getClinicDetails waits for it before answering (a slow read). */
  readGate: Promise<void> | null = null

  /** Who is signed in while the device is not in patient mode. */
  role: StaffRole = 'administrator'

  private state(): SessionState {
    const staff = { id: 'staff-1', name: 'Ana Ruiz', role: this.role }
    return {
      role: this.lockedIntakeId ? 'patient' : this.role,
      staff: this.lockedIntakeId ? null : staff,
      intakeId: this.lockedIntakeId,
      needsFirstAdministrator: false,
      idleLockMinutes: 5
    }
  }

  private async call<T>(method: ApiMethod, handler: () => Result<T>): Promise<Result<T>> {
    this.calls.push(method)
    if (!METHOD_ACCESS[method].roles.includes(this.state().role)) {
      return { ok: false, error: { code: 'forbidden', message: `${method} is refused.` } }
    }
    return handler()
  }

  async getClinicDetails(): Promise<Result<ClinicDetails>> {
    const gate = this.readGate
    const snapshot = this.stored
    const failure = this.readFailure
    if (gate) await gate
    return this.call('getClinicDetails', () =>
      failure ? { ok: false, error: failure } : { ok: true, value: snapshot }
    )
  }

  setClinicDetails(args: ClinicDetails): Promise<Result<ClinicDetails>> {
    return this.call('setClinicDetails', () => {
      const checked = validateClinicDetails(args)
      if (!checked.ok) {
        return {
          ok: false,
          error: { code: 'invalid-argument', message: 'Not valid.', issues: checked.issues }
        }
      }
      this.stored = checked.details
      return { ok: true, value: checked.details }
    })
  }

  startPatientMode({ intakeId }: { intakeId: string }): Promise<Result<SessionState>> {
    return this.call('startPatientMode', () => {
      this.lockedIntakeId = intakeId
      return { ok: true, value: this.state() }
    })
  }

  getSession(): Promise<Result<SessionState>> {
    return this.call('getSession', () => ({ ok: true, value: this.state() }))
  }

  getAppInfo(): ReturnType<AppApi['getAppInfo']> {
    return this.call('getAppInfo', () => ({
      ok: true,
      value: { version: 'test', dataDir: '/data', transport: 'web' }
    }))
  }
}

let fake: FakeClinicApi
let clinicModule: typeof ClinicStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  fake = new FakeClinicApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  clinicModule = await import('../../../../src/stores/clinic')
  sessionModule = await import('../../../../src/stores/session')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('clinic store', () => {
  it('starts empty and not loaded, then holds what the main process stores', async () => {
    fake.stored = DETAILS
    const clinic = clinicModule.useClinicStore()
    expect(clinic.details).toEqual(EMPTY_CLINIC_DETAILS)
    expect(clinic.loaded).toBe(false)

    expect(await clinic.load()).toBeNull()

    expect(clinic.details).toEqual(DETAILS)
    expect(clinic.loaded).toBe(true)
  })

  it('loads once for callers at the same moment, and not again once loaded', async () => {
    fake.stored = DETAILS
    const clinic = clinicModule.useClinicStore()

    await Promise.all([clinic.ensureLoaded(), clinic.ensureLoaded(), clinic.load()])
    await clinic.ensureLoaded()

    expect(fake.calls).toEqual(['getClinicDetails'])
  })

  it('keeps "not loaded" after a failed read, so the next caller tries again', async () => {
    const unreadable: AppError = { code: 'storage', message: 'The database is busy.' }
    fake.readFailure = unreadable
    const clinic = clinicModule.useClinicStore()

    expect(await clinic.ensureLoaded()).toEqual(unreadable)
    expect(clinic.loaded).toBe(false)
    expect(clinic.error).toEqual(unreadable)

    fake.readFailure = null
    fake.stored = DETAILS
    expect(await clinic.ensureLoaded()).toBeNull()
    expect(clinic.details.phone).toBe(DETAILS.phone)
    expect(clinic.error).toBeNull()
  })

  it('saves, then holds the details as the main process stored them', async () => {
    const clinic = clinicModule.useClinicStore()

    const error = await clinic.save({ name: '  Riverside ', address: '', phone: ' 020 7946 0000' })

    expect(error).toBeNull()
    expect(clinic.details).toEqual({ name: 'Riverside', address: '', phone: '020 7946 0000' })
    expect(clinic.loaded).toBe(true)
  })

  it('returns the field issues of a refused save and keeps the details it had', async () => {
    fake.stored = DETAILS
    const clinic = clinicModule.useClinicStore()
    await clinic.load()

    const error = await clinic.save({ ...DETAILS, phone: 'call us' })

    expect(error?.code).toBe('invalid-argument')
    expect(error?.issues).toEqual([expect.objectContaining({ itemId: 'phone' })])
    expect(clinic.details).toEqual(DETAILS)
    expect(fake.stored).toEqual(DETAILS)
  })

  it('does not let a read that started before a save undo it', async () => {
    fake.stored = DETAILS
    let release = (): void => undefined
    fake.readGate = new Promise((resolve) => (release = resolve))
    const clinic = clinicModule.useClinicStore()

    const reading = clinic.load()
    fake.readGate = null
    await clinic.save({ ...DETAILS, phone: '020 7946 0001' })
    release()
    await reading

    expect(clinic.details.phone).toBe('020 7946 0001')
  })

  it('lets the front desk and clinicians read the details; only an administrator changes them', async () => {
    fake.stored = DETAILS
    const clinic = clinicModule.useClinicStore()
    for (const role of ['front-desk', 'clinician'] as const) {
      fake.role = role
      expect(await clinic.load()).toBeNull()
      expect(clinic.details).toEqual(DETAILS)
      const error = await clinic.save({ ...DETAILS, phone: '000 000 000' })
      expect({ role, code: error?.code }).toEqual({ role, code: 'forbidden' })
      expect(clinic.details).toEqual(DETAILS)
    }
    fake.role = 'administrator'
    expect(await clinic.save({ ...DETAILS, phone: '020 7946 0001' })).toBeNull()
    expect(fake.stored.phone).toBe('020 7946 0001')
  })

  it('keeps the phone through the hand-over to the patient, who may read but not change it', async () => {
    fake.stored = DETAILS
    const clinic = clinicModule.useClinicStore()
    const session = sessionModule.useSessionStore()
    await clinic.load()

    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(session.isPatientMode).toBe(true)
    expect(clinic.details.phone).toBe(DETAILS.phone)
    expect(await clinic.load()).toBeNull()
    expect(clinic.details).toEqual(DETAILS)
    expect((await clinic.save({ ...DETAILS, phone: '000 000 000' }))?.code).toBe('forbidden')
    expect(clinic.details.phone).toBe(DETAILS.phone)
  })
})
