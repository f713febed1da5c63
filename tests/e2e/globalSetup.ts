import { existsSync } from 'node:fs'
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
  } else {
    console.log(
      `[e2e] fixture: web (the built renderer in ${findChromium() ?? "Playwright's Chromium"} over the real main-process services; the Electron binary is not installed)`
    )
  }
}
