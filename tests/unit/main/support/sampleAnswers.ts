/**
 * Complete, valid answers for tests and benchmarks: every required item
 * answered, consents given, nothing alarming (concern `none`). Tests override
 * single items to make a case.
 */
import type { AnswerValue, IntakeAnswers } from '../../../../src/domain'

const RED_FLAGS = [
  'rf.bladder',
  'rf.bowel',
  'rf.saddleNumbness',
  'rf.sexualDysfunction',
  'rf.bothLegs',
  'rf.legWeakness',
  'rf.trauma',
  'rf.osteoporosis',
  'rf.steroids',
  'rf.cancerHistory',
  'rf.weightLoss',
  'rf.nightPain',
  'rf.unwell',
  'rf.fever',
  'rf.recentInfection',
  'rf.ivDrugUse',
  'rf.immunosuppressed',
  'rf.spinalProcedure',
  'rf.abdominalPulsing'
] as const

/** A full intake for a 30-year-old with muscle soreness after deadlifts, plus any overrides. */
export function completeAnswers(
  overrides: Readonly<Record<string, AnswerValue | undefined>> = {}
): IntakeAnswers {
  const answers: Record<string, AnswerValue> = {
    'patient.givenName': 'Maya',
    'patient.familyName': 'Okafor',
    'patient.dateOfBirth': '1996-03-14',
    'patient.sex': 'female',
    'patient.phone': '+44 20 7946 0000',
    'patient.email': 'maya@example.org',
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
    ...Object.fromEntries(RED_FLAGS.map((id) => [id, 'no'])),
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
    'goals.text': 'Deadlift again without pain.',
    'consent.treatment': true,
    'consent.privacy': true,
    'consent.signedBy': 'Maya Okafor',
    'consent.signature': 'M10 10 L40 30 L70 12'
  }
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete answers[id]
    else answers[id] = value
  }
  return answers
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
