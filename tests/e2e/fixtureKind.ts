import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type FixtureKind = 'electron' | 'web'

/** The Electron binary, when it was downloaded at install time. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const dir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** `electron` when the binary is present (or E2E_FIXTURE says so), otherwise `web`. */
export function fixtureKind(): FixtureKind {
  const forced = process.env['E2E_FIXTURE']
  if (forced === 'web' || forced === 'electron') return forced
  return electronBinary() ? 'electron' : 'web'
}
