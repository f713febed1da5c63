/** Types of scripts/electronegativityReport.mjs, for its unit tests. */

export interface Allowance {
  /** The scanner's check id, e.g. PRELOAD_JS_CHECK. */
  readonly check: string
  /** The file it fires in, relative to the repository, with forward slashes. */
  readonly file: string
  /** Why the finding is not a problem, as reviewed. */
  readonly reason: string
}

export interface Finding {
  readonly check: string
  readonly file: string
  readonly line: number
  readonly severity: string
  readonly confidence: string
  readonly manualReview: boolean
  readonly description: string
  readonly sample: string
}

export interface Comparison {
  readonly allowed: ReadonlyArray<{ readonly finding: Finding; readonly allowance: Allowance }>
  readonly unexpected: readonly Finding[]
  readonly stale: readonly Allowance[]
}

export declare const MIN_REASON_LENGTH: number
export declare function parseAllowList(json: unknown): Allowance[]
export declare function toFinding(issue: unknown): Finding
export declare function compareFindings(
  findings: readonly Finding[],
  allowList: readonly Allowance[]
): Comparison
export declare function countResults(input: {
  readonly checksRun: number
  readonly comparison: Comparison
  readonly unscanned: readonly string[]
}): { passed: number; failed: number }
