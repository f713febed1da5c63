/**
 * The Electron entry point with a fake `electron` module.
 *
 * With the real app core: it registers the app:// scheme and its handler,
 * opens the database in the data folder named by BACK_INTAKE_DATA_DIR,
 * denies permissions, loads the app from app://, registers one channel per
 * contract method; a database it must not touch offers Quit or a restore
 * from a backup, and a refused backup says why.
 *
 * With a stand-in core (to drive the session by hand): the kiosk follows
 * patient mode (keys swallowed, close refused, unless the system is ending
 * the session), the production build has no menu and no DevTools, a packaged
 * app ignores the environment overrides, and the folder dialog, restart and
 * events reach Electron.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS, channelFor, type SessionState } from '../../../src/domain'
import type { AppCoreOptions } from '../../../electron/main/appCore'

const fake = vi.hoisted(() => {
  /** An Electron event: records whether the app prevented it. */
  function event(): { prevented: boolean; preventDefault: () => void } {
    const result = {
      prevented: false,
      preventDefault: () => {
        result.prevented = true
      }
    }
    return result
  }

  class Emitter {
    readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>()
    on(name: string, listener: (...args: unknown[]) => void): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: (...args: unknown[]) => void): this {
      return this.on(name, listener)
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
    }
  }

  class WebContents extends Emitter {
    readonly mainFrame = { url: '' }
    readonly sent: Array<[string, unknown]> = []
    devToolsClosed = 0
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload])
    }
    closeDevTools(): void {
      this.devToolsClosed += 1
    }
    setWindowOpenHandler(): void {}
    getURL(): string {
      return this.mainFrame.url
    }
  }

  class BrowserWindow extends Emitter {
    readonly loads: string[] = []
    readonly kiosk: boolean[] = []
    readonly webContents = new WebContents()
    closed = false
    constructor(readonly options: unknown) {
      super()
      state.windows.push(this)
    }
    loadURL(url: string): Promise<void> {
      this.loads.push(url)
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    isDestroyed(): boolean {
      return this.closed
    }
    setKiosk(flag: boolean): void {
      this.kiosk.push(flag)
    }
    show(): void {}
    /** A close as the title bar, Alt+F4 or the system asks for it; true when it went through. */
    close(): boolean {
      const closing = event()
      this.emit('close', closing)
      if (!closing.prevented) this.closed = true
      return !closing.prevented
    }
  }

  const state = {
    handlers: new Map<string, unknown>(),
    permissionAnswers: [] as boolean[],
    windows: [] as BrowserWindow[],
    errorBoxes: [] as { title: string; message: string }[],
    messageBoxes: [] as Array<{ detail?: string; buttons?: string[] }>,
    /** Scripted answers: the button each message box returns, then the file each open dialog returns. */
    messageAnswers: [] as number[],
    openAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    openDialogs: [] as Array<{ parent: unknown; options: unknown }>,
    exitCodes: [] as number[],
    relaunches: 0,
    schemes: [] as unknown[],
    protocolHandlers: new Map<
      string,
      (request: { url: string; method: string }) => Promise<Response>
    >(),
    menus: [] as unknown[],
    app: new Emitter(),
    isPackaged: false
  }

  const whenReady = Promise.resolve()
  const electron = {
    BrowserWindow,
    app: {
      get isPackaged() {
        return state.isPackaged
      },
      name: 'Back Intake',
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: (code: number) => state.exitCodes.push(code),
      relaunch: () => {
        state.relaunches += 1
      },
      on: (name: string, listener: (...args: unknown[]) => void) => state.app.on(name, listener),
      whenReady: () => whenReady,
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '9.9.9'
    },
    dialog: {
      showErrorBox: (title: string, message: string) => state.errorBoxes.push({ title, message }),
      showMessageBox: async (options: { detail?: string; buttons?: string[] }) => {
        state.messageBoxes.push(options)
        return { response: state.messageAnswers.shift() ?? 0, checkboxChecked: false }
      },
      showOpenDialog: async (...args: unknown[]) => {
        const [parent, options] = args.length === 2 ? args : [null, args[0]]
        state.openDialogs.push({ parent, options })
        return state.openAnswers.shift() ?? { canceled: true, filePaths: [] }
      }
    },
    ipcMain: {
      handle: (channel: string, listener: unknown) => state.handlers.set(channel, listener),
      removeHandler: (channel: string) => state.handlers.delete(channel)
    },
    Menu: {
      setApplicationMenu: (menu: unknown) => state.menus.push(menu),
      buildFromTemplate: (template: unknown) => ({ template })
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (
        scheme: string,
        handler: (request: { url: string; method: string }) => Promise<Response>
      ) => state.protocolHandlers.set(scheme, handler)
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (
          handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void
        ) => handler({}, 'media', (ok) => state.permissionAnswers.push(ok)),
        setPermissionCheckHandler: (handler: () => boolean) =>
          state.permissionAnswers.push(handler())
      }
    }
  }
  return { state, electron, event, WebContents }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

