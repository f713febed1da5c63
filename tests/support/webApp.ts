/**
 * The built renderer in Chromium over the real main-process core: the
 * browser side of the "web" transport, shared by the end-to-end fixture and
 * the renderer benchmarks. `window.api` is installed exactly as the preload
 * builds it (one function per contract method); calls go to the same
 * dispatcher the desktop app registers on ipcMain.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { createAppCore, type AppCore } from '../../electron/main/appCore'
import { API_METHODS, methodForChannel, type ApiMethod, type Result } from '../../src/domain'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const WEB_ORIGIN = 'http://back-intake.test'

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
  readonly context: BrowserContext
  intercept: Intercept | null
  close(): Promise<void>
}

/** Installs `window.api` as the preload does; runs in the page, so it is self-contained. */
function installApi({ methods }: { methods: readonly string[] }): void {
  type Invoke = (channel: string, args: unknown) => Promise<unknown>
  const invoke = (window as unknown as { __backIntakeInvoke: Invoke }).__backIntakeInvoke
  const api = Object.fromEntries(
    methods.map((method) => [method, (args: unknown) => invoke(`app:${method}`, args)])
  )
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
  options: { viewport?: { width: number; height: number }; goto?: boolean } = {}
): Promise<WebApp> {
  let core: AppCore | null = await createAppCore({ dataDir, version: 'test', transport: 'web' })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 }
  })
  const app: WebApp = {
    context,
    page: undefined as unknown as Page,
    intercept: null,
    async close() {
      await context.close()
      core?.close()
      core = null
    }
  }
  await context.exposeFunction('__backIntakeInvoke', async (channel: string, args: unknown) => {
    const method = methodForChannel(channel)
    if (!method || !core)
      return { ok: false, error: { code: 'forbidden', message: 'Unknown channel.' } }
    return app.intercept?.(method, args) ?? core.dispatch(method, args)
  })
  await context.addInitScript(installApi, { methods: API_METHODS })
  await serveRenderer(context)
  const page = await context.newPage()
  ;(app as { page: Page }).page = page
  if (options.goto !== false) await page.goto(`${WEB_ORIGIN}/index.html`)
  return app
}
