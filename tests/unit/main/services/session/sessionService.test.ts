import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { hashPin, verifyPin } from '../../../../../electron/main/services/session/pinHash'
import {
  createSessionService,
  type SessionService
} from '../../../../../electron/main/services/session/sessionService'
import {
  createSqliteSettingsStore,
  type SettingsStore
} from '../../../../../electron/main/services/settings/settingsStore'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { rejection } from '../../support/rejection'

const tempDir = useTempDirs('session-service')

const PIN = '4821'
const WRONG = '0000'

/** A clock the test moves by hand, so the 30-second lockout is checked to the millisecond. */
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
let clock: ReturnType<typeof manualClock>
let session: SessionService

beforeEach(async () => {
  file = path.join(tempDir(), 'session.sqlite')
  db = openDatabase(file)
  settings = createSqliteSettingsStore(db)
  intakes = createSqliteIntakeService(db, { now: steppingClock().now })
  clock = manualClock()
  session = await createSessionService(settings, intakes, clock)
  return () => db.close()
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

/** A PIN set and the device handed to the patient on a fresh draft. */
async function inPatientMode(): Promise<string> {
  await session.setStaffPin({ newPin: PIN })
  const id = await draftId()
  await session.startPatientMode(id)
  return id
}

async function failExits(count: number): Promise<ServiceError[]> {
  const errors: ServiceError[] = []
  for (let i = 0; i < count; i += 1) errors.push(await rejection(session.exitPatientMode(WRONG)))
  return errors
}

describe('pinHash', () => {
  it('stores scrypt with a salt, never the PIN itself', async () => {
    const first = await hashPin(PIN)
    const second = await hashPin(PIN)
    expect(first).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
    expect(first).not.toContain(PIN)
    // A fresh salt each time: equal PINs do not give equal hashes.
    expect(second).not.toBe(first)
  })

  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin(PIN)
    expect(await verifyPin(PIN, stored)).toBe(true)
    expect(await verifyPin('4822', stored)).toBe(false)
    expect(await verifyPin('', stored)).toBe(false)
  })

  it('refuses stored values that are not a scrypt hash, including the plain PIN', async () => {
    const stored = await hashPin(PIN)
    const [, salt, hash] = stored.split('$')
    expect(await verifyPin(PIN, PIN)).toBe(false)
    expect(await verifyPin(PIN, `bcrypt$${salt}$${hash}`)).toBe(false)
    expect(await verifyPin(PIN, `scrypt$${salt}$`)).toBe(false)
    expect(await verifyPin(PIN, 'scrypt$$')).toBe(false)
  })
})

describe('staff PIN', () => {
  it('starts with no PIN and stores only a hash of the one set', async () => {
    expect(await session.state()).toEqual({ role: 'staff', intakeId: null, staffPinSet: false })
    expect(rawSettings()).toEqual({})

    const state = await session.setStaffPin({ newPin: PIN })

    expect(state).toEqual({ role: 'staff', intakeId: null, staffPinSet: true })
    const stored = rawSettings()
    expect(Object.keys(stored)).toEqual(['staffPinHash'])
    const value = stored['staffPinHash'] ?? ''
    expect(value).not.toContain(PIN)
    expect(value.startsWith('scrypt$')).toBe(true)
    expect(await verifyPin(PIN, value)).toBe(true)
  })

  it('needs the current PIN to change it', async () => {
    await session.setStaffPin({ newPin: PIN })
    const before = rawSettings()['staffPinHash']

    const missing = await rejection(session.setStaffPin({ newPin: '1357' }))
    expect(missing.code).toBe('forbidden')
    const wrong = await rejection(session.setStaffPin({ currentPin: WRONG, newPin: '1357' }))
    expect(wrong.code).toBe('forbidden')
    expect(rawSettings()['staffPinHash']).toBe(before)

    await session.setStaffPin({ currentPin: PIN, newPin: '1357' })
    const after = rawSettings()['staffPinHash'] ?? ''
    expect(await verifyPin('1357', after)).toBe(true)
    expect(await verifyPin(PIN, after)).toBe(false)
  })
})

