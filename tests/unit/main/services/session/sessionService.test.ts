/**
 * The session service on a real SQLite file: who is signed in, the first
 * administrator, the audit entries of signing in and out, the main-process
 * idle lock (on a clock the test moves by hand), patient mode and the idle
 * time setting.
 */
import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntryInput, SessionState, StaffIdentity } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import {
  createSessionService,
  type SessionService
} from '../../../../../electron/main/services/session/sessionService'
import {
  createStaffAccounts,
  type StaffAccounts
} from '../../../../../electron/main/services/session/staffAccounts'
import {
  createSqliteSettingsStore,
  type SettingsStore
} from '../../../../../electron/main/services/settings/settingsStore'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { rejection } from '../../support/rejection'
import { useTempDirs } from '../../support/tempDir'
import { submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('session-service')

const ADMIN = { name: 'Ana Ruiz', secret: 'correct horse battery' }
const DESK = { name: 'Ben Okafor', secret: '274951' }
const WRONG = { name: DESK.name, secret: '583920' }
const MISSING_ID = '7d3c2f7e-4a7b-4c36-9a55-0f5a3b2c1d0e'
/** scrypt at the app's cost takes about a tenth of a second: tests with many checks need time. */
const SLOW = 60_000
/** The main process locks a silent session this long after the renderer's idle time. */
const GRACE_MS = 90_000

/** A clock the test moves by hand. */
function manualClock(start = '2026-11-20T10:00:00.000Z'): {
  now: () => Date
  advance: (ms: number) => void
} {
  let current = Date.parse(start)
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    }
  }
}

let file: string
let db: Database.Database
let settings: SettingsStore
let intakes: IntakeService
let accounts: StaffAccounts
let clock: ReturnType<typeof manualClock>
let audit: AuditEntryInput[]
let changes: SessionState[]
let session: SessionService

/** A session service over the current database, as the app builds one at start. */
function start(): Promise<SessionService> {
  return createSessionService({
    settings,
    accounts,
    intakes,
    now: clock.now,
    audit: (entry) => audit.push(entry),
    onChange: (state) => changes.push(state)
  })
}

function openFile(): void {
  db = openDatabase(file)
  settings = createSqliteSettingsStore(db)
  intakes = createSqliteIntakeService(db, { now: steppingClock().now })
  accounts = createStaffAccounts(db, { now: clock.now })
}

beforeEach(async () => {
  file = path.join(tempDir(), 'session.sqlite')
  clock = manualClock()
  audit = []
  changes = []
  openFile()
  session = await start()
  return () => {
    if (db.open) db.close()
  }
})

/** The settings table exactly as SQLite has it. */
function rawSettings(): Record<string, string> {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    .all()
  return Object.fromEntries(rows.map((row) => [row.key, row.value]))
}

async function draftId(): Promise<string> {
  return (await intakes.createDraft({ answers: {}, entryMode: 'patient' }, 'staff')).id
}

/** The first administrator (signed in) and a front-desk account; the audit and changes emptied. */
async function withStaff(): Promise<{ admin: StaffIdentity; desk: StaffIdentity }> {
  const state = await session.createFirstAdministrator(ADMIN)
  const added = await accounts.add({ ...DESK, role: 'front-desk' })
  audit.length = 0
  changes.length = 0
  if (state.staff === null) throw new Error('the first administrator is not signed in')
  return { admin: state.staff, desk: { id: added.id, name: added.name, role: added.role } }
}

/** Signed in as the administrator, the device handed to the patient on a fresh draft. */
async function inPatientMode(): Promise<{ id: string; admin: StaffIdentity; desk: StaffIdentity }> {
  const staff = await withStaff()
  const id = await draftId()
  await session.startPatientMode(id)
  audit.length = 0
  changes.length = 0
  return { id, ...staff }
}

function actions(): string[] {
  return audit.map((entry) => entry.action)
}

