/**
 * The one IPC contract between the renderer and the main process. Preload,
 * main-process handlers and the renderer's `window.api` type are all derived
 * from it; a channel name is never written by hand.
 *
 * Every method takes one plain argument object and resolves to a `Result`, so
 * an expected failure (bad input, not found, a refused role) reaches the UI as
 * a value it can show, never as a thrown stack trace.
 */
import type { ClinicDetails } from '../clinicDetails'
import type { PdfSettings } from '../pdfSettings'
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
export type Role = 'staff' | 'patient'

export interface SessionState {
  readonly role: Role
  /** In patient mode, the one intake the renderer may read or write. */
  readonly intakeId: string | null
  /** Whether a staff PIN has been set (patient mode cannot start without one). */
  readonly staffPinSet: boolean
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
  /** Saves the current answers of a draft (called at every step change and after typing pauses). */
  saveDraft: { args: { id: string; answers: IntakeAnswers }; result: DraftSaved }
  /** Validates and submits a draft; stores the evaluation computed now as a snapshot. */
  submitIntake: { args: { id: string; answers: IntakeAnswers }; result: IntakeRecord }
  /** One intake with its evaluation. */
  getIntake: { args: { id: string }; result: IntakeRecord }
  /** One page of intakes, newest first, optionally filtered by status or name. */
  listIntakes: { args: ListIntakesQuery; result: IntakePage }
  /** Drafts not yet submitted, newest first: what the start screen offers to continue. */
  /** Drafts not yet submitted, highest concern first, then the most recently changed. */
  listUnfinished: { args: Empty; result: readonly UnfinishedIntake[] }
  /** Deletes a draft that will not be finished. Submitted intakes cannot be discarded. */
  discardDraft: { args: { id: string }; result: { id: string } }
  /** The current role and, in patient mode, the intake it is locked to. */
  getSession: { args: Empty; result: SessionState }
  /** Sets or changes the staff PIN (4 to 8 digits); the current PIN is needed to change it. */
  setStaffPin: { args: { currentPin?: string; newPin: string }; result: SessionState }
  /** Hands the device to the patient: only this intake is reachable until a staff PIN is entered. */
  startPatientMode: { args: { intakeId: string }; result: SessionState }
  /** Returns the device to staff; needs the staff PIN. */
  exitPatientMode: { args: { pin: string }; result: SessionState }
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
}

export type ApiEvent = keyof ApiEvents

/** Every event name, as a runtime list for the preload and the test transport. */
export const API_EVENTS = [
  'flushRequested',
  'dayExportProgress'
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
  'getIntake',
  'listIntakes',
  'listUnfinished',
  'discardDraft',
  'getSession',
  'setStaffPin',
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
  'exportFhir'
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

/**
 * Which roles may call each method, and whether the call must name the intake
 * that patient mode is locked to. Patient mode never reaches another record.
 */
export const METHOD_ACCESS: {
  readonly [M in ApiMethod]: { readonly roles: readonly Role[]; readonly lockedIntakeOnly?: true }
} = {
  // Staff only: the data folder path is nothing a patient needs to see.
  getAppInfo: { roles: ['staff'] },
  createDraft: { roles: ['staff'] },
  saveDraft: { roles: ['staff', 'patient'], lockedIntakeOnly: true },
  submitIntake: { roles: ['staff', 'patient'], lockedIntakeOnly: true },
  getIntake: { roles: ['staff', 'patient'], lockedIntakeOnly: true },
  listIntakes: { roles: ['staff'] },
  listUnfinished: { roles: ['staff'] },
  discardDraft: { roles: ['staff'] },
  getSession: { roles: ['staff', 'patient'] },
  setStaffPin: { roles: ['staff'] },
  startPatientMode: { roles: ['staff'] },
  exitPatientMode: { roles: ['patient'] },
  confirmFlushed: { roles: ['staff', 'patient'] },
  // The patient's emergency screen shows the clinic's phone; it describes the clinic, not a patient.
  getClinicDetails: { roles: ['staff', 'patient'] },
  setClinicDetails: { roles: ['staff'] },
  // The patient reads the notice on the consent step before ticking the privacy box.
  getPrivacyNotice: { roles: ['staff', 'patient'] },
  setPrivacyNotice: { roles: ['staff'] },
  // Summaries leave the app as files or paper: staff decide that, never the patient's screen.
  exportSummaryPdf: { roles: ['staff'] },
  printSummary: { roles: ['staff'] },
  exportDaySummaries: { roles: ['staff'] },
  cancelDayExport: { roles: ['staff'] },
  getPdfSettings: { roles: ['staff'] },
  setPdfSettings: { roles: ['staff'] },
  // A bundle of clinical records leaving the app: staff only, like the PDF.
  exportFhir: { roles: ['staff'] }
}
