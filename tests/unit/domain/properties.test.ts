/**
 * Properties over every valid intake the catalogue allows, not just the ones
 * we thought of: the engine must never throw, never hide a flag behind a lower
 * concern, never lower a flag when a red-flag answer turns positive, and never
 * raise one when an `unsure` answer is read as `no` (intake-spec.md §3-§4).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ageOn,
  CATALOGUE,
  concernRank,
  evaluateIntake,
  FIRST_BACK_PAIN_AGE_BANDS,
  REQUIRED_ITEM_IDS,
  validateAnswers,
  type AnswerValue,
  type CatalogueItem,
  type FlagCondition,
  type IntakeAnswers,
  type IntakeEvaluation
} from '../../../src/domain'

const AS_OF = '2026-11-20'
const NUM_RUNS = 400

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Calendar days between two bounds, as `YYYY-MM-DD` (fc.date works in UTC here). */
function dateBetween(min: string, max: string): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T00:00:00Z`),
      noInvalidDate: true
    })
    .map(isoDay)
}

/** Already-normalised text, as a valid intake stores it: NFC, trimmed, not blank. */
function text(maxLength: number): fc.Arbitrary<string> {
  // NFC can expand a code point to up to three, so stay well under the limit.
  return fc
    .string({ unit: 'binary', minLength: 1, maxLength: Math.min(Math.floor(maxLength / 4), 40) })
    .map((s) => s.normalize('NFC').trim())
    .filter((s) => s !== '' && Array.from(s).length <= maxLength)
}

const emailAddress: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9._+-]{1,20}$/),
    fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    fc.constantFrom('com', 'org', 'co.uk', 'es', 'cn')
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`)

/** The characters SVG path data of a signature may use (§2): M L C Q Z, digits, space , - . */
const PATH_DATA_CHARACTERS = [...'MLCQZmlcqz0123456789 ,.-']

/** Any valid drawn signature (§2): path data, a pad-like path, or a PNG data URL; trimmed. */
const signature: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({ unit: fc.constantFrom(...PATH_DATA_CHARACTERS), minLength: 1, maxLength: 60 })
    .map((s) => s.trim())
    .filter((s) => s !== ''),
  fc
    .array(
      fc.array(fc.tuple(fc.integer({ min: -50, max: 900 }), fc.integer({ min: -50, max: 300 })), {
        minLength: 1,
        maxLength: 8
      }),
      { minLength: 1, maxLength: 4 }
    )
    .map((strokes) =>
      strokes
        .map((points) => points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' '))
        .join(' ')
    ),
  fc.base64String({ minLength: 4, maxLength: 80 }).map((data) => `data:image/png;base64,${data}`)
)

function codesOf(entry: CatalogueItem): string[] {
  return (entry.codes ?? []).map((option) => option.code)
}

/**
 * A `ynu` answer, mostly `no` as at a real front desk so that single positives
 * (and the levels they reach) are common, not drowned by every rule firing.
 */
function ynuAnswer(entry: CatalogueItem): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant('no'), weight: 10 },
    ...codesOf(entry)
      .filter((code) => code !== 'no')
      .map((code) => ({ arbitrary: fc.constant(code), weight: 1 }))
  )
}

/** Any valid value of one catalogue item. */
function valueOf(entry: CatalogueItem): fc.Arbitrary<AnswerValue> {
  switch (entry.type) {
    case 'text':
      if (entry.id === 'patient.email') return emailAddress
      if (entry.id === 'consent.signature') return signature
      return text(entry.maxLength ?? 2000)
    case 'date':
      // Birth dates giving ages 0..120 on AS_OF; onsets in the recent past.
      return entry.id === 'patient.dateOfBirth'
        ? dateBetween('1905-11-21', AS_OF)
        : dateBetween('2000-01-01', AS_OF)
    case 'choice':
      return fc.constantFrom(...codesOf(entry))
    case 'ynu':
      return ynuAnswer(entry)
    case 'multi':
      return fc.shuffledSubarray(codesOf(entry))
    case 'scale':
      return fc.integer({ min: 0, max: 10 })
    case 'boolean':
      return fc.boolean()
  }
}

/**
 * Any subset of the catalogue's items, each valid on its own. The first back
 * pain age band may start above the generated age: valid item by item, but
 * refused as a whole (§2).
 */
const itemWiseValidAnswers: fc.Arbitrary<IntakeAnswers> = fc.record(
  Object.fromEntries(CATALOGUE.map((entry) => [entry.id, valueOf(entry)])) as Record<
    string,
    fc.Arbitrary<AnswerValue>
  >,
  { requiredKeys: [] }
) as fc.Arbitrary<IntakeAnswers>