describe('at start', () => {
  it('is signed out, and asks for the first administrator while no account exists', () => {
    expect(session.state()).toEqual({
      role: 'signed-out',
      staff: null,
      intakeId: null,
      needsFirstAdministrator: true,
      idleLockMinutes: 5
    })
    expect(session.context()).toEqual({ role: 'signed-out', staff: null, lockedIntakeId: null })
    expect(audit).toEqual([])
  })

  it('is signed out after a restart, even if someone was signed in', async () => {
    await withStaff()
    expect(session.state().role).toBe('administrator')

    session = await start()

    expect(session.state()).toMatchObject({
      role: 'signed-out',
      staff: null,
      needsFirstAdministrator: false
    })
  })
})

describe('the first administrator', () => {
  it('is created and signed in, recorded as created and as a sign-in', async () => {
    const state = await session.createFirstAdministrator(ADMIN)

    const [member] = accounts.list()
    expect(member).toMatchObject({ name: 'Ana Ruiz', role: 'administrator', active: true })
    const staff = { id: member?.id, name: 'Ana Ruiz', role: 'administrator' }
    expect(state).toEqual({
      role: 'administrator',
      staff,
      intakeId: null,
      needsFirstAdministrator: false,
      idleLockMinutes: 5
    })
    expect(session.context()).toEqual({ role: 'administrator', staff, lockedIntakeId: null })
    const actor = { staffId: member?.id, name: 'Ana Ruiz', role: 'administrator' }
    expect(audit).toEqual([
      { actor, action: 'first-administrator-created', detail: { staffId: member?.id } },
      { actor, action: 'sign-in' }
    ])
    expect(changes).toEqual([state])
    expect(JSON.stringify(audit)).not.toContain(ADMIN.secret)
  })

  it('is refused once any account exists, and creates nothing', async () => {
    await withStaff()
    await session.signOut('sign-out')
    audit.length = 0

    const error = await rejection(
      session.createFirstAdministrator({ name: 'Mallory', secret: 'a takeover attempt' })
    )

    expect(error.code).toBe('conflict')
    expect(accounts.count()).toBe(2)
    expect(session.state().role).toBe('signed-out')
    expect(audit).toEqual([])
  })

  it('refuses a weak secret without creating an account or signing in', async () => {
    const error = await rejection(
      session.createFirstAdministrator({ name: 'Ana Ruiz', secret: '123456' })
    )

    expect(error.code).toBe('invalid-argument')
    expect(accounts.count()).toBe(0)
    expect(session.state()).toMatchObject({ role: 'signed-out', needsFirstAdministrator: true })
    expect(audit).toEqual([])
    expect(changes).toEqual([])
  })

  it('is created once when two first-run requests arrive at the same moment', async () => {
    const outcomes = await Promise.allSettled([
      session.createFirstAdministrator(ADMIN),
      session.createFirstAdministrator({ name: 'Mallory Quinn', secret: 'a takeover attempt' })
    ])

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(accounts.count()).toBe(1)
    expect(actions().filter((action) => action === 'first-administrator-created')).toHaveLength(1)
  })
})

