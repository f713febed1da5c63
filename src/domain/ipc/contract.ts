/**
 * The one IPC contract between the renderer and the main process. Preload,
 * main-process handlers and the renderer's `window.api` type are all derived
 * from it; a channel name is never written by hand.
 *
 * Every method takes one plain argument object and resolves to a `Result`, so
 * an expected failure (bad input, not found, a refused role) reaches the UI as
 * a value it can show, never as a thrown stack trace.
 */
import type { AmendmentInput } from '../amendments'
import type { AuditPage, AuditQuery, AuditVerification } from '../audit'
import type { ReturningPatient, ReturningPatientQuery } from '../followUp'
import type { ClinicDetails } from '../clinicDetails'
import type { BackupInfo, BackupSettings, DataHealth, RestoreResult } from '../dataSafety'
import {
  rolesFrom,
  type CallerRole,
  type SecuritySettings,
  type StaffMember,
  type StaffIdentity,
  type StaffRole
} from '../staff'
import type { PdfSettings } from '../pdfSettings'
import type {
  IntakesChanged,
  Queue,
  QueueQuery,
  SearchQuery,
  SearchResults,
  TriageInput,
  TriageVersion
} from '../review'
import type {
  DayExportProgress,
  DayExportResult,
  SummaryExportResult,
  SummaryPrintResult
} from '../summaryExport'
import type { PrivacyNotice } from '../privacyNotice'
import type { Result } from '../errors'
import type { IntakeAnswers } from '../types'
import type {
  DraftSaved,
  EntryMode,
  IntakePage,
  IntakeRecord,
  ListIntakesQuery,
  UnfinishedIntake
} from '../records'

/** Facts about the running app that the start screen and diagnostics show. */
export interface AppInfo {
  readonly version: string
  readonly dataDir: string
  /** `electron` in the desktop app; `web` when the renderer runs over the test transport. */
  readonly transport: 'electron' | 'web'
}

/** Who is at the keyboard, as the main process enforces it. */
export interface SessionState {
  readonly role: CallerRole
  /** The member of staff signed in; null when signed out and in patient mode. */
  readonly staff: StaffIdentity | null
  /** In patient mode, the one intake the renderer may read or write. */
  readonly intakeId: string | null
  /** First run: no staff account exists yet, so the app asks for its first administrator. */
  readonly needsFirstAdministrator: boolean
  /** Minutes without input before a signed-in session locks. */
  readonly idleLockMinutes: number
}

/** A name and its password or PIN, as typed at sign-in. */
export interface Credentials {
  readonly name: string
  readonly secret: string
}

type Empty = Record<string, never>

/** What a FHIR export reports back to the screen; the bundle itself never crosses IPC. */
export interface FhirExportResult {
  /** False when staff closed the save dialog (nothing was written). */
  readonly saved: boolean
  /** The file name written (no folder), or the one suggested when nothing was saved. */
  readonly fileName: string
  /** How many intakes the bundle holds. */
  readonly intakeCount: number
}

/**
 * Method name → argument and result types. Adding a method here without a
 * schema, a handler or an access rule is a compile error in each of those.
 */