/** Whether the first back pain age band starts above the age on AS_OF (§2: refused). */
function bandAboveAge(answers: IntakeAnswers): boolean {
  const dateOfBirth = answers['patient.dateOfBirth']
  const band = FIRST_BACK_PAIN_AGE_BANDS.find(
    ({ code }) => code === answers['history.firstBackPainAge']
  )
  if (typeof dateOfBirth !== 'string' || band === undefined) return false
  const age = ageOn(dateOfBirth, AS_OF)
  return age !== null && band.minAge > age
}

/** Whether the onset date is before the date of birth (refused as a whole, like the band). */
function onsetBeforeBirth(answers: IntakeAnswers): boolean {
  const onset = answers['complaint.onsetDate']
  const dateOfBirth = answers['patient.dateOfBirth']
  return typeof onset === 'string' && typeof dateOfBirth === 'string' && onset < dateOfBirth
}

/**
 * Any valid answers object: item-wise valid, a first back pain age band consistent with age and
 * an onset no earlier than the birth.
 */
const validAnswers: fc.Arbitrary<IntakeAnswers> = itemWiseValidAnswers.filter(
  (answers) => !bandAboveAge(answers) && !onsetBeforeBirth(answers)
)

/** Item-wise valid answers whose only possible cross-item problem is the age band. */
const bandOnlyAnswers: fc.Arbitrary<IntakeAnswers> = itemWiseValidAnswers.filter(
  (answers) => !onsetBeforeBirth(answers)
)

const RED_FLAG_IDS = CATALOGUE.filter((entry) => entry.section === 'redFlags').map(
  (entry) => entry.id
)
const YNU_IDS = CATALOGUE.filter((entry) => entry.type === 'ynu').map((entry) => entry.id)
const CONDITIONALLY_REQUIRED_IDS = ['complaint.trend', 'consent.signerRelationship']

function withAnswer(
  answers: IntakeAnswers,
  id: string,
  value: AnswerValue | undefined
): IntakeAnswers {
  const rest = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== id))
  return value === undefined ? rest : { ...rest, [id]: value }
}

/** The `ynu` items answered `unsure`. */
function unsureIds(answers: IntakeAnswers): string[] {
  return YNU_IDS.filter((id) => answers[id] === 'unsure')
}

/** The answers with the given `unsure` answers read as `no`. */
function unsureAsNo(answers: IntakeAnswers, ids: readonly string[]): IntakeAnswers {
  return { ...answers, ...Object.fromEntries(ids.map((id) => [id, 'no'])) }
}

/** Each condition's level rank; a condition without a flag is absent (rank 0, `none`). */
function levelOf(result: IntakeEvaluation, condition: FlagCondition): number {
  const flag = result.flags.find((candidate) => candidate.condition === condition)
  return concernRank(flag?.level ?? 'none')
}

function evaluate(answers: IntakeAnswers): IntakeEvaluation {
  return evaluateIntake(answers, { asOf: AS_OF })
}

const CONDITIONS: readonly FlagCondition[] = [
  'cauda-equina',
  'malignancy',
  'infection',
  'fracture',
  'vascular',
  'axial-spa',
  'rhabdomyolysis'
]