describe('signing in and out', () => {
  it('signs in with the right name and secret, and records it', async () => {
    const { desk } = await withStaff()
    session.signOut('sign-out')
    audit.length = 0
    changes.length = 0

    const state = await session.signIn({ name: '  ben OKAFOR ', secret: DESK.secret })

    expect(state).toMatchObject({ role: 'front-desk', staff: desk, intakeId: null })
    expect(session.context()).toEqual({ role: 'front-desk', staff: desk, lockedIntakeId: null })
    expect(audit).toEqual([
      { actor: { staffId: desk.id, name: desk.name, role: 'front-desk' }, action: 'sign-in' }
    ])
    expect(changes).toEqual([state])
  })

  it('refuses wrong credentials, records why, and never records the secret', async () => {
    const { desk } = await withStaff()
    session.signOut('sign-out')
    audit.length = 0
    changes.length = 0

    const wrong = await rejection(session.signIn(WRONG))
    const unknown = await rejection(session.signIn({ name: 'Nobody Here', secret: DESK.secret }))

    expect([wrong.code, unknown.code]).toEqual(['forbidden', 'forbidden'])
    expect(wrong.message).toBe(unknown.message)
    expect(audit).toEqual([
      {
        actor: { staffId: desk.id, name: WRONG.name, role: 'signed-out' },
        action: 'sign-in-failed',
        detail: { reason: 'wrong-secret' }
      },
      {
        actor: { staffId: null, name: 'Nobody Here', role: 'signed-out' },
        action: 'sign-in-failed',
        detail: { reason: 'unknown-name' }
      }
    ])
    expect(JSON.stringify(audit)).not.toContain(WRONG.secret)
    expect(JSON.stringify(audit)).not.toContain(DESK.secret)
    expect(session.state().role).toBe('signed-out')
    expect(changes).toEqual([])
  })

  it('cuts a long name in a failed sign-in to 80 characters in the trail', async () => {
    await withStaff()
    session.signOut('sign-out')
    audit.length = 0

    await rejection(session.signIn({ name: 'x'.repeat(300), secret: 'whatever it is' }))

    expect(audit[0]?.actor.name).toBe('x'.repeat(80))
  })

  it('records a sign-out as such and an idle lock as a lock', async () => {
    const { admin } = await withStaff()
    const actor = { staffId: admin.id, name: admin.name, role: 'administrator' }

    const out = session.signOut('sign-out')
    expect(out).toMatchObject({ role: 'signed-out', staff: null })
    await session.signIn(ADMIN)
    const locked = session.signOut('idle')
    expect(locked).toMatchObject({ role: 'signed-out', staff: null })

    expect(audit).toEqual([
      { actor, action: 'sign-out' },
      { actor, action: 'sign-in' },
      { actor, action: 'lock', detail: { reason: 'idle' } }
    ])
    expect(changes.map((state) => state.role)).toEqual([
      'signed-out',
      'administrator',
      'signed-out'
    ])
  })

  it('records nothing when signing out while nobody is signed in', async () => {
    await withStaff()
    session.signOut('sign-out')
    audit.length = 0

    expect(session.signOut('sign-out').role).toBe('signed-out')
    expect(session.signOut('idle').role).toBe('signed-out')
    expect(audit).toEqual([])
  })

  it(
    'applies the lockout to sign-in',
    async () => {
      const { desk } = await withStaff()
      session.signOut('sign-out')
      for (let i = 0; i < 5; i++) await rejection(session.signIn(WRONG))

      const locked = await rejection(session.signIn(DESK))
      expect(locked.message).toMatch(/Too many wrong attempts/)
      expect(audit.at(-1)).toEqual({
        actor: { staffId: desk.id, name: DESK.name, role: 'signed-out' },
        action: 'sign-in-failed',
        detail: { reason: 'locked' }
      })
      clock.advance(30_000)
      expect((await session.signIn(DESK)).staff).toEqual(desk)
    },
    SLOW
  )
})

