/**
 * The session store against a fake `window.api` that enforces the contract's
 * role rules (METHOD_ACCESS) the way the main process does, so patient mode
 * refuses staff-only calls here as it would in the app.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  METHOD_ACCESS,
  type ApiArgs,
  type ApiMethod,
  type AppApi,
  type AppError,
  type AppInfo,
  type DraftSaved,
  type IntakePage,
  type IntakeRecord,
  type UnfinishedIntake,
  type Result,
  type SessionState
} from '../../../../src/domain'
import type * as IntakeListModule from '../../../../src/stores/intakeList'
import type * as SessionStoreModule from '../../../../src/stores/session'

const APP_INFO: AppInfo = { version: '0.1.0', dataDir: '/data/back-intake', transport: 'web' }
const STAFF_PIN = '2468'

function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

function fail<T>(error: AppError): Result<T> {
  return { ok: false, error }
}

function summary(id: string, givenName: string): UnfinishedIntake {
  return {
    id,
    status: 'draft',
    entryMode: 'staff',
    furthestSection: 'patient',
    givenName,
    familyName: 'Okafor',
    dateOfBirth: '1996-03-14',
    concern: 'none',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:05:00.000Z',
    submittedAt: null
  }
}

/** The session service and intake lists of the main process, kept in memory. */
class FakeSessionApi implements AppApi {
  /** Every method called, with its arguments, in order. */
  readonly calls: Array<{ method: ApiMethod; args: unknown }> = []
  readonly intakes: UnfinishedIntake[] = [
    summary('intake-1', 'Maya'),
    summary('intake-2', 'Tomás'),
    summary('intake-3', 'Li')
  ]
  staffPin: string | null = STAFF_PIN
  lockedIntakeId: string | null = null
  /** While set, getSession answers with this error. */
  sessionFailure: AppError | null = null

  private role(): SessionState['role'] {
    return this.lockedIntakeId === null ? 'staff' : 'patient'
  }

  private state(): SessionState {
    return {
      role: this.role(),
      intakeId: this.lockedIntakeId,
      staffPinSet: this.staffPin !== null
    }
  }

  /** Records the call and refuses it as the dispatcher would for the current role. */
  private call<T>(method: ApiMethod, args: unknown, handler: () => Result<T>): Promise<Result<T>> {
    this.calls.push({ method, args })
    if (!METHOD_ACCESS[method].roles.includes(this.role())) {
      return Promise.resolve(
        fail({ code: 'forbidden', message: `${method} is not allowed in ${this.role()} mode.` })
      )
    }
    return Promise.resolve(handler())
  }

  methods(): ApiMethod[] {
    return this.calls.map((entry) => entry.method)
  }

  getAppInfo(args: ApiArgs<'getAppInfo'>): Promise<Result<AppInfo>> {
    return this.call('getAppInfo', args, () => ok(APP_INFO))
  }

  getSession(args: ApiArgs<'getSession'>): Promise<Result<SessionState>> {
    return this.call('getSession', args, () =>
      this.sessionFailure ? fail(this.sessionFailure) : ok(this.state())
    )
  }

  listIntakes(args: ApiArgs<'listIntakes'>): Promise<Result<IntakePage>> {
    return this.call('listIntakes', args, () => ok({ items: this.intakes, nextCursor: 'page-2' }))
  }

  listUnfinished(args: ApiArgs<'listUnfinished'>): ReturnType<AppApi['listUnfinished']> {
    return this.call('listUnfinished', args, () =>
      ok(this.intakes.filter((intake) => intake.status === 'draft'))
    )
  }

  startPatientMode(args: ApiArgs<'startPatientMode'>): Promise<Result<SessionState>> {
    return this.call('startPatientMode', args, () => {
      if (this.staffPin === null) {
        return fail({
          code: 'conflict',
          message: 'Set a staff PIN in Settings before handing the device to a patient.'
        })
      }
      if (!this.intakes.some((intake) => intake.id === args.intakeId)) {
        return fail({ code: 'not-found', message: 'No such intake.' })
      }
      this.lockedIntakeId = args.intakeId
      return ok(this.state())
    })
  }

  exitPatientMode(args: ApiArgs<'exitPatientMode'>): Promise<Result<SessionState>> {
    return this.call('exitPatientMode', args, () => {
      if (args.pin !== this.staffPin) return fail({ code: 'forbidden', message: 'Wrong PIN.' })
      this.lockedIntakeId = null
      return ok(this.state())
    })
  }

