/**
 * App lifecycle only: register the app:// protocol, open the app core, create
 * the window, register IPC, switch the kiosk on and off with patient mode,
 * and offer to restore a backup (or quit) when the database must not be
 * touched. Everything else lives in services that run without Electron.
 */
import {
  app,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type BrowserWindow,
  type OpenDialogOptions
} from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SessionState } from '../../src/domain'
import { eventChannelFor } from '../../src/domain/ipc/contract'
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from './appCore'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler
} from './appProtocol'
import type { CloseGuard } from './closeGuard'
import { isProductionBuild, readDevOverrides } from './devOverrides'
import { registerIpcHandlers } from './ipc'
import { productionMenuTemplate, shouldRefuseClose } from './kiosk'
import { DatabaseOpenError } from './services/database/openDatabase'
import { restoreDatabaseFile } from './services/dataSafety/backups'
import { createDialogSaveFile } from './services/export/saveFile'
import { createElectronRecoveryDialogs, recoverFromUnusableDatabase } from './startupRecovery'
import { createElectronSummaryOutput } from './summaryOutput'
import {
  createMainWindow,
  guardWindowClose,
  hardenWebContents,
  isTrustedSender,
  lockDownInput
} from './window'

const here = dirname(fileURLToPath(import.meta.url))
const build = { isPackaged: app.isPackaged, developmentBuild: import.meta.env.DEV }
/** Environment overrides, honoured only outside a packaged app (see devOverrides.ts). */
const overrides = readDevOverrides(process.env, build)
const production = isProductionBuild(build)
const appOrigin = overrides.rendererUrl ? new URL(overrides.rendererUrl).origin : APP_ORIGIN

let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null
let closeGuard: CloseGuard | null = null
/** The patient has the device: kiosk on, escape keys swallowed, close refused. */
let patientMode = false
/**
 * The app is on its way out for a reason the patient cannot cause, so a
 * patient-mode close must go through. `before-quit` comes from the operating
 * system (shutdown or logout on macOS, SIGTERM from a Linux session manager)
 * or from the app itself (a restart); the patient has no menu, and the quit
 * and close keys are swallowed (kiosk.ts). On Windows a shutdown or logoff
 * closes windows without before-quit, so the window's `query-session-end`
 * and `session-end` set it too. Refusing the close then would make Windows
 * report "This app is preventing shutdown" and macOS cancel the logout; the
 * close guard still saves the page first.
 */
let quitting = false

// A scheme's privileges can only be registered before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, { appOrigin, production })
)

app.on('before-quit', () => {
  quitting = true
})

/** Puts the window in kiosk mode while the patient has the device, and back when staff take it. */
function applySession(state: SessionState): void {
  patientMode = state.role === 'patient'
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setKiosk(patientMode)
}

/** Relaunches on the same data folder: after a backup was restored the database file changed under the app. */
function restart(): void {
  quitting = true
  app.relaunch()
  app.exit(0)
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  if (production) {
    const template = productionMenuTemplate(process.platform, app.name)
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null)
  }
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(here, '../renderer'),
      onRefused: (url, reason) => console.warn(`[app protocol] refused ${url}: ${reason}`)
    })
  )

  const dataDir = overrides.dataDir ?? app.getPath('userData')
  try {
    core = await createAppCore({
      dataDir,
      version: app.getVersion(),
      transport: 'electron',
      logError: (context, error) => console.error(`[${context}]`, error),
      // The patient sees only their intake, in a kiosk; staff get the window back.
      onSessionChange: applySession,
      // The renderer saved its last answers: the close it was holding may go ahead.
      onFlushed: () => closeGuard?.flushed(),
      // Exports are saved where staff choose, starting in their documents folder.
      saveFile: createDialogSaveFile(
        dialog,
        () => mainWindow,
        () => app.getPath('documents')
      ),
      // A day's PDF export picks its folder; printing goes to the system print dialog.
      summaryOutput: createElectronSummaryOutput({
        window: () => mainWindow,
        defaultFolder: () => app.getPath('documents')
      }),
      // The backup folder is chosen in a folder dialog over the window.
      chooseFolder: async (title) => {
        const settings: OpenDialogOptions = {
          title,
          properties: ['openDirectory', 'createDirectory']
        }
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, settings)
          : await dialog.showOpenDialog(settings)
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      requestRestart: restart,
      // Contract events (sessionChanged, dataHealthChanged, export progress...) go to the window.
      emit: (event, payload) => mainWindow?.webContents.send(eventChannelFor(event), payload),
      // The PDF worker is built beside this file; a packaged app keeps its fonts outside the archive.
      pdf: {
        workerFile: join(here, 'pdfWorker.js'),
        fontDir: app.isPackaged
          ? join(process.resourcesPath, 'fonts')
          : join(here, '../../resources/fonts')
      },
      // The integrity check's worker is found beside the bundle (integrityCheck.ts
      // defaultIntegrityWorkerFile), inside app.asar too. The desktop app runs the
      // check after start and the daily backup; unit tests of the core do not.
      background: true
    })
  } catch (error) {
    console.error(error)
    if (error instanceof DatabaseOpenError) {
      const outcome = await recoverFromUnusableDatabase({
        problem: error.message,
        dialogs: createElectronRecoveryDialogs(dialog, dataDir),
        restore: (backupPath) =>
          restoreDatabaseFile({
            dataDir,
            databaseFileName: DATABASE_FILE_NAME,
            backupPath,
            now: new Date()
          }),
        logError: (refusal) => console.error('[restore]', refusal)
      })
      if (outcome === 'restored') restart()
      else app.exit(1)
      return
    }
    dialog.showErrorBox(
      'Back Intake cannot start',
      `The app could not open its data folder ${dataDir}.`
    )
    app.exit(1)
    return
  }

  patientMode = core.session.role === 'patient'
  const window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    url: overrides.rendererUrl ?? APP_ENTRY_URL,
    production
  })
  mainWindow = window
  lockDownInput(window.webContents, () => ({ patientMode, production }))
  closeGuard = guardWindowClose(window, {
    refuseClose: () => shouldRefuseClose({ patientMode, quitting })
  })
  window.on('query-session-end', () => {
    quitting = true
  })
  window.on('session-end', () => {
    quitting = true
  })
  if (patientMode) window.once('ready-to-show', () => window.setKiosk(true))
  registerIpcHandlers(ipcMain, core.dispatch, (event) =>
    isTrustedSender(mainWindow, event, appOrigin)
  )
  window.on('closed', () => {
    mainWindow = null
  })
}

app.whenReady().then(start, (error: unknown) => {
  console.error(error)
  app.exit(1)
})

app.on('window-all-closed', () => app.quit())
app.on('will-quit', () => {
  core?.close()
  core = null
})
