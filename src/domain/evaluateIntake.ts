/**
 * The screening engine (intake-spec.md §3-§7): red-flag concerns, patterns to
 * consider and scores, computed from whatever answers are present. It runs on
 * every keystroke of a draft as well as at submission, so it is pure, total
 * (never throws on catalogue-valid answers) and treats anything missing as
 * "does not trigger".
 */
import { isPositive, readCodes, readScale, readString, readYnu } from './answerAccess'
import {
  ADULT_SCREENING_AGE,
  CATALOGUE,
  catalogueItem,
  conditionallyRequiredMissing,
  FIRST_BACK_PAIN_AGE_BANDS,
  REQUIRED_ITEM_IDS
} from './catalogue'
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
  'rhabdomyolysis',
  'axial-spa'
]

const AGE = 'age'
const ONSET_AGE = 'onsetAge'
const NO_IMPROVEMENT = 'noImprovement'

/** The version of the rules this engine implements (intake-spec.md, `rulesVersion`). */
export const RULES_VERSION = 2 as const

const CAUDA_EQUINA_EMERGENCY_ITEMS = ['rf.bladder', 'rf.bowel', 'rf.saddleNumbness'] as const
const CAUDA_EQUINA_URGENT_ITEMS = ['rf.bothLegs', 'rf.sexualDysfunction', 'rf.legWeakness'] as const
const MALIGNANCY_SYMPTOM_ITEMS = ['rf.weightLoss', 'rf.nightPain', 'rf.unwell'] as const
const INFECTION_RISK_ITEMS = [
  'rf.ivDrugUse',
  'rf.immunosuppressed',
  'rf.recentInfection',
  'rf.spinalProcedure'
] as const
const BONE_FRAGILITY_ITEMS = ['rf.osteoporosis', 'rf.steroids'] as const
const ABDOMEN_OR_FLANK = ['abdomen', 'flank-left', 'flank-right'] as const
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
      'Possible cauda equina compression: do not treat. Send the patient to the Emergency Department now for same-day assessment and MRI, and give a cauda equina warning card.',
    urgent:
      'Neurological symptoms that can come with cauda equina compression: same-day clinical assessment including saddle sensation and a neurological examination before any treatment; safety-net with a cauda equina warning card (go to the Emergency Department at once if bladder, bowel or saddle symptoms appear).'
  },
  malignancy: {
    urgent:
      'Features that can point to spinal malignancy: a clinician should review before any treatment and consider urgent referral for investigation.',
    review:
      'A feature that can point to spinal malignancy: ask about it at assessment, safety-net, and reconsider referral if symptoms do not settle.'
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
      'Concern for a possible abdominal aortic aneurysm: a clinician should assess before any treatment and arrange same-day medical assessment if a pulsatile mass or severe pain is found.',
    review:
      'A feature that can go with an abdominal aortic aneurysm: palpate the abdomen and check risk factors at assessment before any treatment; refer if a pulsatile mass is found.'
  },
  rhabdomyolysis: {
    urgent:
      'Dark urine with muscle pain after exertion can mean exertional rhabdomyolysis: arrange same-day medical assessment (creatine kinase, kidney function), or the Emergency Department if little urine is passed or pain, swelling or weakness are severe. Advise fluids and no exercise until cleared; do not treat the painful muscles meanwhile.'
  }
} as const

function axialSpaRecommendation(criteriaMet: number): string {
  return criteriaMet >= 4
    ? `Pattern to consider: axial spondyloarthritis (${criteriaMet} of 9 NICE NG65 criteria, back pain over 12 weeks that began before 45): refer to rheumatology for spondyloarthritis assessment.`
    : 'Pattern to consider: axial spondyloarthritis (3 of 9 NICE NG65 criteria, back pain over 12 weeks that began before 45): ask the patient’s GP to consider an HLA-B27 test and to refer to rheumatology if it is positive.'
}

/** One condition's outcome before `uncertain` is derived. */
interface Finding {
  readonly condition: FlagCondition
  readonly level: FlagLevel
  readonly triggeredBy: readonly string[]
  readonly recommendation: string
}

/**
 * The age when back pain first began (§3), as the whole-year range it is known
 * to lie in: a band of `history.firstBackPainAge`, else the current age exactly.
 */
interface AgeRange {
  readonly min: number
  readonly max: number
}

