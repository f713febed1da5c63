/**
 * Validation of intake answers against the catalogue (intake-spec.md §1-§2).
 * Every answer that crosses a process boundary or reaches storage goes through
 * here, so the rest of the app can trust an `IntakeAnswers` value.
 */
import {
  ADULT_SCREENING_AGE,
  CATALOGUE,
  catalogueItem,
  conditionallyRequiredMissing,
  FIRST_BACK_PAIN_AGE_BANDS,
  type CatalogueItem
} from './catalogue'
import { ageOn, compareIsoDates, isIsoDate } from './dates'
import { itemInForm, requiredInForm, type IntakeKind } from './followUp'
import type { ValidationIssue } from './errors'
import type { AnswerValue, IntakeAnswers } from './types'

export interface ValidateOptions {
  /**
   * `draft`: any subset of items, each valid on its own (autosave while the form
   * is being filled in). `submit`: also every required item answered and both
   * consents given.
   */
  readonly mode: 'draft' | 'submit'
  /**
   * The local calendar date of the check (`YYYY-MM-DD`). When absent, the checks
   * relative to today (dates in the future, age 0..120) are skipped, because the
   * domain has no clock of its own.
   */
  readonly asOf?: string
  /**
   * Which form the answers belong to: a follow-up holds only its short list of
   * items and requires those alone; a first intake refuses the follow-up's
   * own items. When absent (the IPC schema, which does not know the intake),
   * items of either form pass and the first intake's requirements apply.
   */
  readonly kind?: IntakeKind
}

export type ValidationResult =
  | { readonly ok: true; readonly answers: IntakeAnswers }
  | {
      readonly ok: false
      readonly issues: readonly ValidationIssue[]
      /**
       * The answers that passed, normalised as `answers` would be: a draft
       * saves these so one half-typed field never holds back the rest.
       */
      readonly validAnswers: IntakeAnswers
    }

const MAX_AGE_YEARS = 120
/**
 * Deliberately loose: one `@`, no spaces, a dot in the domain. It catches typing
 * slips at the front desk without refusing real but unusual addresses.
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
/** SVG path data made only of M, L, C, Q, Z commands and numbers (§2). */
const SIGNATURE_PATH = /^[MLCQZmlcqz0-9 ,.-]+$/
/** A PNG data URL: the only image form a signature may take besides path data (§2). */
const SIGNATURE_PNG = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/

/** Whether a stored signature is drawn path data or a PNG data URL, and nothing else. */
export function isSignatureFormat(text: string): boolean {
  return SIGNATURE_PATH.test(text) || SIGNATURE_PNG.test(text)
}

type Issue = ValidationIssue
type Checked = { readonly value: AnswerValue | undefined; readonly issues: readonly Issue[] }

function name(entry: CatalogueItem): string {
  return `${entry.label} (${entry.id})`
}

function issue(itemId: string, code: Issue['code'], message: string): Issue {
  return { itemId, code, message }
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return 'true/false'
  return typeof value
}

function allowedCodes(entry: CatalogueItem): string {
  return (entry.codes ?? []).map((option) => `"${option.code}"`).join(', ')
}

/**
 * Length in characters as people count them (code points, so an emoji is one),
 * not UTF-16 units. Only counted when the cheap UTF-16 length is already over.
 */
function exceedsLength(text: string, maxLength: number): number | null {
  if (text.length <= maxLength) return null
  const length = Array.from(text).length
  return length > maxLength ? length : null
}

