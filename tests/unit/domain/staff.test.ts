/**
 * The staff rules of the domain: which PINs are too easy, what a new
 * password or PIN must be, how long a lockout lasts, how roles build on each
 * other and when two sign-in names are the same account.
 */
import { describe, expect, it } from 'vitest'
import {
  PASSWORD_MIN_LENGTH,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  SECRET_MAX_LENGTH,
  STAFF_NAME_MAX_LENGTH,
  STAFF_ROLES,
  isTrivialPin,
  lockoutAfterFailures,
  normaliseStaffName,
  roleIncludes,
  rolesFrom,
  secretIssues,
  secretKindOf,
  staffNameIssues,
  staffNameKey,
  type CallerRole,
  type StaffRole
} from '../../../src/domain/staff'

describe('isTrivialPin', () => {
  it.each([
    ['111111', 'one digit repeated'],
    ['000000', 'zeros'],
    ['123456', 'a run up'],
    ['987654', 'a run down'],
    ['890123', 'a run up that wraps from 9 to 0'],
    ['210987', 'a run down that wraps from 0 to 9'],
    ['121212', 'a pair repeated'],
    ['123123', 'a triple repeated'],
    ['12341234', 'a group of four repeated'],
    ['123456789012', 'twelve digits running up'],
    ['505050505050', 'a pair repeated six times']
  ])('%s is trivial (%s)', (pin) => {
    expect(isTrivialPin(pin)).toBe(true)
  })

  it.each(['274951', '246813', '9081726354', '11112222', '123457', '121213', '12341235'])(
    '%s is not trivial',
    (pin) => {
      expect(isTrivialPin(pin)).toBe(false)
    }
  )
})

describe('secretKindOf', () => {
  it('calls digits only a PIN and anything else a password', () => {
    expect(secretKindOf('274951')).toBe('pin')
    expect(secretKindOf('27495l')).toBe('password')
    expect(secretKindOf(' 274951')).toBe('password')
    expect(secretKindOf('')).toBe('password')
    // Other scripts' digits are not ASCII digits: that is a password.
    expect(secretKindOf('٢٧٤٩٥١')).toBe('password')
  })
})

describe('secretIssues', () => {
  const codesOf = (secret: string, name?: string): string[] =>
    secretIssues(secret, name).map((issue) => issue.code)

  it('accepts a PIN of 6 and of 12 digits, and refuses 5 and 13', () => {
    expect(PIN_MIN_LENGTH).toBe(6)
    expect(PIN_MAX_LENGTH).toBe(12)
    expect(secretIssues('274951')).toEqual([])
    expect(secretIssues('274951836024')).toEqual([])
    expect(codesOf('27495')).toEqual(['out-of-range'])
    expect(codesOf('2749518360247')).toEqual(['out-of-range'])
    expect(secretIssues('27495')[0]?.itemId).toBe('secret')
    expect(secretIssues('27495')[0]?.message).toMatch(/6 to 12 digits/)
  })

  it('refuses a trivial PIN even at a valid length', () => {
    for (const pin of ['111111', '123456', '987654', '890123', '121212', '123123', '12341234']) {
      expect({ pin, codes: codesOf(pin) }).toEqual({ pin, codes: ['out-of-range'] })
      expect(secretIssues(pin)[0]?.message).toMatch(/too easy to guess/)
    }
  })

  it('needs a password of at least 10 characters: 9 is too short, 10 is enough', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10)
    expect(codesOf('river-bed')).toEqual(['out-of-range'])
    expect(secretIssues('river-bed')[0]?.message).toMatch(/at least 10 characters/)
    expect(secretIssues('river-beds')).toEqual([])
  })

  it('counts characters, not UTF-16 units: 9 emoji are too short', () => {
    expect(codesOf('🐟'.repeat(9))).toEqual(['out-of-range'])
    expect(secretIssues('🐟🐠'.repeat(5))).toEqual([])
  })

  it('refuses an empty secret', () => {
    expect(codesOf('')).toEqual(['out-of-range'])
  })

  it('refuses a password that is one character repeated', () => {
    expect(codesOf('aaaaaaaaaaaa')).toEqual(['out-of-range'])
    expect(secretIssues('aaaaaaaaaaaa')[0]?.message).toMatch(/one character repeated/)
    expect(secretIssues('aaaaaaaaaaab')).toEqual([])
  })

  it('refuses a password that is the name, whatever its case and spacing', () => {
    const name = 'Margaret Okafor'
    expect(codesOf('Margaret Okafor', name)).toEqual(['out-of-range'])
    expect(codesOf('margaret okafor', name)).toEqual(['out-of-range'])
    expect(codesOf('  MARGARET   OKAFOR ', name)).toEqual(['out-of-range'])
    expect(secretIssues('margaret okafor', name)[0]?.message).toMatch(/cannot be the name/)
    // Without a name, or with another one, the same text is a fine password.
    expect(secretIssues('margaret okafor')).toEqual([])
    expect(secretIssues('margaret okafor', 'Ana Ruiz')).toEqual([])
    expect(secretIssues('margaret okafor!', name)).toEqual([])
  })

  it('refuses a password with control characters', () => {
    expect(codesOf('river\u0000beds!')).toEqual(['wrong-type'])
    expect(codesOf('river\u007fbeds!')).toEqual(['wrong-type'])
    expect(codesOf('river\tbeds-and-more')).toEqual(['wrong-type'])
  })

  it('refuses a password with a line feed, which no sign-in field can type', () => {
    // The message says a password "cannot hold control characters"; a line
    // feed is one, and a password holding it could never be typed again.
    expect(codesOf('river\nbeds-and-more')).toEqual(['wrong-type'])
    expect(codesOf('river beds\n')).toEqual(['wrong-type'])
  })

  it(`refuses anything longer than ${SECRET_MAX_LENGTH} characters`, () => {
    expect(secretIssues('a1'.repeat(SECRET_MAX_LENGTH / 2))).toEqual([])
    expect(codesOf(`a1${'a1'.repeat(SECRET_MAX_LENGTH / 2)}`)).toEqual(['too-long'])
    expect(codesOf('7'.repeat(SECRET_MAX_LENGTH + 1))).toEqual(['too-long'])
  })

  it('never repeats the secret in a message', () => {
    const secrets: readonly (readonly [string, string?])[] = [
      ['27495'],
      ['2749518360247'],
      ['121212'],
      ['890123'],
      ['river-bed'],
      ['qqqqqqqqqqqq'],
      ['Margaret Okafor', 'Margaret Okafor'],
      ['river\u0000beds!'],
      [`secret-${'x'.repeat(SECRET_MAX_LENGTH)}`]
    ]
    for (const [secret, name] of secrets) {
      const issues = secretIssues(secret, name)
      expect({ secret, count: issues.length }).toEqual({ secret, count: 1 })
      for (const issue of issues) {
        expect(issue.message).not.toContain(secret)
        expect(issue.itemId).toBe('secret')
      }
    }
  })
})

