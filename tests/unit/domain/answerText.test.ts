import { describe, expect, it } from 'vitest'
import {
  BODY_REGIONS,
  CATALOGUE,
  answerText,
  codeLabel,
  type AnswerValue,
  type ItemType
} from '../../../src/domain'

describe('answerText', () => {
  it('reads a text answer as typed and the drawn signature as "Signed"', () => {
    expect(answerText('history.medications', 'Apixaban 5 mg twice daily')).toBe(
      'Apixaban 5 mg twice daily'
    )
    expect(answerText('patient.familyName', '王')).toBe('王')
    expect(answerText('consent.signature', 'M 1 1 L 20 20')).toBe('Signed')
  })

  it('keeps dates as YYYY-MM-DD and, given the intake day, says how long before', () => {
    expect(answerText('patient.dateOfBirth', '1996-03-14')).toBe('1996-03-14')
    expect(answerText('complaint.onsetDate', '2026-11-18', { relativeTo: '2026-11-20' })).toBe(
      '2026-11-18 (2 days before the intake)'
    )
    expect(answerText('complaint.onsetDate', '2026-11-19', { relativeTo: '2026-11-20' })).toBe(
      '2026-11-19 (1 day before the intake)'
    )
    expect(answerText('complaint.onsetDate', '2026-11-20', { relativeTo: '2026-11-20' })).toBe(
      '2026-11-20 (the day of the intake)'
    )
    // After the intake day (a clock set wrong) or not a date: as stored, never a negative count.
    expect(answerText('complaint.onsetDate', '2026-11-22', { relativeTo: '2026-11-20' })).toBe(
      '2026-11-22'
    )
    expect(answerText('complaint.onsetDate', 'soon', { relativeTo: '2026-11-20' })).toBe('soon')
  })

  it('reads a choice by its catalogue label', () => {
    expect(answerText('complaint.duration', '1-6w')).toBe('1 to 6 weeks')
    expect(answerText('complaint.onsetContext', '24-72h-after-workout')).toBe(
      '24–72 h after a workout'
    )
    expect(answerText('patient.preferredLanguage', 'zh')).toBe('Chinese (Simplified)')
    expect(answerText('sb.9', 'very-much')).toBe('Very much')
    expect(answerText('history.pregnancy', 'not-applicable')).toBe('Not applicable')
  })

  it('reads yes / no / not sure, and "does not apply" where the item offers it', () => {
    expect(answerText('rf.bladder', 'yes')).toBe('Yes')
    expect(answerText('rf.bladder', 'no')).toBe('No')
    expect(answerText('rf.bladder', 'unsure')).toBe('Not sure')
    expect(answerText('history.anticoagulants', 'unsure')).toBe('Not sure')
    expect(answerText('rf.sexualDysfunction', 'not-applicable')).toBe('Does not apply')
  })

  it('joins a multi-choice, says "None of these" for nothing ticked', () => {
    expect(answerText('history.treatmentsTried', ['rest', 'nsaids'])).toBe('Rest, NSAIDs')
    expect(answerText('history.conditions', [])).toBe('None of these')
  })

  it('names body-map regions, joined so a comma inside a name is not read as two regions', () => {
    expect(answerText('pain.regions', ['low-back-centre'])).toBe('Low back, centre')
    expect(answerText('pain.regions', ['low-back-left', 'thigh-left', 'groin-saddle'])).toBe(
      'Low back, left; Thigh, left; Groin / saddle area'
    )
    expect(
      answerText(
        'pain.regions',
        BODY_REGIONS.map((region) => region.code)
      )
    ).toBe(BODY_REGIONS.map((region) => region.label).join('; '))
  })

  it('reads a scale out of ten and a boolean as yes or no', () => {
    expect(answerText('pain.now', 7)).toBe('7 / 10')
    expect(answerText('peg.activity', 0)).toBe('0 / 10')
    expect(answerText('consent.treatment', true)).toBe('Yes')
    expect(answerText('consent.privacy', false)).toBe('No')
  })

  it('says "Not answered" for an unanswered item', () => {
    expect(answerText('pain.worst', undefined)).toBe('Not answered')
  })

  it('shows what a damaged or unknown answer holds instead of hiding it', () => {
    expect(answerText('complaint.duration', 'fortnight')).toBe('fortnight')
    expect(answerText('pain.now', '7')).toBe('7')
    expect(answerText('pain.regions', 'neck')).toBe('neck')
    expect(answerText('consent.treatment', 'yes')).toBe('yes')
    expect(answerText('no.such.item', ['a', 'b'])).toBe('a, b')
    expect(answerText('no.such.item', 3)).toBe('3')
  })

  it('words the answer in another language when given the labels and words (the review step)', () => {
    const options = {
      optionLabel: (_: unknown, code: string) => `«${code}»`,
      words: { noneOfThese: 'Ninguna de estas', yes: '✓' }
    }
    expect(answerText('complaint.duration', '1-6w', options)).toBe('«1-6w»')
    expect(answerText('rf.bladder', 'unsure', options)).toBe('«unsure»')
    expect(answerText('history.conditions', [], options)).toBe('Ninguna de estas')
    expect(answerText('consent.treatment', true, options)).toBe('✓')
    expect(answerText('pain.now', 4, options)).toBe('4 / 10')
  })

  it('reads an answer of every item type in the catalogue without falling back to a code', () => {
    const sample: Readonly<Record<ItemType, (codes: readonly string[]) => AnswerValue>> = {
      text: () => 'Some words',
      date: () => '2020-02-29',
      choice: (codes) => codes[0] ?? '',
      ynu: () => 'unsure',
      multi: (codes) => codes.slice(0, 2),
      scale: () => 10,
      boolean: () => true
    }
    const seen = new Set<ItemType>()
    for (const item of CATALOGUE) {
      const codes = (item.codes ?? []).map((option) => option.code)
      const value = sample[item.type](codes)
      const text = answerText(item.id, value)
      seen.add(item.type)
      expect(text, item.id).not.toBe('')
      for (const code of Array.isArray(value) ? value : typeof value === 'string' ? [value] : []) {
        if (item.type === 'choice' || item.type === 'multi')
          expect(text, item.id).toContain(codeLabel(item.id, code))
      }
    }
    expect([...seen].sort()).toEqual(
      ['boolean', 'choice', 'date', 'multi', 'scale', 'text', 'ynu'].sort()
    )
  })
})
