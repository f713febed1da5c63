/**
 * The screening engine (intake-spec.md §3-§7): red-flag concerns, patterns to
 * consider and scores, computed from whatever answers are present. It runs on
 * every keystroke of a draft as well as at submission, so it is pure, total
 * (never throws on catalogue-valid answers) and treats anything missing as
 * "does not trigger".
 */
import { isPositive, readCodes, readScale, readString, readYnu } from './answerAccess'
import { catalogueItem, REQUIRED_ITEM_IDS } from './catalogue'
import { ageOn } from './dates'
import { scorePeg, scoreStartBack } from './scoring'
import type {
  AnswerValue,
  ConcernLevel,
  Flag,
  FlagCondition,
  FlagLevel,
  IntakeAnswers,
  IntakeEvaluation,
  Pattern
} from './types'

const CONCERN_RANK: Readonly<Record<ConcernLevel, number>> = {
  none: 0,
  review: 1,
  urgent: 2,
  emergency: 3
}

/**
 * Orders concern levels so screens can sort intakes by the most serious one and
 * so a new answer can be checked never to lower the concern.
 */
export function concernRank(level: ConcernLevel): number {
  return CONCERN_RANK[level]
}

/** Ties between flags of the same level follow the spec's table, most time-critical first. */
const CONDITION_ORDER: readonly FlagCondition[] = [
  'cauda-equina',
  'malignancy',
  'infection',
  'fracture',
  'vascular',
  'axial-spa'
]

const AGE = 'age'
const NO_IMPROVEMENT = 'noImprovement'

const CAUDA_EQUINA_EMERGENCY_ITEMS = ['rf.bladder', 'rf.bowel', 'rf.saddleNumbness'] as const
const CAUDA_EQUINA_URGENT_ITEMS = ['rf.bothLegs', 'rf.sexualDysfunction', 'rf.legWeakness'] as const
const INFECTION_RISK_ITEMS = [
  'rf.ivDrugUse',
  'rf.immunosuppressed',
  'rf.recentInfection',
  'rf.spinalProcedure'
] as const
const BONE_FRAGILITY_ITEMS = ['rf.osteoporosis', 'rf.steroids'] as const
const SPA_CONDITIONS = new Set([
  'psoriasis',
  'inflammatory-bowel-disease',
  'uveitis',
  'inflammatory-arthritis'
])
const INFLAMMATORY_PATTERNS = [
  'morning-stiffness-over-30min',
  'wakes-second-half-of-night',
  'improves-with-movement',
  'worse-with-rest'
] as const
const AFTER_WORKOUT_CONTEXTS = new Set(['within-24h-after-workout', '24-72h-after-workout'])
const BELOW_KNEE_REGIONS = new Set([
  'below-knee-left',
  'below-knee-right',
  'foot-left',
  'foot-right'
])
const THIGH_REGIONS = new Set(['thigh-left', 'thigh-right'])
const NERVE_QUALITIES = new Set(['shooting', 'tingling', 'numbness'])

/**
 * What the clinician should consider, per condition and level. Screening
 * language only: a flag raises a concern or a pattern to consider, it never
 * names a diagnosis.
 */
const RECOMMENDATIONS = {
  'cauda-equina': {
    emergency:
      'Possible cauda equina syndrome: see the patient now, do not start treatment, and arrange same-day emergency assessment.',
    urgent:
      'Neurological symptoms that can come with cauda equina compression: a clinician should examine (including saddle sensation) before any treatment; refer urgently if a deficit is found or worsening, and tell the patient to seek emergency care at once if bladder, bowel or saddle symptoms appear.'
  },
  malignancy: {
    urgent:
      'Concern for possible spinal malignancy: a clinician should review before any treatment and consider urgent referral for investigation.',
    review:
      'One feature that can point to spinal malignancy: ask about it at assessment and reconsider referral if symptoms do not settle.'
  },
  infection: {
    urgent:
      'Concern for possible spinal infection: check temperature and vital signs before any treatment and consider same-day medical referral.',
    review:
      'Risk factor for spinal infection: ask about fever and general health at assessment and reconsider if pain is constant or worsening.'
  },
  fracture: {
    urgent:
      'Concern for possible vertebral fracture: a clinician should review before any treatment; avoid manipulation and consider referral for imaging.',
    review:
      'Risk factor for vertebral fracture: consider the possibility at assessment before loading or manual therapy.'
  },
  vascular: {
    urgent:
      'Concern for a possible abdominal aortic aneurysm: a clinician should assess before any treatment and arrange same-day medical assessment if a pulsatile mass or severe pain is found.'
  }
} as const

