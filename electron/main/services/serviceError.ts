/**
 * The one error type services throw for failures the user can act on. The IPC
 * layer turns it into an `AppError` value; anything else that escapes a service
 * is a bug and is reported as `internal`.
 */
import type { AppErrorCode, ValidationIssue } from '../../../src/domain'

export class ServiceError extends Error {
  override readonly name = 'ServiceError'
  readonly code: AppErrorCode
  /** Per-item problems, for `invalid-argument` raised by answer validation. */
  readonly issues?: readonly ValidationIssue[]
  /** For a `conflict` over a revision: the one stored now, so the caller can catch up. */
  readonly currentRevision?: number

  /**
   * @param code what kind of failure this is, so the UI can choose how to react
   * @param message plain words for the person at the screen: never SQL, paths of
   *   internals or stack traces
   * @param options `issues` for validation failures; `cause` keeps the original
   *   error for the main-process log only (it must not cross the IPC boundary)
   */
  constructor(
    code: AppErrorCode,
    message: string,
    options: { issues?: readonly ValidationIssue[]; cause?: unknown; currentRevision?: number } = {}
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (options.issues !== undefined) this.issues = options.issues
    if (options.currentRevision !== undefined) this.currentRevision = options.currentRevision
  }
}

/**
 * A record whose stored data failed its checks is shown on screen with what
 * can be read and a warning; it never leaves the app as a clean-looking PDF,
 * print or FHIR file. One check, used by every export.
 */
export function refuseDamaged(record: { readonly damage?: unknown }): void {
  if (record.damage === undefined) return
  throw new ServiceError(
    'conflict',
    'This record is damaged, so it cannot be exported or printed. Restore a backup, or ask an administrator.'
  )
}