describe('wrong PINs', () => {
  it('locks PIN entry for 30 seconds after five wrong tries, even for the right PIN', async () => {
    const id = await inPatientMode()

    const errors = await failExits(5)
    expect(errors.map((error) => error.code)).toEqual(Array(5).fill('forbidden'))
    expect(errors.every((error) => error.message === 'That PIN is not right.')).toBe(true)

    const locked = await rejection(session.exitPatientMode(PIN))
    expect(locked.code).toBe('forbidden')
    expect(locked.message).toMatch(/Too many wrong PINs\. Try again in 30 seconds/)

    clock.advance(29_999)
    expect((await rejection(session.exitPatientMode(PIN))).message).toMatch(/Too many wrong PINs/)
    expect(session.context()).toEqual({ role: 'patient', lockedIntakeId: id })

    clock.advance(1)
    expect(await session.exitPatientMode(PIN)).toEqual({
      role: 'staff',
      intakeId: null,
      staffPinSet: true
    })
    expect(session.context()).toEqual({ role: 'staff', lockedIntakeId: null })
  })

  it('keeps the count and the lockout across a restart of the app', async () => {
    const id = await inPatientMode()
    await failExits(3)
    session = await createSessionService(settings, intakes, clock)
    await failExits(2)
    session = await createSessionService(settings, intakes, clock)
    expect((await rejection(session.exitPatientMode(PIN))).message).toMatch(/Too many wrong PINs/)
    expect(session.context()).toEqual({ role: 'patient', lockedIntakeId: id })
    clock.advance(30_000)
    expect((await session.exitPatientMode(PIN)).role).toBe('staff')
  })

  it('does not lock after four wrong tries, and the right PIN starts the count again', async () => {
    await session.setStaffPin({ newPin: PIN })
    for (let i = 0; i < 4; i += 1) {
      expect(
        (await rejection(session.setStaffPin({ currentPin: WRONG, newPin: '1111' }))).message
      ).toBe('That PIN is not right.')
    }
    await session.setStaffPin({ currentPin: PIN, newPin: PIN })
    for (let i = 0; i < 4; i += 1) {
      expect(
        (await rejection(session.setStaffPin({ currentPin: WRONG, newPin: '1111' }))).message
      ).toBe('That PIN is not right.')
    }
    // Eight wrong in all, but never five in a row: the right PIN still works.
    expect(await session.setStaffPin({ currentPin: PIN, newPin: '1357' })).toMatchObject({
      staffPinSet: true
    })
  })

  it('applies the lockout to changing the PIN as well', async () => {
    await session.setStaffPin({ newPin: PIN })
    for (let i = 0; i < 5; i += 1)
      await rejection(session.setStaffPin({ currentPin: WRONG, newPin: '1357' }))

    const locked = await rejection(session.setStaffPin({ currentPin: PIN, newPin: '1357' }))

    expect(locked.message).toMatch(/Too many wrong PINs/)
    expect(await verifyPin(PIN, rawSettings()['staffPinHash'] ?? '')).toBe(true)
  })

  it('cannot be beaten by sending many guesses at once', async () => {
    await inPatientMode()
    const guesses = [...Array.from({ length: 20 }, (_, i) => String(9000 + i)), PIN]

    const outcomes = await Promise.allSettled(guesses.map((pin) => session.exitPatientMode(pin)))

    // Five wrong guesses lock entry before the right one is looked at.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      Array(guesses.length).fill('rejected')
    )
    const last = outcomes.at(-1)
    const reason: unknown = last?.status === 'rejected' ? last.reason : undefined
    expect(reason).toBeInstanceOf(ServiceError)
    expect(reason instanceof ServiceError ? reason.message : '').toMatch(/Too many wrong PINs/)
    expect(session.context().role).toBe('patient')
  })
})

describe('patient mode', () => {
  it('refuses to start without a staff PIN', async () => {
    const id = await draftId()
    const error = await rejection(session.startPatientMode(id))
    expect(error.code).toBe('conflict')
    expect(session.context()).toEqual({ role: 'staff', lockedIntakeId: null })
    expect(rawSettings()).toEqual({})
  })

  it('refuses a submitted intake', async () => {
    await session.setStaffPin({ newPin: PIN })
    const id = await draftId()
    await intakes.submit({ id, answers: completeAnswers() }, 'staff')

    const error = await rejection(session.startPatientMode(id))

    expect(error.code).toBe('conflict')
    expect(session.context()).toEqual({ role: 'staff', lockedIntakeId: null })
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
  })

  it('refuses an intake that does not exist', async () => {
    await session.setStaffPin({ newPin: PIN })
    const error = await rejection(session.startPatientMode('7d3c2f7e-4a7b-4c36-9a55-0f5a3b2c1d0e'))
    expect(error.code).toBe('not-found')
    expect(session.context().role).toBe('staff')
  })

  it('locks the session to the intake and ends only with the staff PIN', async () => {
    const id = await inPatientMode()
    expect(session.context()).toEqual({ role: 'patient', lockedIntakeId: id })
    expect(await session.state()).toEqual({ role: 'patient', intakeId: id, staffPinSet: true })

    expect((await rejection(session.exitPatientMode(WRONG))).code).toBe('forbidden')
    expect(session.context()).toEqual({ role: 'patient', lockedIntakeId: id })

    await session.exitPatientMode(PIN)
    expect(session.context()).toEqual({ role: 'staff', lockedIntakeId: null })
    expect(rawSettings()['patientModeIntakeId']).toBeUndefined()
  })

  it('survives re-creating the service over the same settings store', async () => {
    const id = await inPatientMode()

    const restarted = await createSessionService(settings, intakes, clock)

    expect(restarted.context()).toEqual({ role: 'patient', lockedIntakeId: id })
    expect(await restarted.state()).toEqual({ role: 'patient', intakeId: id, staffPinSet: true })
  })

  it('survives closing and reopening the database file, and exits there with the PIN', async () => {
    const id = await inPatientMode()
    db.close()

    db = openDatabase(file)
    settings = createSqliteSettingsStore(db)
    intakes = createSqliteIntakeService(db, { now: steppingClock().now })
    const restarted = await createSessionService(settings, intakes, clock)
    expect(restarted.context()).toEqual({ role: 'patient', lockedIntakeId: id })

    await restarted.exitPatientMode(PIN)
    const again = await createSessionService(settings, intakes, clock)
    expect(again.context()).toEqual({ role: 'staff', lockedIntakeId: null })
  })

  it('tells the listener when patient mode starts and ends, and not when it is refused', async () => {
    const changes: unknown[] = []
    const watched = await createSessionService(settings, intakes, clock, (state) =>
      changes.push(state)
    )
    const id = await draftId()

    await rejection(watched.startPatientMode(id))
    await watched.setStaffPin({ newPin: PIN })
    expect(changes).toEqual([])

    await watched.startPatientMode(id)
    await rejection(watched.exitPatientMode(WRONG))
    await watched.exitPatientMode(PIN)

    expect(changes).toEqual([
      { role: 'patient', intakeId: id, staffPinSet: true },
      { role: 'staff', intakeId: null, staffPinSet: true }
    ])
  })

  it('cannot be exited before a PIN exists', async () => {
    const error = await rejection(session.exitPatientMode(PIN))
    expect(error.code).toBe('conflict')
  })
})
