/**
 * Patient mode is a kiosk: the patient holds the tablet alone and must not be
 * able to reload the page (losing what is on screen), close or quit the app,
 * leave full screen, or open DevTools (which would expose every record). The
 * window is put in Electron's kiosk mode (index.ts), and these pure rules
 * decide which keys and closes to refuse; window.ts wires them to the window.
 *
 * Type-only imports: the rules are tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron'

/** The fields of Electron's `Input` (before-input-event) the rules read. */
export interface KeyInput {
  readonly type: string
  readonly key: string
  readonly code: string
  readonly control: boolean
  readonly meta: boolean
  readonly alt: boolean
  readonly shift: boolean
}

export interface InputPolicy {
  /** The patient has the device (the session's role is 'patient'). */
  readonly patientMode: boolean
  /** A production build (devOverrides.isProductionBuild): no DevTools for anyone. */
  readonly production: boolean
}

/** A key and the modifiers that must be held with it; others held too do not matter. */
interface Shortcut {
  readonly key: string
  /** Ctrl on Windows and Linux, Cmd on macOS: either one counts, so the rules need no platform. */
  readonly primary?: boolean
  readonly control?: boolean
  readonly shift?: boolean
  readonly alt?: boolean
  readonly meta?: boolean
}

/** Chromium's DevTools shortcuts on every platform (Ctrl+Shift+I/J/C, Cmd+Opt+I/J/C, F12). */
const DEVTOOLS: readonly Shortcut[] = [
  { key: 'f12' },
  ...['i', 'j', 'c'].flatMap((key): Shortcut[] => [
    { key, primary: true, shift: true },
    { key, meta: true, alt: true }
  ])
]

/**
 * What a patient could use to get out of the intake: reload (losing what is
 * on screen), close or quit, leave full screen or the kiosk, hide or minimise
 * the window, open a new window, or print (the print dialog's "Save as PDF"
 * opens a file browser). Escape is swallowed whole, so the page never sees
 * it either. Zoom stays allowed: it is an accessibility aid.
 */
const PATIENT_LOCKED: readonly Shortcut[] = [
  { key: 'r', primary: true },
  { key: 'f5' },
  { key: 'w', primary: true },
  { key: 'q', primary: true },
  { key: 'f4', alt: true },
  { key: 'f4', primary: true },
  { key: 'f11' },
  { key: 'f', control: true, meta: true },
  { key: 'escape' },
  { key: 'h', meta: true },
  { key: 'm', meta: true },
  { key: 'n', primary: true },
  { key: 't', primary: true },
  { key: 'p', primary: true }
]

/**
 * The names a key goes by: its `key` (layout-dependent, what accelerators
 * follow) and, for letters, its physical `code` (KeyR), so a shortcut is
 * caught on any keyboard layout.
 */
function keyNames(input: KeyInput): readonly string[] {
  const names = [input.key.toLowerCase()]
  const letter = /^Key([A-Z])$/.exec(input.code)
  names.push(letter?.[1] ? letter[1].toLowerCase() : input.code.toLowerCase())
  return names
}

function matches(input: KeyInput, shortcut: Shortcut): boolean {
  if (!keyNames(input).includes(shortcut.key)) return false
  if (shortcut.primary && !(input.control || input.meta)) return false
  if (shortcut.control && !input.control) return false
  if (shortcut.shift && !input.shift) return false
  if (shortcut.alt && !input.alt) return false
  if (shortcut.meta && !input.meta) return false
  return true
}

/**
 * Whether a key press (or release) must be swallowed before the page and the
 * menu see it. Staff in a development build keep every shortcut; a
 * production build loses the DevTools shortcuts; patient mode also loses
 * reload, close, quit, full screen and the rest of {@link PATIENT_LOCKED}.
 */
export function shouldBlockInput(input: KeyInput, policy: InputPolicy): boolean {
  const locked = [
    ...(policy.production || policy.patientMode ? DEVTOOLS : []),
    ...(policy.patientMode ? PATIENT_LOCKED : [])
  ]
  return locked.some((shortcut) => matches(input, shortcut))
}

export interface ClosePolicy {
  readonly patientMode: boolean
  /**
   * The app is quitting for a reason the patient cannot cause: the operating
   * system is shutting down or logging off (before-quit, session-end), or the
   * app restarts itself.
   */
  readonly quitting: boolean
}

/**
 * Whether a window close must be refused outright (not just held while the
 * page saves): in patient mode, unless the app is quitting. Refusing a
 * system shutdown would make Windows show "This app is preventing shutdown"
 * and macOS cancel the logout, and the close guard still saves the page first.
 */
export function shouldRefuseClose(policy: ClosePolicy): boolean {
  return policy.patientMode && !policy.quitting
}

/**
 * The application menu of a production build. Windows and Linux get none
 * (no Reload, no Toggle DevTools, no accelerators at all). macOS keeps an
 * Edit menu, because there the clipboard and undo shortcuts in text fields
 * come from the menu's roles: without it Cmd+C/Cmd+V would stop working. It
 * has no Quit, Reload or DevTools item.
 */
export function productionMenuTemplate(
  platform: NodeJS.Platform,
  appName: string
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null
  return [{ label: appName, submenu: [{ role: 'about' }] }, { role: 'editMenu' }]
}
