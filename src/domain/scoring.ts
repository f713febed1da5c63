/**
 * Questionnaire scores (intake-spec.md §6). A score is only computed from a
 * complete questionnaire: a half-answered STarT Back is "no score", never a
 * misleadingly low number.
 */
import { readScale } from './answerAccess'
import type { IntakeAnswers, StartBackScore } from './types'

const START_BACK_AGREE_ITEMS = [
  'sb.1',
  'sb.2',
  'sb.3',
  'sb.4',
  'sb.5',
  'sb.6',
  'sb.7',
  'sb.8'
] as const
/** Items 5-8 (fear, anxiety, catastrophising, low mood) make up the psychosocial subscale. */
const START_BACK_PSYCHOSOCIAL_ITEMS = new Set<string>(['sb.5', 'sb.6', 'sb.7', 'sb.8'])
const BOTHERSOMENESS_CODES = new Set<string>([
  'not-at-all',
  'slightly',
  'moderately',
  'very-much',
  'extremely'
])
const BOTHERSOME_POINT_CODES = new Set<string>(['very-much', 'extremely'])

/**
 * Keele STarT Back score: total 0..9, psychosocial subscore 0..5 and the risk
 * group that guides stratified care (low: ≤ 3; otherwise medium unless the
 * psychosocial subscore is 4 or 5).
 *
 * @returns `null` when any of the nine items is missing or not one of its codes,
 * because the tool is only validated as a whole.
 */
export function scoreStartBack(answers: IntakeAnswers): StartBackScore | null {
  let total = 0
  let psychosocial = 0
  for (const id of START_BACK_AGREE_ITEMS) {
    const value = answers[id]
    if (value !== 'agree' && value !== 'disagree') return null
    if (value === 'agree') {
      total += 1
      if (START_BACK_PSYCHOSOCIAL_ITEMS.has(id)) psychosocial += 1
    }
  }
  const bothersome = answers['sb.9']
  if (typeof bothersome !== 'string' || !BOTHERSOMENESS_CODES.has(bothersome)) return null
  if (BOTHERSOME_POINT_CODES.has(bothersome)) {
    total += 1
    psychosocial += 1
  }
  const risk = total <= 3 ? 'low' : psychosocial <= 3 ? 'medium' : 'high'
  return { total, psychosocial, risk }
}

/**
 * PEG (pain, enjoyment, general activity): the mean of the three 0..10 items,
 * to one decimal, as clinicians track it between visits.
 *
 * @returns `null` when any of the three is missing: a mean of two would not be
 * comparable with later PEG scores.
 */
export function scorePeg(answers: IntakeAnswers): number | null {
  const pain = readScale(answers, 'peg.pain')
  const enjoyment = readScale(answers, 'peg.enjoyment')
  const activity = readScale(answers, 'peg.activity')
  if (pain === null || enjoyment === null || activity === null) return null
  const sum = pain + enjoyment + activity
  // Scale to tenths before the one division so the rounding sees sum*10/3 exactly
  // as far as a double allows (8/3 -> 2.7, 4/3 -> 1.3); a mean of integers never ends in .x5.
  return Math.round((sum * 10) / 3) / 10
}
