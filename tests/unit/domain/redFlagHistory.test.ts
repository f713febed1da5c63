import { describe, expect, it } from 'vitest'
import {
  alertsRaised,
  clinicDateTime,
  clinicTime,
  describeRedFlagEvent,
  evaluateIntake,
  historyTimeFormat,
  RED_FLAG_ITEMS,
  redFlagChanges,
  redFlagEvents,
  summariseRedFlagHistory,
  type IntakeAnswers,
  type RedFlagEvent,
  type RedFlagValue
} from '../../../src/domain'
import { answersWith, AS_OF, BASELINE } from './testAnswers'

/** An ISO timestamp for a wall-clock time on the test machine's own zone (the "clinic"). */
function localIso(hours: number, minutes: number, day = 20): string {
  return new Date(2026, 10, day, hours, minutes).toISOString()
}

const evaluate = (answers: IntakeAnswers) => evaluateIntake(answers, { asOf: AS_OF })

describe('redFlagChanges', () => {
  it('finds an answer that appeared, one that changed and one that was removed, in spec order', () => {
    const before = { 'rf.saddleNumbness': 'yes', 'rf.fever': 'no' }
    const after = { 'rf.bladder': 'unsure', 'rf.saddleNumbness': 'no' }
    expect(redFlagChanges(before, after)).toEqual([
      { itemId: 'rf.bladder', from: null, to: 'unsure' },
      { itemId: 'rf.saddleNumbness', from: 'yes', to: 'no' },
      { itemId: 'rf.fever', from: 'no', to: null }
    ])
  })

  it('sees no change when the same red-flag answers are saved again, whatever else changed', () => {
    const before = answersWith({ 'pain.now': 2 })
    const after = answersWith({ 'pain.now': 8, 'complaint.description': 'Worse today.' })
    expect(redFlagChanges(before, after)).toEqual([])
  })

  it('treats every answer of a new intake as appearing, and "does not apply" as a value', () => {
    const changes = redFlagChanges({}, answersWith({ 'rf.sexualDysfunction': 'not-applicable' }))
    expect(changes).toHaveLength(RED_FLAG_ITEMS.length)
    expect(changes.every((change) => change.from === null)).toBe(true)
    expect(changes).toContainEqual({
      itemId: 'rf.sexualDysfunction',
      from: null,
      to: 'not-applicable'
    })
  })

  it('ignores answers that are not red-flag items, even ynu ones', () => {
    expect(redFlagChanges({}, { 'history.familySpA': 'yes', 'patient.givenName': 'yes' })).toEqual(
      []
    )
  })
})

describe('alertsRaised', () => {
  it('reports a flag that appears', () => {
    const before = evaluate(BASELINE)
    const after = evaluate(answersWith({ 'rf.saddleNumbness': 'yes' }))
    expect(alertsRaised(before, after)).toEqual([
      { condition: 'cauda-equina', level: 'emergency', previousLevel: null }
    ])
  })

  it('reports a flag that rises in level, with the level it rose from', () => {
    const before = evaluate(answersWith({ 'rf.bothLegs': 'yes' }))
    const after = evaluate(answersWith({ 'rf.bothLegs': 'yes', 'rf.bladder': 'yes' }))
    expect(before.flags).toContainEqual(expect.objectContaining({ level: 'urgent' }))
    expect(alertsRaised(before, after)).toEqual([
      { condition: 'cauda-equina', level: 'emergency', previousLevel: 'urgent' }
    ])
  })

  it('reports nothing when a flag stays, falls or goes away', () => {
    const emergency = evaluate(answersWith({ 'rf.bladder': 'yes' }))
    const urgent = evaluate(answersWith({ 'rf.bothLegs': 'yes' }))
    expect(alertsRaised(emergency, emergency)).toEqual([])
    expect(alertsRaised(emergency, urgent)).toEqual([])
    expect(alertsRaised(emergency, evaluate(BASELINE))).toEqual([])
  })

  it('reports every flag of the first save when nothing was stored before', () => {
    const after = evaluate(answersWith({ 'rf.fever': 'yes', 'rf.bladder': 'yes' }))
    expect(alertsRaised(null, after).map((alert) => alert.condition)).toEqual(
      expect.arrayContaining(['cauda-equina', 'infection'])
    )
  })

  it('reports a flag raised by answers other than red-flag items (mid-back pain)', () => {
    const after = evaluate(answersWith({ 'pain.regions': ['mid-back'] }))
    expect(alertsRaised(evaluate(BASELINE), after)).toEqual([
      { condition: 'malignancy', level: 'review', previousLevel: null }
    ])
  })
})

