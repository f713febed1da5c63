/**
 * The app window with the Electron security baseline: an isolated, sandboxed
 * renderer with no Node, no navigation away from the app, no new windows and
 * no permissions it does not use.
 */
import { BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { eventChannelFor } from '../../src/domain/ipc/contract'
import { createCloseGuard, type CloseGuard } from './closeGuard'

export interface MainWindowOptions {
  readonly preloadPath: string
  /** The dev server URL while developing; otherwise the built index.html on disk. */
  readonly rendererUrl: string | undefined
  readonly rendererFile: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Back Intake',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  })
  window.once('ready-to-show', () => window.show())
  if (options.rendererUrl) void window.loadURL(options.rendererUrl)
  else void window.loadFile(options.rendererFile)
  return window
}

/**
 * Holds the window's close (and so the app's quit) until the renderer has
 * saved what is on screen, or the time limit passes.
 */
export function guardWindowClose(window: BrowserWindow): CloseGuard {
  const guard = createCloseGuard({
    requestFlush: () => window.webContents.send(eventChannelFor('flushRequested'), {}),
    close: () => {
      if (!window.isDestroyed()) window.close()
    }
  })
  window.on('close', (event) => guard.onClose(event))
  return guard
}

/** Locks down every web contents the app creates (the window and anything it might spawn). */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    // The app is a single page with hash routes: any real navigation is unexpected.
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
}

/** A call is trusted only from the app's own window, from its top frame, at the app's own origin. */
export function isTrustedSender(
  window: BrowserWindow | null,
  event: IpcMainInvokeEvent,
  appOrigin: string
): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  if (!frame || frame !== window.webContents.mainFrame) return false
  return isAppUrl(frame.url, appOrigin)
}

/**
 * Compares parsed URLs, not strings: a prefix test would accept
 * `http://localhost:5173.evil.example` for the dev server. A `file:` URL has
 * no origin to compare, so the built app must be at its own index.html.
 */
function isAppUrl(url: string, appOrigin: string): boolean {
  let frame: URL
  let app: URL
  try {
    frame = new URL(url)
    app = new URL(appOrigin)
  } catch {
    return false
  }
  if (app.protocol === 'file:') {
    return frame.protocol === 'file:' && frame.host === app.host && frame.pathname === app.pathname
  }
  return frame.origin === app.origin
}
