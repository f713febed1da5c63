/**
 * Everything the app does behind the IPC transport, wired once: database,
 * services, handlers and the dispatcher. The Electron entry point and the
 * end-to-end test transport both build the app through this function, so the
 * tests exercise the same wiring the desktop app runs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiEvents, ApiMethod, AppInfo, AuditEntryInput, SessionState } from '../../src/domain'
import { auditActorOf, createHandlers } from './handlers'
import { createDispatcher, currentCaller, type Dispatch } from './ipc'
import { createAuditTrail } from './services/audit/auditTrail'
import { createDataSafetyService } from './services/dataSafety/dataSafetyService'
import { createStaffAccounts } from './services/session/staffAccounts'
import { openDatabase } from './services/database/openDatabase'
import { createFhirExportService } from './services/export/fhirExportService'
import type { SaveFile } from './services/export/saveFile'
import { createSqliteIntakeService } from './services/intakes/sqliteIntakeService'
import type { SummaryOutput } from './services/pdf/summaryService'
import { wireSummaries } from './services/pdf/summaryWiring'
import { createQueueService } from './services/review/queueService'
import { createSearchService } from './services/review/searchService'
import { createTriageService } from './services/review/triageService'
import { createSessionService } from './services/session/sessionService'
import { createClinicDetailsService } from './services/settings/clinicDetailsService'
import { createPrivacyNoticeService } from './services/settings/privacyNoticeService'
import { createSqliteSettingsStore } from './services/settings/settingsStore'
import { ServiceError } from './services/serviceError'

export const DATABASE_FILE_NAME = 'back-intake.sqlite3'

export interface AppCoreOptions {
  readonly dataDir: string
  readonly version: string
  readonly transport: AppInfo['transport']
  /** A better-sqlite3 binary built for this runtime (Electron), when it is not the default one. */
  readonly nativeBinding?: string
  readonly now?: () => Date
  readonly logError?: (context: string, error: unknown) => void
  /** Told when the session changes (patient mode puts the desktop window in kiosk mode). */
  readonly onSessionChange?: (state: SessionState) => void
  /** Told when the renderer confirms it saved everything, so a closing window may close. */
  readonly onFlushed?: () => void
  /**
   * Where exports are saved: the save dialog in the desktop app, a folder in
   * the tests. Without one, an export is refused with a plain message.
   */
  readonly saveFile?: SaveFile
  /** The folder dialog and the print dialog of the PDF summaries (the desktop shell's). */
  readonly summaryOutput?: SummaryOutput
  /** Pushes an event to the renderer (a day's PDF export reports its progress). */
  readonly emit?: <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void
  /** A folder dialog (the backup folder); resolves to null when cancelled. */
  readonly chooseFolder?: (title: string) => Promise<string | null>
  /**
   * Restarts the app (after a backup was restored, the database file changed
   * under it). The desktop app relaunches itself; the tests start a new core.
   */
  readonly requestRestart?: () => void
  /** The PDF fonts folder and the built PDF worker, when not the checkout's own. */
  readonly pdf?: { readonly fontDir?: string; readonly workerFile?: string }
  /** The built integrity-check worker, when not the checkout's own `out/main/integrityWorker.js`. */
  readonly integrityWorkerFile?: string
  /** Whether to start the background integrity check and the daily backup (off in unit tests). */
  readonly background?: boolean
}

/**
 * The methods that write to the database. When the integrity check has
 * failed they are refused with a plain message before any handler runs:
 * writing into a damaged file can spread the damage, and a backup is the way
 * back.
 */
const WRITING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'createDraft',
  'saveDraft',
  'submitIntake',
  'discardDraft',
  'changeOwnSecret',
  'addStaff',
  'updateStaff',
  'resetStaffSecret',
  'setSecuritySettings',
  'startPatientMode',
  'setClinicDetails',
  'setPrivacyNotice',
  'setPdfSettings',
  'recordTriage'
])

const READ_ONLY_MESSAGE =
  'Saving has stopped: the database failed its integrity check. Nothing was changed. ' +
  'Records can still be read; an administrator can restore a backup in Settings.'
const RESTARTING_MESSAGE = 'The app is restarting on the restored backup.'
/** Left in the data folder by a restore, so the restored database's trail records it. */
const RESTORE_NOTE_FILE = 'restore-note.json'

/** The saver of a core built without one (unit tests that never export). */
const NO_SAVE_FILE: SaveFile = () =>
  Promise.reject(new ServiceError('internal', 'Saving files is not available here.'))

export interface AppCore {
  readonly dispatch: Dispatch
  readonly databasePath: string
  /** The session as the app starts (patient mode survives a restart). */
  readonly session: SessionState
  close(): void
}

