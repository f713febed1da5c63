/**
 * Test helpers for the domain suites: the golden cases from the fixtures folder
 * and a complete, unremarkable intake to vary one answer at a time.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  AnswerValue,
  ConcernLevel,
  FlagCondition,
  FlagLevel,
  IntakeAnswers
} from '../../../src/domain'

/** The evaluation date every hand-written test below uses. */
export const AS_OF = '2026-11-20'

export interface GoldenCase {
  readonly file: string
  readonly name: string
  readonly asOf: string
  readonly answers: IntakeAnswers
  readonly expect: {
    readonly concern: ConcernLevel
    readonly rulesVersion?: number
    readonly flags: ReadonlyArray<{
      readonly condition: FlagCondition
      readonly level: FlagLevel
      readonly uncertain?: boolean
      readonly triggeredBy?: readonly string[]
    }>
    readonly patterns: readonly string[]
    readonly scores?: Readonly<Record<string, unknown>>
    readonly missingRequired?: readonly string[]
    readonly notices?: readonly string[]
  }
}

export const CASES_DIR = fileURLToPath(new URL('../../fixtures/cases/', import.meta.url))

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every `*.json` golden case, read at run time so a newly copied case is picked up. */
export function loadGoldenCases(): GoldenCase[] {
  return readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed: unknown = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8'))
      if (
        !isRecord(parsed) ||
        typeof parsed['name'] !== 'string' ||
        typeof parsed['asOf'] !== 'string' ||
        !isRecord(parsed['answers']) ||
        !isRecord(parsed['expect']) ||
        !Array.isArray(parsed['expect']['flags']) ||
        !Array.isArray(parsed['expect']['patterns'])
      ) {
        throw new Error(`${file} is not a golden case: expected { name, asOf, answers, expect }`)
      }
      return { file, ...parsed } as unknown as GoldenCase
    })
}

/**
 * A complete intake of a 30-year-old (on {@link AS_OF}) with mild soreness two
 * days after deadlifts, every red flag `no`: the golden cases' baseline. It
 * evaluates to concern `none` with only the `doms-like` pattern.
 */
export const BASELINE: IntakeAnswers = {
  'patient.givenName': 'Maya',
  'patient.familyName': 'Okafor',
  'patient.dateOfBirth': '1996-03-14',
  'patient.sex': 'female',
  'patient.preferredLanguage': 'en',
  'complaint.duration': 'lt-1w',
  'complaint.onsetType': 'gradual',
  'complaint.onsetContext': '24-72h-after-workout',
  'complaint.activities': ['deadlift'],
  'complaint.trainingFactors': [],
  'complaint.trend': 'improving',
  'complaint.description': 'Sore across the lower back two days after heavy deadlifts.',
  'pain.regions': ['low-back-centre'],
  'pain.quality': ['dull-ache', 'stiffness'],
  'pain.now': 3,
  'pain.worst': 5,
  'pain.pattern': ['worse-bending'],
  'peg.pain': 3,
  'peg.enjoyment': 2,
  'peg.activity': 3,
  'rf.bladder': 'no',
  'rf.bowel': 'no',
  'rf.saddleNumbness': 'no',
  'rf.sexualDysfunction': 'no',
  'rf.bothLegs': 'no',
  'rf.legWeakness': 'no',
  'rf.darkUrine': 'no',
  'rf.trauma': 'no',
  'rf.osteoporosis': 'no',
  'rf.steroids': 'no',
  'rf.cancerHistory': 'no',
  'rf.weightLoss': 'no',
  'rf.nightPain': 'no',
  'rf.unwell': 'no',
  'rf.fever': 'no',
  'rf.recentInfection': 'no',
  'rf.ivDrugUse': 'no',
  'rf.immunosuppressed': 'no',
  'rf.spinalProcedure': 'no',
  'rf.abdominalPulsing': 'no',
  'sb.1': 'disagree',
  'sb.2': 'disagree',
  'sb.3': 'disagree',
  'sb.4': 'disagree',
  'sb.5': 'disagree',
  'sb.6': 'disagree',
  'sb.7': 'disagree',
  'sb.8': 'disagree',
  'sb.9': 'slightly',
  'history.previousEpisodes': 'none',
  'history.nsaidResponse': 'not-tried',
  'history.smoking': 'never',
  'consent.treatment': true,
  'consent.privacy': true,
  'consent.signedBy': 'Maya Okafor',
  'consent.signature': 'M10 10 L40 30 L70 12'
}

/** The baseline with some answers replaced; `undefined` removes an answer. */
export function answersWith(
  overrides: Readonly<Record<string, AnswerValue | undefined>>
): IntakeAnswers {
  return Object.fromEntries(
    Object.entries({ ...BASELINE, ...overrides }).filter(
      (entry): entry is [string, AnswerValue] => entry[1] !== undefined
    )
  )
}
