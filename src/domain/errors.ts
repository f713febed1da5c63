/**
 * Errors as values: what a failed call returns across the process boundary.
 * The UI shows `message`; it never sees a stack trace.
 */

export type AppErrorCode =
  'invalid-argument' | 'not-found' | 'conflict' | 'forbidden' | 'storage' | 'internal'

/** One problem with one answer, named by its item id so the form can show it at the field. */
export interface ValidationIssue {
  readonly itemId: string
  readonly code:
    | 'not-an-object'
    | 'unknown-item'
    | 'not-in-form'
    | 'wrong-type'
    | 'unknown-code'
    | 'duplicate-code'
    | 'out-of-range'
    | 'invalid-date'
    | 'future-date'
    | 'birth-in-future'
    | 'age-out-of-range'
    | 'before-birth'
    | 'too-long'
    | 'invalid-email'
    | 'invalid-signature'
    | 'age-band-above-age'
    | 'required'
    | 'must-be-true'
  readonly message: string
}

export interface AppError {
  readonly code: AppErrorCode
  readonly message: string
  readonly issues?: readonly ValidationIssue[]
  /**
   * On a `conflict` because the record changed since the caller's revision:
   * the revision stored now (absent on every other error).
   */
  readonly currentRevision?: number
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }
