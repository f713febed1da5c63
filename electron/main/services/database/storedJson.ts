/**
 * Readers for the JSON columns. The database is a file on the clinic's disk
 * that other tools (or a bad sector) can change, so what comes back is checked
 * against the shapes the rest of the app relies on instead of being cast.
 */
import type {
  AnswerValue,
  ConcernLevel,
  EvaluationNotice,
  Flag,
  FlagCondition,
  FlagLevel,
  IntakeAnswers,
  IntakeEvaluation,
  IntakeScores,
  Pattern,
  PatternId,
  StartBackScore
} from '../../../../src/domain'

const CONCERN_LEVELS: readonly ConcernLevel[] = ['none', 'review', 'urgent', 'emergency']
const FLAG_LEVELS: readonly FlagLevel[] = ['review', 'urgent', 'emergency']
const FLAG_CONDITIONS: readonly FlagCondition[] = [
  'cauda-equina',
  'malignancy',
  'infection',
  'fracture',
  'vascular',
  'axial-spa',
  'rhabdomyolysis'
]
const PATTERN_IDS: readonly PatternId[] = [
  'doms-like',
  'strain-like',
  'radicular',
  'inflammatory',
  'training-load'
]
const RISKS: readonly StartBackScore['risk'][] = ['low', 'medium', 'high']

/** Narrows an unknown value to one of a fixed list of strings. */
export function oneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
}

/** Whether `value` is one of the four concern levels. */
export function isConcernLevel(value: unknown): value is ConcernLevel {
  return oneOf(CONCERN_LEVELS, value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string')
}

function isNumberOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Parses a stored `answers` column.
 *
 * @returns `null` when the text is not an object of answer values (§1 of the spec).
 */
export function parseStoredAnswers(text: string): IntakeAnswers | null {
  const value = parseJson(text)
  if (!isRecord(value)) return null
  const answers: Record<string, AnswerValue> = {}
  for (const [itemId, answer] of Object.entries(value)) {
    if (typeof answer === 'string' || typeof answer === 'boolean') answers[itemId] = answer
    else if (typeof answer === 'number' && Number.isFinite(answer)) answers[itemId] = answer
    else if (isStringArray(answer)) answers[itemId] = answer
    else return null
  }
  return answers
}

function isFlag(value: unknown): value is Flag {
  return (
    isRecord(value) &&
    oneOf(FLAG_CONDITIONS, value.condition) &&
    oneOf(FLAG_LEVELS, value.level) &&
    isStringArray(value.triggeredBy) &&
    typeof value.uncertain === 'boolean' &&
    typeof value.recommendation === 'string'
  )
}

function isPattern(value: unknown): value is Pattern {
  return isRecord(value) && oneOf(PATTERN_IDS, value.id) && isStringArray(value.triggeredBy)
}

function isStartBack(value: unknown): value is StartBackScore {
  return (
    isRecord(value) &&
    typeof value.total === 'number' &&
    typeof value.psychosocial === 'number' &&
    oneOf(RISKS, value.risk)
  )
}

function isScores(value: unknown): value is IntakeScores {
  return (
    isRecord(value) &&
    (value.startBack === null || isStartBack(value.startBack)) &&
    isNumberOrNull(value.peg) &&
    isNumberOrNull(value.painNow) &&
    isNumberOrNull(value.painWorst)
  )
}

const NOTICES: readonly EvaluationNotice[] = ['under-16']

/**
 * Snapshots written before rules versions were recorded are version 1 and
 * carry no notices: read them as such rather than refusing them.
 */
function withVersionDefaults(value: unknown): unknown {
  if (!isRecord(value)) return value
  return {
    ...value,
    rulesVersion: value.rulesVersion ?? 1,
    notices: value.notices ?? []
  }
}

function isEvaluation(value: unknown): value is IntakeEvaluation {
  return (
    isRecord(value) &&
    (value.rulesVersion === 1 || value.rulesVersion === 2) &&
    Array.isArray(value.notices) &&
    value.notices.every((notice) => oneOf(NOTICES, notice)) &&
    isConcernLevel(value.concern) &&
    Array.isArray(value.flags) &&
    value.flags.every(isFlag) &&
    Array.isArray(value.patterns) &&
    value.patterns.every(isPattern) &&
    isScores(value.scores) &&
    isNumberOrNull(value.age) &&
    isStringArray(value.missingRequired)
  )
}

/**
 * Parses a stored evaluation snapshot.
 *
 * @returns `null` when the text does not hold an evaluation of the current shape.
 */
export function parseStoredEvaluation(text: string): IntakeEvaluation | null {
  const value = withVersionDefaults(parseJson(text))
  return isEvaluation(value) ? value : null
}
