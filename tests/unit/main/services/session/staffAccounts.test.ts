/**
 * Staff accounts on a real, migrated SQLite file: creating them, checking a
 * sign-in, the growing lockout (on a clock the test moves by hand), and the
 * rules that keep the clinic from locking itself out of its own app.
 */
import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { verifySecret } from '../../../../../electron/main/services/session/secretHash'
import {
  SignInRefused,
  createStaffAccounts,
  type StaffAccounts
} from '../../../../../electron/main/services/session/staffAccounts'
import { rejection } from '../../support/rejection'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('staff-accounts')

const ADMIN = { name: 'Ana Ruiz', secret: 'correct horse battery' }
const DESK = { name: 'Ben Okafor', secret: '274951' }
const WRONG_MESSAGE = 'That name and password or PIN do not match an account.'
const LOCKED = /^Too many wrong attempts for this name\. Try again in /
/** scrypt at the app's cost takes about a tenth of a second: tests with many checks need time. */
const SLOW = 60_000

/** A clock the test moves by hand, so each lockout is checked to the millisecond. */
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
let clock: ReturnType<typeof manualClock>
let accounts: StaffAccounts

beforeEach(() => {
  file = path.join(tempDir(), 'staff.sqlite')
  db = openDatabase(file)
  clock = manualClock()
  accounts = createStaffAccounts(db, { now: clock.now })
  return () => {
    if (db.open) db.close()
  }
})

interface RawStaffRow {
  id: string
  name: string
  name_key: string
  role: string
  secret_hash: string
  secret_kind: string
  active: number
  failed_attempts: number
  locked_until: number
  last_sign_in_at: string | null
}

function rawRows(): RawStaffRow[] {
  return db.prepare<[], RawStaffRow>('SELECT * FROM staff ORDER BY created_at, name').all()
}

function rawRow(id: string): RawStaffRow {
  const row = db.prepare<[string], RawStaffRow>('SELECT * FROM staff WHERE id = ?').get(id)
  if (!row) throw new Error(`no staff row ${id}`)
  return row
}

/** Awaits a sign-in that must be refused, and returns the refusal. */
async function refusal(promise: Promise<unknown>): Promise<SignInRefused> {
  const error = await rejection(promise)
  if (!(error instanceof SignInRefused))
    throw new Error(`expected SignInRefused, got ${error.message}`)
  return error
}

async function withAdminAndDesk(): Promise<{ adminId: string; deskId: string }> {
  const admin = await accounts.add({ ...ADMIN, role: 'administrator' })
  const desk = await accounts.add({ ...DESK, role: 'front-desk' })
  return { adminId: admin.id, deskId: desk.id }
}

