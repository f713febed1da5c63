import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMainWindow,
  guardWindowClose,
  hardenWebContents,
  isTrustedSender,
  lockDownInput
} from '../../../electron/main/window'

/** A stand-in for Electron's BrowserWindow that records what the app asks of it. */
const fake = vi.hoisted(() => {
  class FakeBrowserWindow {
    static readonly instances: FakeBrowserWindow[] = []
    readonly options: unknown
    readonly loads: string[] = []
    readonly onceListeners = new Map<string, () => void>()
    shown = false

    constructor(options: unknown) {
      this.options = options
      FakeBrowserWindow.instances.push(this)
    }

    once(event: string, listener: () => void): this {
      this.onceListeners.set(event, listener)
      return this
    }

    show(): void {
      this.shown = true
    }

    loadURL(url: string): Promise<void> {
      this.loads.push(`url:${url}`)
      return Promise.resolve()
    }
  }
  return { FakeBrowserWindow }
})

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }))

const PRELOAD = '/opt/back-intake/out/preload/index.cjs'
const ENTRY = 'app://back-intake/index.html'

beforeEach(() => {
  fake.FakeBrowserWindow.instances.length = 0
})

function onlyWindow(): InstanceType<typeof fake.FakeBrowserWindow> {
  expect(fake.FakeBrowserWindow.instances).toHaveLength(1)
  const window = fake.FakeBrowserWindow.instances[0]
  if (!window) throw new Error('no window was created')
  return window
}

describe('createMainWindow', () => {
  it('creates the window with the security baseline and the preload', () => {
    const created = createMainWindow({ preloadPath: PRELOAD, url: ENTRY, production: true })

    const window = onlyWindow()
    expect(created).toBe(window)
    expect(window.options).toMatchObject({
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true
      }
    })
  })

  it('turns on nothing that weakens the baseline', () => {
    createMainWindow({ preloadPath: PRELOAD, url: ENTRY, production: true })
    const { options } = onlyWindow()
    const preferences =
      typeof options === 'object' && options !== null && 'webPreferences' in options
        ? options.webPreferences
        : null
    expect(preferences).not.toBeNull()
    for (const risky of [
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'webviewTag'
    ]) {
      expect({ [risky]: (preferences as Record<string, unknown>)[risky] }).toEqual({
        [risky]: undefined
      })
    }
  })

  it('loads the app from app://, and shows the window only when it is ready', () => {
    createMainWindow({ preloadPath: PRELOAD, url: ENTRY, production: true })
    const window = onlyWindow()

    expect(window.loads).toEqual([`url:${ENTRY}`])
    expect(window.options).toMatchObject({ show: false })
    expect(window.shown).toBe(false)
    window.onceListeners.get('ready-to-show')?.()
    expect(window.shown).toBe(true)
  })

  it('loads the dev server URL when there is one', () => {
    createMainWindow({ preloadPath: PRELOAD, url: 'http://localhost:5173', production: false })
    expect(onlyWindow().loads).toEqual(['url:http://localhost:5173'])
  })

  it('switches DevTools off in a production build, and leaves them in a development build', () => {
    createMainWindow({ preloadPath: PRELOAD, url: ENTRY, production: true })
    createMainWindow({ preloadPath: PRELOAD, url: 'http://localhost:5173', production: false })
    const [production, development] = fake.FakeBrowserWindow.instances
    expect(production?.options).toMatchObject({ webPreferences: { devTools: false } })
    expect(development?.options).toMatchObject({ webPreferences: { devTools: true } })
  })
})

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void

/** A stand-in web contents that keeps its listeners, so tests can emit events at it. */
function fakeContents(currentUrl: string): {
  contents: WebContents
  listeners: Map<string, Listener>
  openHandler: () => ((details: unknown) => unknown) | undefined
  devToolsClosed: () => number
} {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: unknown) => unknown) | undefined
  let closed = 0
  const contents = {
    setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
      openHandler = handler
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener)
    },
    getURL: () => currentUrl,
    closeDevTools: () => {
      closed += 1
    }
  }
  return {
    contents: contents as unknown as WebContents,
    listeners,
    openHandler: () => openHandler,
    devToolsClosed: () => closed
  }
}

