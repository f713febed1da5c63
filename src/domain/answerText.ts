/**
 * One answer as words: the single place that decides how a stored answer
 * value reads, so the clinician's record, the PDF summary, the FHIR export's
 * flag evidence and the form's review step never word the same answer two
 * ways. Clinician wording (English catalogue labels) by default; the review
 * step passes the patient's own wording through {@link AnswerTextOptions}
 * and keeps every other rule (joining, "none of these", scales, dates).
 */
import { catalogueItem, NOT_APPLICABLE, type CatalogueItem } from './catalogue'
import { isIsoDate } from './dates'
import type { AnswerValue } from './types'

/** The fixed words an answer may read as; English clinician wording by default. */
export interface AnswerWords {
  readonly yes: string
  readonly no: string
  /** A `ynu` answer of `unsure`: "Not sure", as the patient was asked it and the flags say it. */
  readonly unsure: string
  /** `rf.sexualDysfunction`'s extra answer, never positive. */
  readonly notApplicable: string
  /** A multi-choice answered with nothing ticked: the patient said none applies, not "skipped". */
  readonly noneOfThese: string
  readonly notAnswered: string
  /** A drawn signature: its path data is never text anyone should read. */
  readonly signed: string
}

export const CLINICIAN_ANSWER_WORDS: AnswerWords = {
  yes: 'Yes',
  no: 'No',
  unsure: 'Not sure',
  notApplicable: 'Does not apply',
  noneOfThese: 'None of these',
  notAnswered: 'Not answered',
  signed: 'Signed'
}

export interface AnswerTextOptions {
  /**
   * The label of one code; the catalogue's English clinician label by
   * default. The review step passes the patient's language here.
   */
  readonly optionLabel?: (item: CatalogueItem, code: string) => string
  /** Any of the fixed words to replace (the review step's own language). */
  readonly words?: Partial<AnswerWords>
  /**
   * The intake's calendar day (`YYYY-MM-DD`): a date answer before it reads
   * with how long before ("2026-11-18 (2 days before the intake)"), which is
   * what a clinician wants of an onset date. Left out for a date of birth.
   */
  readonly relativeTo?: string
}

/** Whole days from one calendar day to another (both valid `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * Dates stay `YYYY-MM-DD`, as the record and the PDF print them: unambiguous
 * whatever the reader's locale (03/04 is March in one clinic, April in the next).
 */
function dateText(value: string, relativeTo: string | undefined): string {
  if (relativeTo === undefined || !isIsoDate(value) || !isIsoDate(relativeTo)) return value
  const days = daysBetween(value, relativeTo)
  if (days < 0) return value
  if (days === 0) return `${value} (the day of the intake)`
  return `${value} (${days} day${days === 1 ? '' : 's'} before the intake)`
}

/**
 * Codes joined into one line. Body regions carry a comma in their own names
 * ("Low back, left"), so a list holding such a label is joined with "; " and
 * never reads as more regions than were marked.
 */
function joinLabels(labels: readonly string[]): string {
  return labels.join(labels.some((label) => label.includes(',')) ? '; ' : ', ')
}

/**
 * A value of a shape the item does not take (a record written by an older
 * build, or damaged): shown as it is rather than hidden, so nothing stored is
 * lost from sight.
 */
function rawText(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/**
 * One answer in words.
 *
 * - choice: the code's label; a `ynu` item as Yes / No / Not sure, and
 *   "Does not apply" for the one item that offers it;
 * - multi: the labels joined, "None of these" when nothing was ticked; the
 *   body map's regions by name in the patient's own left and right;
 * - scale: "7 / 10"; boolean: Yes / No; date: `YYYY-MM-DD` (see
 *   {@link AnswerTextOptions.relativeTo}); text: as typed; the signature: "Signed".
 *
 * An unknown code reads as the code itself, an unknown item as its raw value.
 *
 * @param value the stored answer, or `undefined` for an unanswered item ("Not answered").
 */
export function answerText(
  itemId: string,
  value: AnswerValue | undefined,
  options: AnswerTextOptions = {}
): string {
  const words = { ...CLINICIAN_ANSWER_WORDS, ...options.words }
  if (value === undefined) return words.notAnswered
  const item = catalogueItem(itemId)
  if (item === undefined) return rawText(value)
  const label = (code: string): string => {
    if (options.optionLabel !== undefined) return options.optionLabel(item, code)
    if (item.type === 'ynu') {
      if (code === 'yes') return words.yes
      if (code === 'no') return words.no
      if (code === 'unsure') return words.unsure
      if (code === NOT_APPLICABLE) return words.notApplicable
    }
    return item.codes?.find((option) => option.code === code)?.label ?? code
  }
  switch (item.type) {
    case 'text':
      if (typeof value !== 'string') return rawText(value)
      return itemId === 'consent.signature' ? words.signed : value
    case 'date':
      return typeof value === 'string' ? dateText(value, options.relativeTo) : rawText(value)
    case 'choice':
    case 'ynu':
      return typeof value === 'string' ? label(value) : rawText(value)
    case 'multi':
      if (!Array.isArray(value)) return rawText(value)
      return value.length === 0 ? words.noneOfThese : joinLabels(value.map(label))
    case 'scale':
      return typeof value === 'number' ? `${value} / 10` : rawText(value)
    case 'boolean':
      return typeof value === 'boolean' ? (value ? words.yes : words.no) : rawText(value)
  }
}
