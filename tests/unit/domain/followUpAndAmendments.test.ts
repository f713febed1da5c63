import { describe, expect, it } from 'vitest'
import {
  applyAmendment,
  evaluateAnswers,
  evaluateIntake,
  FOLLOW_UP_ITEMS,
  FOLLOW_UP_REQUIRED,
  itemInForm,
  originalAnswers,
  sameAnswer,
  validateAnswers,
  visitOf
} from '../../../src/domain'
import { answersWith } from './testAnswers'

const ASOF = '2026-11-20'

/** The short form, complete: what a follow-up submits. */
function followUp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const whole = answersWith({})
  const answers: Record<string, unknown> = {}
  for (const id of FOLLOW_UP_ITEMS) if (whole[id] !== undefined) answers[id] = whole[id]
  return { ...answers, 'followUp.change': 'same', ...overrides }
}

describe('the follow-up form', () => {
  it('holds pain now and worst, PEG, STarT Back, every red flag and the change, with the identity', () => {
    expect(FOLLOW_UP_ITEMS).toEqual(
      expect.arrayContaining([
        'patient.givenName',
        'patient.dateOfBirth',
        'pain.now',
        'pain.worst',
        'peg.activity',
        'sb.9',
        'rf.bladder',
        'rf.darkUrine',
        'followUp.change'
      ])
    )
    for (const id of [
      'pain.regions',
      'complaint.duration',
      'history.smoking',
      'consent.signature'
    ]) {
      expect(FOLLOW_UP_ITEMS).not.toContain(id)
    }
    expect(FOLLOW_UP_REQUIRED).not.toContain('pain.worst')
    expect(FOLLOW_UP_ITEMS.filter((id) => id.startsWith('rf.'))).toHaveLength(20)
  })

  it('validates a follow-up on its own items: complete without consent or episode', () => {
    const result = validateAnswers(followUp(), { mode: 'submit', asOf: ASOF, kind: 'follow-up' })
    expect(result.ok).toBe(true)
  })

  it('names each missing follow-up item, and refuses items of the whole intake', () => {
    const result = validateAnswers(
      followUp({ 'followUp.change': undefined, 'rf.bowel': undefined, 'history.smoking': 'never' }),
      { mode: 'submit', asOf: ASOF, kind: 'follow-up' }
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((issue) => [issue.itemId, issue.code])).toEqual(
      expect.arrayContaining([
        ['history.smoking', 'not-in-form'],
        ['rf.bowel', 'required'],
        ['followUp.change', 'required']
      ])
    )
  })

  it('refuses the follow-up question on a first intake, and lets the IPC schema take either', () => {
    const refused = validateAnswers(
      { 'followUp.change': 'better' },
      { mode: 'draft', kind: 'initial' }
    )
    expect(refused.ok).toBe(false)
    expect(validateAnswers({ 'followUp.change': 'better' }, { mode: 'draft' }).ok).toBe(true)
    expect(itemInForm('followUp.change', 'initial')).toBe(false)
    expect(itemInForm('history.smoking', 'follow-up')).toBe(false)
  })

  it('evaluates a follow-up with the same rules and lists only its own missing items', () => {
    const answers = followUp({ 'rf.saddleNumbness': 'yes', 'followUp.change': undefined })
    const evaluation = evaluateAnswers(answers as never, { asOf: ASOF, kind: 'follow-up' })
    const rules = evaluateIntake(answers as never, { asOf: ASOF })
    expect(evaluation.concern).toBe('emergency')
    expect(evaluation.flags).toEqual(rules.flags)
    expect(evaluation.missingRequired).toEqual(['followUp.change'])
    expect(rules.missingRequired).toContain('consent.signature')
  })

  it('reads a visit’s chart values from its evaluation and answers', () => {
    const answers = followUp({ 'pain.now': 2, 'pain.worst': 5 }) as never
    const visit = visitOf(
      { intakeId: 'a', kind: 'follow-up', submittedAt: '2026-11-20T10:00:00.000Z' },
      evaluateIntake(answers, { asOf: ASOF }),
      answers
    )
    expect(visit).toMatchObject({ painNow: 2, painWorst: 5, change: 'same' })
    expect(visit.peg).not.toBeNull()
    expect(visit.startBackTotal).not.toBeNull()
  })
})

describe('amendments', () => {
  it('keeps only real changes, removes with null, and never touches the answers it was given', () => {
    const answers = { 'pain.now': 7, 'pain.quality': ['sharp', 'dull-ache'], 'goals.text': 'Run' }
    const frozen = structuredClone(answers)
    const { answers: next, changed } = applyAmendment(answers, [
      { itemId: 'pain.now', value: 7 },
      { itemId: 'pain.quality', value: ['sharp', 'dull-ache'] },
      { itemId: 'goals.text', value: null },
      { itemId: 'pain.worst', value: 9 }
    ])
    expect(changed).toEqual([
      { itemId: 'goals.text', before: 'Run', after: null },
      { itemId: 'pain.worst', before: null, after: 9 }
    ])
    expect(next).toEqual({ 'pain.now': 7, 'pain.quality': ['sharp', 'dull-ache'], 'pain.worst': 9 })
    expect(answers).toEqual(frozen)
  })

  it('undoes every amendment, newest first, back to what was submitted', () => {
    const submitted = { 'pain.now': 7, 'goals.text': 'Run' }
    const first = applyAmendment(submitted, [{ itemId: 'pain.now', value: 5 }])
    const second = applyAmendment(first.answers, [
      { itemId: 'pain.now', value: 3 },
      { itemId: 'goals.text', value: null }
    ])
    expect(
      originalAnswers(second.answers, [{ changes: first.changed }, { changes: second.changed }])
    ).toEqual(submitted)
  })

  it('compares lists in order, as they are stored', () => {
    expect(sameAnswer(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameAnswer(null, 0)).toBe(false)
  })
})
