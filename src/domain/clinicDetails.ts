/**
 * The clinic's own contact details: set by staff in Settings, shown to a
 * patient on the emergency screen (the phone) and, later, printed on the PDF
 * summary. They describe the clinic, not a patient, so they are no patient data.
 */
import { hasControlCharacter, validateTextFields } from './textFields'
import type { ValidationIssue } from './errors'

/**
 * The clinic's name, postal address and phone number, normalised (trimmed,
 * NFC). Every field is always present; an empty string means "not set", so a
 * screen or a printout tests `phone !== ''` rather than juggling `undefined`.
 */
export interface ClinicDetails {
  readonly name: string
  /** May span several lines (separated by `\n`). */
  readonly address: string
  /** Digits, spaces and `+ - ( ) .` only, as staff typed it (no reformatting). */
  readonly phone: string
}

export type ClinicDetailsField = keyof ClinicDetails

/** Clinic details with nothing set. */
export const EMPTY_CLINIC_DETAILS: ClinicDetails = Object.freeze({
  name: '',
  address: '',
  phone: ''
})

export const CLINIC_NAME_MAX_LENGTH = 120
export const CLINIC_ADDRESS_MAX_LENGTH = 300
export const CLINIC_PHONE_MAX_LENGTH = 30
export const CLINIC_PHONE_MIN_DIGITS = 6

export type ClinicDetailsValidation =
  | { readonly ok: true; readonly details: ClinicDetails }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }

const FIELDS: readonly ClinicDetailsField[] = ['name', 'address', 'phone']
const FIELD_LABELS: Readonly<Record<ClinicDetailsField, string>> = {
  name: 'The clinic name',
  address: 'The clinic address',
  phone: 'The clinic phone number'
}
const MAX_LENGTHS: Readonly<Record<ClinicDetailsField, number>> = {
  name: CLINIC_NAME_MAX_LENGTH,
  address: CLINIC_ADDRESS_MAX_LENGTH,
  phone: CLINIC_PHONE_MAX_LENGTH
}
const PHONE_CHARACTERS = /^[0-9 +\-().]*$/
// Control characters (C0, DEL, C1) other than the line breaks an address may hold.
// Line and paragraph separators count as line breaks in an address.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029]/g

/** Whether `field` names one of the three clinic details. */
export function isClinicDetailsField(field: string): field is ClinicDetailsField {
  return (FIELDS as readonly string[]).includes(field)
}

/**
 * One field as it is stored: NFC, trimmed; name and phone on one line with
 * runs of white space made single spaces; address lines trimmed at their end,
 * tabs made spaces, and at most one empty line in a row.
 */
function normalise(field: ClinicDetailsField, raw: string): string {
  const text = raw.normalize('NFC')
  if (field !== 'address') return text.replace(/\s+/g, ' ').trim()
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
function lengthOf(text: string): number {
  return [...text].length
}

function checkField(field: ClinicDetailsField, value: string): ValidationIssue[] {
  const label = FIELD_LABELS[field]
  const max = MAX_LENGTHS[field]
  const issues: ValidationIssue[] = []
  if (hasControlCharacter(value)) {
    issues.push({
      itemId: field,
      code: 'wrong-type',
      message: `${label} contains characters that cannot be shown. Retype it.`
    })
  }
  if (lengthOf(value) > max) {
    issues.push({
      itemId: field,
      code: 'too-long',
      message: `${label} can be at most ${max} characters long (it has ${lengthOf(value)}).`
    })
  }
  if (field === 'phone' && value !== '') {
    // A phone format has no issue code of its own yet: the message says what is wrong.
    if (!PHONE_CHARACTERS.test(value)) {
      issues.push({
        itemId: field,
        code: 'wrong-type',
        message: `${label} may contain only digits, spaces and the characters + - ( ) .`
      })
    } else if ((value.match(/[0-9]/g)?.length ?? 0) < CLINIC_PHONE_MIN_DIGITS) {
      issues.push({
        itemId: field,
        code: 'out-of-range',
        message: `${label} needs at least ${CLINIC_PHONE_MIN_DIGITS} digits.`
      })
    }
  }
  return issues
}

/**
 * Checks and normalises clinic details from any source: a Settings form, an
 * IPC call, or a value read back from storage.
 *
 * The input must be an object with exactly the keys `name`, `address` and
 * `phone`, each a string. Each is NFC-normalised and trimmed (see
 * {@link ClinicDetails}); any of them may be empty, and all three empty
 * clears the details. Limits: name at most 120 characters; address at most
 * 300 characters, several lines allowed; phone at most 30 characters of
 * digits, spaces and `+ - ( ) .`, with at least 6 digits.
 *
 * @returns the normalised details, or every problem found, each naming its
 *   field in `itemId` (empty for a value that is not an object at all) with a
 *   plain English message.
 */
export function validateClinicDetails(input: unknown): ClinicDetailsValidation {
  const result = validateTextFields(input, {
    fields: FIELDS,
    labels: FIELD_LABELS,
    notAnObject: 'The clinic details must be an object with a name, an address and a phone number.',
    describedAs: 'the clinic details (name, address, phone)',
    emptyMeans: 'leave it unset',
    normalise,
    check: checkField
  })
  return result.ok ? { ok: true, details: result.values } : result
}

/** Whether none of the three details is set. */
export function isClinicDetailsEmpty(details: ClinicDetails): boolean {
  return details.name === '' && details.address === '' && details.phone === ''
}
