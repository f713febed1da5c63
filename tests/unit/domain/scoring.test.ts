import { describe, expect, it } from 'vitest'
import { scorePeg, scoreStartBack, type IntakeAnswers } from '../../../src/domain'

/** STarT Back answers with the given items (1-8) agreed and sb.9 as given. */
function startBack(agreed: readonly number[], bothersome: string): IntakeAnswers {
  const answers: Record<string, string> = { 'sb.9': bothersome }
  for (let item = 1; item <= 8; item += 1)
    answers[`sb.${item}`] = agreed.includes(item) ? 'agree' : 'disagree'
  return answers
}

describe('scoreStartBack', () => {
  it('scores all disagree as 0, low risk', () => {
    expect(scoreStartBack(startBack([], 'not-at-all'))).toEqual({
      total: 0,
      psychosocial: 0,
      risk: 'low'
    })
  })

  it('scores everything at the top as 9 and 5, high risk', () => {
    expect(scoreStartBack(startBack([1, 2, 3, 4, 5, 6, 7, 8], 'extremely'))).toEqual({
      total: 9,
      psychosocial: 5,
      risk: 'high'
    })
  })

  it('adds the sb.9 point to both scores for "very much" and "extremely" only', () => {
    for (const code of ['not-at-all', 'slightly', 'moderately']) {
      expect(scoreStartBack(startBack([5], code)), code).toEqual({
        total: 1,
        psychosocial: 1,
        risk: 'low'
      })
    }
    for (const code of ['very-much', 'extremely']) {
      expect(scoreStartBack(startBack([5], code)), code).toEqual({
        total: 2,
        psychosocial: 2,
        risk: 'low'
      })
    }
  })

  it('counts only items 5-8 in the psychosocial subscore', () => {
    expect(scoreStartBack(startBack([1, 2, 3, 4], 'slightly'))).toEqual({
      total: 4,
      psychosocial: 0,
      risk: 'medium'
    })
  })

  it('is low at a total of 3 even with a psychosocial subscore of 3', () => {
    expect(scoreStartBack(startBack([5, 6, 7], 'slightly'))).toEqual({
      total: 3,
      psychosocial: 3,
      risk: 'low'
    })
  })

  it('is medium from a total of 4 while the subscore is at most 3', () => {
    expect(scoreStartBack(startBack([1, 5, 6, 7], 'slightly'))).toEqual({
      total: 4,
      psychosocial: 3,
      risk: 'medium'
    })
    expect(scoreStartBack(startBack([1, 2, 3, 4, 5, 6], 'very-much'))).toEqual({
      total: 7,
      psychosocial: 3,
      risk: 'medium'
    })
  })

  it('is high when the total is over 3 and the subscore is 4 or more', () => {
    expect(scoreStartBack(startBack([5, 6, 7, 8], 'slightly'))).toEqual({
      total: 4,
      psychosocial: 4,
      risk: 'high'
    })
    expect(scoreStartBack(startBack([5, 6, 7], 'extremely'))).toEqual({
      total: 4,
      psychosocial: 4,
      risk: 'high'
    })
  })

  it('gives no score (not zero) when any item is missing or not one of its codes', () => {
    const complete = startBack([], 'slightly')
    for (const id of Object.keys(complete)) {
      const missing = Object.fromEntries(Object.entries(complete).filter(([key]) => key !== id))
      expect(scoreStartBack(missing), `without ${id}`).toBeNull()
    }
    expect(scoreStartBack({ ...complete, 'sb.3': 'yes' })).toBeNull()
    expect(scoreStartBack({ ...complete, 'sb.9': 'agree' })).toBeNull()
    expect(scoreStartBack({})).toBeNull()
  })
})

describe('scorePeg', () => {
  const peg = (pain: number, enjoyment: number, activity: number): number | null =>
    scorePeg({ 'peg.pain': pain, 'peg.enjoyment': enjoyment, 'peg.activity': activity })

  it('rounds the mean to one decimal', () => {
    expect(peg(3, 2, 3)).toBe(2.7)
    expect(peg(1, 0, 0)).toBe(0.3)
    expect(peg(1, 1, 0)).toBe(0.7)
    expect(peg(5, 5, 6)).toBe(5.3)
    expect(peg(0, 0, 0)).toBe(0)
    expect(peg(10, 10, 10)).toBe(10)
    expect(peg(4, 5, 6)).toBe(5)
  })

  it('matches exact rational rounding for every possible answer', () => {
    for (let sum = 0; sum <= 30; sum += 1) {
      // Round half up of sum/3 in tenths, in integers: floor((20*sum + 3) / 6).
      const tenths = Math.floor((20 * sum + 3) / 6)
      const pain = Math.min(sum, 10)
      const enjoyment = Math.min(sum - pain, 10)
      const activity = sum - pain - enjoyment
      expect(peg(pain, enjoyment, activity), `sum ${sum}`).toBe(tenths / 10)
    }
  })

  it('gives no score when any item is missing', () => {
    expect(scorePeg({ 'peg.pain': 3, 'peg.enjoyment': 2 })).toBeNull()
    expect(scorePeg({ 'peg.pain': 3, 'peg.activity': 2 })).toBeNull()
    expect(scorePeg({ 'peg.enjoyment': 3, 'peg.activity': 2 })).toBeNull()
    expect(scorePeg({})).toBeNull()
  })
})