const APP_CORE = '../../../electron/main/appCore'
const ENTRY = 'app://back-intake/index.html'

let dataDir: string

beforeEach(() => {
  vi.resetModules()
  const { state } = fake
  state.handlers.clear()
  state.protocolHandlers.clear()
  state.app.listeners.clear()
  for (const list of [
    state.permissionAnswers,
    state.windows,
    state.errorBoxes,
    state.messageBoxes,
    state.messageAnswers,
    state.openAnswers,
    state.openDialogs,
    state.exitCodes,
    state.schemes,
    state.menus
  ])
    list.length = 0
  state.relaunches = 0
  state.isPackaged = false
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-index-'))
  vi.stubEnv('BACK_INTAKE_DATA_DIR', dataDir)
})

afterEach(() => {
  fake.state.app.emit('will-quit')
  vi.doUnmock(APP_CORE)
  vi.unstubAllEnvs()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Imports the entry point (as Electron runs it) and waits until it made its window or gave up. */
async function startApp(): Promise<void> {
  await import('../../../electron/main/index')
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.state.exitCodes.length === 0)
      throw new Error('not started yet')
  })
}

function onlyWindow() {
  expect(fake.state.windows).toHaveLength(1)
  const window = fake.state.windows[0]
  if (!window) throw new Error('no window')
  return window
}

/** Writes a database from a newer version of the app: the core must refuse it. */
async function newerDatabase(): Promise<Buffer> {
  const Database = (await import('better-sqlite3')).default
  const file = path.join(dataDir, 'back-intake.sqlite3')
  const db = new Database(file)
  db.exec('CREATE TABLE future (x); PRAGMA user_version = 99')
  db.close()
  return fs.readFileSync(file)
}