/** Emits an event at the fake contents and says whether the app prevented it. */
function emit(listeners: Map<string, Listener>, event: string, ...args: unknown[]): boolean {
  const listener = listeners.get(event)
  if (!listener) throw new Error(`no listener for ${event}`)
  const preventDefault = vi.fn()
  listener({ preventDefault }, ...args)
  return preventDefault.mock.calls.length > 0
}

const APP_ORIGIN = 'app://back-intake'
const APP_URL = `${APP_ORIGIN}/index.html#/intake`
const DEV_ORIGIN = 'http://localhost:5173'

describe('hardenWebContents', () => {
  const BUILT = { appOrigin: APP_ORIGIN, production: true }

  it('denies every window.open', () => {
    const { contents, openHandler } = fakeContents(APP_URL)
    hardenWebContents(contents, BUILT)
    const handler = openHandler()
    expect(handler).toBeDefined()
    expect(handler?.({ url: 'https://example.org/', frameName: '', features: '' })).toEqual({
      action: 'deny'
    })
    expect(handler?.({ url: APP_URL, frameName: '', features: '' })).toEqual({ action: 'deny' })
  })

  it.each([
    ['a remote site', 'https://example.org/phish'],
    ['a local file', 'file:///etc/passwd'],
    ['another app: host', 'app://evil/index.html'],
    ['another page of the app', `${APP_ORIGIN}/other.html`],
    ['the app page with credentials', 'app://user@back-intake/index.html'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>']
  ])('prevents navigation to %s', (_name, url) => {
    const { contents, listeners } = fakeContents(APP_URL)
    hardenWebContents(contents, BUILT)
    expect(emit(listeners, 'will-navigate', url)).toBe(true)
  })

  it('lets the app reload its own page, on app:// and on the dev server', () => {
    const built = fakeContents(APP_URL)
    hardenWebContents(built.contents, BUILT)
    expect(emit(built.listeners, 'will-navigate', APP_URL)).toBe(false)
    expect(emit(built.listeners, 'will-navigate', `${APP_ORIGIN}/index.html#/list`)).toBe(false)

    const dev = fakeContents(`${DEV_ORIGIN}/#/`)
    hardenWebContents(dev.contents, { appOrigin: DEV_ORIGIN, production: false })
    expect(emit(dev.listeners, 'will-navigate', `${DEV_ORIGIN}/`)).toBe(false)
    expect(emit(dev.listeners, 'will-navigate', 'http://localhost:5173.evil.example/')).toBe(true)
  })

  it('prevents webview attachment and redirects', () => {
    const { contents, listeners } = fakeContents(APP_URL)
    hardenWebContents(contents, BUILT)
    expect(emit(listeners, 'will-attach-webview', {}, { src: 'https://example.org/' })).toBe(true)
    expect(emit(listeners, 'will-redirect', 'https://example.org/')).toBe(true)
  })

  it('closes DevTools as soon as they open in a production build, and leaves them in development', () => {
    const production = fakeContents(APP_URL)
    hardenWebContents(production.contents, BUILT)
    production.listeners.get('devtools-opened')?.({ preventDefault: () => undefined })
    expect(production.devToolsClosed()).toBe(1)

    const development = fakeContents(`${DEV_ORIGIN}/`)
    hardenWebContents(development.contents, { appOrigin: DEV_ORIGIN, production: false })
    expect(development.listeners.has('devtools-opened')).toBe(false)
  })
})

describe('lockDownInput', () => {
  /** A key as Electron's before-input-event reports it. */
  function input(
    key: string,
    modifiers: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}
  ) {
    return {
      type: 'keyDown',
      key,
      code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
      control: false,
      meta: false,
      alt: false,
      shift: false,
      isAutoRepeat: false,
      isComposing: false,
      location: 0,
      modifiers: [],
      ...modifiers
    }
  }

  it('swallows the escape keys in patient mode, reading the mode at each key', () => {
    const { contents, listeners } = fakeContents(APP_URL)
    let patientMode = false
    lockDownInput(contents, () => ({ patientMode, production: true }))

    expect(emit(listeners, 'before-input-event', input('r', { control: true }))).toBe(false)
    expect(emit(listeners, 'before-input-event', input('F4', { alt: true }))).toBe(false)
    expect(emit(listeners, 'before-input-event', input('F12'))).toBe(true)

    patientMode = true
    for (const [key, modifiers] of [
      ['r', { control: true }],
      ['F5', {}],
      ['R', { control: true, shift: true }],
      ['w', { meta: true }],
      ['q', { control: true }],
      ['F4', { alt: true }],
      ['F11', {}],
      ['Escape', {}],
      ['I', { control: true, shift: true }],
      ['F12', {}]
    ] as const) {
      expect({
        key,
        blocked: emit(listeners, 'before-input-event', input(key, modifiers))
      }).toEqual({
        key,
        blocked: true
      })
    }
    expect(emit(listeners, 'before-input-event', input('a'))).toBe(false)

    patientMode = false
    expect(emit(listeners, 'before-input-event', input('r', { control: true }))).toBe(false)
  })
})