/** Facts derived once from the answers and shared by every rule. */
interface Facts {
  readonly answers: IntakeAnswers
  readonly age: number | null
  readonly onsetAge: AgeRange | null
  readonly noImprovement: boolean
  readonly regions: ReadonlySet<string>
  readonly qualities: ReadonlySet<string>
  readonly painPattern: ReadonlySet<string>
}

/**
 * `onsetAge < limit`, decided only when the whole range is on one side of the
 * limit; the bands are cut at the rules' limits (35, 45), so that is always.
 * Unknown is false (§3: `null < 45` must not read as true).
 */
function onsetAgeBelow(onsetAge: AgeRange | null, limit: number): boolean {
  return onsetAge !== null && onsetAge.max < limit
}

function onsetAgeOf(answers: IntakeAnswers, age: number | null): AgeRange | null {
  const band = FIRST_BACK_PAIN_AGE_BANDS.find(
    ({ code }) => code === readString(answers, 'history.firstBackPainAge')
  )
  if (band !== undefined) return { min: band.minAge, max: band.maxAge }
  return age === null ? null : { min: age, max: age }
}

function positives(answers: IntakeAnswers, ids: readonly string[]): string[] {
  return ids.filter((id) => isPositive(answers, id))
}

/**
 * Collects `triggeredBy` (§4): every positive answer a rule of the condition
 * names, then the item ids and derived names of each rule that holds.
 */
class Triggers {
  private readonly ids: string[] = []
  add(...ids: string[]): this {
    for (const id of ids) if (!this.ids.includes(id)) this.ids.push(id)
    return this
  }
  /** Adds `ids` only when the rule they belong to holds. */
  addIf(ruleHolds: boolean, ...ids: Array<string | false>): this {
    if (ruleHolds) this.add(...ids.filter((id): id is string => id !== false))
    return this
  }
  list(): readonly string[] {
    return this.ids
  }
}

function finding(
  condition: FlagCondition,
  level: FlagLevel,
  triggers: Triggers,
  recommendation: string
): Finding {
  return { condition, level, triggeredBy: triggers.list(), recommendation }
}

function caudaEquina({ answers }: Facts): Finding | null {
  const emergency = positives(answers, CAUDA_EQUINA_EMERGENCY_ITEMS)
  const urgent = positives(answers, CAUDA_EQUINA_URGENT_ITEMS)
  const triggers = new Triggers().add(...emergency, ...urgent)
  if (emergency.length > 0) {
    return finding('cauda-equina', 'emergency', triggers, RECOMMENDATIONS['cauda-equina'].emergency)
  }
  if (urgent.length > 0) {
    return finding('cauda-equina', 'urgent', triggers, RECOMMENDATIONS['cauda-equina'].urgent)
  }
  return null
}

function malignancy({ answers, age, noImprovement, regions }: Facts): Finding | null {
  const cancer = isPositive(answers, 'rf.cancerHistory')
  // Y: the symptoms; C: the context that makes one symptom weigh more (§4).
  const symptoms = positives(answers, MALIGNANCY_SYMPTOM_ITEMS)
  const olderAge = age !== null && age >= 50
  const midBack = regions.has('mid-back')
  const context = [olderAge && AGE, noImprovement && NO_IMPROVEMENT, midBack && 'pain.regions']
  const contextCount = context.filter(Boolean).length

  const symptomsWithContext = symptoms.length >= 1 && contextCount >= 1
  const urgent = cancer || symptoms.length >= 2 || symptomsWithContext
  const singleSymptom = symptoms.length === 1 && contextCount === 0
  const courseOrSite = symptoms.length === 0 && (noImprovement || midBack)
  if (!urgent && !singleSymptom && !courseOrSite) return null

  // Age is named only with a symptom: age alone never flags.
  const triggers = new Triggers()
    .addIf(cancer, 'rf.cancerHistory')
    .add(...symptoms)
    .addIf(symptomsWithContext, ...context)
    .addIf(courseOrSite, noImprovement && NO_IMPROVEMENT, midBack && 'pain.regions')
  return urgent
    ? finding('malignancy', 'urgent', triggers, RECOMMENDATIONS.malignancy.urgent)
    : finding('malignancy', 'review', triggers, RECOMMENDATIONS.malignancy.review)
}

