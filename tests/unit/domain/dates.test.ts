import { afterEach, describe, expect, it } from 'vitest'
import { ageOn, compareIsoDates, isIsoDate, todayIso } from '../../../src/domain'

describe('isIsoDate', () => {
  it.each(['2026-11-20', '2024-02-29', '2000-02-29', '1900-02-28', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => {
      expect(isIsoDate(s)).toBe(true)
    }
  )

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-01',
    '2026-01-00',
    '0000-01-01',
    '2026-1-01',
    '26-01-01',
    '2026-01-01 ',
    '2026-01-01T00:00',
    '２０２６-01-01',
    ''
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false)
  })
})

describe('ageOn', () => {
  it('adds a year on the birthday itself, not the day before', () => {
    expect(ageOn('1976-11-20', '2026-11-19')).toBe(49)
    expect(ageOn('1976-11-20', '2026-11-20')).toBe(50)
    expect(ageOn('1976-12-01', '2026-11-30')).toBe(49)
    expect(ageOn('1976-10-31', '2026-11-01')).toBe(50)
  })

  it('counts a 29 February birthday on 1 March in non-leap years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24)
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25)
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28)
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27)
  })

  it('is 0 on the day of birth and null before it or for invalid dates', () => {
    expect(ageOn('2026-11-20', '2026-11-20')).toBe(0)
    expect(ageOn('2026-11-21', '2026-11-20')).toBeNull()
    expect(ageOn('2025-02-29', '2026-11-20')).toBeNull()
    expect(ageOn('1990-01-01', 'today')).toBeNull()
  })
})

describe('compareIsoDates', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-10')).toBe(-1)
    expect(compareIsoDates('2026-11-20', '2026-11-20')).toBe(0)
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1)
  })
})

describe('todayIso', () => {
  const originalTz = process.env['TZ']
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ']
    else process.env['TZ'] = originalTz
  })

  it('formats the local date with zero padding', () => {
    expect(todayIso(new Date(2026, 0, 5, 0, 0, 1))).toBe('2026-01-05')
    expect(todayIso(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31')
  })

  it('uses the local calendar date, not the UTC one', () => {
    // 11:30 UTC on 1 January is 00:30 on 2 January in Auckland (UTC+13 in summer).
    process.env['TZ'] = 'Pacific/Auckland'
    expect(todayIso(new Date('2026-01-01T11:30:00Z'))).toBe('2026-01-02')
    // 03:00 UTC on 1 January is still 31 December in Los Angeles.
    process.env['TZ'] = 'America/Los_Angeles'
    expect(todayIso(new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31')
  })
})
