/**
 * Complete, valid answers for tests and benchmarks: every required item
 * answered, consents given, nothing alarming (concern `none`). Tests override
 * single items to make a case.
 */
import type { AnswerValue, IntakeAnswers } from '../../../../src/domain'
import { answersWith } from '../../domain/testAnswers'

/**
 * The domain tests' baseline intake plus the contact details and goal that
 * storage keeps on the patient record, with any overrides (`undefined`
 * removes an answer).
 */
export function completeAnswers(
  overrides: Readonly<Record<string, AnswerValue | undefined>> = {}
): IntakeAnswers {
  return answersWith({
    'patient.phone': '+44 20 7946 0000',
    'patient.email': 'maya@example.org',
    'goals.text': 'Deadlift again without pain.',
    ...overrides
  })
}

/** A clock that starts at `start` and moves one second forward at each reading, so every save has its own time. */
export function steppingClock(start = '2026-11-20T10:00:00.000Z'): {
  now: () => Date
  peek: () => Date
} {
  let next = Date.parse(start)
  return {
    now: () => {
      const value = new Date(next)
      next += 1000
      return value
    },
    peek: () => new Date(next)
  }
}
