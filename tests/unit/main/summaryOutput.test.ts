/**
 * The Electron glue of the PDF summaries with a fake `electron` module: the
 * folder dialog is modal to the app window, and printing loads the PDF in a
 * hidden, sandboxed window, opens the system print dialog (not silent) and
 * cleans up after itself.
 */
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  const state = {
    openDialogs: [] as Array<{ parent: unknown; options: Record<string, unknown> }>,
    openAnswer: { canceled: false, filePaths: ['/home/staff/Summaries'] } as {
      canceled: boolean
      filePaths: string[]
    },
    windows: [] as FakeWindow[],
    printAnswer: true,
    loadedBytes: '' as string
  }
  class FakeWindow {
    destroyed = false
    loaded: string | null = null
    printOptions: unknown = null
    readonly webContents = {
      print: (options: unknown, callback: (success: boolean) => void) => {
        this.printOptions = options
        callback(state.printAnswer)
      }
    }
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this)
    }
    async loadFile(file: string): Promise<void> {
      this.loaded = file
      const { readFileSync: read } = await import('node:fs')
      state.loadedBytes = read(file, 'latin1')
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    destroy(): void {
      this.destroyed = true
    }
  }
  const electron = {
    BrowserWindow: FakeWindow,
    dialog: {
      showOpenDialog: (...args: unknown[]) => {
        const [parent, options] = args.length === 2 ? args : [null, args[0]]
        state.openDialogs.push({ parent, options: options as Record<string, unknown> })
        return Promise.resolve(state.openAnswer)
      }
    }
  }
  return { state, electron, FakeWindow }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

const { createElectronSummaryOutput } = await import('../../../electron/main/summaryOutput')

const appWindow = { id: 'main' }

function output() {
  return createElectronSummaryOutput({
    window: () => appWindow as never,
    defaultFolder: () => '/home/staff/Documents'
  })
}

beforeEach(() => {
  fake.state.openDialogs.length = 0
  fake.state.windows.length = 0
  fake.state.printAnswer = true
  fake.state.openAnswer = { canceled: false, filePaths: ['/home/staff/Summaries'] }
})

describe('createElectronSummaryOutput', () => {
  it('asks for a folder in a dialog modal to the app window, starting in Documents', async () => {
    expect(await output().chooseFolder('2026-11-20')).toBe('/home/staff/Summaries')
    expect(fake.state.openDialogs[0]?.parent).toBe(appWindow)
    expect(fake.state.openDialogs[0]?.options).toMatchObject({
      defaultPath: '/home/staff/Documents',
      properties: ['openDirectory', 'createDirectory']
    })
    fake.state.openAnswer = { canceled: true, filePaths: [] }
    expect(await output().chooseFolder('2026-11-20')).toBeNull()
  })

  it('prints the very bytes through the system print dialog in a hidden, sandboxed window, then cleans up', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 the summary')
    expect(await output().print(pdf, '2026-11-20 Okafor, Maya – intake')).toBe(true)
    const window = fake.state.windows[0]
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        plugins: true
      }
    })
    expect(fake.state.loadedBytes).toBe('%PDF-1.7 the summary')
    expect(window?.printOptions).toMatchObject({ silent: false })
    expect(window?.destroyed).toBe(true)
    expect(existsSync(dirname(window?.loaded ?? '/nonexistent/x'))).toBe(false)
  })

  it('reports a cancelled print dialog as not printed', async () => {
    fake.state.printAnswer = false
    expect(await output().print(new Uint8Array([37, 80, 68, 70]), 'x')).toBe(false)
    expect(fake.state.windows[0]?.destroyed).toBe(true)
  })
})
