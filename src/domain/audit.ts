/**
 * The audit trail: who did what to which record, and when. Entries are
 * appended, never changed, and each carries the hash of the one before, so
 * an entry edited or removed behind the app's back shows as a broken link.
 */
import type { CallerRole } from './staff'

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'sign-in-failed',
  'lock',
  'first-administrator-created',
  'staff-added',
  'staff-changed',
  'secret-changed',
  'patient-mode-started',
  'patient-mode-ended',
  'intake-created',
  'intake-submitted',
  'intake-viewed',
  'intake-amended',
  'triage-recorded',
  'draft-discarded',
  'red-flag-alert',
  'pdf-exported',
  'pdf-printed',
  'day-pdfs-exported',
  'fhir-exported',
  'backup-created',
  'backup-restored',
  'integrity-checked',
  'settings-changed'
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Who an entry names: a member of staff, the patient holding the device, or nobody signed in. */
export interface AuditActor {
  readonly staffId: string | null
  readonly name: string | null
  readonly role: CallerRole | 'system'
}

/** One entry as it is appended (the trail adds its number, time and hashes). */
export interface AuditEntryInput {
  readonly actor: AuditActor
  readonly action: AuditAction
  /** The intake concerned, if any. */
  readonly intakeId?: string | null
  /**
   * A few plain facts (a file name, a setting's name, the conditions of an
   * alert). Never answers, names of patients or secrets.
   */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>
}

export interface AuditEntry extends Required<AuditEntryInput> {
  /** 1, 2, 3…: consecutive, so a missing entry leaves a gap. */
  readonly seq: number
  /** ISO 8601 time of the entry. */
  readonly at: string
  readonly hash: string
}

export interface AuditQuery {
  readonly action?: AuditAction
  readonly staffId?: string
  readonly intakeId?: string
  /** Local calendar days, inclusive (YYYY-MM-DD). */
  readonly fromDate?: string
  readonly toDate?: string
  /** Entries older than this one (paging backwards from the newest). */
  readonly beforeSeq?: number
  readonly limit?: number
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[]
  /** Pass as `beforeSeq` for the next page; null when this was the last. */
  readonly nextBeforeSeq: number | null
}

/** What verifying the chain found. */
export interface AuditVerification {
  readonly ok: boolean
  /** Entries checked. */
  readonly checked: number
  /** The first entry whose link or content does not match, and why. */
  readonly broken: { readonly seq: number; readonly reason: string } | null
}
