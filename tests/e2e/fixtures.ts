/**
 * The two end-to-end fixtures of the engineering guide, behind one `app`
 * fixture so every spec runs on either:
 * - electron: the built desktop app, launched with Playwright's _electron;
 * - web: the built renderer in Chromium, with the same `window.api` the
 *   preload builds, wired to the real main-process core (real SQLite in a
 *   temporary folder). Only the IPC transport is replaced (tests/support/webApp.ts).
 */
import { test as base, _electron, expect, type Browser, type Page } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchWebApp, ROOT, TEST_ADMINISTRATOR } from '../support/webApp'
import { electronBinary, fixtureKind, type FixtureKind } from './fixtureKind'

export interface AppHandle {
  readonly kind: FixtureKind
  readonly dataDir: string
  /**
   * Web fixture: the folder exports are saved in, under the name the app suggests (the browser
   * has no save dialog). Emptied with the data folder after the test.
   */
  readonly exportDir: string
  /** Web fixture: the folder "the folder dialog" picks for backups (outside the data folder). */
  readonly backupDir: string
  /** Web fixture: every PDF the app sent to "the print dialog", oldest first (there is none here). */
  readonly printedPdfs: readonly Uint8Array[]
  /** The app's current window. */
  page: Page
  /** Closes the app the way a crash or a quit would, then starts it again on the same data folder. */
  restart(): Promise<Page>
  /**
   * Closes the window as a person does (the window's close button, Alt+F4, quitting), which lets
   * the app save its last answers first, then starts it again on the same data folder.
   */
  closeAndReopen(): Promise<{ page: Page; closedAt: number }>
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
  closeLikeTheWindow(): Promise<void>
}

async function launchWeb(
  browser: Browser,
  dataDir: string,
  faults: Faults,
  printed: Uint8Array[]
): Promise<Launched> {
  const app = await launchWebApp(browser, dataDir, {
    onPrint: (pdf) => printed.push(pdf),
    backupDir: `${dataDir}-backups`
  })
  app.intercept = (method) => {
    if (method !== 'saveDraft' || faults.saveDraftFailures === 0) return undefined
    faults.saveDraftFailures -= 1
    return DISK_FULL
  }
  return {
    page: app.page,
    close: () => app.close(),
    closeLikeTheWindow: () => app.closeLikeTheWindow()
  }
}

/**
 * The desktop app opens on the sign-in screen (the first-run screen on a new
 * data folder): the test administrator signs in there, as a person would.
 * Patient mode, which survives a restart, is left as it is.
 */
async function signInThroughScreen(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 })
  await heading.first().waitFor()
  const title = await heading.first().innerText()
  if (title !== 'Sign in' && title !== 'Set up Back Intake') return
  await page.getByLabel(/name/i).first().fill(TEST_ADMINISTRATOR.name)
  const secrets = page.locator('input[type="password"]')
  const count = await secrets.count()
  for (let index = 0; index < count; index++) {
    await secrets.nth(index).fill(TEST_ADMINISTRATOR.secret)
  }
  await page.getByRole('button', { name: /^(Sign in|Create administrator and sign in)$/ }).click()
  await page.getByTestId('signed-in-as').waitFor()
  // An administrator lands on the queue; specs begin on the start screen, as on the web fixture.
  await page.evaluate(() => {
    window.location.hash = '#/'
  })
  await page.getByRole('heading', { level: 1 }).first().waitFor()
}

async function launchElectron(dataDir: string): Promise<Launched> {
  const binary = electronBinary()
  if (!binary) throw new Error('The electron fixture needs the Electron binary.')
  const electronApp = await _electron.launch({
    executablePath: binary,
    args: [ROOT],
    env: {
      ...process.env,
      BACK_INTAKE_DATA_DIR: dataDir
    } as Record<string, string>
  })
  const page = await electronApp.firstWindow()
  await page.setViewportSize({ width: 1280, height: 860 })
  await signInThroughScreen(page)
  // Playwright closes the Electron app through its windows, so the close guard runs either way.
  return {
    page,
    close: () => electronApp.close(),
    closeLikeTheWindow: () => electronApp.close()
  }
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ browser }, use) => {
    const kind = fixtureKind()
    const dataDir = mkdtempSync(join(tmpdir(), 'back-intake-e2e-'))
    mkdirSync(`${dataDir}-backups`)
    const printedPdfs: Uint8Array[] = []
    const faults: Faults = { saveDraftFailures: 0 }
    const launch = () =>
      kind === 'electron'
        ? launchElectron(dataDir)
        : launchWeb(browser, dataDir, faults, printedPdfs)
    let current = await launch()
    const handle: AppHandle = {
      kind,
      dataDir,
      exportDir: join(dataDir, 'exports'),
      backupDir: `${dataDir}-backups`,
      printedPdfs,
      page: current.page,
      async closeAndReopen() {
        await current.closeLikeTheWindow()
        const closedAt = Date.now()
        current = await launch()
        handle.page = current.page
        return { page: current.page, closedAt }
      },
      async restart() {
        await current.close()
        current = await launch()
        handle.page = current.page
        return current.page
      },
      failNextSaves(count) {
        if (kind !== 'web')
          throw new Error(
            'failNextSaves needs the web fixture: it injects the failure in its IPC transport.'
          )
        faults.saveDraftFailures = count
      }
    }
    await use(handle)
    await current.close()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(`${dataDir}-backups`, { recursive: true, force: true })
  }
})

export { expect }