describe('the main-process idle lock', () => {
  it('locks a silent session after the idle time and the grace, records it and says so', async () => {
    const { admin } = await withStaff()
    const limit = 5 * 60_000 + GRACE_MS

    clock.advance(limit)
    expect(session.context().role).toBe('administrator')
    expect(audit).toEqual([])

    clock.advance(1)
    expect(session.context()).toEqual({ role: 'signed-out', staff: null, lockedIntakeId: null })
    expect(audit).toEqual([
      {
        actor: { staffId: admin.id, name: admin.name, role: 'administrator' },
        action: 'lock',
        detail: { reason: 'idle' }
      }
    ])
    expect(changes).toEqual([expect.objectContaining({ role: 'signed-out', staff: null })])

    // Once locked, it stays locked, and is recorded once.
    clock.advance(60 * 60_000)
    expect(session.context().role).toBe('signed-out')
    expect(actions()).toEqual(['lock'])
  })

  it('starts the idle time again on "stay signed in"', async () => {
    await withStaff()

    clock.advance(4 * 60_000)
    expect(session.keepSignedIn()).toMatchObject({ role: 'administrator' })
    clock.advance(5 * 60_000 + GRACE_MS)
    expect(session.context().role).toBe('administrator')
    clock.advance(1)
    expect(session.context().role).toBe('signed-out')
  })

  it('follows the idle time setting', async () => {
    await withStaff()
    await session.setSecuritySettings({ idleLockMinutes: 1 })
    session.keepSignedIn()

    clock.advance(60_000 + GRACE_MS)
    expect(session.context().role).toBe('administrator')
    clock.advance(1)
    expect(session.context().role).toBe('signed-out')
  })

  it('counts from the sign-in, not from an earlier session', async () => {
    await withStaff()
    session.signOut('sign-out')
    clock.advance(60 * 60_000)
    await session.signIn(DESK)

    clock.advance(5 * 60_000)
    expect(session.context().role).toBe('front-desk')
  })

  it('never locks patient mode: the patient may take as long as they need', async () => {
    const { id } = await inPatientMode()

    clock.advance(3 * 60 * 60_000)

    expect(session.context()).toEqual({ role: 'patient', staff: null, lockedIntakeId: id })
    expect(audit).toEqual([])
  })
})

describe('patient mode', () => {
  it('is refused while nobody is signed in', async () => {
    await withStaff()
    session.signOut('sign-out')
    const id = await draftId()

    const error = await rejection(session.startPatientMode(id))

    expect(error.code).toBe('forbidden')
    expect(session.context().role).toBe('signed-out')
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
  })

  it('locks to the intake, signs the staff member out and records who handed it over', async () => {
    const { admin } = await withStaff()
    const id = await draftId()

    const state = await session.startPatientMode(id)

    expect(state).toEqual({
      role: 'patient',
      staff: null,
      intakeId: id,
      needsFirstAdministrator: false,
      idleLockMinutes: 5
    })
    expect(session.context()).toEqual({ role: 'patient', staff: null, lockedIntakeId: id })
    expect(rawSettings()['patientModeIntakeId']).toBe(id)
    expect(audit).toEqual([
      {
        actor: { staffId: admin.id, name: admin.name, role: 'administrator' },
        action: 'patient-mode-started',
        intakeId: id
      }
    ])
    expect(changes).toEqual([state])
  })

  it('refuses a submitted intake and one that does not exist', async () => {
    await withStaff()
    const id = await draftId()
    await submitAtLatest(intakes, { id, answers: completeAnswers() }, 'staff')

    expect((await rejection(session.startPatientMode(id))).code).toBe('conflict')
    expect((await rejection(session.startPatientMode(MISSING_ID))).code).toBe('not-found')

    expect(session.context().role).toBe('administrator')
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
    expect(audit).toEqual([])
  })

  it('ends only with a valid staff sign-in, which signs that person in', async () => {
    const { id, desk } = await inPatientMode()

    const wrong = await rejection(session.exitPatientMode(WRONG))
    expect(wrong.code).toBe('forbidden')
    expect(session.context()).toEqual({ role: 'patient', staff: null, lockedIntakeId: id })
    expect(changes).toEqual([])

    // The administrator handed the device over; the front desk takes it back.
    const state = await session.exitPatientMode(DESK)

    expect(state).toMatchObject({ role: 'front-desk', staff: desk, intakeId: null })
    expect(session.context()).toEqual({ role: 'front-desk', staff: desk, lockedIntakeId: null })
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
    const actor = { staffId: desk.id, name: desk.name, role: 'front-desk' }
    expect(audit).toEqual([
      {
        actor: { staffId: desk.id, name: WRONG.name, role: 'signed-out' },
        action: 'sign-in-failed',
        detail: { reason: 'wrong-secret' }
      },
      { actor, action: 'patient-mode-ended', intakeId: id },
      { actor, action: 'sign-in' }
    ])
    expect(changes).toEqual([state])
  })

  it(
    'applies the sign-in lockout to leaving patient mode',
    async () => {
      const { id, desk } = await inPatientMode()
      for (let i = 0; i < 5; i++) await rejection(session.exitPatientMode(WRONG))

      const locked = await rejection(session.exitPatientMode(DESK))
      expect(locked.code).toBe('forbidden')
      expect(locked.message).toMatch(/Too many wrong attempts/)
      expect(session.context().lockedIntakeId).toBe(id)

      clock.advance(30_000)
      expect((await session.exitPatientMode(DESK)).staff).toEqual(desk)
    },
    SLOW
  )

  it('survives a restart of the service and of the database file, and ends there with a sign-in', async () => {
    const { id, admin } = await inPatientMode()

    session = await start()
    expect(session.context()).toEqual({ role: 'patient', staff: null, lockedIntakeId: id })
    expect(session.state()).toMatchObject({ role: 'patient', intakeId: id, staff: null })

    db.close()
    openFile()
    session = await start()
    expect(session.context()).toEqual({ role: 'patient', staff: null, lockedIntakeId: id })

    expect((await session.exitPatientMode(ADMIN)).staff).toEqual(admin)
    session = await start()
    expect(session.context()).toEqual({ role: 'signed-out', staff: null, lockedIntakeId: null })
  })

  it('drops a lock left with no account to lift it, opening on the first-run screen', async () => {
    await settings.set('patientModeIntakeId', MISSING_ID)

    session = await start()

    expect(session.state()).toMatchObject({
      role: 'signed-out',
      intakeId: null,
      needsFirstAdministrator: true
    })
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
  })

  it('is not lifted by a turned-off account', async () => {
    const { id, desk } = await inPatientMode()
    accounts.update(desk.id, { active: false })

    const error = await rejection(session.exitPatientMode(DESK))

    expect(error.message).toMatch(/turned off/)
    expect(session.context().lockedIntakeId).toBe(id)
  })
})