function axialSpaRecommendation(criteriaMet: number): string {
  return criteriaMet >= 4
    ? `Pattern to consider: axial spondyloarthritis (${criteriaMet} of 7 criteria, back pain over 12 weeks starting before 45): consider referral to rheumatology (NICE NG65).`
    : 'Pattern to consider: axial spondyloarthritis (3 of 7 criteria, back pain over 12 weeks starting before 45): consider an HLA-B27 test and refer to rheumatology if it is positive (NICE NG65).'
}

/** One condition's outcome before `uncertain` is derived from its triggers. */
interface Finding {
  readonly condition: FlagCondition
  readonly level: FlagLevel
  readonly triggeredBy: readonly string[]
  readonly recommendation: string
}

/** Facts derived once from the answers and shared by every rule. */
interface Facts {
  readonly answers: IntakeAnswers
  readonly age: number | null
  readonly noImprovement: boolean
  readonly regions: ReadonlySet<string>
  readonly qualities: ReadonlySet<string>
  readonly painPattern: ReadonlySet<string>
}

function positives(answers: IntakeAnswers, ids: readonly string[]): string[] {
  return ids.filter((id) => isPositive(answers, id))
}

function finding(
  condition: FlagCondition,
  level: FlagLevel,
  triggeredBy: readonly string[],
  recommendation: string
): Finding {
  return { condition, level, triggeredBy, recommendation }
}

function caudaEquina({ answers }: Facts): Finding | null {
  const emergency = positives(answers, CAUDA_EQUINA_EMERGENCY_ITEMS)
  if (emergency.length > 0) {
    return finding(
      'cauda-equina',
      'emergency',
      emergency,
      RECOMMENDATIONS['cauda-equina'].emergency
    )
  }
  const urgent = positives(answers, CAUDA_EQUINA_URGENT_ITEMS)
  if (urgent.length > 0)
    return finding('cauda-equina', 'urgent', urgent, RECOMMENDATIONS['cauda-equina'].urgent)
  return null
}

function malignancy({ answers, age, noImprovement, regions }: Facts): Finding | null {
  const members = positives(answers, ['rf.weightLoss', 'rf.nightPain', 'rf.unwell'])
  if (noImprovement) members.push(NO_IMPROVEMENT)
  if (regions.has('mid-back')) members.push('pain.regions')
  const agePoint = age !== null && age >= 50
  // Age adds a point but never flags alone: S counts only when a member is positive.
  const byScore = members.length >= 1 && members.length + (agePoint ? 1 : 0) >= 2
  const cancer = isPositive(answers, 'rf.cancerHistory')
  if (cancer || byScore) {
    const triggeredBy = [
      ...(cancer ? ['rf.cancerHistory'] : []),
      ...(byScore ? [...members, ...(agePoint ? [AGE] : [])] : [])
    ]
    return finding('malignancy', 'urgent', triggeredBy, RECOMMENDATIONS.malignancy.urgent)
  }
  if (members.length === 1)
    return finding('malignancy', 'review', members, RECOMMENDATIONS.malignancy.review)
  return null
}

function infection({ answers }: Facts): Finding | null {
  if (isPositive(answers, 'rf.fever')) {
    return finding('infection', 'urgent', ['rf.fever'], RECOMMENDATIONS.infection.urgent)
  }
  const risks = positives(answers, INFECTION_RISK_ITEMS)
  if (risks.length > 0)
    return finding('infection', 'review', risks, RECOMMENDATIONS.infection.review)
  return null
}