function checkText(entry: CatalogueItem, raw: unknown): Checked {
  if (typeof raw !== 'string') {
    return {
      value: undefined,
      issues: [
        issue(entry.id, 'wrong-type', `${name(entry)} must be text, not ${describeType(raw)}.`)
      ]
    }
  }
  const text = raw.normalize('NFC').trim()
  // An item left blank is unanswered, and unanswered items are absent (§1).
  if (text === '') return { value: undefined, issues: [] }
  const maxLength = entry.maxLength ?? Number.POSITIVE_INFINITY
  const length = exceedsLength(text, maxLength)
  if (length !== null) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'too-long',
          `${name(entry)} is ${length} characters long; shorten it to at most ${maxLength} characters.`
        )
      ]
    }
  }
  if (entry.id === 'patient.email' && !EMAIL.test(text)) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'invalid-email',
          `${name(entry)} does not look like an e-mail address; enter it as name@example.com, or leave it empty.`
        )
      ]
    }
  }
  if (entry.id === 'consent.signature' && !isSignatureFormat(text)) {
    // Never echo the value: a signature is shown only as the drawn image.
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'invalid-signature',
          `${name(entry)} is not a drawn signature; draw it again on the signature pad.`
        )
      ]
    }
  }
  return { value: text, issues: [] }
}

function checkDate(entry: CatalogueItem, raw: unknown, asOf: string | undefined): Checked {
  if (typeof raw !== 'string') {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must be a date written YYYY-MM-DD, not ${describeType(raw)}.`
        )
      ]
    }
  }
  if (!isIsoDate(raw)) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'invalid-date',
          `${name(entry)} is not a real calendar date; enter it as YYYY-MM-DD (for example 1990-04-23).`
        )
      ]
    }
  }
  if (asOf !== undefined) {
    if (compareIsoDates(raw, asOf) > 0) {
      // A birth in the future needs different advice from an onset in the future
      // (the form shows one message per code), so the date of birth has its own code.
      const birth = entry.id === 'patient.dateOfBirth'
      return {
        value: undefined,
        issues: [
          issue(
            entry.id,
            birth ? 'birth-in-future' : 'future-date',
            `${name(entry)} is after today (${asOf}); enter a date on or before today.`
          )
        ]
      }
    }
    if (entry.id === 'patient.dateOfBirth') {
      const age = ageOn(raw, asOf)
      if (age === null || age > MAX_AGE_YEARS) {
        return {
          value: undefined,
          issues: [
            issue(
              entry.id,
              'age-out-of-range',
              `${name(entry)} gives an age over ${MAX_AGE_YEARS} years; check the year of birth.`
            )
          ]
        }
      }
    }
  }
  return { value: raw, issues: [] }
}

function checkChoice(entry: CatalogueItem, raw: unknown): Checked {
  if (typeof raw !== 'string') {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must be one code as text, not ${describeType(raw)}.`
        )
      ]
    }
  }
  if (!(entry.codes ?? []).some((option) => option.code === raw)) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'unknown-code',
          `${name(entry)} has the unknown answer "${raw}"; choose one of ${allowedCodes(entry)}.`
        )
      ]
    }
  }
  return { value: raw, issues: [] }
}

function checkMulti(entry: CatalogueItem, raw: unknown): Checked {
  if (!Array.isArray(raw)) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must be a list of codes, not ${describeType(raw)}.`
        )
      ]
    }
  }
  const list: readonly unknown[] = raw
  const issues: Issue[] = []
  const known = new Set((entry.codes ?? []).map((option) => option.code))
  const seen = new Set<string>()
  const reportedDuplicates = new Set<string>()
  const codes: string[] = []
  for (const element of list) {
    if (typeof element !== 'string') {
      issues.push(
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must list codes as text; remove the ${describeType(element)} entry.`
        )
      )
      continue
    }
    if (!known.has(element)) {
      issues.push(
        issue(
          entry.id,
          'unknown-code',
          `${name(entry)} has the unknown answer "${element}"; use only ${allowedCodes(entry)}.`
        )
      )
      continue
    }
    if (seen.has(element)) {
      if (!reportedDuplicates.has(element)) {
        reportedDuplicates.add(element)
        issues.push(
          issue(
            entry.id,
            'duplicate-code',
            `${name(entry)} lists "${element}" more than once; keep it once.`
          )
        )
      }
      continue
    }
    seen.add(element)
    codes.push(element)
  }
  return issues.length > 0 ? { value: undefined, issues } : { value: codes, issues: [] }
}

