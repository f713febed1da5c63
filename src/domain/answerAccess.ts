/**
 * Defensive readers for one answer. The engine runs on drafts and on records
 * written by older builds, so it reads each value through its expected type and
 * treats anything else as unanswered instead of throwing. Internal to the
 * domain: not re-exported from the package index.
 */
import type { IntakeAnswers } from './types'

export type Ynu = 'yes' | 'no' | 'unsure'

/** A `ynu` answer, or `undefined` when absent or not one of the three codes. */
export function readYnu(answers: IntakeAnswers, id: string): Ynu | undefined {
  const value = answers[id]
  return value === 'yes' || value === 'no' || value === 'unsure' ? value : undefined
}

/** Screening favours sensitivity: `unsure` counts as positive (spec §3). */
export function isPositive(answers: IntakeAnswers, id: string): boolean {
  const value = readYnu(answers, id)
  return value === 'yes' || value === 'unsure'
}

/** A `choice` code (or any string answer), or `undefined`. */
export function readString(answers: IntakeAnswers, id: string): string | undefined {
  const value = answers[id]
  return typeof value === 'string' ? value : undefined
}

/** The codes of a `multi` answer; an absent or malformed answer reads as no codes. */
export function readCodes(answers: IntakeAnswers, id: string): readonly string[] {
  const value = answers[id]
  if (!Array.isArray(value)) return []
  return value.filter((code): code is string => typeof code === 'string')
}

/** A 0..10 rating, or `null` when absent or not a finite number. */
export function readScale(answers: IntakeAnswers, id: string): number | null {
  const value = answers[id]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
