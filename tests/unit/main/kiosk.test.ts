/**
 * The kiosk rules: in patient mode no key reloads, closes, quits, leaves full
 * screen or opens DevTools; staff keep their shortcuts (DevTools only in a
 * development build); a close is refused in patient mode unless the system is
 * ending the session.
 */
import { describe, expect, it } from 'vitest'
import {
  productionMenuTemplate,
  shouldBlockInput,
  shouldRefuseClose,
  type KeyInput
} from '../../../electron/main/kiosk'

/** A key press as Electron reports it: `key` as typed, `code` the physical key. */
function press(
  key: string,
  modifiers: Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>> = {},
  code?: string
): KeyInput {
  const physical = code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key)
  return {
    type: 'keyDown',
    key,
    code: physical,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...modifiers
  }
}

const PATIENT = { patientMode: true, production: true }
const STAFF_PRODUCTION = { patientMode: false, production: true }
const STAFF_DEVELOPMENT = { patientMode: false, production: false }

const ESCAPES: ReadonlyArray<[string, KeyInput]> = [
  ['Ctrl+R', press('r', { control: true })],
  ['Cmd+R', press('r', { meta: true })],
  ['F5', press('F5')],
  ['Ctrl+F5', press('F5', { control: true })],
  ['Ctrl+Shift+R', press('R', { control: true, shift: true })],
  ['Cmd+Shift+R', press('R', { meta: true, shift: true })],
  ['Ctrl+W', press('w', { control: true })],
  ['Cmd+W', press('w', { meta: true })],
  ['Ctrl+Q', press('q', { control: true })],
  ['Cmd+Q', press('q', { meta: true })],
  ['Alt+F4', press('F4', { alt: true })],
  ['Ctrl+F4', press('F4', { control: true })],
  ['F11', press('F11')],
  ['Cmd+Ctrl+F', press('f', { meta: true, control: true })],
  ['Escape', press('Escape')],
  ['Cmd+H', press('h', { meta: true })],
  ['Cmd+M', press('m', { meta: true })],
  ['Ctrl+N', press('n', { control: true })],
  ['Ctrl+P', press('p', { control: true })]
]

const DEVTOOLS: ReadonlyArray<[string, KeyInput]> = [
  ['F12', press('F12')],
  ['Ctrl+Shift+I', press('I', { control: true, shift: true })],
  ['Ctrl+Shift+J', press('J', { control: true, shift: true })],
  ['Ctrl+Shift+C', press('C', { control: true, shift: true })],
  ['Cmd+Opt+I', press('ˆ', { meta: true, alt: true }, 'KeyI')],
  ['Cmd+Opt+J', press('∆', { meta: true, alt: true }, 'KeyJ')],
  ['Cmd+Opt+C', press('ç', { meta: true, alt: true }, 'KeyC')]
]

const ORDINARY: ReadonlyArray<[string, KeyInput]> = [
  ['a letter', press('r')],
  ['a capital', press('R', { shift: true })],
  ['Tab', press('Tab')],
  ['Enter', press('Enter')],
  ['Backspace', press('Backspace')],
  ['Space', press(' ', {}, 'Space')],
  ['an arrow', press('ArrowDown')],
  ['Ctrl+C (copy)', press('c', { control: true })],
  ['Cmd+V (paste)', press('v', { meta: true })],
  ['Ctrl+A (select all)', press('a', { control: true })],
  ['Ctrl+Z (undo)', press('z', { control: true })],
  ['Ctrl+plus (zoom)', press('+', { control: true }, 'Equal')],
  ['Ctrl+0 (zoom reset)', press('0', { control: true }, 'Digit0')],
  ['F4 alone', press('F4')]
]

describe('shouldBlockInput', () => {
  it.each([...ESCAPES, ...DEVTOOLS])('blocks %s in patient mode', (_name, input) => {
    expect(shouldBlockInput(input, PATIENT)).toBe(true)
    expect(shouldBlockInput({ ...input, type: 'keyUp' }, PATIENT)).toBe(true)
    // Even in a development build, the patient never gets DevTools.
    expect(shouldBlockInput(input, { patientMode: true, production: false })).toBe(true)
  })

  it.each(ORDINARY)('lets %s through in patient mode', (_name, input) => {
    expect(shouldBlockInput(input, PATIENT)).toBe(false)
  })

  it.each(ESCAPES)('lets staff use %s', (_name, input) => {
    expect(shouldBlockInput(input, STAFF_PRODUCTION)).toBe(false)
    expect(shouldBlockInput(input, STAFF_DEVELOPMENT)).toBe(false)
  })

  it.each(DEVTOOLS)('blocks %s for staff in a production build only', (_name, input) => {
    expect(shouldBlockInput(input, STAFF_PRODUCTION)).toBe(true)
    expect(shouldBlockInput(input, STAFF_DEVELOPMENT)).toBe(false)
  })

  it('catches a shortcut by its physical key on another layout', () => {
    // Ctrl+R on a layout where that key types another letter still reloads in Chromium.
    expect(shouldBlockInput(press('к', { control: true }, 'KeyR'), PATIENT)).toBe(true)
  })
})

describe('shouldRefuseClose', () => {
  it('refuses a close in patient mode, unless the app is quitting (system shutdown, restart)', () => {
    expect(shouldRefuseClose({ patientMode: true, quitting: false })).toBe(true)
    expect(shouldRefuseClose({ patientMode: true, quitting: true })).toBe(false)
    expect(shouldRefuseClose({ patientMode: false, quitting: false })).toBe(false)
    expect(shouldRefuseClose({ patientMode: false, quitting: true })).toBe(false)
  })
})

describe('productionMenuTemplate', () => {
  it('has no menu on Windows and Linux', () => {
    expect(productionMenuTemplate('win32', 'Back Intake')).toBeNull()
    expect(productionMenuTemplate('linux', 'Back Intake')).toBeNull()
  })

  it('keeps only About and the Edit menu on macOS: no quit, reload or DevTools', () => {
    const template = productionMenuTemplate('darwin', 'Back Intake')
    expect(template).toEqual([
      { label: 'Back Intake', submenu: [{ role: 'about' }] },
      { role: 'editMenu' }
    ])
    const roles = JSON.stringify(template)
    for (const risky of ['quit', 'reload', 'forceReload', 'toggleDevTools', 'close', 'viewMenu']) {
      expect(roles).not.toContain(`"${risky}"`)
    }
  })
})
