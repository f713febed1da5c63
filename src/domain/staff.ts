/**
 * Staff accounts and what each role may do. Roles build on each other: a
 * clinician can do everything the front desk can, an administrator everything
 * a clinician can. Who may call each IPC method is declared in the contract
 * (`METHOD_ACCESS`) in these terms and enforced by the main process.
 */
import { isControlCode } from './controlCharacters'
import { hasControlCharacter } from './textFields'
import type { ValidationIssue } from './errors'

/** A staff member's role, lowest first. */
export const STAFF_ROLES = ['front-desk', 'clinician', 'administrator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * Who is at the keyboard, as the main process sees it: nobody signed in (the
 * sign-in screen), a patient holding the device for one intake, or a member
 * of staff with a role.
 */
export type CallerRole = 'signed-out' | 'patient' | StaffRole

/** Whether `role` includes everything `needed` may do. */
export function roleIncludes(role: CallerRole, needed: StaffRole): boolean {
  if (role === 'signed-out' || role === 'patient') return false
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed)
}

/** Every caller role that includes `needed`. */
export function rolesFrom(needed: StaffRole): readonly StaffRole[] {
  return STAFF_ROLES.slice(STAFF_ROLES.indexOf(needed))
}

/** The person behind a call: what the audit trail records and services receive. */
export interface StaffIdentity {
  readonly id: string
  readonly name: string
  readonly role: StaffRole
}

/** A staff account as administrators see it (never its secret or hash). */
export interface StaffMember extends StaffIdentity {
  readonly active: boolean
  /** `password` or `pin`: what the person types at sign-in. */
  readonly secretKind: SecretKind
  readonly createdAt: string
  readonly lastSignInAt: string | null
}

export type SecretKind = 'password' | 'pin'

export const STAFF_NAME_MAX_LENGTH = 80
export const PASSWORD_MIN_LENGTH = 10
export const SECRET_MAX_LENGTH = 128
export const PIN_MIN_LENGTH = 6
export const PIN_MAX_LENGTH = 12

/** A sign-in name as stored: trimmed, inner runs of spaces made one, Unicode-normalised. */
export function normaliseStaffName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** The key that makes two names the same account ("Ana  Ruiz" and "ana ruiz"). */
export function staffNameKey(name: string): string {
  return normaliseStaffName(name).normalize('NFKC').toLocaleLowerCase('en')
}

/** Problems with a sign-in name, or an empty list. */
export function staffNameIssues(name: string): ValidationIssue[] {
  const normalised = normaliseStaffName(name)
  if (normalised === '') {
    return [{ itemId: 'name', code: 'required', message: 'Enter a name.' }]
  }
  if (normalised.length > STAFF_NAME_MAX_LENGTH) {
    return [
      {
        itemId: 'name',
        code: 'too-long',
        message: `A name can be at most ${STAFF_NAME_MAX_LENGTH} characters.`
      }
    ]
  }
  if (hasControlCharacter(normalised)) {
    return [
      { itemId: 'name', code: 'wrong-type', message: 'A name cannot hold control characters.' }
    ]
  }
  return []
}

/** Whether a secret is a PIN (digits only) rather than a password. */
export function secretKindOf(secret: string): SecretKind {
  return /^\d+$/.test(secret) ? 'pin' : 'password'
}

/**
 * Whether a run of digits is one anyone would try first: the same digit
 * repeated, a run up or down (wrapping 9→0), or a short group repeated
 * (121212, 123123, 12341234).
 */
export function isTrivialPin(pin: string): boolean {
  const digits = [...pin].map(Number)
  const stepsAll = (step: number): boolean =>
    digits.every(
      (digit, index) => index === 0 || digit === ((digits[index - 1] ?? 0) + step + 10) % 10
    )
  if (stepsAll(0) || stepsAll(1) || stepsAll(-1)) return true
  for (let period = 2; period <= pin.length / 2; period++) {
    if (pin.length % period !== 0) continue
    const group = pin.slice(0, period)
    if (group.repeat(pin.length / period) === pin) return true
  }
  return false
}

/**
 * Problems with a new password or PIN, or an empty list. A PIN is 6 to 12
 * digits and not a trivial one; anything else is a password of at least 10
 * characters that is not one character repeated and is not the name itself.
 * The messages never repeat the secret.
 */
export function secretIssues(secret: string, name = ''): ValidationIssue[] {
  const problem = (message: string, code: ValidationIssue['code'] = 'out-of-range') => [
    { itemId: 'secret', code, message }
  ]
  if (secret.length > SECRET_MAX_LENGTH) {
    return problem(`At most ${SECRET_MAX_LENGTH} characters.`, 'too-long')
  }
  if (secretKindOf(secret) === 'pin') {
    if (secret.length < PIN_MIN_LENGTH || secret.length > PIN_MAX_LENGTH) {
      return problem(
        `A PIN must be ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits; a password at least ${PASSWORD_MIN_LENGTH} characters.`
      )
    }
    if (isTrivialPin(secret)) {
      return problem(
        'That PIN is too easy to guess (repeated, sequential or patterned digits). Choose another.'
      )
    }
    return []
  }
  if ([...secret].length < PASSWORD_MIN_LENGTH) {
    return problem(
      `A password must be at least ${PASSWORD_MIN_LENGTH} characters (or use a PIN of ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits).`
    )
  }
  if (new Set(secret).size === 1) {
    return problem('That password is one character repeated. Choose another.')
  }
  if (name !== '' && staffNameKey(secret) === staffNameKey(name)) {
    return problem('A password cannot be the name itself.')
  }
  // Every control character, line feeds included: no sign-in field can type one.
  if ([...secret].some((character) => isControlCode(character.codePointAt(0) ?? 0))) {
    return problem('A password cannot hold control characters.', 'wrong-type')
  }
  return []
}

/**
 * How long an account stays locked after its `failures`-th failed sign-in in
 * a row: free for the first four, then 30 s, 1 min, 5 min and 15 min for
 * every failure after that.
 */
export function lockoutAfterFailures(failures: number): number {
  if (failures < 5) return 0
  const steps = [30_000, 60_000, 5 * 60_000, 15 * 60_000]
  return steps[Math.min(failures - 5, steps.length - 1)] ?? 15 * 60_000
}

/** Idle time before the app locks: a setting, 5 minutes unless an administrator changes it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5
export const MIN_IDLE_LOCK_MINUTES = 1
export const MAX_IDLE_LOCK_MINUTES = 60
/** The warning with "Stay signed in" shows this long before the lock. */
export const IDLE_WARNING_MS = 30_000

export interface SecuritySettings {
  /** Minutes without a key press, click or touch before the app locks to the sign-in screen. */
  readonly idleLockMinutes: number
}
