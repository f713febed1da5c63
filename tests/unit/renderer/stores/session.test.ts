/**
 * The session store against a fake `window.api` that keeps the main
 * process's session in memory (staff accounts, who is signed in, patient
 * mode) and enforces the contract's role rules (METHOD_ACCESS) the way the
 * dispatcher does, so a signed-out or patient caller is refused here as it
 * would be in the app.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  FORM_VERSION,
  METHOD_ACCESS,
  evaluateIntake,
  type ApiArgs,
  type ApiMethod,
  type AppError,
  type AppInfo,
  type CallerRole,
  type DraftSaved,
  type IntakePage,
  type IntakeRecord,
  type Result,
  type SessionState,
  type StaffIdentity,
  type UnfinishedIntake
} from '../../../../src/domain'
import type * as IntakeDraftModule from '../../../../src/stores/intakeDraft'
import type * as IntakeListModule from '../../../../src/stores/intakeList'
import type * as SessionStoreModule from '../../../../src/stores/session'
import { NotFakedApi } from '../support/notFakedApi'

const APP_INFO: AppInfo = { version: '0.1.0', dataDir: '/data/back-intake', transport: 'web' }
const ADMIN: StaffIdentity = { id: 'staff-admin', name: 'Ana Ruiz', role: 'administrator' }
const DESK: StaffIdentity = { id: 'staff-desk', name: 'Ben Okafor', role: 'front-desk' }
const SECRETS: Readonly<Record<string, string>> = {
  [ADMIN.name]: 'correct horse battery',
  [DESK.name]: '274951'
}

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
    kind: 'initial',
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
class FakeSessionApi extends NotFakedApi {
  /** Every method called, with its arguments, in order. */
  readonly calls: Array<{ method: ApiMethod; args: unknown }> = []
  readonly intakes: UnfinishedIntake[] = [
    summary('intake-1', 'Maya'),
    summary('intake-2', 'Tomás'),
    summary('intake-3', 'Li')
  ]
  accounts: StaffIdentity[] = [ADMIN, DESK]
  signedIn: StaffIdentity | null = DESK
  lockedIntakeId: string | null = null
  idleLockMinutes = 5
  /** While set, getSession answers with this error. */
  sessionFailure: AppError | null = null

  constructor() {
    super('the session store')
  }

  private role(): CallerRole {
    if (this.lockedIntakeId !== null) return 'patient'
    return this.signedIn?.role ?? 'signed-out'
  }

  state(): SessionState {
    return {
      role: this.role(),
      staff: this.lockedIntakeId === null ? this.signedIn : null,
      intakeId: this.lockedIntakeId,
      needsFirstAdministrator: this.accounts.length === 0,
      idleLockMinutes: this.idleLockMinutes
    }
  }

  /** Records the call and refuses it as the dispatcher would for the current role. */
  private call<T>(method: ApiMethod, args: unknown, handler: () => Result<T>): Promise<Result<T>> {
    this.calls.push({ method, args })
    if (!METHOD_ACCESS[method].roles.includes(this.role())) {
      return Promise.resolve(
        fail({ code: 'forbidden', message: `${method} is not allowed as ${this.role()}.` })
      )
    }
    return Promise.resolve(handler())
  }

  private check({ name, secret }: { name: string; secret: string }): StaffIdentity | null {
    const found = this.accounts.find((account) => account.name === name)
    return found !== undefined && SECRETS[found.name] === secret ? found : null
  }

  methods(): ApiMethod[] {
    return this.calls.map((entry) => entry.method)
  }

  override getAppInfo(args: ApiArgs<'getAppInfo'>): Promise<Result<AppInfo>> {
    return this.call('getAppInfo', args, () => ok(APP_INFO))
  }

  override getSession(args: ApiArgs<'getSession'>): Promise<Result<SessionState>> {
    return this.call('getSession', args, () =>
      this.sessionFailure ? fail(this.sessionFailure) : ok(this.state())
    )
  }

  override signIn(args: ApiArgs<'signIn'>): Promise<Result<SessionState>> {
    return this.call('signIn', args, () => {
      const staff = this.check(args)
      if (staff === null) {
        return fail({ code: 'forbidden', message: 'That name and password do not match.' })
      }
      this.signedIn = staff
      return ok(this.state())
    })
  }

  override createFirstAdministrator(
    args: ApiArgs<'createFirstAdministrator'>
  ): Promise<Result<SessionState>> {
    return this.call('createFirstAdministrator', args, () => {
      if (this.accounts.length > 0) {
        return fail({ code: 'conflict', message: 'An administrator already exists.' })
      }
      this.accounts = [ADMIN]
      this.signedIn = ADMIN
      return ok(this.state())
    })
  }

  override signOut(args: ApiArgs<'signOut'>): Promise<Result<SessionState>> {
    return this.call('signOut', args, () => {
      this.signedIn = null
      return ok(this.state())
    })
  }

  override keepSignedIn(args: ApiArgs<'keepSignedIn'>): Promise<Result<SessionState>> {
    return this.call('keepSignedIn', args, () => ok(this.state()))
  }

  override listIntakes(args: ApiArgs<'listIntakes'>): Promise<Result<IntakePage>> {
    return this.call('listIntakes', args, () => ok({ items: this.intakes, nextCursor: 'page-2' }))
  }

  override listUnfinished(
    args: ApiArgs<'listUnfinished'>
  ): Promise<Result<readonly UnfinishedIntake[]>> {
    return this.call('listUnfinished', args, () =>
      ok(this.intakes.filter((intake) => intake.status === 'draft'))
    )
  }

  override startPatientMode(args: ApiArgs<'startPatientMode'>): Promise<Result<SessionState>> {
    return this.call('startPatientMode', args, () => {
      if (!this.intakes.some((intake) => intake.id === args.intakeId)) {
        return fail({ code: 'not-found', message: 'No such intake.' })
      }
      this.lockedIntakeId = args.intakeId
      this.signedIn = null
      return ok(this.state())
    })
  }

  override exitPatientMode(args: ApiArgs<'exitPatientMode'>): Promise<Result<SessionState>> {
    return this.call('exitPatientMode', args, () => {
      const staff = this.check(args)
      if (staff === null)
        return fail({ code: 'forbidden', message: 'That name and password do not match.' })
      this.lockedIntakeId = null
      this.signedIn = staff
      return ok(this.state())
    })
  }

  override createDraft(args: ApiArgs<'createDraft'>): Promise<Result<IntakeRecord>> {
    return this.call('createDraft', args, () =>
      ok({
        id: 'intake-new',
        status: 'draft',
        kind: 'initial',
        followUp: null,
        amendments: [],
        visits: [],
        formVersion: FORM_VERSION,
        answers: args.answers,
        evaluation: evaluateIntake(args.answers, { asOf: '2026-11-20' }),
        currentRules: null,
        redFlagHistory: [],
        triage: [],
        patientId: null,
        revision: 1,
        createdAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
        submittedAt: null
      })
    )
  }

  override saveDraft(args: ApiArgs<'saveDraft'>): Promise<Result<DraftSaved>> {
    return this.call('saveDraft', args, () =>
      ok({ id: args.id, revision: 2, updatedAt: '2026-11-20T10:01:00.000Z', concern: 'none' })
    )
  }
}

