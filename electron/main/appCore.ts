/**
 * Everything the app does behind the IPC transport, wired once: database,
 * services, handlers and the dispatcher. The Electron entry point and the
 * end-to-end test transport both build the app through this function, so the
 * tests exercise the same wiring the desktop app runs.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiEvents, AppInfo, SessionState } from '../../src/domain'
import { createHandlers } from './handlers'
import { createDispatcher, type Dispatch } from './ipc'
import { openDatabase } from './services/database/openDatabase'
import { createFhirExportService } from './services/export/fhirExportService'
import type { SaveFile } from './services/export/saveFile'
import { createSqliteIntakeService } from './services/intakes/sqliteIntakeService'
import type { SummaryOutput } from './services/pdf/summaryService'
import { wireSummaries } from './services/pdf/summaryWiring'
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
  /** Told when patient mode starts or ends (the desktop app goes full screen for the patient). */
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
  /** The PDF fonts folder and the built PDF worker, when not the checkout's own. */
  readonly pdf?: { readonly fontDir?: string; readonly workerFile?: string }
}

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
  try {
    const now = options.now ?? (() => new Date())
    const intakes = createSqliteIntakeService(db, { now })
    const settings = createSqliteSettingsStore(db)
    const session = await createSessionService(settings, intakes, { now }, (state) =>
      options.onSessionChange?.(state)
    )
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
      onFlushed: () => options.onFlushed?.()
    })
    const dispatch = createDispatcher(handlers, {
      context: () => session.context(),
      logError: (method, error) => options.logError?.(method, error)
    })
    return {
      dispatch,
      databasePath,
      session: await session.state(),
      close: () => {
        void pdf.renderer.close()
        db.close()
      }
    }
  } catch (error) {
    db.close()
    throw error
  }
}
