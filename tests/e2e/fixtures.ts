/**
 * The two end-to-end fixtures of the engineering guide, behind one `app`
 * fixture so every spec runs on either:
 * - electron: the built desktop app, launched with Playwright's _electron;
 * - web: the built renderer in Chromium, with the same `window.api` the
 *   preload builds, wired to the real main-process core (real SQLite in a
 *   temporary folder). Only the IPC transport is replaced.
 */
import { test as base, _electron, expect, type Browser, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { createAppCore, type AppCore } from '../../electron/main/appCore'
import { API_METHODS, methodForChannel } from '../../src/domain/ipc/contract'
import { electronBinary, fixtureKind, type FixtureKind } from './fixtureKind'

const ROOT = resolve(import.meta.dirname, '../..')
const RENDERER_DIR = join(ROOT, 'out/renderer')
const WEB_ORIGIN = 'http://back-intake.test'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface AppHandle {
  readonly kind: FixtureKind
  readonly dataDir: string
  /** The app's current window. */
  page: Page
  /** Closes the app the way a crash or a quit would, then starts it again on the same data folder. */
  restart(): Promise<Page>
  /**
   * Makes the next `count` saveDraft calls fail as a full disk would (web fixture only: it needs
   * the test's own transport; the electron fixture throws). The app and its data are untouched.
   */
  failNextSaves(count: number): void
}

/** Faults a test asks the web transport to inject; shared across restarts of one test's app. */
interface Faults {
  saveDraftFailures: number
}

/** What a save answers while a fault is injected: the typed error a full disk gives. */
const DISK_FULL = { ok: false, error: { code: 'storage', message: 'The disk is full' } } as const

interface Launched {
  page: Page
  close(): Promise<void>
}

/** Installs `window.api` exactly as the preload does: one function per contract method, nothing else. */
function installApi({ methods }: { methods: readonly string[] }): void {
  type Invoke = (channel: string, args: unknown) => Promise<unknown>
  const invoke = (window as unknown as { __backIntakeInvoke: Invoke }).__backIntakeInvoke
  const api = Object.fromEntries(methods.map((method) => [method, (args: unknown) => invoke(`app:${method}`, args)]))
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
}

async function launchWeb(browser: Browser, dataDir: string, faults: Faults): Promise<Launched> {
  let core: AppCore | null = await createAppCore({ dataDir, version: 'test', transport: 'web' })
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  await context.exposeFunction('__backIntakeInvoke', async (channel: string, args: unknown) => {
    const method = methodForChannel(channel)
    if (!method || !core) return { ok: false, error: { code: 'forbidden', message: 'Unknown channel.' } }
    if (method === 'saveDraft' && faults.saveDraftFailures > 0) {
      faults.saveDraftFailures -= 1
      return DISK_FULL
    }
    return core.dispatch(method, args)
  })
  await context.addInitScript(installApi, { methods: API_METHODS })
  await context.route(`${WEB_ORIGIN}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(/^([/\\])+/, '')
    const file = join(RENDERER_DIR, path || 'index.html')
    if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 403 })
    try {
      const body = readFileSync(file)
      return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  const page = await context.newPage()
  await page.goto(`${WEB_ORIGIN}/index.html`)
  return {
    page,
    async close() {
      await context.close()
      core?.close()
      core = null
    }
  }
}

function electronBinding(): string {
  const output = execFileSync(process.execPath, [join(ROOT, 'scripts/electron-native.mjs'), '--print'], { encoding: 'utf8' })
  return output.trim().split('\n').pop() ?? ''
}

async function launchElectron(dataDir: string): Promise<Launched> {
  const binary = electronBinary()
  if (!binary) throw new Error('The electron fixture needs the Electron binary.')
  const electronApp = await _electron.launch({
    executablePath: binary,
    args: [ROOT],
    env: { ...process.env, BACK_INTAKE_DATA_DIR: dataDir, BACK_INTAKE_SQLITE_BINDING: electronBinding() } as Record<string, string>
  })
  const page = await electronApp.firstWindow()
  await page.setViewportSize({ width: 1280, height: 860 })
  return { page, close: () => electronApp.close() }
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ browser }, use) => {
    const kind = fixtureKind()
    const dataDir = mkdtempSync(join(tmpdir(), 'back-intake-e2e-'))
    const faults: Faults = { saveDraftFailures: 0 }
    const launch = () => (kind === 'electron' ? launchElectron(dataDir) : launchWeb(browser, dataDir, faults))
    let current = await launch()
    const handle: AppHandle = {
      kind,
      dataDir,
      page: current.page,
      async restart() {
        await current.close()
        current = await launch()
        handle.page = current.page
        return current.page
      },
      failNextSaves(count) {
        if (kind !== 'web') throw new Error('failNextSaves needs the web fixture: it injects the failure in its IPC transport.')
        faults.saveDraftFailures = count
      }
    }
    await use(handle)
    await current.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect }
