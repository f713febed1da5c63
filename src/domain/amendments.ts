/**
 * Amendments: staff correct a submitted intake field by field, with a reason.
 * The record keeps every amendment (what changed, from what to what, who,
 * when and why) and both evaluations, before and after; the answers the
 * patient first gave are never lost, because each amendment keeps the answers
 * it replaced.
 */
import type { AnswerValue, ConcernLevel, IntakeAnswers, IntakeEvaluation } from './types'

/** The reason is plain text, at most this long. */
export const AMENDMENT_REASON_MAX_LENGTH = 2000

/** Most fields one amendment may change (the whole form is about sixty). */
export const AMENDMENT_MAX_CHANGES = 80

/** One field of an amendment: its value before and after (`null` = not answered). */
export interface AmendedField {
  readonly itemId: string
  readonly before: AnswerValue | null
  readonly after: AnswerValue | null
}

/** One amendment of a submitted intake, as the record shows it. */
export interface Amendment {
  /** 1, 2, 3… in the order they were made. */
  readonly version: number
  readonly reason: string
  readonly changes: readonly AmendedField[]
  readonly amendedBy: { readonly staffId: string; readonly name: string }
  /** ISO-8601 UTC. */
  readonly amendedAt: string
  /** The evaluation before and after: an amendment can raise or clear a flag. */
  readonly concernBefore: ConcernLevel
  readonly concernAfter: ConcernLevel
  readonly evaluationBefore: IntakeEvaluation
  readonly evaluationAfter: IntakeEvaluation
}

/** What staff send to amend a submitted intake. */
export interface AmendmentInput {
  readonly id: string
  /** The record's revision when they opened it: a change made meanwhile is a conflict. */
  readonly revision: number
  /** Each field's new value; `null` removes an answer given by mistake. */
  readonly changes: ReadonlyArray<{ readonly itemId: string; readonly value: AnswerValue | null }>
  readonly reason: string
}

/**
 * The answers after an amendment, and the fields that really change: a field
 * set to the value it already has is left out, so an amendment records only
 * real changes (and one that changes nothing can be refused).
 */
export function applyAmendment(
  answers: IntakeAnswers,
  changes: AmendmentInput['changes']
): { readonly answers: IntakeAnswers; readonly changed: readonly AmendedField[] } {
  const next: Record<string, AnswerValue> = { ...answers }
  const changed: AmendedField[] = []
  for (const { itemId, value } of changes) {
    const before = answers[itemId] ?? null
    if (sameAnswer(before, value)) continue
    if (value === null) delete next[itemId]
    else next[itemId] = value
    changed.push({ itemId, before, after: value })
  }
  return { answers: next, changed }
}

/** Whether two answers are the same value (arrays as ordered lists, as stored). */
export function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => value === b[index])
  }
  return a === b
}

/**
 * The answers as they were first submitted: the current answers with every
 * amendment undone, newest first. The store also keeps each amendment's
 * complete answers before it, so this can be checked against them.
 */
export function originalAnswers(
  current: IntakeAnswers,
  amendments: ReadonlyArray<Pick<Amendment, 'changes'>>
): IntakeAnswers {
  const answers: Record<string, AnswerValue> = { ...current }
  for (const amendment of [...amendments].reverse()) {
    for (const change of amendment.changes) {
      if (change.before === null) delete answers[change.itemId]
      else answers[change.itemId] = change.before
    }
  }
  return answers
}