describe('lockoutAfterFailures', () => {
  it('is free for the first four failures in a row', () => {
    for (const failures of [0, 1, 2, 3, 4]) expect(lockoutAfterFailures(failures)).toBe(0)
  })

  it('then locks for 30 s, 1 min, 5 min and 15 min, and 15 min for every failure after', () => {
    expect(lockoutAfterFailures(5)).toBe(30_000)
    expect(lockoutAfterFailures(6)).toBe(60_000)
    expect(lockoutAfterFailures(7)).toBe(5 * 60_000)
    expect(lockoutAfterFailures(8)).toBe(15 * 60_000)
    expect(lockoutAfterFailures(9)).toBe(15 * 60_000)
    expect(lockoutAfterFailures(50)).toBe(15 * 60_000)
    expect(lockoutAfterFailures(1_000_000)).toBe(15 * 60_000)
  })

  it('never shortens as failures go on', () => {
    let previous = 0
    for (let failures = 0; failures < 40; failures++) {
      const ms = lockoutAfterFailures(failures)
      expect(ms).toBeGreaterThanOrEqual(previous)
      previous = ms
    }
  })
})

describe('roles', () => {
  const CALLERS: readonly CallerRole[] = ['signed-out', 'patient', ...STAFF_ROLES]

  it('lists the staff roles lowest first', () => {
    expect(STAFF_ROLES).toEqual(['front-desk', 'clinician', 'administrator'])
  })

  it('builds each role on the ones below it; signed-out and patient include none', () => {
    const table = Object.fromEntries(
      CALLERS.map((caller) => [
        caller,
        Object.fromEntries(STAFF_ROLES.map((needed) => [needed, roleIncludes(caller, needed)]))
      ])
    )
    expect(table).toEqual({
      'signed-out': { 'front-desk': false, clinician: false, administrator: false },
      patient: { 'front-desk': false, clinician: false, administrator: false },
      'front-desk': { 'front-desk': true, clinician: false, administrator: false },
      clinician: { 'front-desk': true, clinician: true, administrator: false },
      administrator: { 'front-desk': true, clinician: true, administrator: true }
    })
  })

  it('rolesFrom names every role that includes the one needed', () => {
    expect(rolesFrom('front-desk')).toEqual(['front-desk', 'clinician', 'administrator'])
    expect(rolesFrom('clinician')).toEqual(['clinician', 'administrator'])
    expect(rolesFrom('administrator')).toEqual(['administrator'])
    for (const needed of STAFF_ROLES) {
      const expected: StaffRole[] = STAFF_ROLES.filter((role) => roleIncludes(role, needed))
      expect(rolesFrom(needed)).toEqual(expected)
    }
  })
})

describe('staff names', () => {
  it('normalises a name: trimmed, inner spaces made one, NFC', () => {
    expect(normaliseStaffName('  Ana \t  Ruiz  ')).toBe('Ana Ruiz')
    expect(normaliseStaffName('Jose\u0301')).toBe('José')
  })

  it('gives the same key to names that differ only in case, spacing and Unicode form', () => {
    const key = staffNameKey('Ana Ruiz')
    expect(key).toBe('ana ruiz')
    expect(staffNameKey('  ANA   ruiz ')).toBe(key)
    expect(staffNameKey('Ａｎａ Ｒｕｉｚ')).toBe(key)
    expect(staffNameKey('José Núñez')).toBe(staffNameKey('JOSE\u0301 NU\u0301N\u0303EZ'))
  })

  it('gives different names different keys', () => {
    expect(staffNameKey('Ana Ruiz')).not.toBe(staffNameKey('Ana Ruíz'))
    expect(staffNameKey('Ana Ruiz')).not.toBe(staffNameKey('AnaRuiz'))
    expect(staffNameKey('Ana Ruiz')).not.toBe(staffNameKey('Ana Ruiz 2'))
  })

  it('refuses an empty name, an overlong one and one with control characters', () => {
    expect(staffNameIssues('Ana Ruiz')).toEqual([])
    expect(staffNameIssues('   ').map((issue) => issue.code)).toEqual(['required'])
    expect(staffNameIssues('n'.repeat(STAFF_NAME_MAX_LENGTH))).toEqual([])
    expect(
      staffNameIssues('n'.repeat(STAFF_NAME_MAX_LENGTH + 1)).map((issue) => issue.code)
    ).toEqual(['too-long'])
    expect(staffNameIssues('Ana\u0007Ruiz').map((issue) => issue.code)).toEqual(['wrong-type'])
  })
})
