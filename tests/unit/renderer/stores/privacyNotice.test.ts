/**
 * The privacy notice store against a fake `window.api` that validates like the
 * main process (the domain validator) and enforces the contract's role rules,
 * so patient mode is refused a change here as it would be in the app.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_PRIVACY_NOTICE,
  METHOD_ACCESS,
  validatePrivacyNotice,
  type ApiMethod,
  type AppApi,
  type AppError,
  type PrivacyNotice,
  type Result,
  type SessionState,
  type StaffRole
} from '../../../../src/domain'
import type * as PrivacyNoticeStoreModule from '../../../../src/stores/privacyNotice'
import type * as SessionStoreModule from '../../../../src/stores/session'

const NOTICE: PrivacyNotice = {
  en: 'Riverside Physio keeps your records.\n\nAsk at the front desk.',
  zh: '',
  es: 'Riverside Physio guarda su historia clínica.'
}

type UsedApi = Pick<
  AppApi,
  'getPrivacyNotice' | 'setPrivacyNotice' | 'startPatientMode' | 'getSession' | 'getAppInfo'
>

/** The stored notice and the session of the main process, in memory. */
class FakePrivacyApi implements UsedApi {
  readonly calls: ApiMethod[] = []
  stored: PrivacyNotice = DEFAULT_PRIVACY_NOTICE
  lockedIntakeId: string | null = null
  /** While set, getPrivacyNotice answers with this error. */
  readFailure: AppError | null = null
  /** While set, getPrivacyNotice waits for it before answering (a slow read). */
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

  async getPrivacyNotice(): Promise<Result<PrivacyNotice>> {
    const gate = this.readGate
    const snapshot = this.stored
    const failure = this.readFailure
    if (gate) await gate
    return this.call('getPrivacyNotice', () =>
      failure ? { ok: false, error: failure } : { ok: true, value: snapshot }
    )
  }

  setPrivacyNotice(args: PrivacyNotice): Promise<Result<PrivacyNotice>> {
    return this.call('setPrivacyNotice', () => {
      const checked = validatePrivacyNotice(args)
      if (!checked.ok) {
        return {
          ok: false,
          error: { code: 'invalid-argument', message: 'Not valid.', issues: checked.issues }
        }
      }
      this.stored = checked.notice
      return { ok: true, value: checked.notice }
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

let fake: FakePrivacyApi
let storeModule: typeof PrivacyNoticeStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  fake = new FakePrivacyApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  storeModule = await import('../../../../src/stores/privacyNotice')
  sessionModule = await import('../../../../src/stores/session')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('privacy notice store', () => {
  it('starts as all defaults and not loaded, then holds what the main process stores', async () => {
    fake.stored = NOTICE
    const store = storeModule.usePrivacyNoticeStore()
    expect(store.notice).toEqual(DEFAULT_PRIVACY_NOTICE)
    expect(store.loaded).toBe(false)

    expect(await store.load()).toBeNull()

    expect(store.notice).toEqual(NOTICE)
    expect(store.loaded).toBe(true)
  })

  it('loads once for callers at the same moment, and not again once loaded', async () => {
    fake.stored = NOTICE
    const store = storeModule.usePrivacyNoticeStore()

    await Promise.all([store.ensureLoaded(), store.ensureLoaded(), store.load()])
    await store.ensureLoaded()

    expect(fake.calls).toEqual(['getPrivacyNotice'])
  })

  it('keeps "not loaded" after a failed read, so the next caller tries again', async () => {
    const unreadable: AppError = { code: 'storage', message: 'The database is busy.' }
    fake.readFailure = unreadable
    const store = storeModule.usePrivacyNoticeStore()

    expect(await store.ensureLoaded()).toEqual(unreadable)
    expect(store.loaded).toBe(false)
    expect(store.error).toEqual(unreadable)

    fake.readFailure = null
    fake.stored = NOTICE
    expect(await store.ensureLoaded()).toBeNull()
    expect(store.notice).toEqual(NOTICE)
    expect(store.error).toBeNull()
  })

  it('saves, then holds the notice as the main process stored it', async () => {
    const store = storeModule.usePrivacyNoticeStore()

    const error = await store.save({ en: '  One.\r\n\r\nTwo. ', zh: ' ', es: '' })

    expect(error).toBeNull()
    expect(store.notice).toEqual({ en: 'One.\n\nTwo.', zh: '', es: '' })
    expect(store.loaded).toBe(true)
  })

  it('returns the language issues of a refused save and keeps the notice it had', async () => {
    fake.stored = NOTICE
    const store = storeModule.usePrivacyNoticeStore()
    await store.load()

    const error = await store.save({ ...NOTICE, zh: 'x'.repeat(10_001) })

    expect(error?.code).toBe('invalid-argument')
    expect(error?.issues).toEqual([expect.objectContaining({ itemId: 'zh', code: 'too-long' })])
    expect(store.notice).toEqual(NOTICE)
    expect(fake.stored).toEqual(NOTICE)
  })

  it('does not let a read that started before a save undo it', async () => {
    fake.stored = NOTICE
    let release = (): void => undefined
    fake.readGate = new Promise((resolve) => (release = resolve))
    const store = storeModule.usePrivacyNoticeStore()

    const reading = store.load()
    fake.readGate = null
    await store.save({ ...NOTICE, es: 'Nuevo aviso.' })
    release()
    await reading

    expect(store.notice.es).toBe('Nuevo aviso.')
  })

  it('remembers per intake that the notice was shown, and only for that intake', () => {
    const store = storeModule.usePrivacyNoticeStore()
    expect(store.isShown('intake-1')).toBe(false)

    store.markShown('intake-1')
    store.markShown('intake-1')

    expect(store.isShown('intake-1')).toBe(true)
    expect(store.isShown('intake-2')).toBe(false)
    expect(store.shownFor).toEqual(['intake-1'])
  })

  it('lets the front desk and clinicians read the notice; only an administrator changes it', async () => {
    fake.stored = NOTICE
    const store = storeModule.usePrivacyNoticeStore()
    for (const role of ['front-desk', 'clinician'] as const) {
      fake.role = role
      expect(await store.load()).toBeNull()
      expect(store.notice).toEqual(NOTICE)
      const error = await store.save({ en: 'Changed.', zh: '', es: '' })
      expect({ role, code: error?.code }).toEqual({ role, code: 'forbidden' })
      expect(store.notice).toEqual(NOTICE)
    }
    fake.role = 'administrator'
    expect(await store.save({ en: 'Changed.', zh: '', es: '' })).toBeNull()
    expect(fake.stored.en).toBe('Changed.')
  })

  it('lets the patient read the notice after the hand-over, never change it', async () => {
    fake.stored = NOTICE
    const store = storeModule.usePrivacyNoticeStore()
    const session = sessionModule.useSessionStore()

    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(session.isPatientMode).toBe(true)
    expect(await store.load()).toBeNull()
    expect(store.notice).toEqual(NOTICE)
    expect((await store.save({ en: 'Nothing is private.', zh: '', es: '' }))?.code).toBe(
      'forbidden'
    )
    expect(store.notice).toEqual(NOTICE)
    expect(fake.stored).toEqual(NOTICE)
  })
})