describe('redFlagEvents', () => {
  it('stamps answer changes and then alerts with the time and caller', () => {
    const at = localIso(10, 2)
    const events = redFlagEvents(
      [{ itemId: 'rf.saddleNumbness', from: null, to: 'yes' }],
      [{ condition: 'cauda-equina', level: 'emergency', previousLevel: null }],
      { at, by: 'patient' }
    )
    expect(events).toEqual([
      { kind: 'answer', itemId: 'rf.saddleNumbness', from: null, to: 'yes', at, by: 'patient' },
      {
        kind: 'alert',
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: null,
        at,
        by: 'patient'
      }
    ])
  })
})

describe('describeRedFlagEvent', () => {
  const at = localIso(10, 2)

  it('words a first answer, a change and a removal with the catalogue label', () => {
    const saddle = (
      by: RedFlagEvent['by'],
      from: RedFlagValue | null,
      to: RedFlagValue | null
    ): RedFlagEvent => ({ kind: 'answer', itemId: 'rf.saddleNumbness', from, to, at, by })
    expect(describeRedFlagEvent(saddle('staff', null, 'yes'))).toBe(
      'Saddle anaesthesia: yes at 10:02 on the staff screen'
    )
    expect(describeRedFlagEvent(saddle('patient', 'yes', 'no'))).toBe(
      "Saddle anaesthesia: changed from yes to no at 10:02 on the patient's screen"
    )
    expect(describeRedFlagEvent(saddle('staff', 'unsure', null))).toBe(
      'Saddle anaesthesia: answer removed (was not sure) at 10:02 on the staff screen'
    )
  })

  it('words an alert with its level and condition, and the level it rose from', () => {
    expect(
      describeRedFlagEvent({
        kind: 'alert',
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: null,
        at,
        by: 'staff'
      })
    ).toBe('Alert raised: Emergency — Cauda equina at 10:02 on the staff screen')
    expect(
      describeRedFlagEvent({
        kind: 'alert',
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: 'urgent',
        at,
        by: 'patient'
      })
    ).toBe("Alert raised: Emergency — Cauda equina (was Urgent) at 10:02 on the patient's screen")
  })

  it('says "does not apply" for the sexual-dysfunction answer that allows it', () => {
    expect(
      describeRedFlagEvent(
        {
          kind: 'answer',
          itemId: 'rf.sexualDysfunction',
          from: null,
          to: 'not-applicable',
          at,
          by: 'patient'
        },
        { formatTime: () => 'T' }
      )
    ).toBe("Sexual dysfunction: does not apply at T on the patient's screen")
  })
})

describe('clinic times', () => {
  it('writes the clinic’s local wall-clock time, not UTC', () => {
    expect(clinicTime(localIso(9, 5))).toBe('09:05')
    expect(clinicDateTime(localIso(23, 59))).toBe('2026-11-20 23:59')
  })

  it('adds the date only when a history spans more than one day', () => {
    const stamp = (day: number): RedFlagEvent => ({
      kind: 'answer',
      itemId: 'rf.fever',
      from: null,
      to: 'no',
      at: localIso(10, 0, day),
      by: 'staff'
    })
    expect(historyTimeFormat([stamp(20), stamp(20)])(localIso(10, 0))).toBe('10:00')
    expect(historyTimeFormat([stamp(20), stamp(21)])(localIso(10, 0))).toBe('2026-11-20 10:00')
  })
})