describe('electron/main/index with the app core', () => {
  it('serves the app from app://, opens the database in the data folder, denies permissions and registers every channel', async () => {
    await startApp()
    expect(fake.state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    expect(fake.state.protocolHandlers.has('app')).toBe(true)
    expect(fs.existsSync(path.join(dataDir, 'back-intake.sqlite3'))).toBe(true)
    expect(fake.state.permissionAnswers.length).toBeGreaterThanOrEqual(2)
    expect(fake.state.permissionAnswers.every((answer) => answer === false)).toBe(true)
    const window = onlyWindow()
    expect(window.loads).toEqual([ENTRY])
    expect(window.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true
      }
    })
    expect([...fake.state.handlers.keys()].sort()).toEqual(API_METHODS.map(channelFor).sort())
    expect(fake.state.errorBoxes).toEqual([])
  })

  it('serves nothing outside the built renderer', async () => {
    await startApp()
    const handler = fake.state.protocolHandlers.get('app')
    if (!handler) throw new Error('no app: handler')
    for (const url of [
      'app://back-intake/..%2f..%2fpackage.json',
      'app://back-intake/..%2fmain%2findex.js',
      'app://other/index.html'
    ]) {
      expect((await handler({ url, method: 'GET' })).status).toBe(404)
    }
  })

  it('offers Quit or a restore on a database from a newer version; Quit leaves the file as it was', async () => {
    const before = await newerDatabase()
    fake.state.messageAnswers.push(0)
    await startApp()
    expect(fake.state.windows).toHaveLength(0)
    expect(fake.state.messageBoxes).toHaveLength(1)
    expect(fake.state.messageBoxes[0]).toMatchObject({
      title: 'Back Intake cannot start',
      buttons: ['Quit', 'Restore from a backup…']
    })
    expect(fake.state.messageBoxes[0]?.detail).toMatch(/newer/i)
    expect(fake.state.exitCodes).toEqual([1])
    expect(fake.state.relaunches).toBe(0)
    expect(fs.readFileSync(path.join(dataDir, 'back-intake.sqlite3')).equals(before)).toBe(true)
  })

  it('says why a backup was refused and offers again; a good backup is restored and the app relaunches', async () => {
    // A real backup: a database the app itself made, in another folder.
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-index-backup-'))
    try {
      const { createAppCore } = await import(APP_CORE)
      const donor = await createAppCore({ dataDir: backupDir, version: '1', transport: 'web' })
      donor.close()
      const goodBackup = path.join(backupDir, 'back-intake.sqlite3')
      const badBackup = path.join(backupDir, 'notes.sqlite3')
      fs.writeFileSync(badBackup, 'not a database at all')
      await newerDatabase()

      fake.state.messageAnswers.push(1, 1)
      fake.state.openAnswers.push(
        { canceled: false, filePaths: [badBackup] },
        { canceled: false, filePaths: [goodBackup] }
      )
      await startApp()
      await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([0]))

      expect(fake.state.messageBoxes).toHaveLength(2)
      expect(fake.state.messageBoxes[1]?.detail).toContain('notes.sqlite3')
      expect(fake.state.messageBoxes[1]?.detail).toMatch(/newer/i)
      expect(fake.state.openDialogs[0]?.options).toMatchObject({
        properties: ['openFile'],
        filters: [{ extensions: ['sqlite3'] }]
      })
      expect(fake.state.relaunches).toBe(1)
      expect(fake.state.windows).toHaveLength(0)
      // The restored file is the backup's database, and the refused one moved aside.
      const Database = (await import('better-sqlite3')).default
      const restored = new Database(path.join(dataDir, 'back-intake.sqlite3'), { readonly: true })
      try {
        expect(restored.pragma('user_version', { simple: true })).not.toBe(99)
      } finally {
        restored.close()
      }
      expect(fs.readdirSync(dataDir).some((name) => name.includes('before-restore'))).toBe(true)
    } finally {
      fs.rmSync(backupDir, { recursive: true, force: true })
    }
  })
})

/** A stand-in core that records the options index.ts gave it. */
function standInCore(role: SessionState['role'] = 'front-desk') {
  const captured: { options: AppCoreOptions | null } = { options: null }
  vi.doMock(APP_CORE, () => ({
    DATABASE_FILE_NAME: 'back-intake.sqlite3',
    createAppCore: async (options: AppCoreOptions) => {
      captured.options = options
      return {
        dispatch: async () => ({ ok: true, value: null }),
        databasePath: path.join(options.dataDir, 'back-intake.sqlite3'),
        session: session(role),
        close: () => undefined
      }
    }
  }))
  return captured
}

function session(role: SessionState['role']): SessionState {
  return {
    role,
    staff: null,
    intakeId: role === 'patient' ? 'intake-1' : null,
    needsFirstAdministrator: false,
    idleLockMinutes: 5
  }
}

function optionsOf(captured: { options: AppCoreOptions | null }): AppCoreOptions {
  if (!captured.options) throw new Error('the core was not created')
  return captured.options
}

type Keys = Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>>

/** Sends a key to the window's before-input-event listeners; true when the app swallowed it. */
function key(
  window: ReturnType<typeof onlyWindow>,
  name: string,
  modifiers: Keys = {},
  code?: string
): boolean {
  const prevented = fake.event()
  window.webContents.emit('before-input-event', prevented, {
    type: 'keyDown',
    key: name,
    code: code ?? (/^[a-z]$/i.test(name) ? `Key${name.toUpperCase()}` : name),
    control: false,
    meta: false,
    alt: false,
    shift: false,
    isAutoRepeat: false,
    isComposing: false,
    location: 0,
    modifiers: [],
    ...modifiers
  })
  return prevented.prevented
}

