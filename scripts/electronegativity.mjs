// `npm run test:electronegativity` (and a step of `npm test`): Doyensec's
// Electronegativity over the app's sources (electron/, src/ and package.json),
// compared with the reviewed allow-list electronegativity-allow.json. A
// finding the list does not cover fails; so does an allowance that no longer
// matches anything (remove it: the list must say only what is true today),
// and so does a file the scanner could not parse (its checks never saw it).
//
// Run through the scanner's programmatic entry rather than its CLI: the CLI
// prints parse failures to the console and still exits 0, and its CSV loses
// the distinction. Options:
//   --json=<file>  also write the counts and findings there (scripts/test-all.mjs reads it)
//
// Offline by design: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (it downloads
// Electron's release list) is left out, since package.json pins Electron
// exactly and its upgrades are reviewed; and the scanner's HTTP client is
// replaced by one that always fails, because the scanner also fetches
// translations of its messages at every start. It then says it "could not
// retrieve updated translations" and uses its own English texts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  compareFindings,
  countResults,
  parseAllowList,
  toFinding
} from './electronegativityReport.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const ALLOW_LIST = 'electronegativity-allow.json'
/** What is scanned: the main process, the preload, the renderer (with its CSP) and the manifest. */
const SCANNED = ['electron', 'src', 'package.json']
/** Check classes left out, by the scanner's own (class) names. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

const jsonArg = process.argv.find((arg) => arg.startsWith('--json='))
const jsonPath = jsonArg ? resolve(jsonArg.slice('--json='.length)) : null

/**
 * A copy of just the scanned sources: the scanner walks every folder under its
 * input (node_modules, out/, test results) before filtering, and would also
 * report on tests and build output that never ship as written.
 */
function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'back-intake-electronegativity-'))
  for (const entry of SCANNED) cpSync(join(root, entry), join(stage, entry), { recursive: true })
  return stage
}

/**
 * Puts a stand-in for the scanner's HTTP client (got) in the module cache
 * before the scanner loads it, so no request ever leaves the machine: CI and
 * these machines reach only the package registries.
 */
function keepScannerOffline() {
  const fromScanner = createRequire(require.resolve('@doyensec/electronegativity/package.json'))
  const gotPath = fromScanner.resolve('got')
  const refuse = () => Promise.reject(new Error('network access is disabled for the scan'))
  const offline = new Module(gotPath)
  offline.filename = gotPath
  offline.loaded = true
  offline.exports = Object.assign(refuse, { get: refuse, head: refuse, stream: refuse })
  require.cache[gotPath] = offline
}

async function scan(stage) {
  keepScannerOffline()
  const run = require('@doyensec/electronegativity/dist/runner.js')
  return run(
    {
      input: stage,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      parserPlugins: [],
      electronVersionOverride: require('electron/package.json').version
    },
    false
  )
}

function print(comparison, unscanned, counts) {
  for (const { finding, allowance } of comparison.allowed) {
    console.log(`  allowed  ${finding.check} ${finding.file}:${finding.line} (${allowance.reason})`)
  }
  for (const finding of comparison.unexpected) {
    console.log(
      `  FINDING  ${finding.check} [${finding.severity}/${finding.confidence}] ${finding.file}:${finding.line}\n` +
        `           ${finding.description}\n` +
        (finding.sample ? `           ${finding.sample}\n` : '') +
        `           Fix it, or add it to ${ALLOW_LIST} with the reason it is not a problem.`
    )
  }
  for (const allowance of comparison.stale) {
    console.log(
      `  STALE    ${allowance.check} ${allowance.file}: no longer found; remove it from ${ALLOW_LIST}.`
    )
  }
  for (const file of unscanned) console.log(`  UNSCANNED ${file}`)
  console.log(`Electronegativity: ${counts.passed} checks passed, ${counts.failed} failed`)
}

async function main() {
  const allowList = parseAllowList(JSON.parse(readFileSync(join(root, ALLOW_LIST), 'utf8')))
  const started = Date.now()
  const stage = stageSources()
  let result
  try {
    result = await scan(stage)
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
  const findings = result.issues.map(toFinding)
  const unscanned = result.errors
    .filter((error) => !error.tolerable)
    .map((error) => `${String(error.file).slice(stage.length + 1)}: ${error.message}`)
  for (const warning of result.errors.filter((error) => error.tolerable)) {
    console.log(`  (parsed with a warning: ${warning.file}: ${warning.message})`)
  }
  const comparison = compareFindings(findings, allowList)
  const checksRun = result.globalChecks + result.atomicChecks
  const counts = countResults({ checksRun, comparison, unscanned })
  console.log(
    `Scanned ${SCANNED.join(', ')} with ${checksRun} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  print(comparison, unscanned, counts)
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true })
    writeFileSync(
      jsonPath,
      JSON.stringify({ ...counts, checksRun, ...comparison, unscanned }, null, 2) + '\n'
    )
  }
  return counts.failed === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`electronegativity could not run: ${error?.stack ?? error}`)
    process.exit(1)
  }
)