function infection({ answers }: Facts): Finding | null {
  const fever = isPositive(answers, 'rf.fever')
  const risks = positives(answers, INFECTION_RISK_ITEMS)
  if (!fever && risks.length === 0) return null
  const triggers = new Triggers().addIf(fever, 'rf.fever').add(...risks)
  return fever
    ? finding('infection', 'urgent', triggers, RECOMMENDATIONS.infection.urgent)
    : finding('infection', 'review', triggers, RECOMMENDATIONS.infection.review)
}

function fracture({ answers, age }: Facts): Finding | null {
  const trauma = isPositive(answers, 'rf.trauma')
  const fragility = positives(answers, BONE_FRAGILITY_ITEMS)
  const olderAge = age !== null && age >= 70
  const sudden = readString(answers, 'complaint.onsetType') === 'sudden'

  const urgent = trauma && (olderAge || fragility.length > 0)
  const fragileAndSudden = fragility.length > 0 && sudden
  const olderAndSudden = olderAge && sudden
  if (!urgent && !trauma && !fragileAndSudden && !olderAndSudden) return null

  const triggers = new Triggers()
    .addIf(trauma, 'rf.trauma')
    .add(...fragility)
    .addIf(urgent, olderAge && AGE)
    .addIf(fragileAndSudden, 'complaint.onsetType')
    .addIf(olderAndSudden, AGE, 'complaint.onsetType')
  return urgent
    ? finding('fracture', 'urgent', triggers, RECOMMENDATIONS.fracture.urgent)
    : finding('fracture', 'review', triggers, RECOMMENDATIONS.fracture.review)
}

function vascular({ answers, age, regions }: Facts): Finding | null {
  const pulsing = isPositive(answers, 'rf.abdominalPulsing')
  const abdomenOrFlank = ABDOMEN_OR_FLANK.some((region) => regions.has(region))
  const ageFifty = age === null || age >= 50
  const male = readString(answers, 'patient.sex') === 'male'
  const smoking = readString(answers, 'history.smoking')
  const smoker = smoking === 'current' || smoking === 'former'

  const urgent = pulsing && (ageFifty || abdomenOrFlank)
  const olderWithRisk = age !== null && age >= 65 && abdomenOrFlank && (male || smoker)
  if (!pulsing && !olderWithRisk) return null

  // "Age unknown" is named `age`, as the spec asks.
  const triggers = new Triggers()
    .addIf(pulsing, 'rf.abdominalPulsing')
    .addIf(urgent, ageFifty && AGE, abdomenOrFlank && 'pain.regions')
    .addIf(olderWithRisk, AGE, 'pain.regions', male && 'patient.sex', smoker && 'history.smoking')
  return urgent
    ? finding('vascular', 'urgent', triggers, RECOMMENDATIONS.vascular.urgent)
    : finding('vascular', 'review', triggers, RECOMMENDATIONS.vascular.review)
}

function axialSpa({ answers, onsetAge, regions, painPattern }: Facts): Finding | null {
  const eligible =
    onsetAgeBelow(onsetAge, 45) && readString(answers, 'complaint.duration') === 'gt-12w'
  if (!eligible) return null
  const conditions = new Set(readCodes(answers, 'history.conditions'))
  // NICE NG65's nine criteria, one point each, as the id that shows each one.
  const criteria: Array<string | false> = [
    onsetAgeBelow(onsetAge, 35) && ONSET_AGE,
    painPattern.has('wakes-second-half-of-night') && 'pain.pattern',
    (regions.has('buttock-left') || regions.has('buttock-right')) && 'pain.regions',
    painPattern.has('improves-with-movement') && 'pain.pattern',
    readString(answers, 'history.nsaidResponse') === 'good-within-48h' && 'history.nsaidResponse',
    // Only a definite family history counts here: `unsure` is not positive for this rule.
    readYnu(answers, 'history.familySpA') === 'yes' && 'history.familySpA',
    conditions.has('psoriasis') && 'history.conditions',
    conditions.has('inflammatory-arthritis') && 'history.conditions',
    conditions.has('enthesitis') && 'history.conditions'
  ]
  const met = criteria.filter((id): id is string => id !== false)
  if (met.length < 3) return null
  const triggers = new Triggers().add(ONSET_AGE, 'complaint.duration', ...met)
  return finding('axial-spa', 'review', triggers, axialSpaRecommendation(met.length))
}

