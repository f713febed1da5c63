// The pure half of scripts/electronegativity.mjs: reads the reviewed
// allow-list and compares the scanner's findings with it. Kept apart from the
// scan so the unit suite can test the rules without running the scanner
// (tests/unit/packaging/electronegativityReport.test.ts).

/** Shortest reason accepted: an allowance must say why the finding is not a problem. */
export const MIN_REASON_LENGTH = 20

/**
 * Checks and returns the allow-list's entries. Each names a check id and a
 * file (relative, with forward slashes) and gives the reviewed reason; a
 * malformed or duplicated entry throws, so the list cannot quietly allow more
 * than it says.
 */
export function parseAllowList(json) {
  const entries = json?.allowed
  if (!Array.isArray(entries)) throw new Error('the allow-list needs an "allowed" array')
  const seen = new Set()
  return entries.map((entry, index) => {
    const where = `allowed[${index}]`
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where} is not an object`)
    const { check, file, reason } = entry
    if (typeof check !== 'string' || !/^[A-Z0-9_]+$/.test(check)) {
      throw new Error(`${where}.check must be a check id such as PRELOAD_JS_CHECK`)
    }
    if (typeof file !== 'string' || file === '' || file.includes('\\') || file.startsWith('/')) {
      throw new Error(
        `${where}.file must be a path relative to the repository, with forward slashes`
      )
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`${where}.reason must say why ${check} in ${file} is not a problem`)
    }
    const extra = Object.keys(entry).filter((key) => !['check', 'file', 'reason'].includes(key))
    if (extra.length > 0) throw new Error(`${where} has unknown fields: ${extra.join(', ')}`)
    const key = `${check} ${file}`
    if (seen.has(key)) throw new Error(`${where} repeats ${check} in ${file}`)
    seen.add(key)
    return { check, file, reason }
  })
}

/** A finding from the scanner's result, reduced to what the report needs. */
export function toFinding(issue) {
  return {
    check: String(issue.id),
    file: String(issue.file).split('\\').join('/'),
    line: Number(issue.location?.line ?? 0),
    severity: String(issue.severity?.name ?? 'UNKNOWN'),
    confidence: String(issue.confidence?.name ?? 'UNKNOWN'),
    manualReview: issue.manualReview === true,
    description: String(issue.description ?? ''),
    sample: typeof issue.sample === 'string' ? issue.sample.trim() : ''
  }
}

/**
 * Sorts the findings into those the allow-list covers (by check and file)
 * and those it does not, and lists the allowances that matched nothing
 * (stale: the finding is gone, so the entry should go too).
 */
export function compareFindings(findings, allowList) {
  const allowed = []
  const unexpected = []
  const used = new Set()
  for (const finding of findings) {
    const allowance = allowList.find(
      (entry) => entry.check === finding.check && entry.file === finding.file
    )
    if (allowance) {
      allowed.push({ finding, allowance })
      used.add(allowance)
    } else {
      unexpected.push(finding)
    }
  }
  const stale = allowList.filter((entry) => !used.has(entry))
  return { allowed, unexpected, stale }
}

/**
 * The step's counts for the test totals: each check that ran is one test,
 * failed when it has a finding the allow-list does not cover; each stale
 * allowance and each file the scanner could not parse (its checks never saw
 * it) is one more failure.
 */
export function countResults({ checksRun, comparison, unscanned }) {
  const failingChecks = new Set(comparison.unexpected.map((finding) => finding.check))
  return {
    passed: Math.max(0, checksRun - failingChecks.size),
    failed: failingChecks.size + comparison.stale.length + unscanned.length
  }
}