describe('isTrustedSender', () => {
  interface FakeFrame {
    url: string
  }

  function fakeWindow(mainUrl: string): {
    window: BrowserWindow
    mainFrame: FakeFrame
    webContents: { mainFrame: FakeFrame }
    destroy: () => void
  } {
    const mainFrame = { url: mainUrl }
    const webContents = { mainFrame }
    let destroyed = false
    const window = {
      isDestroyed: () => destroyed,
      get webContents() {
        // Electron throws when a destroyed window's contents are touched.
        if (destroyed) throw new Error('Object has been destroyed')
        return webContents
      }
    }
    return {
      window: window as unknown as BrowserWindow,
      mainFrame,
      webContents,
      destroy: () => {
        destroyed = true
      }
    }
  }

  function eventFrom(sender: unknown, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
    return { sender, senderFrame } as unknown as IpcMainInvokeEvent
  }

  const BUILT_ORIGIN = APP_ORIGIN

  it("accepts the app's own main frame at the app's origin", () => {
    const built = fakeWindow(`${BUILT_ORIGIN}/index.html#/intake/5b0d7c1e`)
    expect(
      isTrustedSender(built.window, eventFrom(built.webContents, built.mainFrame), BUILT_ORIGIN)
    ).toBe(true)

    const dev = fakeWindow(`${DEV_ORIGIN}/#/`)
    expect(isTrustedSender(dev.window, eventFrom(dev.webContents, dev.mainFrame), DEV_ORIGIN)).toBe(
      true
    )
  })

  it('rejects another web contents, even at the app origin', () => {
    const app = fakeWindow(`${BUILT_ORIGIN}/index.html#/`)
    const other = fakeWindow(`${BUILT_ORIGIN}/index.html#/`)
    expect(
      isTrustedSender(app.window, eventFrom(other.webContents, other.mainFrame), BUILT_ORIGIN)
    ).toBe(false)
    expect(
      isTrustedSender(app.window, eventFrom(other.webContents, app.mainFrame), BUILT_ORIGIN)
    ).toBe(false)
  })

  it('rejects a subframe of the window, and a frame that is gone', () => {
    const app = fakeWindow(`${BUILT_ORIGIN}/index.html#/`)
    const subframe = { url: `${BUILT_ORIGIN}/index.html#/` }
    expect(isTrustedSender(app.window, eventFrom(app.webContents, subframe), BUILT_ORIGIN)).toBe(
      false
    )
    expect(isTrustedSender(app.window, eventFrom(app.webContents, null), BUILT_ORIGIN)).toBe(false)
  })

  it.each([
    ['a remote site', DEV_ORIGIN, 'https://evil.example/'],
    ['another port', DEV_ORIGIN, 'http://localhost:51730/'],
    ['a host that merely starts like the app', DEV_ORIGIN, 'http://localhost:5173.evil.example/'],
    ['credentials in front of a foreign host', DEV_ORIGIN, 'http://localhost:5173@evil.example/'],
    ['a remote site, for the built app', BUILT_ORIGIN, 'https://evil.example/'],
    ['a local file', BUILT_ORIGIN, 'file:///opt/back-intake/out/renderer/index.html'],
    // Node gives every app: URL the origin "null": comparing origins would accept this.
    ['another app: host', BUILT_ORIGIN, 'app://evil/index.html'],
    ['a host that merely starts like the app', BUILT_ORIGIN, 'app://back-intake.evil/index.html'],
    ['the app host on a port', BUILT_ORIGIN, 'app://back-intake:1/index.html'],
    ['credentials in front of the app host', BUILT_ORIGIN, 'app://user@back-intake/index.html'],
    ['another scheme with the app host', BUILT_ORIGIN, 'https://back-intake/index.html'],
    ['a data: URL', BUILT_ORIGIN, 'data:text/html,hello'],
    [
      'a file origin for the app',
      'file:///opt/back-intake/out/renderer/index.html',
      'file:///opt/back-intake/out/renderer/index.html'
    ]
  ])('rejects %s', (_name, appOrigin, frameUrl) => {
    const app = fakeWindow(frameUrl)
    expect(isTrustedSender(app.window, eventFrom(app.webContents, app.mainFrame), appOrigin)).toBe(
      false
    )
  })

  it('rejects a destroyed window and no window', () => {
    const app = fakeWindow(`${BUILT_ORIGIN}/index.html#/`)
    const event = eventFrom(app.webContents, app.mainFrame)
    expect(isTrustedSender(app.window, event, BUILT_ORIGIN)).toBe(true)
    app.destroy()
    expect(isTrustedSender(app.window, event, BUILT_ORIGIN)).toBe(false)
    expect(isTrustedSender(null, event, BUILT_ORIGIN)).toBe(false)
  })
})