export interface ApiContract {
  /** Version, data folder and transport of the running app. */
  getAppInfo: { args: Empty; result: AppInfo }
  /** Starts a new intake as a draft. */
  createDraft: { args: { answers: IntakeAnswers; entryMode: EntryMode }; result: IntakeRecord }
  /**
   * Saves the current answers of a draft (called at every step change and
   * after typing pauses). `revision` is the one this window last saved or
   * read: if the draft was saved elsewhere since, the save is a `conflict`.
   */
  saveDraft: { args: { id: string; revision: number; answers: IntakeAnswers }; result: DraftSaved }
  /**
   * Validates and submits a draft; stores the evaluation computed now as a
   * snapshot. A `conflict` when the draft changed since `revision`.
   */
  submitIntake: {
    args: { id: string; revision: number; answers: IntakeAnswers }
    result: IntakeRecord
  }
  /**
   * Corrects a submitted intake field by field with a reason. The answers it
   * replaces and the evaluation before it are kept; the evaluation is worked
   * out again. A `conflict` when the record changed since `revision`.
   */
  amendIntake: { args: AmendmentInput; result: IntakeRecord }
  /**
   * Patients already known under this name and date of birth (case-insensitive
   * names, accents kept), with their last visit, for staff to confirm one.
   */
  findReturningPatients: { args: ReturningPatientQuery; result: readonly ReturningPatient[] }
  /**
   * Starts a follow-up visit for a patient staff confirmed: a draft of the
   * short form, linked to the patient and their last visit.
   */
  startFollowUp: { args: { patientId: string; entryMode: EntryMode }; result: IntakeRecord }
  /** One intake with its evaluation. */
  getIntake: { args: { id: string }; result: IntakeRecord }
  /** One page of intakes, newest first, optionally filtered by status or name. */
  listIntakes: { args: ListIntakesQuery; result: IntakePage }
  /** Drafts not yet submitted, newest first: what the start screen offers to continue. */
  /** Drafts not yet submitted, highest concern first, then the most recently changed. */
  listUnfinished: { args: Empty; result: readonly UnfinishedIntake[] }
  /** Deletes a draft that will not be finished. Submitted intakes cannot be discarded. */
  discardDraft: { args: { id: string }; result: { id: string } }
  /** Who is signed in (or that nobody is), and in patient mode the intake it is locked to. */
  getSession: { args: Empty; result: SessionState }
  /** First run only: creates the first administrator and signs them in. */
  createFirstAdministrator: { args: Credentials; result: SessionState }
  /**
   * Signs a member of staff in. Wrong credentials count against that account:
   * from the fifth failure in a row it is locked for 30 s, then 1, 5 and 15 min.
   */
  signIn: { args: Credentials; result: SessionState }
  /** Signs out; `idle` when the app locked itself after the idle time (recorded as a lock). */
  signOut: { args: { reason: 'sign-out' | 'idle' }; result: SessionState }
  /** "Stay signed in": the person is still there, so the idle time starts again. */
  keepSignedIn: { args: Empty; result: SessionState }
  /** Changes the caller's own password or PIN; needs the current one. */
  changeOwnSecret: { args: { currentSecret: string; newSecret: string }; result: Empty }
  /** Every staff account (administrators). */
  listStaff: { args: Empty; result: readonly StaffMember[] }
  /** Adds a staff account with a role and a first password or PIN (administrators). */
  addStaff: { args: { name: string; role: StaffRole; secret: string }; result: StaffMember }
  /**
   * Changes an account's role or turns it off (administrators). The last
   * active administrator cannot be demoted or turned off.
   */
  updateStaff: {
    args: { id: string; role?: StaffRole; active?: boolean }
    result: StaffMember
  }
  /** Sets a new password or PIN for someone who forgot theirs, and clears their lockout (administrators). */
  resetStaffSecret: { args: { id: string; secret: string }; result: StaffMember }
  /** The idle time before the app locks. */
  getSecuritySettings: { args: Empty; result: SecuritySettings }
  /** Sets the idle time before the app locks (administrators). */
  setSecuritySettings: { args: SecuritySettings; result: SecuritySettings }
  /** Hands the device to the patient: only this intake is reachable until a member of staff signs in. */
  startPatientMode: { args: { intakeId: string }; result: SessionState }
  /** Returns the device to staff: a member of staff signs in (same lockout as `signIn`). */
  exitPatientMode: { args: Credentials; result: SessionState }
  /**
   * The renderer's answer to the `flushRequested` event: everything on screen
   * that can be saved is saved, so the window may close.
   */
  confirmFlushed: { args: Empty; result: Empty }
  /**
   * The clinic's name, address and phone number (empty strings where not set).
   * A damaged stored value reads as not set rather than failing.
   */
  getClinicDetails: { args: Empty; result: ClinicDetails }
  /**
   * Validates, normalises and stores the clinic's details; all three empty clears them.
   * Resolves to the details as stored; invalid input is refused with one issue per field.
   */
  setClinicDetails: { args: ClinicDetails; result: ClinicDetails }
  /**
   * The clinic's own privacy notice per language (`en`, `zh`, `es`); an empty
   * text means the app's default notice in that language, which the renderer
   * holds with the rest of its wording. A damaged stored value reads as all
   * defaults rather than failing.
   */
  getPrivacyNotice: { args: Empty; result: PrivacyNotice }
  /**
   * Validates, normalises and stores the clinic's privacy notice; an empty text
   * returns that language to the default. Resolves to the notice as stored;
   * invalid input is refused with one issue per language.
   */
  setPrivacyNotice: { args: PrivacyNotice; result: PrivacyNotice }
  /**
   * Saves one intake's PDF summary through the save dialog, suggesting
   * `YYYY-MM-DD Family, Given – intake.pdf`. The file is written atomically
   * (a temporary file, then a rename): a failure never leaves half a file.
   */
  exportSummaryPdf: { args: { id: string }; result: SummaryExportResult }
  /** Opens the system print dialog with the same document the export saves. */
  printSummary: { args: { id: string }; result: SummaryPrintResult }
  /**
   * Writes the summary of every intake submitted on `date` (local calendar
   * day) into a folder chosen in a dialog, one file each, pushing
   * `dayExportProgress` after each file. `cancelDayExport` stops it between files.
   */
  exportDaySummaries: { args: { date: string }; result: DayExportResult }
  /** Stops a running day's export after the file being written; false when none was running. */
  cancelDayExport: { args: Empty; result: { cancelled: boolean } }
  /** Paper size and contact details of the PDF summary (defaults when not set or damaged). */
  getPdfSettings: { args: Empty; result: PdfSettings }
  /** Validates and stores the PDF settings; resolves to them as stored. */
  setPdfSettings: { args: PdfSettings; result: PdfSettings }
  /**
   * Saves a FHIR R4 Bundle (the app's Questionnaire, each intake's
   * QuestionnaireResponse, score Observations, red-flag Flags and Patient) as
   * JSON through the save dialog, written atomically. Either the given intakes
   * (`ids`, 1 to 200) or every intake submitted on `date` (local calendar day;
   * a day with none is `not-found`).
   */
  exportFhir: {
    args: { readonly ids: readonly string[] } | { readonly date: string }
    result: FhirExportResult
  }
  /** A page of the audit trail, newest first, optionally filtered (administrators). */
  listAuditEvents: { args: AuditQuery; result: AuditPage }
  /** Recomputes the audit trail's hash chain and names the first broken entry (administrators). */
  verifyAuditTrail: { args: Empty; result: AuditVerification }
  /** The database's last integrity check, whether writing has stopped, and the last backup. */
  getDataHealth: { args: Empty; result: DataHealth }
  /** Runs a full integrity check now, off the main thread (administrators). */
  runIntegrityCheck: { args: Empty; result: DataHealth }
  /** Where backups go, how many are kept and whether one is made daily (administrators). */
  getBackupSettings: { args: Empty; result: BackupSettings }
  /** Validates and stores the backup settings (administrators). */
  setBackupSettings: { args: BackupSettings; result: BackupSettings }
  /** Opens a folder dialog for the backup folder; null when cancelled (administrators). */
  chooseBackupFolder: { args: Empty; result: { folder: string | null } }
  /** Makes a backup now with SQLite's online backup (administrators). */
  backupNow: { args: Empty; result: BackupInfo }
  /** The backups in the backup folder, newest first (administrators). */
  listBackups: { args: Empty; result: readonly BackupInfo[] }
  /**
   * Restores a backup from the backup folder: its integrity is checked first,
   * the current database is moved aside (never overwritten), and the app
   * restarts on the restored copy (administrators).
   */
  restoreBackup: { args: { fileName: string }; result: RestoreResult }
  /**
   * The queue: intakes of a range of local days (today by default), emergency
   * first and the one waiting longest first within a level, with counts per
   * level. The front desk sees names, status and concern; flags and triage
   * decisions are for clinicians.
   */
  listQueue: { args: QueueQuery; result: Queue }
  /** Search by name, date of birth, dates, concern, status, decision and words in free text. */
  searchIntakes: { args: SearchQuery; result: SearchResults }
  /**
   * Records a clinician's triage decision as a new version (earlier versions
   * stay); refused as a conflict when `expectedVersion` is not the latest.
   * Resolves to every version, oldest first.
   */
  recordTriage: { args: TriageInput; result: readonly TriageVersion[] }
}

