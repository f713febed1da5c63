/**
 * Validation of a small settings object whose every field is text (the
 * clinic's details, its privacy notice per language): exactly the known keys,
 * each a string, each normalised and then checked by the caller's own rules.
 * Every problem is reported at once, each naming its field.
 */
import { isControlExceptLineFeed } from './controlCharacters'
import type { ValidationIssue } from './errors'

/**
 * Whether `text` holds a control character other than a line feed (callers
 * turn tabs and carriage returns into spaces and line feeds first).
 */
export function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    if (isControlExceptLineFeed(character.codePointAt(0) ?? 0)) return true
  }
  return false
}

export interface TextFieldsSpec<K extends string> {
  readonly fields: readonly K[]
  /** How each field is named in messages. */
  readonly labels: Readonly<Record<K, string>>
  /** The message for a value that is not an object at all. */
  readonly notAnObject: string
  /** What the object is, for the message about an unknown key (e.g. "the clinic details (name, address, phone)"). */
  readonly describedAs: string
  /** What sending an empty text means, for the message about a missing field. */
  readonly emptyMeans: string
  readonly normalise: (field: K, value: string) => string
  readonly check: (field: K, value: string) => readonly ValidationIssue[]
}

export type TextFieldsResult<K extends string> =
  | { readonly ok: true; readonly values: Readonly<Record<K, string>> }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }

/**
 * Checks and normalises an object of text fields against `spec`.
 *
 * @returns the normalised values, or every problem found (`itemId` names the
 *   field, or is empty when the input is not an object).
 */
export function validateTextFields<K extends string>(
  input: unknown,
  spec: TextFieldsSpec<K>
): TextFieldsResult<K> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ itemId: '', code: 'not-an-object', message: spec.notAnObject }] }
  }
  const record = input as Record<string, unknown>
  const known: readonly string[] = spec.fields
  const issues: ValidationIssue[] = Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      itemId: key,
      code: 'unknown-item',
      message: `"${key}" is not one of ${spec.describedAs}.`
    }))
  const values = Object.fromEntries(spec.fields.map((field) => [field, ''])) as Record<K, string>
  for (const field of spec.fields) {
    const value = record[field]
    const label = spec.labels[field]
    if (value === undefined) {
      issues.push({
        itemId: field,
        code: 'required',
        message: `${label} is missing (send an empty text to ${spec.emptyMeans}).`
      })
    } else if (typeof value !== 'string') {
      issues.push({ itemId: field, code: 'wrong-type', message: `${label} must be text.` })
    } else {
      values[field] = spec.normalise(field, value)
      issues.push(...spec.check(field, values[field]))
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values }
}