function rhabdomyolysis({ answers }: Facts): Finding | null {
  if (!isPositive(answers, 'rf.darkUrine')) return null
  return finding(
    'rhabdomyolysis',
    'urgent',
    new Triggers().add('rf.darkUrine'),
    RECOMMENDATIONS.rhabdomyolysis.urgent
  )
}

const RULES: ReadonlyArray<(facts: Facts) => Finding | null> = [
  caudaEquina,
  malignancy,
  infection,
  fracture,
  vascular,
  axialSpa,
  rhabdomyolysis
]

function patternsFor(facts: Facts, concern: ConcernLevel): Pattern[] {
  const { answers, onsetAge, regions, qualities, painPattern } = facts
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
  if (duration === 'gt-12w' && onsetAgeBelow(onsetAge, 45) && inflammatoryCount >= 2) {
    patterns.push({
      id: 'inflammatory',
      triggeredBy: [ONSET_AGE, 'complaint.duration', 'pain.pattern']
    })
  }

  if (readCodes(answers, 'complaint.trainingFactors').length > 0) {
    patterns.push({ id: 'training-load', triggeredBy: ['complaint.trainingFactors'] })
  }
  return patterns
}

/** The answers with every `unsure` read as `no`: the baseline `uncertain` is measured against. */
function withUnsureAsNo(answers: IntakeAnswers): IntakeAnswers {
  const changed: Record<string, AnswerValue> = { ...answers }
  for (const [id, value] of Object.entries(answers)) {
    if (value === 'unsure' && catalogueItem(id)?.type === 'ynu') changed[id] = 'no'
  }
  return changed
}

function findingsOf(facts: Facts): Finding[] {
  return RULES.map((rule) => rule(facts)).filter((found): found is Finding => found !== null)
}

function factsOf(answers: IntakeAnswers, age: number | null): Facts {
  const duration = readString(answers, 'complaint.duration')
  const trend = readString(answers, 'complaint.trend')
  return {
    answers,
    age,
    onsetAge: onsetAgeOf(answers, age),
    // A missing trend is not "no improvement" (§3, version 2).
    noImprovement:
      (duration === '6-12w' || duration === 'gt-12w') &&
      (trend === 'same' || trend === 'worsening'),
    regions: new Set(readCodes(answers, 'pain.regions')),
    qualities: new Set(readCodes(answers, 'pain.quality')),
    painPattern: new Set(readCodes(answers, 'pain.pattern'))
  }
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
  const facts = factsOf(answers, age)
  const findings = findingsOf(facts)

  // `uncertain`: would the flag be lower, or absent, with every `unsure` read as `no`?
  const hasUnsure = Object.values(answers).some((value) => value === 'unsure')
  const certainLevels = new Map<FlagCondition, FlagLevel>(
    hasUnsure
      ? findingsOf(factsOf(withUnsureAsNo(answers), age)).map((found) => [
          found.condition,
          found.level
        ])
      : findings.map((found) => [found.condition, found.level])
  )

  const flags: Flag[] = findings
    .map((found) => {
      const certain = certainLevels.get(found.condition)
      return {
        condition: found.condition,
        level: found.level,
        triggeredBy: found.triggeredBy,
        uncertain: certain === undefined || concernRank(certain) < concernRank(found.level),
        recommendation: found.recommendation
      }
    })
    .sort(
      (a, b) =>
        concernRank(b.level) - concernRank(a.level) ||
        CONDITION_ORDER.indexOf(a.condition) - CONDITION_ORDER.indexOf(b.condition)
    )
  const concern: ConcernLevel = flags[0]?.level ?? 'none'

  const missing = new Set([
    ...REQUIRED_ITEM_IDS.filter((id) => !isAnswered(id, answers[id])),
    ...conditionallyRequiredMissing(answers, age)
  ])

  return {
    rulesVersion: RULES_VERSION,
    concern,
    flags,
    patterns: patternsFor(facts, concern),
    scores: {
      startBack: scoreStartBack(answers),
      peg: scorePeg(answers),
      painNow: readScale(answers, 'pain.now'),
      painWorst: readScale(answers, 'pain.worst')
    },
    notices: age !== null && age < ADULT_SCREENING_AGE ? ['under-16'] : [],
    age,
    missingRequired: CATALOGUE.map((entry) => entry.id).filter((id) => missing.has(id))
  }
}
