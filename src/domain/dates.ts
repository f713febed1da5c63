/**
 * Calendar dates as the intake stores them: `YYYY-MM-DD` strings with no time
 * and no zone. A date of birth is a calendar day, not an instant, so working on
 * the three numbers avoids the classic off-by-one of parsing it as UTC midnight
 * and reading it back in local time.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

interface CalendarDay {
  readonly year: number
  readonly month: number
  readonly day: number
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function parseIsoDate(s: string): CalendarDay | null {
  const match = ISO_DATE.exec(s)
  if (match === null) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  // Year 0000 is nobody's birthday or onset; rejecting it keeps arithmetic on real years.
  if (year < 1 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/**
 * Whether `s` is a date the intake can store: exactly `YYYY-MM-DD` and a day
 * that exists in the (proleptic Gregorian) calendar, so `2025-02-29` or
 * `2025-04-31` are refused rather than silently rolled over as `Date` would.
 */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null
}

/**
 * Age in whole years on `asOf`, the way people count birthdays: the age goes
 * up on the birthday itself. Someone born on 29 February gains a year on
 * 1 March in non-leap years (the common legal convention, e.g. in the UK), so
 * an age threshold is never crossed early.
 *
 * @returns `null` when either date is not a valid ISO date or the birth is
 * after `asOf`, so callers treat "age unknown" as unknown rather than as 0.
 */
export function ageOn(dateOfBirth: string, asOf: string): number | null {
  const birth = parseIsoDate(dateOfBirth)
  const on = parseIsoDate(asOf)
  if (birth === null || on === null) return null
  if (compareDays(birth, on) > 0) return null
  const birthdayReached =
    on.month > birth.month || (on.month === birth.month && on.day >= birth.day)
  return on.year - birth.year - (birthdayReached ? 0 : 1)
}

function compareDays(a: CalendarDay, b: CalendarDay): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day)
}

/**
 * Orders two ISO dates (`-1`, `0` or `1`) for sorting and for "not in the
 * future" checks. Valid `YYYY-MM-DD` strings sort correctly as text, which is
 * all this relies on; pass dates checked with {@link isIsoDate}.
 */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0
  return a < b ? -1 : 1
}

/**
 * The calendar date the person at this computer sees on their clock. A clinic
 * records "today" in its own time zone: at 00:30 local time in Auckland the
 * UTC date is still yesterday, and a child born that day must not be refused
 * as "born in the future". Takes `now` so the domain stays free of hidden clocks.
 */
export function todayIso(now: Date): string {
  const year = String(now.getFullYear()).padStart(4, '0')
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${year}-${month}-${day}`
}