describe('adding accounts', () => {
  it('needs the first account to be an administrator', async () => {
    for (const role of ['front-desk', 'clinician'] as const) {
      const error = await rejection(accounts.add({ ...DESK, role }))
      expect(error.code).toBe('conflict')
      expect(error.message).toBe('The first account must be an administrator.')
    }
    expect(accounts.count()).toBe(0)
    expect(rawRows()).toEqual([])

    const admin = await accounts.add({ ...ADMIN, role: 'administrator' })
    expect(admin).toEqual({
      id: expect.any(String) as string,
      name: 'Ana Ruiz',
      role: 'administrator',
      active: true,
      secretKind: 'password',
      createdAt: '2026-11-20T10:00:00.000Z',
      lastSignInAt: null
    })
    // After that, any role.
    expect((await accounts.add({ ...DESK, role: 'front-desk' })).role).toBe('front-desk')
    expect(accounts.count()).toBe(2)
  })

  it('stores the name tidied, and refuses the same name again whatever its case and spacing', async () => {
    const admin = await accounts.add({
      name: '  Ana   Ruiz ',
      secret: ADMIN.secret,
      role: 'administrator'
    })
    expect(admin.name).toBe('Ana Ruiz')

    for (const name of ['Ana Ruiz', 'ana ruiz', '  ANA  RUIZ', 'Ａｎａ Ｒｕｉｚ']) {
      const error = await rejection(accounts.add({ name, secret: '583920', role: 'front-desk' }))
      expect({ name, code: error.code }).toEqual({ name, code: 'invalid-argument' })
      expect(error.issues).toEqual([
        {
          itemId: 'name',
          code: 'duplicate-code',
          message: 'An account with this name already exists.'
        }
      ])
    }
    expect(accounts.count()).toBe(1)
  })

  it('refuses a trivial PIN, a short password and an empty name, naming the field, and adds nothing', async () => {
    await accounts.add({ ...ADMIN, role: 'administrator' })
    const cases = [
      { name: 'Ben Okafor', secret: '123456', itemId: 'secret' },
      { name: 'Ben Okafor', secret: '111111', itemId: 'secret' },
      { name: 'Ben Okafor', secret: '1357', itemId: 'secret' },
      { name: 'Ben Okafor', secret: 'short', itemId: 'secret' },
      { name: 'Ben Okafor', secret: 'ben okafor', itemId: 'secret' },
      { name: '   ', secret: '274951', itemId: 'name' }
    ]
    for (const { name, secret, itemId } of cases) {
      const error = await rejection(accounts.add({ name, secret, role: 'front-desk' }))
      expect({ secret, code: error.code }).toEqual({ secret, code: 'invalid-argument' })
      expect(error.issues?.map((issue) => issue.itemId)).toEqual([itemId])
      expect(error.message).not.toContain(secret.trim() === '' ? '\u0000' : secret)
    }
    expect(accounts.count()).toBe(1)
  })

  it('stores only an scrypt hash, never the secret, and never shows the hash', async () => {
    const { adminId, deskId } = await withAdminAndDesk()

    for (const [id, secret, kind] of [
      [adminId, ADMIN.secret, 'password'],
      [deskId, DESK.secret, 'pin']
    ] as const) {
      const row = rawRow(id)
      expect(row.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
      expect(row.secret_hash).not.toContain(secret)
      expect(JSON.stringify(row)).not.toContain(secret)
      expect(row.secret_kind).toBe(kind)
      expect(await verifySecret(secret, row.secret_hash)).toBe(true)
    }
    // The same secret twice gives two different hashes (a fresh salt each time).
    const again = await accounts.add({ name: 'Cleo Park', secret: DESK.secret, role: 'clinician' })
    expect(rawRow(again.id).secret_hash).not.toBe(rawRow(deskId).secret_hash)

    for (const member of [...accounts.list(), accounts.find(adminId)]) {
      expect(Object.keys(member ?? {}).sort()).toEqual(
        ['active', 'createdAt', 'id', 'lastSignInAt', 'name', 'role', 'secretKind'].sort()
      )
    }
  })
})

describe('verify', () => {
  it('returns who signed in for the right secret, with any case or spacing of the name', async () => {
    const { adminId } = await withAdminAndDesk()

    expect(await accounts.verify(ADMIN)).toEqual({
      id: adminId,
      name: 'Ana Ruiz',
      role: 'administrator'
    })
    expect((await accounts.verify({ name: '  ana  RUIZ ', secret: ADMIN.secret })).id).toBe(adminId)
    expect(accounts.find(adminId)?.lastSignInAt).toBe('2026-11-20T10:00:00.000Z')
  })

  it('refuses a wrong secret and an unknown name with the same message', async () => {
    const { deskId } = await withAdminAndDesk()

    const wrong = await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
    const unknown = await refusal(accounts.verify({ name: 'Nobody Here', secret: DESK.secret }))
    const empty = await refusal(accounts.verify({ name: '', secret: '' }))

    expect(wrong.code).toBe('forbidden')
    expect(wrong.message).toBe(WRONG_MESSAGE)
    expect([wrong.reason, wrong.staffId]).toEqual(['wrong-secret', deskId])
    expect(unknown.code).toBe('forbidden')
    expect(unknown.message).toBe(WRONG_MESSAGE)
    expect([unknown.reason, unknown.staffId]).toEqual(['unknown-name', null])
    expect(empty.message).toBe(WRONG_MESSAGE)
    // The secret is case-sensitive: only the name is not.
    expect(
      (await refusal(accounts.verify({ name: ADMIN.name, secret: ADMIN.secret.toUpperCase() })))
        .reason
    ).toBe('wrong-secret')
  })

  it(
    'locks for 30 s, 1 min, 5 min, then 15 min as wrong guesses go on, refusing even the right secret',
    async () => {
      const { deskId } = await withAdminAndDesk()
      const guess = (): Promise<SignInRefused> =>
        refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
      const right = (): Promise<unknown> => accounts.verify(DESK)

      // Four in a row cost nothing.
      for (let i = 1; i <= 4; i++) {
        expect((await guess()).message).toBe(WRONG_MESSAGE)
        const row = rawRow(deskId)
        expect(row.failed_attempts).toBe(i)
        // Not locked: the time it is locked until has already come.
        expect(row.locked_until).toBeLessThanOrEqual(clock.now().getTime())
      }
      const steps = [
        { failures: 5, ms: 30_000, says: '30 seconds' },
        { failures: 6, ms: 60_000, says: '60 seconds' },
        { failures: 7, ms: 5 * 60_000, says: '5 minutes' },
        { failures: 8, ms: 15 * 60_000, says: '15 minutes' },
        { failures: 9, ms: 15 * 60_000, says: '15 minutes' }
      ]
      for (const { failures, ms, says } of steps) {
        expect((await guess()).message).toBe(WRONG_MESSAGE)
        expect(rawRow(deskId).failed_attempts).toBe(failures)

        const locked = await refusal(right())
        expect(locked.message).toMatch(LOCKED)
        expect(locked.message).toContain(says)
        expect([locked.reason, locked.staffId]).toEqual(['locked', deskId])
        clock.advance(ms - 1)
        expect((await refusal(right())).message).toMatch(LOCKED)
        // A guess while locked is not even checked, and does not count.
        expect((await guess()).reason).toBe('locked')
        expect(rawRow(deskId).failed_attempts).toBe(failures)
        clock.advance(1)
      }

      // The right secret once the time has passed: signed in, and the count starts again.
      expect((await accounts.verify(DESK)).id).toBe(deskId)
      expect(rawRow(deskId)).toMatchObject({ failed_attempts: 0, locked_until: 0 })
      for (let i = 0; i < 4; i++) expect((await guess()).message).toBe(WRONG_MESSAGE)
      expect((await accounts.verify(DESK)).id).toBe(deskId)
    },
    SLOW
  )

  it(
    'locks one account only: the others still sign in',
    async () => {
      const { adminId } = await withAdminAndDesk()
      for (let i = 0; i < 5; i++)
        await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
      expect((await refusal(accounts.verify(DESK))).reason).toBe('locked')
      expect((await accounts.verify(ADMIN)).id).toBe(adminId)
    },
    SLOW
  )

  it(
    'keeps the count and the lockout across a restart',
    async () => {
      const { deskId } = await withAdminAndDesk()
      for (let i = 0; i < 3; i++)
        await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
      db.close()

      db = openDatabase(file)
      accounts = createStaffAccounts(db, { now: clock.now })
      expect(rawRow(deskId).failed_attempts).toBe(3)
      for (let i = 0; i < 2; i++)
        await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
      db.close()

      db = openDatabase(file)
      accounts = createStaffAccounts(db, { now: clock.now })
      const locked = await refusal(accounts.verify(DESK))
      expect(locked.message).toMatch(LOCKED)
      expect(locked.message).toContain('30 seconds')
      clock.advance(30_000)
      expect((await accounts.verify(DESK)).id).toBe(deskId)
    },
    SLOW
  )

  it(
    'locks an unknown name exactly like a real one, so the answers do not tell them apart',
    async () => {
      await withAdminAndDesk()
      const attempt = async (name: string): Promise<string> => {
        const error = await refusal(accounts.verify({ name, secret: '583920' }))
        return error.message
      }

      const known: string[] = []
      const unknown: string[] = []
      for (let i = 0; i < 7; i++) {
        known.push(await attempt(DESK.name))
        // Case and spacing do not make a fresh name to guess with.
        unknown.push(await attempt(i % 2 === 0 ? 'Nobody Here' : '  NOBODY   here'))
      }

      expect(unknown).toEqual(known)
      expect(known.slice(0, 5)).toEqual(Array(5).fill(WRONG_MESSAGE))
      expect(known[5]).toMatch(LOCKED)
      expect(known[5]).toContain('30 seconds')

      clock.advance(30_000)
      expect(await attempt('Nobody Here')).toBe(WRONG_MESSAGE)
      expect(await attempt('Nobody Here')).toContain('60 seconds')
    },
    SLOW
  )

  it(
    'checks guesses sent all at once one at a time: the lockout still applies',
    async () => {
      const { deskId } = await withAdminAndDesk()
      const guesses = [
        ...Array.from({ length: 20 }, (_, i) => ({
          name: DESK.name,
          secret: String(583_920 + i * 7)
        })),
        DESK
      ]

      const outcomes = await Promise.allSettled(
        guesses.map((credentials) => accounts.verify(credentials))
      )

      expect(outcomes.map((outcome) => outcome.status)).toEqual(
        Array(guesses.length).fill('rejected')
      )
      const reasons = outcomes.map((outcome) =>
        outcome.status === 'rejected' && outcome.reason instanceof SignInRefused
          ? outcome.reason.reason
          : null
      )
      // Five wrong guesses are checked; everything after, the right secret included, meets the lock.
      expect(reasons).toEqual([...Array(5).fill('wrong-secret'), ...Array(16).fill('locked')])
      expect(rawRow(deskId).failed_attempts).toBe(5)
    },
    SLOW
  )

  it('tells a turned-off account so only after the right secret', async () => {
    const { deskId } = await withAdminAndDesk()
    accounts.update(deskId, { active: false })

    const wrong = await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
    expect(wrong.message).toBe(WRONG_MESSAGE)
    expect(wrong.reason).toBe('wrong-secret')

    const inactive = await refusal(accounts.verify(DESK))
    expect(inactive.code).toBe('forbidden')
    expect(inactive.message).toBe('This account has been turned off. Ask an administrator.')
    expect([inactive.reason, inactive.staffId]).toEqual(['inactive', deskId])
    expect(rawRow(deskId).last_sign_in_at).toBeNull()

    accounts.update(deskId, { active: true })
    expect((await accounts.verify(DESK)).id).toBe(deskId)
  })
})

describe('changing accounts', () => {
  it('changes a role and turns an account off and on', async () => {
    const { deskId } = await withAdminAndDesk()

    expect(accounts.update(deskId, { role: 'clinician' })).toMatchObject({
      role: 'clinician',
      active: true
    })
    expect(accounts.update(deskId, { active: false })).toMatchObject({
      role: 'clinician',
      active: false
    })
    expect(rawRow(deskId)).toMatchObject({ role: 'clinician', active: 0 })
    expect(accounts.update(deskId, {})).toMatchObject({ role: 'clinician', active: false })
  })

  it('never demotes or turns off the last active administrator', async () => {
    const { adminId } = await withAdminAndDesk()

    for (const changes of [
      { role: 'clinician' as const },
      { role: 'front-desk' as const },
      { active: false }
    ]) {
      const error = await rejection(Promise.resolve().then(() => accounts.update(adminId, changes)))
      expect({ changes, code: error.code }).toEqual({ changes, code: 'conflict' })
      expect(error.message).toMatch(/only active administrator/)
    }
    expect(rawRow(adminId)).toMatchObject({ role: 'administrator', active: 1 })
    // Keeping the role (or turning it on) is no loss.
    expect(accounts.update(adminId, { role: 'administrator', active: true }).role).toBe(
      'administrator'
    )
  })

  it('lets one of two administrators step down, but not the second, and an inactive one does not count', async () => {
    const { adminId } = await withAdminAndDesk()
    const second = await accounts.add({
      name: 'Dee Mensah',
      secret: 'another long secret',
      role: 'administrator'
    })
    const third = await accounts.add({
      name: 'Eli Novak',
      secret: 'yet another secret',
      role: 'administrator'
    })
    accounts.update(third.id, { active: false })

    expect(accounts.update(second.id, { role: 'clinician' }).role).toBe('clinician')
    expect(
      (await rejection(Promise.resolve().then(() => accounts.update(adminId, { active: false }))))
        .code
    ).toBe('conflict')
    // Turning the inactive administrator back on makes two again.
    accounts.update(third.id, { active: true })
    expect(accounts.update(adminId, { role: 'front-desk' }).role).toBe('front-desk')
  })

  it('answers not-found for an account that does not exist', async () => {
    await withAdminAndDesk()
    const missing = '7d3c2f7e-4a7b-4c36-9a55-0f5a3b2c1d0e'
    expect(
      (await rejection(Promise.resolve().then(() => accounts.update(missing, { active: false }))))
        .code
    ).toBe('not-found')
    expect((await rejection(accounts.setSecret(missing, '583920'))).code).toBe('not-found')
    expect(accounts.find(missing)).toBeNull()
  })

  it(
    'sets a new secret that works at once, ends a lockout, and retires the old one',
    async () => {
      const { deskId } = await withAdminAndDesk()
      for (let i = 0; i < 8; i++)
        await refusal(accounts.verify({ name: DESK.name, secret: '583920' }))
      expect((await refusal(accounts.verify(DESK))).reason).toBe('locked')

      const updated = await accounts.setSecret(deskId, 'a brand new password')

      expect(updated.secretKind).toBe('password')
      expect(rawRow(deskId)).toMatchObject({
        failed_attempts: 0,
        locked_until: 0,
        secret_kind: 'password'
      })
      expect((await accounts.verify({ name: DESK.name, secret: 'a brand new password' })).id).toBe(
        deskId
      )
      expect((await refusal(accounts.verify(DESK))).reason).toBe('wrong-secret')
    },
    SLOW
  )

  it('refuses a weak new secret and keeps the old one', async () => {
    const { deskId } = await withAdminAndDesk()
    const before = rawRow(deskId).secret_hash

    for (const secret of ['123123', '12345', 'Ben Okafor', 'ben  okafor']) {
      const error = await rejection(accounts.setSecret(deskId, secret))
      expect({ secret, code: error.code }).toEqual({ secret, code: 'invalid-argument' })
      expect(error.issues?.[0]?.itemId).toBe('secret')
    }
    expect(rawRow(deskId).secret_hash).toBe(before)
    expect(await accounts.verify(DESK)).toMatchObject({ id: deskId })
  })

  it('is a ServiceError the dispatcher can type', async () => {
    await withAdminAndDesk()
    const error = await refusal(accounts.verify({ name: DESK.name, secret: 'nope' }))
    expect(error).toBeInstanceOf(ServiceError)
  })
})
