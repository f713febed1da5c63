/**
 * Everything the app does behind the IPC transport, wired once: database,
 * services, handlers and the dispatcher. The Electron entry point and the
 * end-to-end test transport both build the app through this function, so the
 * tests exercise the same wiring the desktop app runs.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo, SessionState } from '../../src/domain'
import { createHandlers } from './handlers'
import { createDispatcher, type Dispatch } from './ipc'
import { openDatabase } from './services/database/openDatabase'
import { createSqliteIntakeService } from './services/intakes/sqliteIntakeService'
import { createSessionService } from './services/session/sessionService'
import { createClinicDetailsService } from './services/settings/clinicDetailsService'
import { createPrivacyNoticeService } from './services/settings/privacyNoticeService'
import { createSqliteSettingsStore } from './services/settings/settingsStore'

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
}

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
    const handlers = createHandlers({
      intakes,
      session,
      clinicDetails: createClinicDetailsService(settings),
      privacyNotice: createPrivacyNoticeService(settings),
      appInfo: { version: options.version, dataDir: options.dataDir, transport: options.transport },
      onFlushed: () => options.onFlushed?.()
    })
    const dispatch = createDispatcher(handlers, {
      context: () => session.context(),
      logError: (method, error) => options.logError?.(method, error)
    })
    return { dispatch, databasePath, session: await session.state(), close: () => db.close() }
  } catch (error) {
    db.close()
    throw error
  }
}
