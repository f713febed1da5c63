/**
 * The typing side of a date typed as three boxes (day, month, year): the order
 * per language, reading a whole pasted date, and what is wrong with the boxes
 * before any calendar rule. Pure functions (no DOM), so they are unit-tested
 * on their own; the rules about which dates are allowed stay in the domain.
 */
import { isIsoDate } from '../../domain'

export type DatePart = 'day' | 'month' | 'year'

/** What the three boxes hold: digits only, possibly empty. */
export interface DateParts {
  readonly day: string
  readonly month: string
  readonly year: string
}

export const EMPTY_PARTS: DateParts = { day: '', month: '', year: '' }

/** How many digits each box takes. */
export const PART_DIGITS: Readonly<Record<DatePart, number>> = { day: 2, month: 2, year: 4 }

const DAY_FIRST: readonly DatePart[] = ['day', 'month', 'year']
const YEAR_FIRST: readonly DatePart[] = ['year', 'month', 'day']

/**
 * The boxes in the order people of that language write a date: the clinic's
 * English is British (23 4 1990), Spanish is the same, Chinese goes from the
 * year down (1990年4月23日). Unknown languages get the clinic's order.
 */
export function dateOrder(locale: string): readonly DatePart[] {
  return locale === 'zh' || locale.startsWith('zh-') ? YEAR_FIRST : DAY_FIRST
}

const PAD = (digits: string): string => digits.padStart(2, '0')

/** The stored form (`YYYY-MM-DD`) of three boxes, without checking that the day exists. */
export function toIsoText(parts: DateParts): string {
  return `${parts.year}-${PAD(parts.month)}-${PAD(parts.day)}`
}

const STORED = /^(\d{4})-(\d{2})-(\d{2})$/

/** The boxes for a stored `YYYY-MM-DD` answer (anything else gives empty boxes). */
export function partsOf(value: string | undefined): DateParts {
  const match = value === undefined ? null : STORED.exec(value)
  if (!match) return EMPTY_PARTS
  return { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' }
}

// Separators people type or paste between the numbers, after NFKC has turned
// full-width digits and slashes (from a Chinese keyboard) into plain ones.
const YEAR_FIRST_TEXT = /^(\d{4})\s*(?:[-/.\s]|年)\s*(\d{1,2})\s*(?:[-/.\s]|月)\s*(\d{1,2})\s*日?$/u
const DAY_FIRST_TEXT = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/u

/**
 * Reads a whole date pasted into any one box: `1990-04-23`, `1990/4/23`,
 * `1990年4月23日` (year first, unambiguous) or `23/04/1990`, `23.04.1990`,
 * `23 04 1990`, `23-04-1990` (day first, as the clinic writes it; a US
 * month-first date is not guessed at). Returns null for anything else, so
 * the paste of a single number goes into its box as usual.
 */
export function parseWholeDate(text: string): DateParts | null {
  const clean = text.normalize('NFKC').trim()
  const yearFirst = YEAR_FIRST_TEXT.exec(clean)
  if (yearFirst) {
    return { year: yearFirst[1] ?? '', month: yearFirst[2] ?? '', day: yearFirst[3] ?? '' }
  }
  const dayFirst = DAY_FIRST_TEXT.exec(clean)
  if (dayFirst) {
    return { day: dayFirst[1] ?? '', month: dayFirst[2] ?? '', year: dayFirst[3] ?? '' }
  }
  return null
}

/** Digits only, at most as many as the box takes (full-width digits count as digits). */
export function digitsFor(part: DatePart, text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '').slice(0, PART_DIGITS[part])
}

/** What the boxes say, before the calendar rules of the item (future, age, onset). */
export type DateReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'incomplete'; readonly missing: readonly DatePart[] }
  | { readonly kind: 'year-digits' }
  | { readonly kind: 'month-range'; readonly month: string }
  | { readonly kind: 'day-range'; readonly days: number }
  | { readonly kind: 'not-real' }
  | { readonly kind: 'date'; readonly iso: string }

/** The number of days in a month, found with the domain's own calendar (null if no day fits). */
function daysInMonth(year: string, month: string): number | null {
  return [31, 30, 29, 28].find((day) => isIsoDate(`${year}-${PAD(month)}-${day}`)) ?? null
}

/**
 * Reads the three boxes: nothing typed, something missing, a year that is not
 * four digits, a month or day that does not exist (31 April, 29 February 2025),
 * or a real calendar date in its stored form.
 */
export function readParts(parts: DateParts): DateReading {
  const missing = DAY_FIRST.filter((part) => parts[part] === '')
  if (missing.length === 3) return { kind: 'empty' }
  if (missing.length > 0) return { kind: 'incomplete', missing }
  if (parts.year.length !== 4) return { kind: 'year-digits' }
  const month = Number(parts.month)
  if (month < 1 || month > 12) return { kind: 'month-range', month: String(month) }
  const days = daysInMonth(parts.year, parts.month)
  if (days === null) return { kind: 'not-real' }
  const day = Number(parts.day)
  if (day < 1 || day > days) return { kind: 'day-range', days }
  const iso = toIsoText(parts)
  return isIsoDate(iso) ? { kind: 'date', iso } : { kind: 'not-real' }
}
