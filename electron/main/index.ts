/**
 * App lifecycle only: open the app core, create the window, register IPC,
 * and refuse to start (with a clear message) when the database must not be
 * touched. Everything else lives in services that run without Electron.
 */
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createAppCore, type AppCore } from './appCore'
import { registerIpcHandlers } from './ipc'
import { DatabaseOpenError } from './services/database/openDatabase'
import { createDialogSaveFile } from './services/export/saveFile'
import { createElectronSummaryOutput } from './summaryOutput'
import { eventChannelFor } from '../../src/domain/ipc/contract'
import type { CloseGuard } from './closeGuard'
import { createMainWindow, guardWindowClose, hardenWebContents, isTrustedSender } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
const rendererUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const appOrigin = rendererUrl ? new URL(rendererUrl).origin : pathToFileURL(rendererFile).href

let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null
let closeGuard: CloseGuard | null = null

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)

  const dataDir = process.env['BACK_INTAKE_DATA_DIR'] || app.getPath('userData')
  // Outside a packaged app the database driver may be a copy built for Electron
  // next to the one the Node test suite uses (see scripts/electron-native.mjs).
  const nativeBinding = app.isPackaged ? undefined : process.env['BACK_INTAKE_SQLITE_BINDING']
  try {
    core = await createAppCore({
      dataDir,
      version: app.getVersion(),
      transport: 'electron',
      ...(nativeBinding ? { nativeBinding } : {}),
      logError: (context, error) => console.error(`[${context}]`, error),
      // The patient sees only their intake, full screen; staff get the window back.
      onSessionChange: (state) => mainWindow?.setFullScreen(state.role === 'patient'),
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
      emit: (event, payload) => mainWindow?.webContents.send(eventChannelFor(event), payload),
      // The PDF worker is built beside this file; a packaged app keeps its fonts outside the archive.
      pdf: {
        workerFile: join(here, 'pdfWorker.js'),
        fontDir: app.isPackaged
          ? join(process.resourcesPath, 'fonts')
          : join(here, '../../resources/fonts')
      }
    })
  } catch (error) {
    const message =
      error instanceof DatabaseOpenError
        ? error.message
        : `The app could not open its data folder ${dataDir}.`
    dialog.showErrorBox('Back Intake cannot start', message)
    console.error(error)
    app.exit(1)
    return
  }

  mainWindow = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    rendererUrl,
    rendererFile
  })
  closeGuard = guardWindowClose(mainWindow)
  if (core.session.role === 'patient')
    mainWindow.once('ready-to-show', () => mainWindow?.setFullScreen(true))
  registerIpcHandlers(ipcMain, core.dispatch, (event) =>
    isTrustedSender(mainWindow, event, appOrigin)
  )
  mainWindow.on('closed', () => {
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
