// `npm start`: build the app, then launch it in Electron; `npm run dev` (with
// --dev): the electron-vite dev server with hot reload. Either way it says
// plainly what is missing instead of failing with a stack trace.
import { spawnSync, spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinaryPath, MISSING_ELECTRON_MESSAGE } from './electronBinary.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const binary = electronBinaryPath()
if (!binary) {
  console.error(MISSING_ELECTRON_MESSAGE)
  process.exit(1)
}

const electronVite = resolve(root, 'node_modules/electron-vite/bin/electron-vite.js')
// The database driver is a Node-API module: the copy the tests load runs in Electron too.
const env = { ...process.env }

if (process.argv.includes('--dev')) {
  const dev = spawn(process.execPath, [electronVite, 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env
  })
  dev.on('exit', (code) => process.exit(code ?? 0))
} else {
  launch()
}

function launch() {
  const build = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (build.status !== 0) process.exit(build.status ?? 1)

  const child = spawn(binary, [root], {
    cwd: root,
    stdio: 'inherit',
    env
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}
