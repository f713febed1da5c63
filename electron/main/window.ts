/**
 * The app window with the Electron security baseline: an isolated, sandboxed
 * renderer with no Node, served from the app's own origin (app://), no
 * navigation away from it, no new windows, no permissions it does not use,
 * no DevTools in a production build, and in patient mode a kiosk whose
 * escape keys and close button do nothing.
 */
import { BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { eventChannelFor } from '../../src/domain/ipc/contract'
import { createCloseGuard, type CloseGuard } from './closeGuard'
import { shouldBlockInput, type InputPolicy } from './kiosk'

export interface MainWindowOptions {
  readonly preloadPath: string
  /** What the window loads: the app's entry (app://back-intake/index.html), or the dev server while developing. */
  readonly url: string
  /** A production build: the window's DevTools are switched off, not just hidden. */
  readonly production: boolean
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
      spellcheck: true,
      devTools: !options.production
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}

export interface CloseRules {
  /**
   * Whether a close must be refused outright rather than held while the page
   * saves (patient mode, unless the system is ending the session: see
   * kiosk.shouldRefuseClose).
   */
  readonly refuseClose?: () => boolean
}

/**
 * Holds the window's close (and so the app's quit) until the renderer has
 * saved what is on screen, or the time limit passes; refuses it altogether
 * while `refuseClose` says so. One listener decides both, so a refused close
 * never starts the guard's timer (which would close the window when it runs out).
 */
export function guardWindowClose(window: BrowserWindow, rules: CloseRules = {}): CloseGuard {
  const guard = createCloseGuard({
    requestFlush: () => window.webContents.send(eventChannelFor('flushRequested'), {}),
    close: () => {
      if (!window.isDestroyed()) window.close()
    }
  })
  window.on('close', (event) => {
    if (rules.refuseClose?.()) {
      event.preventDefault()
      return
    }
    guard.onClose(event)
  })
  return guard
}

/**
 * Swallows the keys the current policy locks (kiosk.shouldBlockInput) before
 * the page or the menu sees them. The policy is read at each key, so patient
 * mode switching on or off takes effect at once.
 */
export function lockDownInput(contents: WebContents, policy: () => InputPolicy): void {
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, policy())) event.preventDefault()
  })
}

export interface HardeningOptions {
  /** The origin the app is served from (app://back-intake, or the dev server's). */
  readonly appOrigin: string
  /** A production build: DevTools are closed the moment anything opens them. */
  readonly production: boolean
}

/** Locks down every web contents the app creates (the window and anything it might spawn). */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    // The app is a single page with hash routes: the only navigation it makes
    // is a reload of its own page.
    if (!isSameAppPage(url, contents.getURL(), options.appOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  if (options.production) {
    // devTools: false already keeps them shut; this covers any web contents
    // created without that preference.
    contents.on('devtools-opened', () => contents.closeDevTools())
  }
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

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * Compares scheme and host (with port), never strings or `URL.origin`: a
 * prefix test would accept `http://localhost:5173.evil.example`, and Node
 * gives every custom scheme's URL the origin "null", so `app://evil` would
 * equal `app://back-intake`. A URL without a host (file:, data:) is never
 * the app, nor is one carrying credentials.
 */
function isAppUrl(url: string, appOrigin: string): boolean {
  const frame = parse(url)
  const app = parse(appOrigin)
  if (!frame || !app || app.host === '') return false
  if (frame.username !== '' || frame.password !== '') return false
  return frame.protocol === app.protocol && frame.host === app.host
}

/** A navigation to the page already shown, at the app's origin (a reload, or a change of hash). */
function isSameAppPage(url: string, currentUrl: string, appOrigin: string): boolean {
  const target = parse(url)
  const current = parse(currentUrl)
  if (!target || !current) return false
  return (
    isAppUrl(url, appOrigin) &&
    isAppUrl(currentUrl, appOrigin) &&
    target.pathname === current.pathname &&
    target.search === current.search
  )
}