function checkScale(entry: CatalogueItem, raw: unknown): Checked {
  if (typeof raw !== 'number') {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must be a number from 0 to 10, not ${describeType(raw)}.`
        )
      ]
    }
  }
  if (!Number.isInteger(raw) || raw < 0 || raw > 10) {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'out-of-range',
          `${name(entry)} is ${raw}; choose a whole number from 0 to 10.`
        )
      ]
    }
  }
  return { value: raw, issues: [] }
}

function checkBoolean(entry: CatalogueItem, raw: unknown): Checked {
  if (typeof raw !== 'boolean') {
    return {
      value: undefined,
      issues: [
        issue(
          entry.id,
          'wrong-type',
          `${name(entry)} must be true or false, not ${describeType(raw)}.`
        )
      ]
    }
  }
  return { value: raw, issues: [] }
}

function checkItem(entry: CatalogueItem, raw: unknown, asOf: string | undefined): Checked {
  switch (entry.type) {
    case 'text':
      return checkText(entry, raw)
    case 'date':
      return checkDate(entry, raw, asOf)
    case 'choice':
    case 'ynu':
      return checkChoice(entry, raw)
    case 'multi':
      return checkMulti(entry, raw)
    case 'scale':
      return checkScale(entry, raw)
    case 'boolean':
      return checkBoolean(entry, raw)
  }
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
  const proto: unknown = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/**
 * A first-back-pain age band that starts above the patient's current age
 * (a 30-year-old cannot answer `45-or-over`): checked only when the age is known.
 */
function ageBandIssue(
  answers: Readonly<Record<string, AnswerValue>>,
  age: number | null
): Issue | null {
  const band = FIRST_BACK_PAIN_AGE_BANDS.find(
    ({ code }) => code === answers['history.firstBackPainAge']
  )
  const entry = catalogueItem('history.firstBackPainAge')
  if (band === undefined || entry === undefined || age === null || band.minAge <= age) return null
  return issue(
    entry.id,
    'age-band-above-age',
    `${name(entry)} is "${band.label}", but the date of birth gives an age of ${age}; choose the age when the back pain first began.`
  )
}

/**
 * An onset date before the date of birth: both dates are valid on their own,
 * so the onset (the later question) is the one marked. Checked only with
 * `asOf`, like the other calendar checks, so a stored record read back
 * without a date is never refused by a rule it was not saved under.
 */
function onsetBeforeBirthIssue(
  answers: Readonly<Record<string, AnswerValue>>,
  asOf: string | undefined
): Issue | null {
  const onset = answers['complaint.onsetDate']
  const dateOfBirth = answers['patient.dateOfBirth']
  const entry = catalogueItem('complaint.onsetDate')
  if (asOf === undefined || entry === undefined) return null
  if (typeof onset !== 'string' || typeof dateOfBirth !== 'string') return null
  if (compareIsoDates(onset, dateOfBirth) >= 0) return null
  return issue(
    entry.id,
    'before-birth',
    `${name(entry)} (${onset}) is before the date of birth (${dateOfBirth}); check the year of either date.`
  )
}

function conditionalIssue(itemId: string, age: number | null): Issue | null {
  const entry = catalogueItem(itemId)
  if (entry === undefined) return null
  if (itemId === 'consent.signerRelationship') {
    return issue(
      itemId,
      'required',
      `${name(entry)} must be a parent, guardian or representative when the patient is under ${ADULT_SCREENING_AGE}${age === null ? '' : ` (age ${age})`}.`
    )
  }
  return issue(
    itemId,
    'required',
    `${name(entry)} is required for pain of six weeks or more; answer it before submitting.`
  )
}

function submitIssue(entry: CatalogueItem, value: AnswerValue | undefined): Issue | null {
  if (entry.type === 'boolean') {
    if (value === true) return null
    return value === false
      ? issue(
          entry.id,
          'must-be-true',
          `${name(entry)} must be given before the intake can be submitted; tick the box.`
        )
      : issue(entry.id, 'required', `${name(entry)} is required; tick the box to give consent.`)
  }
  const minSelected = entry.minSelected ?? 0
  if (value === undefined || (Array.isArray(value) && value.length < minSelected)) {
    const fix = entry.type === 'multi' ? `select at least ${Math.max(minSelected, 1)}` : 'answer it'
    return issue(entry.id, 'required', `${name(entry)} is required; ${fix} before submitting.`)
  }
  return null
}

/**
 * Checks and normalises untrusted answers (from the renderer, a file or an old
 * record) against the catalogue, reporting every problem at once so the form
 * can mark each field in one pass rather than one error per attempt.
 *
 * Text is NFC-normalised and trimmed so the same name typed on two keyboards is
 * stored, searched and exported identically; text that is blank after trimming
 * is dropped, because an unanswered item is absent (§1). Nothing else is
 * silently repaired: duplicate codes, out-of-range numbers and the like are
 * reported. `undefined` values are treated as absent (what JSON would do).
 *
 * @returns either a new plain object in catalogue order (the input is never
 * mutated) or the list of issues, each naming its item id.
 * @throws RangeError when `options.asOf` is given but is not a valid date: that
 * is a bug in the caller, not a problem with the patient's answers.
 */
export function validateAnswers(input: unknown, options: ValidateOptions): ValidationResult {
  const { asOf } = options
  const kind = options.kind
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new RangeError(`validateAnswers: asOf must be a YYYY-MM-DD date, got "${asOf}"`)
  }
  if (!isPlainObject(input)) {
    return {
      ok: false,
      validAnswers: {},
      issues: [
        issue(
          '',
          'not-an-object',
          `The answers must be an object keyed by item id, not ${describeType(input)}; send {} for an empty intake.`
        )
      ]
    }
  }

  const issues: Issue[] = []
  for (const key of Object.keys(input)) {
    if (catalogueItem(key) === undefined) {
      issues.push(
        issue(
          key,
          'unknown-item',
          `"${key}" is not an item of this intake; remove it or check the spelling of the id.`
        )
      )
    } else if (kind !== undefined && !itemInForm(key, kind) && input[key] !== undefined) {
      issues.push(
        issue(
          key,
          'not-in-form',
          kind === 'follow-up'
            ? `"${key}" is not asked at a follow-up visit; it belongs to the first intake.`
            : `"${key}" is only asked at a follow-up visit.`
        )
      )
    }
  }

  const answers: Record<string, AnswerValue> = {}
  for (const entry of CATALOGUE) {
    if (kind !== undefined && !itemInForm(entry.id, kind)) continue
    const present =
      Object.prototype.hasOwnProperty.call(input, entry.id) && input[entry.id] !== undefined
    let value: AnswerValue | undefined
    if (present) {
      const checked = checkItem(entry, input[entry.id], asOf)
      if (checked.issues.length > 0) {
        // One push per issue: spreading a list of a hundred thousand issues
        // into push() passes them as arguments and overflows the stack.
        for (const found of checked.issues) issues.push(found)
        continue
      }
      value = checked.value
      if (value !== undefined) answers[entry.id] = value
    }
    if (options.mode === 'submit' && requiredInForm(entry.id, kind ?? 'initial')) {
      const missing = submitIssue(entry, value)
      if (missing !== null) issues.push(missing)
    }
  }

  const dateOfBirth = answers['patient.dateOfBirth']
  const age =
    asOf !== undefined && typeof dateOfBirth === 'string' ? ageOn(dateOfBirth, asOf) : null
  const bandIssue = ageBandIssue(answers, age)
  if (bandIssue !== null) {
    issues.push(bandIssue)
    delete answers['history.firstBackPainAge']
  }
  const onsetIssue = onsetBeforeBirthIssue(answers, asOf)
  if (onsetIssue !== null) {
    issues.push(onsetIssue)
    delete answers['complaint.onsetDate']
  }
  if (options.mode === 'submit' && kind !== 'follow-up') {
    for (const itemId of conditionallyRequiredMissing(answers, age)) {
      const missing = conditionalIssue(itemId, age)
      if (missing !== null) issues.push(missing)
    }
  }

  return issues.length > 0 ? { ok: false, issues, validAnswers: answers } : { ok: true, answers }
}