export type ApiMethod = keyof ApiContract
export type ApiArgs<M extends ApiMethod> = ApiContract[M]['args']
export type ApiResult<M extends ApiMethod> = ApiContract[M]['result']

/**
 * What the main process tells the renderer without being asked, each event
 * with its payload. Listeners are added with `window.api.on`, which returns
 * the function that removes them.
 */
export interface ApiEvents {
  /** The window is closing (or the app quitting): save what is unsaved, then call `confirmFlushed`. */
  flushRequested: Empty
  /** A day's export wrote another file (or is starting, with `done` 0). */
  dayExportProgress: DayExportProgress
  /** The session changed without the renderer asking (the main process locked it, patient mode ended). */
  sessionChanged: SessionState
  /** The background integrity check finished, or writing stopped. */
  dataHealthChanged: DataHealth
  /** An intake was created, saved, submitted, reviewed or discarded (staff screens refresh). */
  intakesChanged: IntakesChanged
}

export type ApiEvent = keyof ApiEvents

/** Every event name, as a runtime list for the preload and the test transport. */
export const API_EVENTS = [
  'flushRequested',
  'dayExportProgress',
  'sessionChanged',
  'dataHealthChanged',
  'intakesChanged'
] as const satisfies readonly ApiEvent[]

type UnlistedEvent = Exclude<ApiEvent, (typeof API_EVENTS)[number]>
/** Compile-time proof that API_EVENTS names every event of the contract. */
export const assertAllEventsListed: UnlistedEvent extends never ? true : never = true

