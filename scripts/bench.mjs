// `npm run bench`: every benchmark, one table; `npm run bench -- queue record`:
// only those. Benchmarks are not tests; they report ratios against a baseline
// measured in the same run on this machine.
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const chosen = process.argv.slice(2)
// The renderer and PDF benchmarks measure the production build; the others need none.
if (chosen.length === 0 || chosen.includes('renderer') || chosen.includes('pdf')) {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const child = spawnSync(
  join(root, 'node_modules', '.bin', 'tsx'),
  [join(root, 'tests/bench/run.ts'), ...chosen],
  {
    cwd: root,
    stdio: 'inherit'
  }
)
process.exit(child.status ?? 1)
