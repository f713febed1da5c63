// `npm run dist`: type-check and build the app, then make this platform's
// installers with electron-builder (electron-builder.yml); `npm run dist:dir`
// (--dir) stops at the unpacked app in dist/. Other arguments go to
// electron-builder (for example `npm run dist -- --linux deb`).
//
// Nothing is recompiled: better-sqlite3 is a Node-API module whose prebuilt
// binary for each platform ships in its npm package, and the same file loads
// in Node (the tests) and in Electron (the app).
//
// Needs what the Electron binary needs: network access for electron-builder's
// own Electron download.
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

let status = npm(['run', '--silent', 'build'])
if (status === 0) {
  status = run(process.execPath, [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    ...builderArgs
  ])
}

if (status === 0) console.log(`\nInstallers are in ${join(root, 'dist')}`)
process.exit(status)
