/**
 * Properties over every valid intake the catalogue allows, not just the ones
 * we thought of: the engine must never throw, never hide a flag behind a lower
 * concern, and never lower the concern when a red-flag answer turns positive.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CATALOGUE,
  concernRank,
  evaluateIntake,
  REQUIRED_ITEM_IDS,
  validateAnswers,
  type AnswerValue,
  type CatalogueItem,
  type IntakeAnswers
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

function codesOf(entry: CatalogueItem): string[] {
  return (entry.codes ?? []).map((option) => option.code)
}

/** Any valid value of one catalogue item. */
function valueOf(entry: CatalogueItem): fc.Arbitrary<AnswerValue> {
  switch (entry.type) {
    case 'text':
      return entry.id === 'patient.email' ? emailAddress : text(entry.maxLength ?? 2000)
    case 'date':
      // Birth dates giving ages 0..120 on AS_OF; onsets in the recent past.
      return entry.id === 'patient.dateOfBirth'
        ? dateBetween('1905-11-21', AS_OF)
        : dateBetween('2000-01-01', AS_OF)
    case 'choice':
    case 'ynu':
      return fc.constantFrom(...codesOf(entry))
    case 'multi':
      return fc.shuffledSubarray(codesOf(entry))
    case 'scale':
      return fc.integer({ min: 0, max: 10 })
    case 'boolean':
      return fc.boolean()
  }
}

/** Any subset of the catalogue's items, each with any valid value. */
const validAnswers: fc.Arbitrary<IntakeAnswers> = fc.record(
  Object.fromEntries(CATALOGUE.map((entry) => [entry.id, valueOf(entry)])) as Record<
    string,
    fc.Arbitrary<AnswerValue>
  >,
  { requiredKeys: [] }
) as fc.Arbitrary<IntakeAnswers>

const RED_FLAG_IDS = CATALOGUE.filter((entry) => entry.section === 'redFlags').map(
  (entry) => entry.id
)

function withAnswer(
  answers: IntakeAnswers,
  id: string,
  value: AnswerValue | undefined
): IntakeAnswers {
  const rest = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== id))
  return value === undefined ? rest : { ...rest, [id]: value }
}

describe('evaluateIntake properties', () => {
  it('never throws, and the concern is the highest flag level', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = evaluateIntake(answers, { asOf: AS_OF })
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
          expect(flag.uncertain).toBe(flag.triggeredBy.some((id) => answers[id] === 'unsure'))
          expect(flag.recommendation).not.toMatch(/diagnos/i)
        }
        if (concernRank(result.concern) >= concernRank('urgent')) {
          expect(result.patterns.map((pattern) => pattern.id)).not.toContain('doms-like')
        }
        expect(REQUIRED_ITEM_IDS).toEqual(expect.arrayContaining([...result.missingRequired]))
        if (result.age !== null) expect(result.age).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('never lowers the concern when a red-flag answer turns from no or unanswered to yes or unsure', () => {
    fc.assert(
      fc.property(
        validAnswers,
        fc.constantFrom(...RED_FLAG_IDS),
        fc.constantFrom<'no' | undefined>('no', undefined),
        fc.constantFrom<'yes' | 'unsure'>('yes', 'unsure'),
        (answers, id, before, after) => {
          const lower = evaluateIntake(withAnswer(answers, id, before), { asOf: AS_OF })
          const higher = evaluateIntake(withAnswer(answers, id, after), { asOf: AS_OF })
          expect(concernRank(higher.concern)).toBeGreaterThanOrEqual(concernRank(lower.concern))
          // The item now counts and is no longer missing either way.
          expect(higher.missingRequired).not.toContain(id)
        }
      ),
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
        expect(validateAnswers(answers, { mode: 'draft' }).ok).toBe(true)
      }),
      { numRuns: NUM_RUNS }
    )
  })

  it('accepts in submit mode exactly when nothing required is missing', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const missing = evaluateIntake(answers, { asOf: AS_OF }).missingRequired
        const result = validateAnswers(answers, { mode: 'submit', asOf: AS_OF })
        expect(result.ok ? [] : result.issues.map((found) => found.itemId)).toEqual(missing)
      }),
      { numRuns: NUM_RUNS }
    )
  })
})