function fracture({ answers, age }: Facts): Finding | null {
  const trauma = isPositive(answers, 'rf.trauma')
  const fragility = positives(answers, BONE_FRAGILITY_ITEMS)
  const olderAge = age !== null && age >= 70
  if (trauma && (olderAge || fragility.length > 0)) {
    const triggeredBy = ['rf.trauma', ...(olderAge ? [AGE] : []), ...fragility]
    return finding('fracture', 'urgent', triggeredBy, RECOMMENDATIONS.fracture.urgent)
  }
  if (trauma) return finding('fracture', 'review', ['rf.trauma'], RECOMMENDATIONS.fracture.review)
  if (fragility.length > 0 && readString(answers, 'complaint.onsetType') === 'sudden') {
    return finding(
      'fracture',
      'review',
      [...fragility, 'complaint.onsetType'],
      RECOMMENDATIONS.fracture.review
    )
  }
  return null
}

function vascular({ answers }: Facts): Finding | null {
  if (!isPositive(answers, 'rf.abdominalPulsing')) return null
  return finding('vascular', 'urgent', ['rf.abdominalPulsing'], RECOMMENDATIONS.vascular.urgent)
}

function axialSpa({ answers, age, regions, painPattern }: Facts): Finding | null {
  if (age === null || age >= 45 || readString(answers, 'complaint.duration') !== 'gt-12w')
    return null
  // Each criterion met, as the item ids that show it; two criteria can share an id.
  const criteria: string[] = []
  if (age < 35) criteria.push(AGE)
  if (painPattern.has('wakes-second-half-of-night')) criteria.push('pain.pattern')
  if (regions.has('buttock-left') || regions.has('buttock-right')) criteria.push('pain.regions')
  if (painPattern.has('improves-with-movement')) criteria.push('pain.pattern')
  if (readString(answers, 'history.nsaidResponse') === 'good-within-48h')
    criteria.push('history.nsaidResponse')
  if (isPositive(answers, 'history.familySpA')) criteria.push('history.familySpA')
  if (readCodes(answers, 'history.conditions').some((code) => SPA_CONDITIONS.has(code))) {
    criteria.push('history.conditions')
  }
  if (criteria.length < 3) return null
  return finding(
    'axial-spa',
    'review',
    [...new Set(criteria)],
    axialSpaRecommendation(criteria.length)
  )
}

const RULES: ReadonlyArray<(facts: Facts) => Finding | null> = [
  caudaEquina,
  malignancy,
  infection,
  fracture,
  vascular,
  axialSpa
]

function toFlag(answers: IntakeAnswers, found: Finding): Flag {
  return {
    condition: found.condition,
    level: found.level,
    triggeredBy: found.triggeredBy,
    // The clinician must ask about any trigger the patient was unsure of.
    uncertain: found.triggeredBy.some((id) => readYnu(answers, id) === 'unsure'),
    recommendation: found.recommendation
  }
}

