import { existsSync } from 'node:fs'

/**
 * An installed Chromium for the web fixture. Playwright's own browser
 * download is not always possible, so a system browser is preferred;
 * CHROMIUM_PATH overrides. Undefined means "use Playwright's own".
 */
export function findChromium(): string | undefined {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
  ]
  return candidates.find(
    (path): path is string => typeof path === 'string' && path !== '' && existsSync(path)
  )
}

/** Debian's Chromium as root on a closed network: no sandbox, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]