/** Opens the database in `dataDir` (throws DatabaseOpenError when it must not be used) and wires the app. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  mkdirSync(options.dataDir, { recursive: true })
  const databasePath = join(options.dataDir, DATABASE_FILE_NAME)
  const db = openDatabase(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  )
  let closed = false
  try {
    const now = options.now ?? (() => new Date())
    const log = (context: string, error: unknown): void => options.logError?.(context, error)
    const auditTrail = createAuditTrail(db, { now })
    /**
     * Appends to the trail. An entry the disk cannot take (full, read-only, a
     * database that failed its check) is logged and does not stop the action:
     * a member of staff must still be able to sign in to restore a backup.
     * An entry the trail refuses as malformed is a bug, and fails the call.
     */
    const audit = (entry: AuditEntryInput): void => {
      try {
        auditTrail.append(entry)
      } catch (error) {
        if (!(error instanceof ServiceError) || error.code !== 'storage') throw error
        log('audit', error)
      }
    }
    const intakes = createSqliteIntakeService(db, {
      now,
      // Inside the save's transaction: an alert is in the trail exactly when it is in the history.
      onRedFlagEvents: (intakeId, events) => {
        const caller = currentCaller()
        for (const event of events) {
          if (event.kind !== 'alert') continue
          auditTrail.append({
            actor: caller
              ? auditActorOf(caller)
              : { staffId: null, name: null, role: event.by === 'patient' ? 'patient' : 'system' },
            action: 'red-flag-alert',
            intakeId,
            detail: { condition: event.condition, level: event.level }
          })
        }
      }
    })
    const settings = createSqliteSettingsStore(db)
    const accounts = createStaffAccounts(db, { now })
    const session = await createSessionService({
      settings,
      accounts,
      intakes,
      now,
      audit,
      onChange: (state) => {
        options.onSessionChange?.(state)
        options.emit?.('sessionChanged', state)
      }
    })
    let restarting = false
    const dataSafety = createDataSafetyService({
      db,
      databasePath,
      dataDir: options.dataDir,
      settings,
      now,
      ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
      ...(options.integrityWorkerFile ? { integrityWorkerFile: options.integrityWorkerFile } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      onHealthChange: (health) => options.emit?.('dataHealthChanged', health),
      onAutomaticBackup: (backup) =>
        audit({
          actor: { staffId: null, name: null, role: 'system' },
          action: 'backup-created',
          detail: { fileName: backup.fileName, automatic: true }
        }),
      onError: log,
      closeDatabase: () => {
        restarting = true
        pdf.renderer.close().catch((error: unknown) => log('pdf', error))
        if (!closed) {
          closed = true
          db.close()
        }
      },
      requestRestart: () => {
        const caller = currentCaller()
        writeFileSync(
          join(options.dataDir, RESTORE_NOTE_FILE),
          JSON.stringify({ actor: caller ? auditActorOf(caller) : null, at: now().toISOString() })
        )
        options.requestRestart?.()
      }
    })
    recordRestore(options.dataDir, audit)
    const clinicDetails = createClinicDetailsService(settings)
    const pdf = wireSummaries({
      intakes,
      settings,
      clinicDetails,
      saveFile: options.saveFile ?? NO_SAVE_FILE,
      ...(options.summaryOutput ? { output: options.summaryOutput } : {}),
      now,
      ...(options.emit ? { emit: options.emit } : {}),
      ...options.pdf
    })
    const handlers = createHandlers({
      intakes,
      session,
      accounts,
      audit: {
        append: audit,
        list: (query) => auditTrail.list(query),
        verify: () => auditTrail.verify()
      },
      dataSafety,
      clinicDetails,
      pdfSettings: pdf.pdfSettings,
      summaries: pdf.summaries,
      privacyNotice: createPrivacyNoticeService(settings),
      fhirExport: createFhirExportService({
        intakes,
        saveFile: options.saveFile ?? NO_SAVE_FILE,
        now
      }),
      appInfo: { version: options.version, dataDir: options.dataDir, transport: options.transport },
      triage: createTriageService(db, { intakes, now }),
      queue: createQueueService(db, { now }),
      search: createSearchService(db, { now }),
      onFlushed: () => options.onFlushed?.(),
      // The change is saved by now: a window that cannot be told (closing, gone)
      // must not turn the save into an error, so a failure is only logged.
      onIntakesChanged: (change) => {
        try {
          options.emit?.('intakesChanged', change)
        } catch (error) {
          log('intakesChanged', error)
        }
      }
    })
    const dispatchChecked = createDispatcher(handlers, {
      context: () => session.context(),
      logError: (method, error) => options.logError?.(method, error)
    })
    const dispatch: Dispatch = (method, rawArgs) => {
      if (restarting) {
        return Promise.resolve({
          ok: false,
          error: { code: 'conflict', message: RESTARTING_MESSAGE }
        })
      }
      if (WRITING_METHODS.has(method) && dataSafety.isReadOnly()) {
        return Promise.resolve({
          ok: false,
          error: { code: 'conflict', message: READ_ONLY_MESSAGE }
        })
      }
      return dispatchChecked(method, rawArgs)
    }
    if (options.background) {
      dataSafety.startBackgroundCheck()
      dataSafety.startDailySchedule()
    }
    return {
      dispatch,
      databasePath,
      session: session.state(),
      close: () => {
        dataSafety.stop()
        void pdf.renderer.close()
        // A backup in progress reads through this connection: it finishes (or fails whole) first.
        void dataSafety.whenIdle().finally(() => {
          if (!closed) {
            closed = true
            db.close()
          }
        })
      }
    }
  } catch (error) {
    if (!closed) db.close()
    throw error
  }
}

/**
 * After a restore the app starts on the restored database, whose trail knows
 * nothing of it: the note the restore left says who did it, and goes once
 * it is in the trail.
 */
function recordRestore(dataDir: string, audit: (entry: AuditEntryInput) => void): void {
  const notePath = join(dataDir, RESTORE_NOTE_FILE)
  if (!existsSync(notePath)) return
  let actor: AuditEntryInput['actor'] = { staffId: null, name: null, role: 'system' }
  let at: string | null = null
  try {
    const note: unknown = JSON.parse(readFileSync(notePath, 'utf8'))
    if (typeof note === 'object' && note !== null) {
      const fields = note as { actor?: unknown; at?: unknown }
      const stored = fields.actor as AuditEntryInput['actor'] | null | undefined
      if (stored && typeof stored === 'object' && typeof stored.role === 'string') actor = stored
      if (typeof fields.at === 'string') at = fields.at.slice(0, 40)
    }
  } catch {
    // A damaged note still means a restore happened; it is recorded without a name.
  }
  audit({ actor, action: 'backup-restored', detail: { restoredAt: at } })
  rmSync(notePath, { force: true })
}