describe('evaluateIntake properties', () => {
  it('never throws, and the concern is the highest flag level', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = evaluate(answers)
        expect(result.rulesVersion).toBe(2)
        const highest = Math.max(0, ...result.flags.map((flag) => concernRank(flag.level)))
        expect(concernRank(result.concern)).toBe(highest)

        const conditions = result.flags.map((flag) => flag.condition)
        expect(new Set(conditions).size).toBe(conditions.length)
        for (let i = 1; i < result.flags.length; i += 1) {
          expect(concernRank(result.flags[i - 1]?.level ?? 'none')).toBeGreaterThanOrEqual(
            concernRank(result.flags[i]?.level ?? 'none')
          )
        }
        for (const flag of result.flags) {
          expect(flag.triggeredBy.length).toBeGreaterThan(0)
          expect(flag.recommendation).not.toMatch(/diagnos/i)
          // A derived value is named, not the item it comes from (§4).
          expect(flag.triggeredBy).not.toContain('history.firstBackPainAge')
          // Only positive answers are listed: yes or unsure, and for history.familySpA only yes.
          for (const id of flag.triggeredBy.filter((trigger) => YNU_IDS.includes(trigger))) {
            const allowed = id === 'history.familySpA' ? ['yes'] : ['yes', 'unsure']
            expect(allowed, `${flag.condition} lists ${id}`).toContain(answers[id])
          }
        }
        if (concernRank(result.concern) >= concernRank('urgent')) {
          expect(result.patterns.map((pattern) => pattern.id)).not.toContain('doms-like')
        }
        expect([...REQUIRED_ITEM_IDS, ...CONDITIONALLY_REQUIRED_IDS]).toEqual(
          expect.arrayContaining([...result.missingRequired])
        )
        if (result.age !== null) expect(result.age).toBeGreaterThanOrEqual(0)
        expect(result.notices).toEqual(result.age !== null && result.age < 16 ? ['under-16'] : [])
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('marks a flag uncertain exactly when reading every unsure as no lowers or removes it', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = evaluate(answers)
        const certain = evaluate(unsureAsNo(answers, unsureIds(answers)))
        for (const flag of result.flags) {
          const lowered = levelOf(certain, flag.condition) < concernRank(flag.level)
          expect(flag.uncertain, flag.condition).toBe(lowered)
        }
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('never lowers any flag when a red-flag answer turns from no or unanswered to yes or unsure', () => {
    fc.assert(
      fc.property(
        validAnswers,
        fc.constantFrom(...RED_FLAG_IDS),
        fc.constantFrom<'no' | undefined>('no', undefined),
        fc.constantFrom<'yes' | 'unsure'>('yes', 'unsure'),
        (answers, id, before, after) => {
          const lower = evaluate(withAnswer(answers, id, before))
          const higher = evaluate(withAnswer(answers, id, after))
          expect(concernRank(higher.concern)).toBeGreaterThanOrEqual(concernRank(lower.concern))
          for (const condition of CONDITIONS) {
            expect(levelOf(higher, condition), condition).toBeGreaterThanOrEqual(
              levelOf(lower, condition)
            )
          }
          // The item now counts and is no longer missing either way.
          expect(higher.missingRequired).not.toContain(id)
        }
      ),
      { numRuns: NUM_RUNS }
    )
  })

  it('never raises the level of any flag when one unsure answer is read as no', () => {
    fc.assert(
      fc.property(validAnswers, fc.nat(), (answers, pick) => {
        const unsure = unsureIds(answers)
        fc.pre(unsure.length > 0)
        const id = unsure[pick % unsure.length] ?? ''
        const before = evaluate(answers)
        const after = evaluate(unsureAsNo(answers, [id]))
        for (const condition of CONDITIONS) {
          expect(
            levelOf(after, condition),
            `${condition} after ${id} unsure -> no`
          ).toBeLessThanOrEqual(levelOf(before, condition))
        }
        expect(concernRank(after.concern)).toBeLessThanOrEqual(concernRank(before.concern))
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('never raises the level of any flag when every unsure answer is read as no', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const before = evaluate(answers)
        const after = evaluate(unsureAsNo(answers, unsureIds(answers)))
        for (const condition of CONDITIONS) {
          expect(levelOf(after, condition), condition).toBeLessThanOrEqual(
            levelOf(before, condition)
          )
        }
        // With no unsure answer left, nothing is uncertain.
        for (const flag of after.flags) expect(flag.uncertain, flag.condition).toBe(false)
      }),
      { numRuns: NUM_RUNS }
    )
  })
})

describe('validateAnswers properties', () => {
  it('accepts every valid answers object in draft mode, unchanged', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        expect(validateAnswers(answers, { mode: 'draft', asOf: AS_OF })).toEqual({
          ok: true,
          answers
        })
        expect(validateAnswers(answers, { mode: 'draft' })).toEqual({ ok: true, answers })
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('refuses, in draft mode, only a first back pain age band that starts above the age', () => {
    fc.assert(
      fc.property(bandOnlyAnswers, (answers) => {
        const result = validateAnswers(answers, { mode: 'draft', asOf: AS_OF })
        if (bandAboveAge(answers)) {
          expect(result.ok ? [] : result.issues.map((found) => [found.itemId, found.code])).toEqual(
            [['history.firstBackPainAge', 'age-band-above-age']]
          )
        } else {
          expect(result).toEqual({ ok: true, answers })
        }
        // Without asOf there is no age, so nothing to compare the band with.
        expect(validateAnswers(answers, { mode: 'draft' })).toEqual({ ok: true, answers })
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('accepts in submit mode exactly when nothing required is missing', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const missing = evaluate(answers).missingRequired
        const result = validateAnswers(answers, { mode: 'submit', asOf: AS_OF })
        const issues = result.ok ? [] : result.issues
        // The same items, as sets: conditional items are reported after the others.
        expect(issues.map((found) => found.itemId).sort()).toEqual([...missing].sort())
        for (const found of issues) expect(['required', 'must-be-true']).toContain(found.code)
        expect(result.ok).toBe(missing.length === 0)
      }),
      { numRuns: NUM_RUNS }
    )
  })
})
