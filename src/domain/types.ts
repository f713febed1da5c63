/**
 * Shapes of the clinical contract (intake-spec.md §1 and §7), shared by both
 * processes. Kept free of any runtime code so every layer can import them.
 */

/** One answer value: see the encoding table of the spec (§1). */
export type AnswerValue = string | number | boolean | readonly string[]

/**
 * The answers of one intake: a flat object keyed by item id. An unanswered
 * item is absent: never `null`, never `""`.
 */
export type IntakeAnswers = Readonly<Record<string, AnswerValue>>

export type ConcernLevel = 'none' | 'review' | 'urgent' | 'emergency'
export type FlagLevel = Exclude<ConcernLevel, 'none'>

export type FlagCondition =
  | 'cauda-equina'
  | 'malignancy'
  | 'infection'
  | 'fracture'
  | 'vascular'
  | 'axial-spa'
  | 'rhabdomyolysis'

/**
 * The version of the screening rules (intake-spec.md). A stored evaluation
 * keeps the version that produced it; snapshots written before versions were
 * recorded are version 1.
 */
export type RulesVersion = 1 | 2

/** What the rules say about the screen itself rather than the patient (§3). */
export type EvaluationNotice = 'under-16'

export type PatternId = 'doms-like' | 'strain-like' | 'radicular' | 'inflammatory' | 'training-load'

export interface Flag {
  readonly condition: FlagCondition
  readonly level: FlagLevel
  /**
   * Every positive answer the condition's rules name, plus the item ids and
   * derived names (`age`, `onsetAge`, `noImprovement`) of each rule that holds (§4).
   */
  readonly triggeredBy: readonly string[]
  /**
   * True when `unsure` answers raised this flag: read as `no`, the flag would be
   * lower or absent. The clinician should ask.
   */
  readonly uncertain: boolean
  /** What the clinician should consider doing, in plain English. */
  readonly recommendation: string
}

export interface Pattern {
  readonly id: PatternId
  readonly triggeredBy: readonly string[]
}

export interface StartBackScore {
  readonly total: number
  readonly psychosocial: number
  readonly risk: 'low' | 'medium' | 'high'
}

export interface IntakeScores {
  readonly startBack: StartBackScore | null
  readonly peg: number | null
  readonly painNow: number | null
  readonly painWorst: number | null
}

export interface IntakeEvaluation {
  /** The rules that produced this evaluation; `evaluateIntake` always gives the current one. */
  readonly rulesVersion: RulesVersion
  readonly concern: ConcernLevel
  /** At most one entry per condition, at the highest level its rules reach. */
  readonly flags: readonly Flag[]
  readonly patterns: readonly Pattern[]
  readonly scores: IntakeScores
  readonly notices: readonly EvaluationNotice[]
  readonly age: number | null
  /**
   * Required item ids not answered (consent included, and the conditionally
   * required `complaint.trend` and `consent.signerRelationship`), in catalogue order.
   */
  readonly missingRequired: readonly string[]
}
