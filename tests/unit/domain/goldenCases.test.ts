/**
 * The clinical contract's golden cases (intake-spec.md §8), every one, every
 * run. Cases are discovered from tests/fixtures/cases at run time, so a case
 * copied in from the clinical team is checked without touching this file.
 */
import { describe, expect, it } from 'vitest'
import { evaluateIntake, type IntakeScores } from '../../../src/domain'
import { loadGoldenCases } from './testAnswers'

const MIN_CASES = 58
const cases = loadGoldenCases()

/** The spec compares `triggeredBy` only on answer ids (§8): derived names and other ids are free. */
function answerIds(ids: readonly string[]): string[] {
  return ids.filter((id) => id.startsWith('rf.') || id.startsWith('history.')).sort()
}

function flagKeys(flags: ReadonlyArray<{ condition: string; level: string }>): string[] {
  return flags.map(({ condition, level }) => `${condition}:${level}`).sort()
}

describe('golden cases', () => {
  it(`finds at least ${MIN_CASES} cases in the fixtures folder`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES)
  })

  for (const golden of cases) {
    it(`${golden.file}: ${golden.name}`, () => {
      const result = evaluateIntake(golden.answers, { asOf: golden.asOf })

      expect(result.concern).toBe(golden.expect.concern)
      // Sets, compared sorted; duplicates on our side would show up as an extra entry.
      expect(flagKeys(result.flags)).toEqual(flagKeys(golden.expect.flags))
      expect(result.patterns.map((pattern) => pattern.id).sort()).toEqual(
        [...golden.expect.patterns].sort()
      )
      for (const [key, expected] of Object.entries(golden.expect.scores ?? {})) {
        expect(Object.keys(result.scores), `unknown score key ${key}`).toContain(key)
        expect(result.scores[key as keyof IntakeScores], `scores.${key}`).toEqual(expected)
      }
      for (const expected of golden.expect.flags) {
        const flag = result.flags.find((candidate) => candidate.condition === expected.condition)
        if (expected.uncertain !== undefined) {
          expect(flag?.uncertain, `${expected.condition}.uncertain`).toBe(expected.uncertain)
        }
        if (expected.triggeredBy !== undefined) {
          expect(answerIds(flag?.triggeredBy ?? []), `${expected.condition}.triggeredBy`).toEqual(
            [...expected.triggeredBy].sort()
          )
        }
      }
      if (golden.expect.rulesVersion !== undefined) {
        expect(result.rulesVersion).toBe(golden.expect.rulesVersion)
      }
      if (golden.expect.notices !== undefined) {
        expect([...result.notices].sort()).toEqual([...golden.expect.notices].sort())
      }
      if (golden.expect.missingRequired !== undefined) {
        expect([...result.missingRequired].sort()).toEqual(
          [...golden.expect.missingRequired].sort()
        )
      }
    })
  }
})
