/**
 * The clinic's privacy notice: what a patient reads on the consent step before
 * the privacy box can be ticked. The app ships a plain-language default in
 * each patient language (in the renderer's messages, beside the rest of the
 * wording); a clinic may replace it, language by language, in Settings. This
 * module knows only the clinic's own texts, where an empty text means "use the
 * default for that language", so a clinic that never writes one keeps getting
 * the app's wording as it improves.
 */
import { hasControlCharacter, validateTextFields } from './textFields'
import type { ValidationIssue } from './errors'

/** The languages a notice is written in: the patient languages of the form. */
export const PRIVACY_NOTICE_LANGUAGES = ['en', 'zh', 'es'] as const

export type PrivacyNoticeLanguage = (typeof PRIVACY_NOTICE_LANGUAGES)[number]

/**
 * The clinic's own notice per language, normalised (see
 * {@link validatePrivacyNotice}). Every language is always present; an empty
 * string means the app's default notice in that language is shown.
 */
export type PrivacyNotice = Readonly<Record<PrivacyNoticeLanguage, string>>

/** No notice of the clinic's own: every language shows the app's default. */
export const DEFAULT_PRIVACY_NOTICE: PrivacyNotice = Object.freeze({ en: '', zh: '', es: '' })

/** At most this many characters (code points) per language: a long notice, not a book. */
export const PRIVACY_NOTICE_MAX_LENGTH = 10_000

export type PrivacyNoticeValidation =
  | { readonly ok: true; readonly notice: PrivacyNotice }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }

const LANGUAGE_LABELS: Readonly<Record<PrivacyNoticeLanguage, string>> = {
  en: 'The English privacy notice',
  zh: 'The Chinese privacy notice',
  es: 'The Spanish privacy notice'
}
// Control characters (C0, DEL, C1) other than the line break that separates lines and paragraphs.
// Windows and old Mac line ends, and Unicode's line and paragraph separators, all count as a line break.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029]/g

/** Whether `value` names one of the notice languages. */
export function isPrivacyNoticeLanguage(value: string): value is PrivacyNoticeLanguage {
  return (PRIVACY_NOTICE_LANGUAGES as readonly string[]).includes(value)
}

/**
 * One notice text as it is stored: NFC; every line break a `\n`; tabs made
 * spaces; each line trimmed at its end; at most one empty line in a row (the
 * paragraph break); no empty lines or spaces at the start or end. A text of
 * white space only becomes empty, which means "use the default".
 */
export function normalisePrivacyNoticeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * The paragraphs of a notice text, in order: the text split at empty lines.
 * A single line break stays inside its paragraph (a list, an address), for the
 * screen to keep.
 */
export function privacyNoticeParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
function lengthOf(text: string): number {
  return [...text].length
}

function checkText(language: PrivacyNoticeLanguage, text: string): ValidationIssue[] {
  const label = LANGUAGE_LABELS[language]
  const issues: ValidationIssue[] = []
  if (hasControlCharacter(text)) {
    issues.push({
      itemId: language,
      code: 'wrong-type',
      message: `${label} contains characters that cannot be shown. Retype the part you pasted.`
    })
  }
  const length = lengthOf(text)
  if (length > PRIVACY_NOTICE_MAX_LENGTH) {
    issues.push({
      itemId: language,
      code: 'too-long',
      message: `${label} can be at most ${PRIVACY_NOTICE_MAX_LENGTH.toLocaleString('en')} characters long (it has ${length.toLocaleString('en')}).`
    })
  }
  return issues
}

/**
 * Checks and normalises a clinic's privacy notice from any source: the
 * Settings form, an IPC call, or a value read back from storage.
 *
 * The input must be an object with exactly the keys `en`, `zh` and `es`, each
 * a string of plain text (paragraphs separated by an empty line). Each is
 * normalised as {@link normalisePrivacyNoticeText} describes; an empty text
 * (or white space only) means "use the default for that language". Limits: at
 * most {@link PRIVACY_NOTICE_MAX_LENGTH} characters per language, and no
 * control characters other than line breaks and tabs.
 *
 * @returns the normalised notice, or every problem found, each naming its
 *   language in `itemId` (empty for a value that is not an object at all) with
 *   a plain English message.
 */
export function validatePrivacyNotice(input: unknown): PrivacyNoticeValidation {
  const result = validateTextFields(input, {
    fields: PRIVACY_NOTICE_LANGUAGES,
    labels: LANGUAGE_LABELS,
    notAnObject:
      'The privacy notice must be an object with an English, a Chinese and a Spanish text.',
    describedAs: 'the privacy notice languages (en, zh, es)',
    emptyMeans: 'use the default',
    normalise: (_language, value) => normalisePrivacyNoticeText(value),
    check: checkText
  })
  return result.ok ? { ok: true, notice: result.values } : result
}

/** Whether every language shows the app's default notice (nothing of the clinic's own). */
export function isDefaultPrivacyNotice(notice: PrivacyNotice): boolean {
  return PRIVACY_NOTICE_LANGUAGES.every((language) => notice[language] === '')
}