describe('summariseRedFlagHistory', () => {
  const answer = (
    itemId: string,
    from: RedFlagValue | null,
    to: RedFlagValue | null,
    at: string,
    by: RedFlagEvent['by'] = 'staff'
  ): RedFlagEvent => ({ kind: 'answer', itemId, from, to, at, by })

  it('puts a change back and forth on one line, so yes then no still shows', () => {
    const events: RedFlagEvent[] = [
      answer('rf.bladder', null, 'no', localIso(10, 1)),
      answer('rf.saddleNumbness', null, 'yes', localIso(10, 2)),
      {
        kind: 'alert',
        condition: 'cauda-equina',
        level: 'emergency',
        previousLevel: null,
        at: localIso(10, 2),
        by: 'staff'
      },
      answer('rf.saddleNumbness', 'yes', 'no', localIso(10, 4))
    ]
    const summary = summariseRedFlagHistory(events)
    expect(summary.alerts.map((line) => line.text)).toEqual([
      'Alert raised: Emergency — Cauda equina at 10:02 on the staff screen'
    ])
    expect(summary.alerts[0]?.level).toBe('emergency')
    expect(summary.changed).toEqual([
      {
        key: 'rf.saddleNumbness',
        text: 'Saddle anaesthesia: yes at 10:02, changed to no at 10:04 on the staff screen'
      }
    ])
    // Given once, on one screen: said once for them all, not on every line.
    expect(summary.unchanged).toEqual([
      { key: 'rf.bladder', text: 'Bladder dysfunction: no at 10:01' }
    ])
    expect(summary.unchangedWhere).toBe('on the staff screen')
  })

  it('names the screen at each step when the patient and staff both changed an answer', () => {
    const summary = summariseRedFlagHistory(
      [
        answer('rf.fever', null, 'yes', localIso(10, 2), 'patient'),
        answer('rf.fever', 'yes', 'unsure', localIso(10, 7), 'staff')
      ],
      { formatTime: (iso) => (iso === localIso(10, 2) ? 'first' : 'then') }
    )
    expect(summary.changed.map((line) => line.text)).toEqual([
      "Fever: yes at first on the patient's screen, changed to not sure at then on the staff screen"
    ])
    expect(summary.unchanged).toEqual([])
    expect(summary.unchangedWhere).toBeNull()
  })

  it('names the screen on each answer given once when they were given on different screens', () => {
    const summary = summariseRedFlagHistory([
      answer('rf.bladder', null, 'no', localIso(10, 1), 'patient'),
      answer('rf.bowel', null, 'unsure', localIso(10, 6), 'staff')
    ])
    expect(summary.unchanged.map((line) => line.text)).toEqual([
      "Bladder dysfunction: no at 10:01 on the patient's screen",
      'Bowel incontinence: not sure at 10:06 on the staff screen'
    ])
    expect(summary.unchangedWhere).toBeNull()
    expect(summary.changed).toEqual([])
  })

  it('counts a removed answer and an answer given before the history began as changed', () => {
    const summary = summariseRedFlagHistory([
      answer('rf.trauma', null, 'yes', localIso(10, 0)),
      answer('rf.trauma', 'yes', null, localIso(10, 3)),
      answer('rf.trauma', null, 'no', localIso(10, 5)),
      answer('rf.fever', 'yes', 'no', localIso(10, 4))
    ])
    expect(summary.changed.map((line) => line.text)).toEqual([
      'Trauma: yes at 10:00, answer removed (was yes) at 10:03, answered no at 10:05 on the staff screen',
      'Fever: changed from yes to no at 10:04 on the staff screen'
    ])
  })

  it('is empty for an empty history', () => {
    expect(summariseRedFlagHistory([])).toEqual({
      alerts: [],
      changed: [],
      unchanged: [],
      unchangedWhere: null
    })
  })
})
