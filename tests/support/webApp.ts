/**
 * The built renderer in Chromium over the real main-process core: the
 * browser side of the "web" transport, shared by the end-to-end fixture and
 * the renderer benchmarks. `window.api` is installed exactly as the preload
 * builds it (one function per contract method); calls go to the same
 * dispatcher the desktop app registers on ipcMain.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { createAppCore, type AppCore } from '../../electron/main/appCore'
import { createCloseGuard } from '../../electron/main/closeGuard'
import { createFolderSaveFile } from '../../electron/main/services/export/saveFile'
import {
  API_METHODS,
  methodForChannel,
  type ApiEvent,
  type ApiMethod,
  type Result
} from '../../src/domain'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const WEB_ORIGIN = 'http://back-intake.test'

/** The account the tests sign in with unless they say otherwise: the first administrator. */
export const TEST_ADMINISTRATOR = { name: 'Test Administrator', secret: 'correct horse battery' }

/**
 * Signs a member of staff in over the core, as the sign-in screen would
 * (creating the first administrator on a new data folder). A core in patient
 * mode stays in it: only a member of staff at the device may end it.
 */
export async function signInOverCore(
  core: AppCore,
  credentials: { name: string; secret: string } = TEST_ADMINISTRATOR
): Promise<void> {
  const session = await core.dispatch('getSession', {})
  if (!session.ok) throw new Error(session.error.message)
  const state = session.value as { role: string; needsFirstAdministrator: boolean }
  if (state.role !== 'signed-out') return
  const result = await core.dispatch(
    state.needsFirstAdministrator ? 'createFirstAdministrator' : 'signIn',
    credentials
  )
  if (!result.ok) throw new Error(result.error.message)
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

/** A hook the tests may set to change what one call returns (failure injection). */
export type Intercept = (method: ApiMethod, args: unknown) => Result<unknown> | undefined

export interface WebApp {
  readonly page: Page
  /** The core behind the page (null once closed): what a test reaches "behind the app's back". */
  readonly core: () => AppCore | null
  readonly context: BrowserContext
  intercept: Intercept | null
  close(): Promise<void>
  /**
   * Closes as the desktop window does: asks the page to save, waits for its
   * confirmation (or the same time limit), then closes. `close()` is a crash.
   */
  closeLikeTheWindow(): Promise<void>
}

/**
 * Installs `window.api` as the preload does; runs in the page, so it is
 * self-contained. Events from the "main process" (the test) arrive through
 * `window.__backIntakeEmit`, which only the test calls.
 */
function installApi({ methods }: { methods: readonly string[] }): void {
  type Invoke = (channel: string, args: unknown) => Promise<unknown>
  type Listener = (payload: unknown) => void
  const host = window as unknown as {
    __backIntakeInvoke: Invoke
    __backIntakeEmit: (event: string, payload: unknown) => void
  }
  const invoke = host.__backIntakeInvoke
  const listeners = new Map<string, Set<Listener>>()
  host.__backIntakeEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const on = (event: string, listener: Listener): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(event, set)
    return () => {
      set.delete(listener)
    }
  }
  const api = {
    ...Object.fromEntries(
      methods.map((method) => [method, (args: unknown) => invoke(`app:${method}`, args)])
    ),
    on
  }
  Object.defineProperty(window, 'api', {
    value: Object.freeze(api),
    writable: false,
    configurable: false
  })
}