/** The IPC channel of an event pushed to the renderer: the only place one is formed. */
export function eventChannelFor(event: ApiEvent): `app-event:${ApiEvent}` {
  return `app-event:${event}`
}

/** The API the renderer sees as `window.api`. */
export type AppApi = {
  readonly [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiResult<M>>>
} & {
  /** Listens to one event from the main process; returns the function that stops listening. */
  readonly on: <E extends ApiEvent>(
    event: E,
    listener: (payload: ApiEvents[E]) => void
  ) => () => void
}

/**
 * Every method name, as a runtime list for the preload and the test transport.
 * The `satisfies` below and {@link assertAllMethodsListed} keep it complete.
 */
export const API_METHODS = [
  'getAppInfo',
  'createDraft',
  'saveDraft',
  'submitIntake',
  'amendIntake',
  'findReturningPatients',
  'startFollowUp',
  'getIntake',
  'listIntakes',
  'listUnfinished',
  'discardDraft',
  'getSession',
  'createFirstAdministrator',
  'signIn',
  'signOut',
  'keepSignedIn',
  'changeOwnSecret',
  'listStaff',
  'addStaff',
  'updateStaff',
  'resetStaffSecret',
  'getSecuritySettings',
  'setSecuritySettings',
  'startPatientMode',
  'exitPatientMode',
  'confirmFlushed',
  'getClinicDetails',
  'setClinicDetails',
  'getPrivacyNotice',
  'setPrivacyNotice',
  'exportSummaryPdf',
  'printSummary',
  'exportDaySummaries',
  'cancelDayExport',
  'getPdfSettings',
  'setPdfSettings',
  'exportFhir',
  'listAuditEvents',
  'verifyAuditTrail',
  'getDataHealth',
  'runIntegrityCheck',
  'getBackupSettings',
  'setBackupSettings',
  'chooseBackupFolder',
  'backupNow',
  'listBackups',
  'restoreBackup',
  'listQueue',
  'searchIntakes',
  'recordTriage'
] as const satisfies readonly ApiMethod[]

type Unlisted = Exclude<ApiMethod, (typeof API_METHODS)[number]>
/** Compile-time proof that API_METHODS names every method of the contract. */
export const assertAllMethodsListed: Unlisted extends never ? true : never = true

/** The IPC channel of a method: the only place a channel name is formed. */
export function channelFor(method: ApiMethod): `app:${ApiMethod}` {
  return `app:${method}`
}

/** The method a channel belongs to, or null for a channel outside the contract. */
export function methodForChannel(channel: string): ApiMethod | null {
  if (!channel.startsWith('app:')) return null
  const name = channel.slice(4)
  return (API_METHODS as readonly string[]).includes(name) ? (name as ApiMethod) : null
}

const ANYONE: readonly CallerRole[] = ['signed-out', 'patient', ...rolesFrom('front-desk')]
const SIGNED_OUT: readonly CallerRole[] = ['signed-out']
const PATIENT: readonly CallerRole[] = ['patient']
const FRONT_DESK = rolesFrom('front-desk')
const CLINICIAN = rolesFrom('clinician')
const ADMINISTRATOR = rolesFrom('administrator')
const FRONT_DESK_OR_PATIENT: readonly CallerRole[] = [...FRONT_DESK, 'patient']

/**
 * Which callers may call each method, and whether a patient's call must name
 * the intake patient mode is locked to. The dispatcher checks this before it
 * reads a single argument. Roles build on each other (front desk, clinician,
 * administrator); a patient never reaches another record.
 *
 * The front desk may open an intake only while it is a draft (to continue
 * it); the full submitted record is for clinicians. That needs the record, so
 * the intake service checks it.
 */
export const METHOD_ACCESS: {
  readonly [M in ApiMethod]: {
    readonly roles: readonly CallerRole[]
    readonly lockedIntakeOnly?: true
  }
} = {
  // The data folder path is nothing a patient or a passer-by needs to see.
  getAppInfo: { roles: FRONT_DESK },
  createDraft: { roles: FRONT_DESK },
  saveDraft: { roles: FRONT_DESK_OR_PATIENT, lockedIntakeOnly: true },
  submitIntake: { roles: FRONT_DESK_OR_PATIENT, lockedIntakeOnly: true },
  // Correcting the clinical record is a clinician's act, recorded with their name.
  amendIntake: { roles: CLINICIAN },
  // The front desk starts visits: it confirms who the returning patient is.
  findReturningPatients: { roles: FRONT_DESK },
  startFollowUp: { roles: FRONT_DESK },
  getIntake: { roles: FRONT_DESK_OR_PATIENT, lockedIntakeOnly: true },
  // The queue: names, status and concern, which the front desk works from.
  listIntakes: { roles: FRONT_DESK },
  listUnfinished: { roles: FRONT_DESK },
  discardDraft: { roles: FRONT_DESK },
  getSession: { roles: ANYONE },
  createFirstAdministrator: { roles: SIGNED_OUT },
  signIn: { roles: SIGNED_OUT },
  signOut: { roles: FRONT_DESK },
  keepSignedIn: { roles: FRONT_DESK },
  changeOwnSecret: { roles: FRONT_DESK },
  listStaff: { roles: ADMINISTRATOR },
  addStaff: { roles: ADMINISTRATOR },
  updateStaff: { roles: ADMINISTRATOR },
  resetStaffSecret: { roles: ADMINISTRATOR },
  // Every signed-in screen needs the idle time; only administrators change it.
  getSecuritySettings: { roles: FRONT_DESK },
  setSecuritySettings: { roles: ADMINISTRATOR },
  startPatientMode: { roles: FRONT_DESK },
  exitPatientMode: { roles: PATIENT },
  // Any window may confirm its own flush: closing must never wait on a role.
  confirmFlushed: { roles: ANYONE },
  // The patient's emergency screen shows the clinic's phone; it describes the clinic, not a patient.
  getClinicDetails: { roles: FRONT_DESK_OR_PATIENT },
  setClinicDetails: { roles: ADMINISTRATOR },
  // The patient reads the notice on the consent step before ticking the privacy box.
  getPrivacyNotice: { roles: FRONT_DESK_OR_PATIENT },
  setPrivacyNotice: { roles: ADMINISTRATOR },
  // Summaries leave the app as files or paper: exports are a clinician's decision;
  // the front desk prints the summary for the consultation.
  exportSummaryPdf: { roles: CLINICIAN },
  printSummary: { roles: FRONT_DESK },
  exportDaySummaries: { roles: CLINICIAN },
  cancelDayExport: { roles: CLINICIAN },
  getPdfSettings: { roles: FRONT_DESK },
  setPdfSettings: { roles: ADMINISTRATOR },
  // A bundle of clinical records leaving the app: clinicians, like the PDF export.
  exportFhir: { roles: CLINICIAN },
  listAuditEvents: { roles: ADMINISTRATOR },
  verifyAuditTrail: { roles: ADMINISTRATOR },
  // Every signed-in screen shows the banner when writing has stopped.
  getDataHealth: { roles: FRONT_DESK },
  runIntegrityCheck: { roles: ADMINISTRATOR },
  getBackupSettings: { roles: ADMINISTRATOR },
  setBackupSettings: { roles: ADMINISTRATOR },
  chooseBackupFolder: { roles: ADMINISTRATOR },
  backupNow: { roles: ADMINISTRATOR },
  listBackups: { roles: ADMINISTRATOR },
  restoreBackup: { roles: ADMINISTRATOR },
  // The front desk works from the queue too; the handler leaves out flags and decisions for it.
  listQueue: { roles: FRONT_DESK },
  // Search reaches free text: clinical content, for clinicians.
  searchIntakes: { roles: CLINICIAN },
  recordTriage: { roles: CLINICIAN }
}
