import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/webApp'
import { findChromium } from './browser'
import { electronBinary, fixtureKind } from './fixtureKind'

export default function globalSetup(): void {
  const kind = fixtureKind()
  if (!existsSync('out/renderer/index.html')) {
    throw new Error(
      'The app is not built: run `npx electron-vite build` (npm run test:e2e does it).'
    )
  }
  if (kind === 'electron') {
    console.log(`[e2e] fixture: electron (the built app in ${electronBinary() ?? 'electron'})`)
    // The SQLite driver for Electron's ABI is built once here (minutes the first
    // time), not inside a test's timeout; workers inherit the path.
    const output = execFileSync(
      process.execPath,
      [join(ROOT, 'scripts/electron-native.mjs'), '--print'],
      {
        encoding: 'utf8'
      }
    )
    process.env['BACK_INTAKE_SQLITE_BINDING'] = output.trim().split('\n').pop() ?? ''
  } else {
    console.log(
      `[e2e] fixture: web (the built renderer in ${findChromium() ?? "Playwright's Chromium"} over the real main-process services; the Electron binary is not installed)`
    )
  }
}
