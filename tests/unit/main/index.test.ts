/**
 * The Electron entry point with a fake `electron` module: it opens the data
 * folder named by BACK_INTAKE_DATA_DIR, denies permissions, creates the
 * window and registers one channel per contract method; and a database it
 * must not touch stops the start with a dialog instead of a stack trace.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS, channelFor } from '../../../src/domain'

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, unknown>(),
    permissionAnswers: [] as boolean[],
    windows: [] as { options: unknown; loads: string[] }[],
    errorBoxes: [] as { title: string; message: string }[],
    exitCodes: [] as number[],
    ready: null as null | ((value?: unknown) => void),
    listeners: new Map<string, (...args: unknown[]) => void>()
  }
  class BrowserWindow {
    readonly loads: string[] = []
    readonly webContents = { mainFrame: {} }
    constructor(readonly options: unknown) {
      state.windows.push(this)
    }
    once(): this {
      return this
    }
    on(): this {
      return this
    }
    loadURL(url: string): Promise<void> {
      this.loads.push(url)
      return Promise.resolve()
    }
    loadFile(file: string): Promise<void> {
      this.loads.push(file)
      return Promise.resolve()
    }
    isDestroyed(): boolean {
      return false
    }
    setFullScreen(): void {}
  }
  const whenReady = new Promise((resolve) => {
    state.ready = resolve
  })
  const electron = {
    BrowserWindow,
    app: {
      isPackaged: false,
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: (code: number) => state.exitCodes.push(code),
      on: (event: string, listener: (...args: unknown[]) => void) =>
        state.listeners.set(event, listener),
      whenReady: () => whenReady,
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '9.9.9'
    },
    dialog: {
      showErrorBox: (title: string, message: string) => state.errorBoxes.push({ title, message })
    },
    ipcMain: {
      handle: (channel: string, listener: unknown) => state.handlers.set(channel, listener),
      removeHandler: (channel: string) => state.handlers.delete(channel)
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
  return { state, electron }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

let dataDir: string

beforeEach(() => {
  vi.resetModules()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-index-'))
  process.env['BACK_INTAKE_DATA_DIR'] = dataDir
})

afterEach(() => {
  fake.state.listeners.get('will-quit')?.()
  delete process.env['BACK_INTAKE_DATA_DIR']
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function startApp(): Promise<void> {
  await import('../../../electron/main/index')
  fake.state.ready?.()
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.state.errorBoxes.length === 0)
      throw new Error('not started yet')
  })
}

describe('electron/main/index', () => {
  it('opens the database in the data folder, denies permissions, creates the window and registers every channel', async () => {
    await startApp()
    expect(fs.existsSync(path.join(dataDir, 'back-intake.sqlite3'))).toBe(true)
    expect(fake.state.permissionAnswers.length).toBeGreaterThanOrEqual(2)
    expect(fake.state.permissionAnswers.every((answer) => answer === false)).toBe(true)
    expect(fake.state.windows).toHaveLength(1)
    expect(fake.state.windows[0]?.options).toMatchObject({
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

  it('refuses to start on a database from a newer version, with a dialog, leaving the file as it was', async () => {
    const Database = (await import('better-sqlite3')).default
    const file = path.join(dataDir, 'back-intake.sqlite3')
    const db = new Database(file)
    db.exec('CREATE TABLE future (x); PRAGMA user_version = 99')
    db.close()
    const before = fs.readFileSync(file)

    fake.state.windows.length = 0
    fake.state.errorBoxes.length = 0
    fake.state.exitCodes.length = 0
    await startApp()
    expect(fake.state.windows).toHaveLength(0)
    expect(fake.state.errorBoxes[0]?.title).toBe('Back Intake cannot start')
    expect(fake.state.errorBoxes[0]?.message).toMatch(/newer/i)
    expect(fake.state.exitCodes).toEqual([1])
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })
})