describe('security settings', () => {
  it('start at 5 minutes and store a new idle time, which a restart keeps', async () => {
    await withStaff()
    expect(session.getSecuritySettings()).toEqual({ idleLockMinutes: 5 })

    expect(await session.setSecuritySettings({ idleLockMinutes: 12 })).toEqual({
      idleLockMinutes: 12
    })

    expect(session.getSecuritySettings()).toEqual({ idleLockMinutes: 12 })
    expect(session.state().idleLockMinutes).toBe(12)
    expect(rawSettings()['idleLockMinutes']).toBe('12')
    expect(changes).toEqual([expect.objectContaining({ idleLockMinutes: 12 })])
    session = await start()
    expect(session.getSecuritySettings()).toEqual({ idleLockMinutes: 12 })
  })

  it('accept 1 to 60 whole minutes and refuse anything else, changing nothing', async () => {
    await withStaff()
    expect(await session.setSecuritySettings({ idleLockMinutes: 1 })).toEqual({
      idleLockMinutes: 1
    })
    expect(await session.setSecuritySettings({ idleLockMinutes: 60 })).toEqual({
      idleLockMinutes: 60
    })
    changes.length = 0

    for (const idleLockMinutes of [0, 61, -5, 1.5, Number.NaN, Infinity]) {
      const error = await rejection(session.setSecuritySettings({ idleLockMinutes }))
      expect({ idleLockMinutes, code: error.code }).toEqual({
        idleLockMinutes,
        code: 'invalid-argument'
      })
      expect(error.issues).toEqual([
        expect.objectContaining({ itemId: 'idleLockMinutes', code: 'out-of-range' })
      ])
    }
    expect(session.getSecuritySettings()).toEqual({ idleLockMinutes: 60 })
    expect(rawSettings()['idleLockMinutes']).toBe('60')
    expect(changes).toEqual([])
  })

  it('read a damaged stored idle time as the default', async () => {
    for (const stored of ['abc', '0', '61', '2.5', '']) {
      await settings.set('idleLockMinutes', stored)
      session = await start()
      expect({ stored, settings: session.getSecuritySettings() }).toEqual({
        stored,
        settings: { idleLockMinutes: 5 }
      })
    }
  })
})