describe('guardWindowClose', () => {
  /** Just enough of a window for the close guard: its close listeners, send and close. */
  function closableWindow() {
    const listeners: Array<(event: { preventDefault(): void }) => void> = []
    const window = {
      destroyed: false,
      sent: [] as Array<[string, unknown]>,
      closes: 0,
      webContents: {
        send: (channel: string, payload: unknown) => window.sent.push([channel, payload])
      },
      on(event: string, listener: (event: { preventDefault(): void }) => void) {
        if (event === 'close') listeners.push(listener)
        return window
      },
      isDestroyed: () => window.destroyed,
      close() {
        window.closes += 1
        const event = { prevented: false, preventDefault: () => (event.prevented = true) }
        for (const listener of listeners) listener(event)
        return event
      }
    }
    return window
  }

  it('holds the close, asks the renderer to save on the contract channel, and closes once it has', () => {
    const window = closableWindow()
    const guard = guardWindowClose(window as unknown as BrowserWindow)

    const held = window.close()
    expect(held.prevented).toBe(true)
    expect(window.sent).toEqual([['app-event:flushRequested', {}]])

    guard.flushed()
    // The guard closes the window itself, and lets that close through.
    expect(window.closes).toBe(2)
  })

  it('refuses a close outright while refuseClose says so: no flush asked, no timer left to close it', () => {
    vi.useFakeTimers()
    try {
      const window = closableWindow()
      let patientMode = true
      const guard = guardWindowClose(window as unknown as BrowserWindow, {
        refuseClose: () => patientMode
      })

      expect(window.close().prevented).toBe(true)
      expect(window.close().prevented).toBe(true)
      expect(window.sent).toEqual([])
      expect(guard.waiting).toBe(false)
      vi.advanceTimersByTime(60_000)
      expect(window.closes).toBe(2)

      patientMode = false
      expect(window.close().prevented).toBe(true)
      expect(window.sent).toEqual([['app-event:flushRequested', {}]])
      guard.flushed()
      expect(window.closes).toBe(4)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not close a window that is already gone', () => {
    const window = closableWindow()
    const guard = guardWindowClose(window as unknown as BrowserWindow)
    window.close()
    window.destroyed = true
    guard.flushed()
    expect(window.closes).toBe(1)
  })
})
