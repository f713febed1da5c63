// Builds a copy of better-sqlite3 for Electron's ABI next to the one Node uses,
// so `npm test` (Node) and `npm start` (Electron) both work, in either order,
// without rebuilding node_modules/better-sqlite3 back and forth.
// Prints the path of the Electron build; the app receives it through
// BACK_INTAKE_SQLITE_BINDING.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronVersion } from './electronBinary.mjs'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function electronBindingPath() {
  const sqliteVersion = require('better-sqlite3/package.json').version
  return join(
    root,
    'node_modules',
    '.electron-native',
    `electron-${electronVersion()}-sqlite-${sqliteVersion}`,
    'better_sqlite3.node'
  )
}

export async function ensureElectronBinding({ quiet = false } = {}) {
  const target = electronBindingPath()
  if (existsSync(target)) return target
  const log = (line) => quiet || console.log(line)
  log(
    `Building the database driver for Electron ${electronVersion()} (first start only, takes a minute or two)...`
  )

  // Rebuild a private copy so the Node build in node_modules stays as it is.
  const work = join(dirname(target), 'work')
  rmSync(work, { recursive: true, force: true })
  const moduleDir = join(work, 'node_modules', 'better-sqlite3')
  mkdirSync(dirname(moduleDir), { recursive: true })
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${'better-sqlite3'}/build`)
  })
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'electron-native-work',
      private: true,
      dependencies: { 'better-sqlite3': '*' }
    })
  )
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({
    buildPath: work,
    electronVersion: electronVersion(),
    onlyModules: ['better-sqlite3'],
    force: true
  })
  copyFileSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), target)
  rmSync(work, { recursive: true, force: true })
  log(`Database driver for Electron ready: ${target}`)
  return target
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const print = process.argv.includes('--print')
  ensureElectronBinding({ quiet: print })
    .then((path) => print && console.log(path))
    .catch((error) => {
      console.error('Could not build the database driver for Electron:', error?.message ?? error)
      process.exit(1)
    })
}
