// Where the Electron binary is, or null when it was never downloaded (as with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1). Reads electron's own path.txt rather than
// require('electron'), which throws a confusing error when the binary is missing.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export function electronBinaryPath() {
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export function electronVersion() {
  return require('electron/package.json').version
}

export const MISSING_ELECTRON_MESSAGE = `
The Electron binary is not installed, so the desktop app cannot start.
This happens when dependencies were installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1
or when the download was blocked.

To fix it, on a machine with internet access run either:
  node node_modules/electron/install.js
or reinstall the dependencies normally:
  rm -rf node_modules && npm install

The test suite does not need the binary: npm test runs the end-to-end specs
in Chromium over the same main-process services.
`
