// `npm run dist`: type-check and build the app, then make this platform's
// installers with electron-builder (electron-builder.yml); `npm run dist:dir`
// (--dir) stops at the unpacked app in dist/. Other arguments go to
// electron-builder (for example `npm run dist -- --linux deb`).
//
// electron-builder rebuilds better-sqlite3 in node_modules for Electron's ABI
// before packing it. The unit tests load that same copy in Node, so afterwards
// this script checks that Node can still load it and rebuilds it for Node if
// not: `npm test` keeps working after a dist, as after `npm start`.
//
// Needs what the Electron binary needs: network access for electron-builder's
// own Electron download (and the Electron headers the rebuild compiles against).
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const builderArgs = ['--config', 'electron-builder.yml', ...args]

/** npm itself, run by this Node (no shell, so it works the same on Windows). */
function npm(npmArgs) {
  const cli = process.env['npm_execpath']
  return cli
    ? run(process.execPath, [cli, ...npmArgs])
    : run(process.platform === 'win32' ? 'npm.cmd' : 'npm', npmArgs, {
        shell: process.platform === 'win32'
      })
}

function run(command, commandArgs, options = {}) {
  const child = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options })
  if (child.error) console.error(child.error.message)
  return child.status ?? 1
}

/** Whether Node (not Electron) can open a database with the driver in node_modules. */
function nodeCanLoadDriver() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    { cwd: root, stdio: 'ignore' }
  )
  return probe.status === 0
}

let status = npm(['run', '--silent', 'build'])
if (status === 0) {
  status = run(process.execPath, [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    ...builderArgs
  ])
}

if (!nodeCanLoadDriver()) {
  console.log('\nRebuilding the database driver for Node, so the tests can load it again...')
  if (npm(['rebuild', 'better-sqlite3']) !== 0 || !nodeCanLoadDriver()) {
    console.error(
      'Could not rebuild better-sqlite3 for Node: run `npm rebuild better-sqlite3` before `npm test`.'
    )
    if (status === 0) status = 1
  }
}

if (status === 0) console.log(`\nInstallers are in ${join(root, 'dist')}`)
process.exit(status)
