// `npm run bench`: every benchmark, one table. Benchmarks are not tests; they
// report ratios against a baseline measured in the same run on this machine.
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const child = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'tests/bench/run.ts')], {
  cwd: root,
  stdio: 'inherit'
})
process.exit(child.status ?? 1)
