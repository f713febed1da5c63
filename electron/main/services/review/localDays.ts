/**
 * Local calendar days as the UTC instants the database stores. The clinic
 * thinks in its own days ("today's intakes"), while every time in the
 * database is an ISO-8601 UTC instant; a day is the half-open range from its
 * local midnight to the next one.
 */
import { isIsoDate } from '../../../../src/domain'
import { ServiceError } from '../serviceError'

/** A half-open range of UTC instants, `[from, to)`, as stored (ISO-8601). */
export interface InstantRange {
  readonly from: string
  readonly to: string
}

const MS_PER_DAY = 24 * 60 * 60 * 1000

/**
 * The instants from local midnight of `fromDate` to local midnight after
 * `toDate` (both `YYYY-MM-DD`, inclusive). `Date` with local fields handles
 * the days a clock changes (23 or 25 hours), so no intake of such a day is
 * lost or counted twice.
 *
 * @throws ServiceError `invalid-argument` when a date is not a real calendar
 * day, the range runs backwards, or it spans more than `maxDays` days.
 */
export function localDayRange(fromDate: string, toDate: string, maxDays: number): InstantRange {
  if (!isIsoDate(fromDate) || !isIsoDate(toDate)) {
    throw new ServiceError('invalid-argument', 'A date must be a real calendar day (YYYY-MM-DD).')
  }
  if (fromDate > toDate) {
    throw new ServiceError('invalid-argument', 'The first day must not be after the last day.')
  }
  // Calendar arithmetic in UTC, where every day has 24 hours, so a clock
  // change inside the range cannot make it look a day shorter or longer.
  const days =
    (Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / MS_PER_DAY
  if (days + 1 > maxDays) {
    throw new ServiceError(
      'invalid-argument',
      `The range can cover at most ${maxDays} days; choose a shorter one.`
    )
  }
  const [fromYear, fromMonth, fromDay] = dateParts(fromDate)
  const [toYear, toMonth, toDay] = dateParts(toDate)
  return {
    from: localMidnight(fromYear, fromMonth - 1, fromDay).toISOString(),
    to: localMidnight(toYear, toMonth - 1, toDay + 1).toISOString()
  }
}

/**
 * One local calendar day as the UTC instants it starts and ends at (the
 * audit trail's and the day exports' days).
 *
 * @throws ServiceError `invalid-argument` when `date` is not a real calendar day.
 */
export function localDayBounds(date: string): InstantRange {
  if (!isIsoDate(date)) {
    throw new ServiceError('invalid-argument', 'The date must be a real calendar day (YYYY-MM-DD).')
  }
  const [year, month, day] = dateParts(date)
  return {
    from: localMidnight(year, month - 1, day).toISOString(),
    to: localMidnight(year, month - 1, day + 1).toISOString()
  }
}

function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number]
}

/** Midnight local time; `setFullYear` because `new Date(y, ...)` reads years below 100 as 19xx. */
function localMidnight(year: number, monthIndex: number, day: number): Date {
  const midnight = new Date(0)
  midnight.setFullYear(year, monthIndex, day)
  midnight.setHours(0, 0, 0, 0)
  return midnight
}