type SessionModule = typeof SessionStoreModule
type ListModule = typeof IntakeListModule
type DraftModule = typeof IntakeDraftModule

let fake: FakeSessionApi
let sessionModule: SessionModule
let listModule: ListModule
let draftModule: DraftModule

beforeEach(async () => {
  fake = new FakeSessionApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  sessionModule = await import('../../../../src/stores/session')
  listModule = await import('../../../../src/stores/intakeList')
  draftModule = await import('../../../../src/stores/intakeDraft')
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

/** The store after reading the session the fake holds. */
async function refreshed(): Promise<ReturnType<SessionModule['useSessionStore']>> {
  const session = sessionModule.useSessionStore()
  expect(await session.refresh()).toBeNull()
  return session
}

describe('before anything is read', () => {
  it('is signed out, with nobody and nothing allowed', () => {
    const session = sessionModule.useSessionStore()
    expect(session.state).toEqual({
      role: 'signed-out',
      staff: null,
      intakeId: null,
      needsFirstAdministrator: false,
      idleLockMinutes: 5
    })
    expect(session.isSignedIn).toBe(false)
    expect(session.isPatientMode).toBe(false)
    expect(session.can('front-desk')).toBe(false)
  })
})

describe('refresh', () => {
  it('reads the session and the app info when a member of staff is signed in', async () => {
    const session = await refreshed()

    expect(fake.methods()).toEqual(['getSession', 'getAppInfo'])
    expect(session.state).toEqual(fake.state())
    expect(session.state.staff).toEqual(DESK)
    expect(session.appInfo).toEqual(APP_INFO)
    expect(session.isSignedIn).toBe(true)
    expect(session.isPatientMode).toBe(false)
  })

  it('does not ask for the app info while signed out, and shows the first-run screen', async () => {
    fake.signedIn = null
    fake.accounts = []

    const session = await refreshed()

    expect(fake.methods()).toEqual(['getSession'])
    expect(session.state.needsFirstAdministrator).toBe(true)
    expect(session.appInfo).toBeNull()
    expect(session.isSignedIn).toBe(false)
  })

  it('does not ask for the app info in patient mode', async () => {
    fake.lockedIntakeId = 'intake-2'
    fake.signedIn = null

    const session = await refreshed()

    expect(fake.methods()).toEqual(['getSession'])
    expect(session.state).toMatchObject({ role: 'patient', intakeId: 'intake-2', staff: null })
    expect(session.isPatientMode).toBe(true)
    expect(session.isSignedIn).toBe(false)
    expect(session.appInfo).toBeNull()
  })

  it('returns the error and keeps the state when the session cannot be read', async () => {
    const session = await refreshed()
    const unreadable: AppError = { code: 'storage', message: 'The settings file is locked.' }
    fake.sessionFailure = unreadable
    fake.lockedIntakeId = 'intake-1'

    const error = await session.refresh()

    expect(error).toEqual(unreadable)
    expect(session.state.staff).toEqual(DESK)
    expect(session.isPatientMode).toBe(false)
  })

  it('forgets what a member of staff had open when the main process says they are gone', async () => {
    const session = await refreshed()
    const list = await loadedList()
    fake.signedIn = null

    expect(await session.refresh()).toBeNull()

    expect(session.isSignedIn).toBe(false)
    expect(list.items).toEqual([])
    expect(list.unfinished).toEqual([])
    expect(session.appInfo).toBeNull()
  })
})

describe('what a role can do', () => {
  it('builds each role on the one below it', async () => {
    const session = await refreshed()
    expect([
      session.can('front-desk'),
      session.can('clinician'),
      session.can('administrator')
    ]).toEqual([true, false, false])

    fake.signedIn = ADMIN
    await session.refresh()
    expect([
      session.can('front-desk'),
      session.can('clinician'),
      session.can('administrator')
    ]).toEqual([true, true, true])

    fake.lockedIntakeId = 'intake-1'
    await session.refresh()
    expect(session.can('front-desk')).toBe(false)
  })
})

describe('signIn and createFirstAdministrator', () => {
  it('signs in, then reads the app info', async () => {
    fake.signedIn = null
    const session = await refreshed()

    expect(await session.signIn('Ana Ruiz', 'correct horse battery')).toBeNull()

    expect(fake.calls.slice(-2)).toEqual([
      { method: 'signIn', args: { name: 'Ana Ruiz', secret: 'correct horse battery' } },
      { method: 'getAppInfo', args: {} }
    ])
    expect(session.state.staff).toEqual(ADMIN)
    expect(session.isSignedIn).toBe(true)
    expect(session.appInfo).toEqual(APP_INFO)
  })

  it('returns the error of a refused sign-in and stays signed out', async () => {
    fake.signedIn = null
    const session = await refreshed()

    const error = await session.signIn('Ana Ruiz', 'wrong')

    expect(error?.code).toBe('forbidden')
    expect(session.isSignedIn).toBe(false)
    expect(fake.methods()).not.toContain('getAppInfo')
  })

  it('creates the first administrator, who is then signed in', async () => {
    fake.signedIn = null
    fake.accounts = []
    const session = await refreshed()

    expect(await session.createFirstAdministrator('Ana Ruiz', 'correct horse battery')).toBeNull()

    expect(session.state).toMatchObject({
      role: 'administrator',
      staff: ADMIN,
      needsFirstAdministrator: false
    })
    expect(session.can('administrator')).toBe(true)
    expect(session.appInfo).toEqual(APP_INFO)
  })

  it('returns the error when an administrator already exists', async () => {
    fake.signedIn = null
    const session = await refreshed()

    expect((await session.createFirstAdministrator('Mallory', 'a takeover attempt'))?.code).toBe(
      'conflict'
    )
    expect(session.isSignedIn).toBe(false)
  })
})

describe('signOut', () => {
  it('saves the open draft first, then signs out and forgets every patient', async () => {
    const session = await refreshed()
    const list = await loadedList()
    const draft = draftModule.useIntakeDraftStore()
    expect(await draft.create('staff')).toBeNull()
    draft.setAnswer('patient.givenName', 'Maya')
    session.acknowledgeEmergency('intake-new', 'rf.bladder')

    await session.signOut('sign-out')

    const methods = fake.methods()
    expect(methods.slice(-2)).toEqual(['saveDraft', 'signOut'])
    expect(fake.calls.find((call) => call.method === 'saveDraft')?.args).toEqual({
      id: 'intake-new',
      revision: 1,
      answers: { 'patient.givenName': 'Maya' }
    })
    expect(fake.calls.at(-1)?.args).toEqual({ reason: 'sign-out' })
    expect(session.state).toMatchObject({ role: 'signed-out', staff: null })
    expect(session.lockedBecause).toBeNull()
    expect(draft.intakeId).toBeNull()
    expect(draft.answers).toEqual({})
    expect(list.items).toEqual([])
    expect(list.unfinished).toEqual([])
    expect(session.appInfo).toBeNull()
    expect(session.acknowledgedEmergencies).toEqual({})
  })

  it('says the app locked itself after the idle time, until someone signs in', async () => {
    const session = await refreshed()

    await session.signOut('idle')

    expect(fake.calls.at(-1)).toEqual({ method: 'signOut', args: { reason: 'idle' } })
    expect(session.lockedBecause).toBe('idle')
    expect(await session.signIn('Ben Okafor', '274951')).toBeNull()
    expect(session.lockedBecause).toBeNull()
  })

  it('forgets everything even when the main process had already locked the session', async () => {
    fake.idleLockMinutes = 12
    const session = await refreshed()
    const list = await loadedList()
    // The main process locked the silent session on its own.
    fake.signedIn = null

    await session.signOut('idle')

    expect(fake.calls.at(-1)?.method).toBe('signOut')
    expect(session.state).toEqual({
      role: 'signed-out',
      staff: null,
      intakeId: null,
      needsFirstAdministrator: false,
      idleLockMinutes: 12
    })
    expect(list.items).toEqual([])
  })
})

describe('keepSignedIn', () => {
  it('tells the main process the person is still there', async () => {
    const session = await refreshed()

    await session.keepSignedIn()

    expect(fake.calls.at(-1)).toEqual({ method: 'keepSignedIn', args: {} })
    expect(session.state.staff).toEqual(DESK)
  })

  it('reads the session again when the main process has locked it meanwhile', async () => {
    const session = await refreshed()
    const list = await loadedList()
    fake.signedIn = null

    await session.keepSignedIn()

    expect(fake.methods().slice(-2)).toEqual(['keepSignedIn', 'getSession'])
    expect(session.isSignedIn).toBe(false)
    expect(list.items).toEqual([])
  })
})

describe('who signs in next', () => {
  it('returns the same person to where they were, once', async () => {
    const session = await refreshed()
    session.rememberReturnPath('/intake/intake-2/pain')
    await session.signOut('idle')
    await session.signIn('Ben Okafor', '274951')

    expect(session.consumeReturnPath()).toBe('/intake/intake-2/pain')
    expect(session.consumeReturnPath()).toBeNull()
  })

  it('starts anyone else afresh', async () => {
    const session = await refreshed()
    session.rememberReturnPath('/intake/intake-2/pain')
    await session.signOut('idle')
    await session.signIn('Ana Ruiz', 'correct horse battery')

    expect(session.consumeReturnPath()).toBeNull()
  })

  it('keeps what a member of staff has open while they stay signed in', async () => {
    const session = await refreshed()
    const list = await loadedList()
    const draft = draftModule.useIntakeDraftStore()
    expect(await draft.create('staff')).toBeNull()

    session.adopt(fake.state())
    session.adopt({ ...fake.state(), idleLockMinutes: 10 })

    expect(list.items).toHaveLength(3)
    expect(draft.intakeId).toBe('intake-new')
    expect(session.state.idleLockMinutes).toBe(10)
  })

  it('tells the other stores that hold patient data to forget it', async () => {
    const forget = vi.fn()
    sessionModule.onForgetPatientData(forget)
    const session = await refreshed()
    forget.mockClear()

    await session.signOut('sign-out')

    expect(forget).toHaveBeenCalledTimes(1)
  })
})

describe('startPatientMode', () => {
  it('locks to the intake and forgets every listed intake', async () => {
    const list = await loadedList()
    const session = await refreshed()

    const error = await session.startPatientMode('intake-2')

    expect(error).toBeNull()
    expect(fake.calls.at(-1)).toEqual({
      method: 'startPatientMode',
      args: { intakeId: 'intake-2' }
    })
    expect(session.state).toMatchObject({ role: 'patient', intakeId: 'intake-2', staff: null })
    expect(session.isPatientMode).toBe(true)
    expect(session.isSignedIn).toBe(false)
    expect(session.appInfo).toBeNull()
    expect(list.items).toEqual([])
    expect(list.unfinished).toEqual([])
    expect(list.nextCursor).toBeNull()
    expect(list.search).toBe('')
  })

  it('keeps the intake handed over (and the emergencies dealt with) but nothing else', async () => {
    const session = await refreshed()
    const list = await loadedList()
    const draft = draftModule.useIntakeDraftStore()
    expect(await draft.create('patient')).toBeNull()
    session.acknowledgeEmergency('intake-new', 'rf.bladder')

    // The fake knows the listed intakes; the open draft stands for one of them.
    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(list.items).toEqual([])
    expect(draft.intakeId).toBe('intake-new')
    expect(session.acknowledgedEmergencies).toEqual({ 'intake-new': 'rf.bladder' })
    expect(session.appInfo).toBeNull()
  })

  it('forgets other stores’ patient data too', async () => {
    const forget = vi.fn()
    sessionModule.onForgetPatientData(forget)
    const session = await refreshed()
    forget.mockClear()

    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(forget).toHaveBeenCalledTimes(1)
  })

  it('returns the error and changes nothing for an intake that does not exist', async () => {
    const list = await loadedList()
    const session = await refreshed()
    const before = { ...session.state }

    const error = await session.startPatientMode('intake-404')

    expect(error).toEqual({ code: 'not-found', message: 'No such intake.' })
    expect(session.state).toEqual(before)
    // Staff still hold the device, so their lists stay.
    expect(list.items).toHaveLength(3)
  })

  it('is refused while nobody is signed in', async () => {
    fake.signedIn = null
    const session = await refreshed()

    expect((await session.startPatientMode('intake-2'))?.code).toBe('forbidden')
    expect(session.isPatientMode).toBe(false)
  })
})

describe('exitPatientMode', () => {
  it('stays in patient mode on a wrong sign-in', async () => {
    const session = await refreshed()
    expect(await session.startPatientMode('intake-1')).toBeNull()

    const wrong = await session.exitPatientMode('Ben Okafor', '000000')

    expect(wrong?.code).toBe('forbidden')
    expect(session.isPatientMode).toBe(true)
    expect(session.takenBackFrom).toBeNull()
    expect(session.appInfo).toBeNull()
  })

  it('signs in whoever takes the device back, and remembers the intake taken back', async () => {
    const session = await refreshed()
    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(await session.exitPatientMode('Ana Ruiz', 'correct horse battery')).toBeNull()

    expect(fake.calls.find((call) => call.method === 'exitPatientMode')?.args).toEqual({
      name: 'Ana Ruiz',
      secret: 'correct horse battery'
    })
    expect(session.state).toMatchObject({ role: 'administrator', staff: ADMIN, intakeId: null })
    expect(session.isPatientMode).toBe(false)
    expect(session.takenBackFrom).toBe('intake-1')
    expect(session.appInfo).toEqual(APP_INFO)
  })

  it('keeps the patient’s intake on screen for the member of staff to carry on with', async () => {
    const session = await refreshed()
    const draft = draftModule.useIntakeDraftStore()
    expect(await draft.create('patient')).toBeNull()
    draft.setAnswer('patient.givenName', 'Maya')
    expect(await session.startPatientMode('intake-1')).toBeNull()

    expect(await session.exitPatientMode('Ben Okafor', '274951')).toBeNull()

    expect(draft.intakeId).toBe('intake-new')
    expect(draft.answers['patient.givenName']).toBe('Maya')
  })
})
