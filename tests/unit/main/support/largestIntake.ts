/**
 * The largest answers a real intake can hold: every item answered, every text
 * at its limit, every multi-choice list with all of its codes. The dispatcher's
 * payload caps must let this through with room to spare.
 */
import { CATALOGUE, itemInForm, type AnswerValue, type IntakeAnswers } from '../../../../src/domain'

/** Drawn path data of exactly `length` characters (what the signature pad stores). */
function signatureOfLength(length: number): string {
  const stroke = 'L 123.45 67.89 '
  const body = `M 10 10 ${stroke.repeat(Math.ceil(length / stroke.length))}`
  return body.slice(0, length).trimEnd().padEnd(length, '0')
}

/**
 * Text of `length` characters as people count them, each outside the Basic
 * Multilingual Plane, so the UTF-16 length (what the caps count) is twice that.
 */
function widestText(length: number): string {
  return '😀'.repeat(length)
}

/** Every catalogue item answered at its largest, valid under the draft rules. */
export function largestAnswers(): IntakeAnswers {
  const answers: Record<string, AnswerValue> = {}
  // Every question of the whole intake (a follow-up's own question is refused there).
  for (const entry of CATALOGUE.filter((item) => itemInForm(item.id, 'initial'))) {
    const firstCode = entry.codes?.[0]?.code ?? ''
    switch (entry.type) {
      case 'text': {
        const max = entry.maxLength ?? 0
        if (entry.id === 'consent.signature') answers[entry.id] = signatureOfLength(max)
        else if (entry.id === 'patient.email') {
          answers[entry.id] = `${'m'.repeat(max - 'a@example.org'.length)}a@example.org`
        } else answers[entry.id] = widestText(max)
        break
      }
      case 'date':
        answers[entry.id] = '1990-04-23'
        break
      case 'choice':
      case 'ynu':
        answers[entry.id] = firstCode
        break
      case 'multi':
        answers[entry.id] = (entry.codes ?? []).map((option) => option.code)
        break
      case 'scale':
        answers[entry.id] = 10
        break
      case 'boolean':
        answers[entry.id] = true
        break
    }
  }
  return answers
}
