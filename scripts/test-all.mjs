// `npm test`: every suite, in order, then one totals line `N passed, N failed`.
// Type-checking and lint are gates too: a step that fails without running
// tests counts as one failure, so the totals line can never read green over a
// broken build.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const results = join(root, 'test-results')
const bin = (name) => join(root, 'node_modules', '.bin', name)
rmSync(join(results, 'unit.json'), { force: true })
rmSync(join(results, 'e2e.json'), { force: true })
rmSync(join(results, 'electronegativity.json'), { force: true })
mkdirSync(results, { recursive: true })

let passed = 0
let failed = 0

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`)
  const started = Date.now()
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env }
  })
  console.log(
    `=== ${title}: ${child.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  return child.status === 0
}

function gate(title, command, args) {
  if (!run(title, command, args)) failed += 1
}

function countVitest(file) {
  if (!existsSync(file)) return null
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0)
  }
}

/** The security scan's own counts: one test per check, plus stale allowances and unparsed files. */
function countElectronegativity(file) {
  if (!existsSync(file)) return null
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return { passed: report.passed ?? 0, failed: report.failed ?? 0 }
}

function countPlaywright(file) {
  if (!existsSync(file)) return null
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {}
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0
  }
}

gate('type-check', 'npm', ['run', '--silent', 'typecheck'])
gate('lint', 'npm', ['run', '--silent', 'lint'])

const unitOk = run('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(results, 'unit.json')}`
])
const unit = countVitest(join(results, 'unit.json'))
if (unit) {
  passed += unit.passed
  failed += unit.failed
}
if (!unitOk && (!unit || unit.failed === 0)) failed += 1

// Electronegativity over the sources, against its reviewed allow-list
// (scripts/electronegativity.mjs); a crash with no report counts as one failure.
const scanOk = run('security scan (electronegativity)', process.execPath, [
  join(root, 'scripts', 'electronegativity.mjs'),
  `--json=${join(results, 'electronegativity.json')}`
])
const scan = countElectronegativity(join(results, 'electronegativity.json'))
if (scan) {
  passed += scan.passed
  failed += scan.failed
}
if (!scanOk && (!scan || scan.failed === 0)) failed += 1

if (run('build', bin('electron-vite'), ['build'])) {
  const e2eOk = run('end-to-end tests (playwright)', bin('playwright'), ['test'])
  const e2e = countPlaywright(join(results, 'e2e.json'))
  if (e2e) {
    passed += e2e.passed
    failed += e2e.failed
    if (e2e.skipped)
      console.log(`(${e2e.skipped} end-to-end tests skipped; each prints its reason above)`)
  }
  if (!e2eOk && (!e2e || e2e.failed === 0)) failed += 1
} else {
  failed += 1
}

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
