import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createMainWindow,
  guardWindowClose,
  hardenWebContents,
  isTrustedSender
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

    loadFile(file: string): Promise<void> {
      this.loads.push(`file:${file}`)
      return Promise.resolve()
    }
  }
  return { FakeBrowserWindow }
})

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }))

const PRELOAD = '/opt/back-intake/out/preload/index.cjs'
const RENDERER_FILE = '/opt/back-intake/out/renderer/index.html'

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
    const created = createMainWindow({
      preloadPath: PRELOAD,
      rendererUrl: undefined,
      rendererFile: RENDERER_FILE
    })

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
    createMainWindow({ preloadPath: PRELOAD, rendererUrl: undefined, rendererFile: RENDERER_FILE })
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

  it('loads the built file, and shows the window only when it is ready', () => {
    createMainWindow({ preloadPath: PRELOAD, rendererUrl: undefined, rendererFile: RENDERER_FILE })
    const window = onlyWindow()

    expect(window.loads).toEqual([`file:${RENDERER_FILE}`])
    expect(window.options).toMatchObject({ show: false })
    expect(window.shown).toBe(false)
    window.onceListeners.get('ready-to-show')?.()
    expect(window.shown).toBe(true)
  })

  it('loads the dev server URL when there is one', () => {
    createMainWindow({
      preloadPath: PRELOAD,
      rendererUrl: 'http://localhost:5173',
      rendererFile: RENDERER_FILE
    })
    expect(onlyWindow().loads).toEqual(['url:http://localhost:5173'])
  })
})

describe('hardenWebContents', () => {
  type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void

  function fakeContents(currentUrl: string): {
    contents: WebContents
    listeners: Map<string, Listener>
    openHandler: () => ((details: unknown) => unknown) | undefined
  } {
    const listeners = new Map<string, Listener>()
    let openHandler: ((details: unknown) => unknown) | undefined
    const contents = {
      setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
        openHandler = handler
      },
      on: (event: string, listener: Listener) => {
        listeners.set(event, listener)
      },
      getURL: () => currentUrl
    }
    return {
      contents: contents as unknown as WebContents,
      listeners,
      openHandler: () => openHandler
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

  const APP_URL = 'file:///opt/back-intake/out/renderer/index.html#/intake'

  it('denies every window.open', () => {
    const { contents, openHandler } = fakeContents(APP_URL)
    hardenWebContents(contents)
    const handler = openHandler()
    expect(handler).toBeDefined()
    expect(handler?.({ url: 'https://example.org/', frameName: '', features: '' })).toEqual({
      action: 'deny'
    })
    expect(handler?.({ url: APP_URL, frameName: '', features: '' })).toEqual({ action: 'deny' })
  })

  it('prevents navigation to another URL, but not a reload of the app itself', () => {
    const { contents, listeners } = fakeContents(APP_URL)
    hardenWebContents(contents)
    expect(emit(listeners, 'will-navigate', 'https://example.org/phish')).toBe(true)
    expect(emit(listeners, 'will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(emit(listeners, 'will-navigate', APP_URL)).toBe(false)
  })

  it('prevents webview attachment and redirects', () => {
    const { contents, listeners } = fakeContents(APP_URL)
    hardenWebContents(contents)
    expect(emit(listeners, 'will-attach-webview', {}, { src: 'https://example.org/' })).toBe(true)
    expect(emit(listeners, 'will-redirect', 'https://example.org/')).toBe(true)
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

  const FILE_ORIGIN = 'file:///opt/back-intake/out/renderer/index.html'
  const DEV_ORIGIN = 'http://localhost:5173'

  it("accepts the app's own main frame at the app's origin", () => {
    const built = fakeWindow(`${FILE_ORIGIN}#/intake/5b0d7c1e`)
    expect(
      isTrustedSender(built.window, eventFrom(built.webContents, built.mainFrame), FILE_ORIGIN)
    ).toBe(true)

    const dev = fakeWindow(`${DEV_ORIGIN}/#/`)
    expect(isTrustedSender(dev.window, eventFrom(dev.webContents, dev.mainFrame), DEV_ORIGIN)).toBe(
      true
    )
  })

  it('rejects another web contents, even at the app origin', () => {
    const app = fakeWindow(`${FILE_ORIGIN}#/`)
    const other = fakeWindow(`${FILE_ORIGIN}#/`)
    expect(
      isTrustedSender(app.window, eventFrom(other.webContents, other.mainFrame), FILE_ORIGIN)
    ).toBe(false)
    expect(
      isTrustedSender(app.window, eventFrom(other.webContents, app.mainFrame), FILE_ORIGIN)
    ).toBe(false)
  })

  it('rejects a subframe of the window, and a frame that is gone', () => {
    const app = fakeWindow(`${FILE_ORIGIN}#/`)
    const subframe = { url: `${FILE_ORIGIN}#/` }
    expect(isTrustedSender(app.window, eventFrom(app.webContents, subframe), FILE_ORIGIN)).toBe(
      false
    )
    expect(isTrustedSender(app.window, eventFrom(app.webContents, null), FILE_ORIGIN)).toBe(false)
  })

  it.each([
    ['a remote site', DEV_ORIGIN, 'https://evil.example/'],
    ['another port', DEV_ORIGIN, 'http://localhost:51730/'],
    ['a host that merely starts like the app', DEV_ORIGIN, 'http://localhost:5173.evil.example/'],
    ['credentials in front of a foreign host', DEV_ORIGIN, 'http://localhost:5173@evil.example/'],
    ['a remote site, for the built app', FILE_ORIGIN, 'https://evil.example/'],
    ['another local file', FILE_ORIGIN, 'file:///tmp/index.html'],
    ['a file named like the app', FILE_ORIGIN, `${FILE_ORIGIN}.html`],
    ['a file in a folder named like the app', FILE_ORIGIN, `${FILE_ORIGIN}/evil.html`]
  ])('rejects %s', (_name, appOrigin, frameUrl) => {
    const app = fakeWindow(frameUrl)
    expect(isTrustedSender(app.window, eventFrom(app.webContents, app.mainFrame), appOrigin)).toBe(
      false
    )
  })

  it('rejects a destroyed window and no window', () => {
    const app = fakeWindow(`${FILE_ORIGIN}#/`)
    const event = eventFrom(app.webContents, app.mainFrame)
    expect(isTrustedSender(app.window, event, FILE_ORIGIN)).toBe(true)
    app.destroy()
    expect(isTrustedSender(app.window, event, FILE_ORIGIN)).toBe(false)
    expect(isTrustedSender(null, event, FILE_ORIGIN)).toBe(false)
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

  it('does not close a window that is already gone', () => {
    const window = closableWindow()
    const guard = guardWindowClose(window as unknown as BrowserWindow)
    window.close()
    window.destroyed = true
    guard.flushed()
    expect(window.closes).toBe(1)
  })
})