function patternsFor(facts: Facts, concern: ConcernLevel): Pattern[] {
  const { answers, age, regions, qualities, painPattern } = facts
  const patterns: Pattern[] = []
  const onsetContext = readString(answers, 'complaint.onsetContext')
  const onsetType = readString(answers, 'complaint.onsetType')
  const duration = readString(answers, 'complaint.duration')
  const belowKnee = [...regions].some((region) => BELOW_KNEE_REGIONS.has(region))
  const thigh = [...regions].some((region) => THIGH_REGIONS.has(region))

  // Soreness is only a comfortable explanation when nothing serious is flagged.
  if (
    onsetContext !== undefined &&
    AFTER_WORKOUT_CONTEXTS.has(onsetContext) &&
    onsetType !== 'sudden' &&
    duration === 'lt-1w' &&
    !thigh &&
    !belowKnee &&
    concernRank(concern) <= concernRank('review')
  ) {
    patterns.push({
      id: 'doms-like',
      triggeredBy: ['complaint.onsetContext', 'complaint.duration']
    })
  }

  if (
    onsetContext === 'during-workout' &&
    onsetType === 'sudden' &&
    (duration === 'lt-1w' || duration === '1-6w') &&
    !belowKnee
  ) {
    patterns.push({
      id: 'strain-like',
      triggeredBy: ['complaint.onsetContext', 'complaint.onsetType', 'complaint.duration']
    })
  }

  const thighWithNerveQuality =
    thigh && [...qualities].some((quality) => NERVE_QUALITIES.has(quality))
  if (belowKnee || thighWithNerveQuality) {
    patterns.push({
      id: 'radicular',
      triggeredBy: thighWithNerveQuality ? ['pain.regions', 'pain.quality'] : ['pain.regions']
    })
  }

  const inflammatoryCount = INFLAMMATORY_PATTERNS.filter((code) => painPattern.has(code)).length
  if (age !== null && age < 45 && inflammatoryCount >= 2) {
    patterns.push({ id: 'inflammatory', triggeredBy: [AGE, 'pain.pattern'] })
  }

  if (readCodes(answers, 'complaint.trainingFactors').length > 0) {
    patterns.push({ id: 'training-load', triggeredBy: ['complaint.trainingFactors'] })
  }
  return patterns
}

function isAnswered(id: string, value: AnswerValue | undefined): boolean {
  const entry = catalogueItem(id)
  if (entry === undefined || value === undefined) return false
  switch (entry.type) {
    case 'boolean':
      // Consent is only given by a `true`; `false` is as good as not answered (§2).
      return value === true
    case 'multi':
      return Array.isArray(value) && value.length >= (entry.minSelected ?? 0)
    case 'scale':
      return typeof value === 'number'
    case 'text':
      return typeof value === 'string' && value.trim() !== ''
    case 'date':
    case 'choice':
    case 'ynu':
      return typeof value === 'string' && value !== ''
  }
}

/**
 * Screens one intake: the red-flag concerns with why they fired, the patterns
 * to consider, the scores and the required items still unanswered. It accepts
 * a half-filled draft on purpose: a cauda equina answer must raise the alarm
 * the moment it is given, not when the form is finished.
 *
 * Unknown or missing answers never trigger a rule (an unknown age makes every
 * age criterion false), and `asOf` is passed in rather than read from a clock so
 * a submitted record can be re-evaluated exactly as it was.
 *
 * @param options.asOf the evaluation date (`YYYY-MM-DD`) the age is computed on.
 */
export function evaluateIntake(
  answers: IntakeAnswers,
  options: { asOf: string }
): IntakeEvaluation {
  const dateOfBirth = readString(answers, 'patient.dateOfBirth')
  const age = dateOfBirth === undefined ? null : ageOn(dateOfBirth, options.asOf)
  const duration = readString(answers, 'complaint.duration')
  const facts: Facts = {
    answers,
    age,
    noImprovement:
      (duration === '6-12w' || duration === 'gt-12w') &&
      readString(answers, 'complaint.trend') !== 'improving',
    regions: new Set(readCodes(answers, 'pain.regions')),
    qualities: new Set(readCodes(answers, 'pain.quality')),
    painPattern: new Set(readCodes(answers, 'pain.pattern'))
  }

  const flags = RULES.map((rule) => rule(facts))
    .filter((found): found is Finding => found !== null)
    .map((found) => toFlag(answers, found))
    .sort(
      (a, b) =>
        concernRank(b.level) - concernRank(a.level) ||
        CONDITION_ORDER.indexOf(a.condition) - CONDITION_ORDER.indexOf(b.condition)
    )
  const concern: ConcernLevel = flags[0]?.level ?? 'none'

  return {
    concern,
    flags,
    patterns: patternsFor(facts, concern),
    scores: {
      startBack: scoreStartBack(answers),
      peg: scorePeg(answers),
      painNow: readScale(answers, 'pain.now'),
      painWorst: readScale(answers, 'pain.worst')
    },
    age,
    missingRequired: REQUIRED_ITEM_IDS.filter((id) => !isAnswered(id, answers[id]))
  }
}
