/**
 * The clinical contract's golden cases (intake-spec.md §8), every one, every
 * run. Cases are discovered from tests/fixtures/cases at run time, so a case
 * copied in from the clinical team is checked without touching this file.
 */
import { describe, expect, it } from 'vitest'
import { evaluateIntake, type IntakeScores } from '../../../src/domain'
import { loadGoldenCases } from './testAnswers'

const MIN_CASES = 21
const cases = loadGoldenCases()

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
      if (golden.expect.missingRequired !== undefined) {
        expect([...result.missingRequired].sort()).toEqual(
          [...golden.expect.missingRequired].sort()
        )
      }
    })
  }
})