/** Serves the built renderer from a fixed origin (Chromium refuses module scripts from file://). */
export async function serveRenderer(context: BrowserContext): Promise<void> {
  await context.route(`${WEB_ORIGIN}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(
      /^([/\\])+/,
      ''
    )
    const file = join(RENDERER_DIR, path || 'index.html')
    if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 403 })
    try {
      const body = readFileSync(file)
      return route.fulfill({
        status: 200,
        body,
        contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
      })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
}

export async function launchWebApp(
  browser: Browser,
  dataDir: string,
  options: {
    viewport?: { width: number; height: number }
    goto?: boolean
    /** Where exports are saved (there is no save dialog here); `<dataDir>/exports` by default. */
    exportDir?: string
    /** Receives each PDF sent to "the print dialog" (there is none here): the test reads its bytes. */
    onPrint?: (pdf: Uint8Array) => void
    /**
     * Who is signed in when the page opens (the first administrator by
     * default); `false` opens on the sign-in screen, as the app starts.
     */
    signIn?: { name: string; secret: string } | false
    /** What "the folder dialog" answers when a backup folder is chosen (none chosen without it). */
    backupDir?: string
  } = {}
): Promise<WebApp> {
  let flushed: () => void = () => undefined
  let openedPage: Page | null = null
  const currentPage = (): Page | null => openedPage
  let core: AppCore | null = await createAppCore({
    dataDir,
    version: 'test',
    transport: 'web',
    onFlushed: () => flushed(),
    // The browser has no system save dialog: a file is saved as if the suggested name was accepted.
    saveFile: createFolderSaveFile(options.exportDir ?? join(dataDir, 'exports')),
    // A day's PDF summaries go to a folder of their own in the export folder; printing
    // hands the bytes to the test instead of a print dialog.
    summaryOutput: {
      chooseFolder: async (date) => {
        const folder = join(options.exportDir ?? join(dataDir, 'exports'), `summaries ${date}`)
        await mkdir(folder, { recursive: true })
        return folder
      },
      print: (pdf) => {
        options.onPrint?.(pdf)
        return Promise.resolve(true)
      }
    },
    // The browser has no folder dialog: choosing the backup folder picks the test's.
    chooseFolder: () => Promise.resolve(options.backupDir ?? null),
    // Events reach the page as the preload's would (a closed page just misses them).
    // (Before the page exists, as while signing in over the core, there is no one to tell.)
    emit: (event, payload) =>
      void currentPage()
        ?.evaluate(
          ([name, data]) =>
            (
              window as unknown as { __backIntakeEmit: (name: string, p: unknown) => void }
            ).__backIntakeEmit(name, data),
          [event, payload] as const
        )
        .catch(() => undefined)
  })
  if (options.signIn !== false) await signInOverCore(core, options.signIn ?? TEST_ADMINISTRATOR)
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 }
  })
  const app: WebApp = {
    context,
    core: () => core,
    page: undefined as unknown as Page,
    intercept: null,
    async close() {
      await context.close()
      core?.close()
      core = null
    },
    async closeLikeTheWindow() {
      // The same guard the desktop window uses, over this transport.
      const closed = new Promise<void>((resolve) => {
        const guard = createCloseGuard({
          requestFlush: () =>
            void app.page
              .evaluate(
                (event) =>
                  (
                    window as unknown as { __backIntakeEmit: (name: string, p: unknown) => void }
                  ).__backIntakeEmit(event, {}),
                'flushRequested' satisfies ApiEvent
              )
              .catch(() => undefined),
          close: resolve
        })
        flushed = () => guard.flushed()
        guard.onClose({ preventDefault: () => undefined })
      })
      await closed
      await app.close()
    }
  }
  await context.exposeFunction('__backIntakeInvoke', async (channel: string, args: unknown) => {
    const method = methodForChannel(channel)
    if (!method || !core)
      return { ok: false, error: { code: 'forbidden', message: 'Unknown channel.' } }
    return app.intercept?.(method, args) ?? core.dispatch(method, args)
  })
  // Under tsx (the benchmarks) esbuild keeps function names by wrapping them in
  // `__name(...)`, which the serialized installApi then calls in the page.
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target' })
  await context.addInitScript(installApi, { methods: API_METHODS })
  await serveRenderer(context)
  const page = await context.newPage()
  ;(app as { page: Page }).page = page
  openedPage = page
  if (options.goto !== false) await page.goto(`${WEB_ORIGIN}/index.html`)
  return app
}