function flushRequests(window: ReturnType<typeof onlyWindow>): number {
  return window.webContents.sent.filter(([channel]) => channel === 'app-event:flushRequested')
    .length
}

describe('electron/main/index: the patient-mode kiosk', () => {
  it('puts the window in kiosk mode for the patient and swallows the escape keys; staff get both back', async () => {
    const captured = standInCore('front-desk')
    await startApp()
    const window = onlyWindow()
    const onSessionChange = optionsOf(captured).onSessionChange
    if (!onSessionChange) throw new Error('no onSessionChange')

    expect(key(window, 'r', { control: true })).toBe(false)
    expect(key(window, 'F5')).toBe(false)

    onSessionChange(session('patient'))
    expect(window.kiosk).toEqual([true])
    for (const [name, modifiers] of [
      ['r', { control: true }],
      ['r', { meta: true }],
      ['R', { control: true, shift: true }],
      ['F5', {}],
      ['w', { control: true }],
      ['q', { meta: true }],
      ['F4', { alt: true }],
      ['F11', {}],
      ['Escape', {}],
      ['I', { control: true, shift: true }],
      ['J', { control: true, shift: true }],
      ['C', { control: true, shift: true }],
      ['F12', {}]
    ] as Array<[string, Keys]>) {
      expect({ name, modifiers, swallowed: key(window, name, modifiers) }).toEqual({
        name,
        modifiers,
        swallowed: true
      })
    }
    expect(key(window, 'a')).toBe(false)
    expect(key(window, 'Tab')).toBe(false)

    onSessionChange(session('front-desk'))
    expect(window.kiosk).toEqual([true, false])
    expect(key(window, 'r', { control: true })).toBe(false)
    expect(key(window, 'Escape')).toBe(false)
  })

  it('refuses a close in patient mode outright (no flush, no timer), and holds it for the flush for staff', async () => {
    const captured = standInCore('front-desk')
    await startApp()
    const window = onlyWindow()
    const options = optionsOf(captured)

    options.onSessionChange?.(session('patient'))
    expect(window.close()).toBe(false)
    expect(window.close()).toBe(false)
    expect(flushRequests(window)).toBe(0)

    options.onSessionChange?.(session('front-desk'))
    expect(window.close()).toBe(false)
    expect(flushRequests(window)).toBe(1)
    options.onFlushed?.()
    expect(window.closed).toBe(true)
  })

  it.each([
    ['the system quits the app (before-quit)', 'app', 'before-quit'],
    ['Windows asks before ending the session', 'window', 'query-session-end'],
    ['Windows ends the session', 'window', 'session-end']
  ])('lets a patient-mode close through the flush when %s', async (_name, source, eventName) => {
    standInCore('patient')
    await startApp()
    const window = onlyWindow()
    expect(window.close()).toBe(false)
    expect(flushRequests(window)).toBe(0)

    if (source === 'app') fake.state.app.emit(eventName)
    else window.emit(eventName, fake.event())
    window.close()
    expect(flushRequests(window)).toBe(1)
  })

  it('starts in kiosk mode when the app starts in patient mode', async () => {
    standInCore('patient')
    await startApp()
    const window = onlyWindow()
    expect(key(window, 'r', { control: true })).toBe(true)
    window.emit('ready-to-show')
    expect(window.kiosk).toEqual([true])
  })
})

describe('electron/main/index: development and production builds', () => {
  it('a development build keeps the menu and DevTools, and loads the dev server', async () => {
    vi.stubEnv('DEV', true)
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    standInCore()
    await startApp()
    const window = onlyWindow()
    expect(window.loads).toEqual(['http://localhost:5173'])
    expect(window.options).toMatchObject({ webPreferences: { devTools: true } })
    expect(fake.state.menus).toEqual([])
    expect(key(window, 'F12')).toBe(false)
  })

  it('a production build has no menu, no DevTools and no dev server, and closes DevTools if anything opens them', async () => {
    vi.stubEnv('DEV', false)
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    standInCore()
    await startApp()
    const window = onlyWindow()
    expect(window.loads).toEqual([ENTRY])
    expect(window.options).toMatchObject({ webPreferences: { devTools: false } })
    expect(fake.state.menus).toEqual([process.platform === 'darwin' ? expect.anything() : null])
    expect(key(window, 'F12')).toBe(true)
    expect(key(window, 'I', { control: true, shift: true })).toBe(true)
    expect(key(window, 'r', { control: true })).toBe(false)

    const contents = new fake.WebContents()
    fake.state.app.emit('web-contents-created', fake.event(), contents)
    contents.emit('devtools-opened')
    expect(contents.devToolsClosed).toBe(1)
  })

  it('an unpackaged build honours the data folder override (the e2e fixture), never a driver path', async () => {
    vi.stubEnv('DEV', false)
    vi.stubEnv('BACK_INTAKE_SQLITE_BINDING', '/checkout/electron-build/better_sqlite3.node')
    const captured = standInCore()
    await startApp()
    expect(optionsOf(captured).dataDir).toBe(dataDir)
    expect(optionsOf(captured).nativeBinding).toBeUndefined()
  })

  it('a packaged app ignores every environment override', async () => {
    fake.state.isPackaged = true
    vi.stubEnv('DEV', true)
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/')
    vi.stubEnv('BACK_INTAKE_SQLITE_BINDING', '/tmp/evil.node')
    const resourcesPath = '/opt/Back Intake/resources'
    const original = Object.getOwnPropertyDescriptor(process, 'resourcesPath')
    Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true })
    try {
      const captured = standInCore()
      await startApp()
      const options = optionsOf(captured)
      expect(options.dataDir).toBe('/nonexistent-user-data')
      expect(options.nativeBinding).toBeUndefined()
      expect(options.pdf?.fontDir).toBe(path.join(resourcesPath, 'fonts'))
      const window = onlyWindow()
      expect(window.loads).toEqual([ENTRY])
      expect(window.options).toMatchObject({ webPreferences: { devTools: false } })
    } finally {
      if (original) Object.defineProperty(process, 'resourcesPath', original)
      else Reflect.deleteProperty(process, 'resourcesPath')
    }
  })
})

describe('electron/main/index: what the core asks of the shell', () => {
  it('chooses a folder in a dialog over the window, and answers null when cancelled', async () => {
    const captured = standInCore()
    await startApp()
    const chooseFolder = optionsOf(captured).chooseFolder
    if (!chooseFolder) throw new Error('no chooseFolder')
    fake.state.openAnswers.push({ canceled: false, filePaths: ['/backups'] })
    expect(await chooseFolder('Choose the backup folder')).toBe('/backups')
    expect(fake.state.openDialogs[0]).toEqual({
      parent: onlyWindow(),
      options: {
        title: 'Choose the backup folder',
        properties: ['openDirectory', 'createDirectory']
      }
    })
    fake.state.openAnswers.push({ canceled: true, filePaths: [] })
    expect(await chooseFolder('Choose the backup folder')).toBeNull()
  })

  it('restarts by relaunching and exiting', async () => {
    const captured = standInCore()
    await startApp()
    optionsOf(captured).requestRestart?.()
    expect(fake.state.relaunches).toBe(1)
    expect(fake.state.exitCodes).toEqual([0])
  })

  it('sends contract events to the window on their channels', async () => {
    const captured = standInCore()
    await startApp()
    const emit = optionsOf(captured).emit
    if (!emit) throw new Error('no emit')
    emit('sessionChanged', session('front-desk'))
    expect(onlyWindow().webContents.sent).toEqual([
      ['app-event:sessionChanged', session('front-desk')]
    ])
  })

  it('hardens every web contents against navigation away from app://', async () => {
    standInCore()
    await startApp()
    const contents = new fake.WebContents()
    contents.mainFrame.url = `${ENTRY}#/intake`
    fake.state.app.emit('web-contents-created', fake.event(), contents)
    const navigate = (url: string): boolean => {
      const attempt = fake.event()
      contents.emit('will-navigate', attempt, url)
      return attempt.prevented
    }
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('app://evil/index.html')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate(ENTRY)).toBe(false)
  })
})