  setStaffPin(args: ApiArgs<'setStaffPin'>): Promise<Result<SessionState>> {
    return this.call('setStaffPin', args, () => {
      if (this.staffPin !== null && args.currentPin !== this.staffPin) {
        return fail({ code: 'forbidden', message: 'Enter the current PIN to change it.' })
      }
      this.staffPin = args.newPin
      return ok(this.state())
    })
  }

  createDraft(args: ApiArgs<'createDraft'>): Promise<Result<IntakeRecord>> {
    return this.call('createDraft', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  saveDraft(args: ApiArgs<'saveDraft'>): Promise<Result<DraftSaved>> {
    return this.call('saveDraft', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  submitIntake(args: ApiArgs<'submitIntake'>): Promise<Result<IntakeRecord>> {
    return this.call('submitIntake', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  getIntake(args: ApiArgs<'getIntake'>): Promise<Result<IntakeRecord>> {
    return this.call('getIntake', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  discardDraft(args: ApiArgs<'discardDraft'>): Promise<Result<{ id: string }>> {
    return this.call('discardDraft', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  confirmFlushed(args: ApiArgs<'confirmFlushed'>): ReturnType<AppApi['confirmFlushed']> {
    return this.call('confirmFlushed', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  /** No events in these tests: listening is allowed and hears nothing. */
  readonly on: AppApi['on'] = () => () => undefined
  getClinicDetails(args: ApiArgs<'getClinicDetails'>): ReturnType<AppApi['getClinicDetails']> {
    return this.call('getClinicDetails', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  setClinicDetails(args: ApiArgs<'setClinicDetails'>): ReturnType<AppApi['setClinicDetails']> {
    return this.call('setClinicDetails', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  getPrivacyNotice(args: ApiArgs<'getPrivacyNotice'>): ReturnType<AppApi['getPrivacyNotice']> {
    return this.call('getPrivacyNotice', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  setPrivacyNotice(args: ApiArgs<'setPrivacyNotice'>): ReturnType<AppApi['setPrivacyNotice']> {
    return this.call('setPrivacyNotice', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  exportFhir(args: ApiArgs<'exportFhir'>): ReturnType<AppApi['exportFhir']> {
    return this.call('exportFhir', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  exportSummaryPdf(args: ApiArgs<'exportSummaryPdf'>): ReturnType<AppApi['exportSummaryPdf']> {
    return this.call('exportSummaryPdf', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  printSummary(args: ApiArgs<'printSummary'>): ReturnType<AppApi['printSummary']> {
    return this.call('printSummary', args, () => fail({ code: 'internal', message: 'Not faked.' }))
  }
  exportDaySummaries(
    args: ApiArgs<'exportDaySummaries'>
  ): ReturnType<AppApi['exportDaySummaries']> {
    return this.call('exportDaySummaries', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  cancelDayExport(args: ApiArgs<'cancelDayExport'>): ReturnType<AppApi['cancelDayExport']> {
    return this.call('cancelDayExport', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  getPdfSettings(args: ApiArgs<'getPdfSettings'>): ReturnType<AppApi['getPdfSettings']> {
    return this.call('getPdfSettings', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
  setPdfSettings(args: ApiArgs<'setPdfSettings'>): ReturnType<AppApi['setPdfSettings']> {
    return this.call('setPdfSettings', args, () =>
      fail({ code: 'internal', message: 'Not faked.' })
    )
  }
}

type SessionModule = typeof SessionStoreModule
type ListModule = typeof IntakeListModule

let fake: FakeSessionApi
let sessionModule: SessionModule
let listModule: ListModule

beforeEach(async () => {
  fake = new FakeSessionApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  sessionModule = await import('../../../../src/stores/session')
  listModule = await import('../../../../src/stores/intakeList')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

/** A staff list with every intake loaded, as the list and start screens leave it. */
async function loadedList(): Promise<ReturnType<ListModule['useIntakeListStore']>> {
  const list = listModule.useIntakeListStore()
  list.search = 'o'
  await list.load()
  await list.loadUnfinished()
  expect(list.items).toHaveLength(3)
  expect(list.unfinished).toHaveLength(3)
  return list
}

describe('refresh', () => {
  it('reads the session and the app info in staff mode', async () => {
    fake.staffPin = null
    const session = sessionModule.useSessionStore()

    const error = await session.refresh()

    expect(error).toBeNull()
    expect(fake.methods().sort()).toEqual(['getAppInfo', 'getSession'])
    expect(session.state).toEqual({ role: 'staff', intakeId: null, staffPinSet: false })
    expect(session.appInfo).toEqual(APP_INFO)
    expect(session.isPatientMode).toBe(false)
  })

  it('tolerates the app info being forbidden in patient mode', async () => {
    fake.lockedIntakeId = 'intake-2'
    const session = sessionModule.useSessionStore()

    const error = await session.refresh()

    expect(error).toBeNull()
    expect(fake.methods()).toContain('getAppInfo')
    expect(session.state).toEqual({ role: 'patient', intakeId: 'intake-2', staffPinSet: true })
    expect(session.isPatientMode).toBe(true)
    expect(session.appInfo).toBeNull()
  })

  it('returns the error and keeps the state when the session cannot be read', async () => {
    const session = sessionModule.useSessionStore()
    expect(await session.refresh()).toBeNull()
    const unreadable: AppError = { code: 'storage', message: 'The settings file is locked.' }
    fake.sessionFailure = unreadable
    fake.lockedIntakeId = 'intake-1'

    const error = await session.refresh()

    expect(error).toEqual(unreadable)
    expect(session.state).toEqual({ role: 'staff', intakeId: null, staffPinSet: true })
    expect(session.isPatientMode).toBe(false)
  })
})

describe('startPatientMode', () => {
  it('locks to the intake and forgets every listed intake', async () => {
    const list = await loadedList()
    const session = sessionModule.useSessionStore()

    const error = await session.startPatientMode('intake-2')

    expect(error).toBeNull()
    expect(fake.calls.at(-1)).toEqual({
      method: 'startPatientMode',
      args: { intakeId: 'intake-2' }
    })
    expect(session.state).toEqual({ role: 'patient', intakeId: 'intake-2', staffPinSet: true })
    expect(session.isPatientMode).toBe(true)
    expect(list.items).toEqual([])
    expect(list.unfinished).toEqual([])
    expect(list.nextCursor).toBeNull()
    expect(list.search).toBe('')
  })

  it('returns the error and changes nothing when no staff PIN is set', async () => {
    fake.staffPin = null
    const list = await loadedList()
    const session = sessionModule.useSessionStore()
    await session.refresh()
    const before = { ...session.state }

    const error = await session.startPatientMode('intake-2')

    expect(error?.code).toBe('conflict')
    expect(session.state).toEqual(before)
    expect(session.isPatientMode).toBe(false)
    // Staff still hold the device, so their lists stay.
    expect(list.items).toHaveLength(3)
    expect(list.unfinished).toHaveLength(3)
  })

  it('returns the error and changes nothing for an intake that does not exist', async () => {
    const list = await loadedList()
    const session = sessionModule.useSessionStore()

    const error = await session.startPatientMode('intake-404')

    expect(error).toEqual({ code: 'not-found', message: 'No such intake.' })
    expect(session.state).toEqual({ role: 'staff', intakeId: null, staffPinSet: false })
    expect(list.items).toHaveLength(3)
  })
})

describe('exitPatientMode and setStaffPin', () => {
  it('stays in patient mode on a wrong PIN and returns to staff on the right one', async () => {
    const session = sessionModule.useSessionStore()
    expect(await session.startPatientMode('intake-1')).toBeNull()

    const wrong = await session.exitPatientMode('0000')

    expect(wrong?.code).toBe('forbidden')
    expect(session.isPatientMode).toBe(true)
    expect(await session.exitPatientMode(STAFF_PIN)).toBeNull()
    expect(session.state).toEqual({ role: 'staff', intakeId: null, staffPinSet: true })
  })

  it('sends the current PIN only when one is given', async () => {
    fake.staffPin = null
    const session = sessionModule.useSessionStore()

    expect(await session.setStaffPin('1357')).toBeNull()
    expect(session.state.staffPinSet).toBe(true)
    expect(await session.setStaffPin('9999', '1357')).toBeNull()

    expect(fake.calls.map((entry) => entry.args)).toEqual([
      { newPin: '1357' },
      { newPin: '9999', currentPin: '1357' }
    ])
    expect(Object.keys(fake.calls[0]?.args ?? {})).toEqual(['newPin'])
  })

  it('returns the error and keeps the state when the current PIN is wrong', async () => {
    const session = sessionModule.useSessionStore()
    await session.refresh()
    const before = { ...session.state }

    const error = await session.setStaffPin('9999', '1111')

    expect(error?.code).toBe('forbidden')
    expect(session.state).toEqual(before)
    expect(fake.staffPin).toBe(STAFF_PIN)
  })
})
