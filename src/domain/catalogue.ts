/**
 * The item catalogue: every question of the intake, as the clinical contract
 * (intake-spec.md §2) defines it. The form, validation, storage, the clinician
 * screens, the PDF and the exports are all driven from this one list, so an item
 * id is written here and nowhere else by hand.
 */

export type ItemType = 'text' | 'date' | 'choice' | 'multi' | 'scale' | 'ynu' | 'boolean'

export type SectionId =
  | 'patient'
  | 'complaint'
  | 'pain'
  | 'redFlags'
  | 'startBack'
  | 'history'
  | 'goals'
  | 'consent'
  | 'followUp'

export interface CodeOption {
  readonly code: string
  /** English label used on clinician screens, in the PDF and in exports. */
  readonly label: string
}

export interface CatalogueItem {
  readonly id: string
  readonly section: SectionId
  readonly type: ItemType
  /** Required before the intake can be submitted (§2). */
  readonly required: boolean
  /** English, clinician-facing label (the bracketed term for red flags). */
  readonly label: string
  /** vue-i18n key prefix for the patient-facing wording: `${i18nKey}.label`, `${i18nKey}.codes.<code>`. */
  readonly i18nKey: string
  /** Allowed codes for `choice` and `multi` items. */
  readonly codes?: readonly CodeOption[]
  /** Maximum length after trimming, for `text` items. */
  readonly maxLength?: number
  /** For `multi` items that must have at least one code when required. */
  readonly minSelected?: number
  /**
   * Required only when the other answers make it so (§2): `complaint.trend` for a
   * duration of six weeks or more, `consent.signerRelationship` under 16. See
   * {@link conditionallyRequiredMissing}.
   */
  readonly conditional?: true
}

export const TEXT_MAX_LENGTH = 2000
export const NAME_MAX_LENGTH = 100
/** A drawn signature's path data or PNG data URL (§2): far longer than prose. */
export const SIGNATURE_MAX_LENGTH = 200_000

/**
 * The bands of `history.firstBackPainAge` (§2): how old the patient was when
 * back pain like this first began, as the whole-year range each band covers.
 */
export const FIRST_BACK_PAIN_AGE_BANDS = [
  { code: 'under-35', label: 'Under 35', minAge: 0, maxAge: 34 },
  { code: '35-44', label: '35 to 44', minAge: 35, maxAge: 44 },
  { code: '45-or-over', label: '45 or over', minAge: 45, maxAge: Number.POSITIVE_INFINITY }
] as const

/** Signer relationships that may sign for someone under 16 (§2). */
export const SIGNER_FOR_A_MINOR: readonly string[] = ['parent-or-guardian', 'representative']
/** Below this age the screening rules do not apply as written and a minor cannot sign alone. */
export const ADULT_SCREENING_AGE = 16

/**
 * How the patient says their back has changed since the last visit (a
 * five-point global impression of change), best first.
 */
export const FOLLOW_UP_CHANGE_CODES: readonly CodeOption[] = [
  { code: 'much-better', label: 'Much better' },
  { code: 'better', label: 'A little better' },
  { code: 'same', label: 'About the same' },
  { code: 'worse', label: 'A little worse' },
  { code: 'much-worse', label: 'Much worse' }
]

/** Options shared by the `ynu` items, in display order. */
export const YNU_CODES: readonly CodeOption[] = [
  { code: 'yes', label: 'Yes' },
  { code: 'no', label: 'No' },
  { code: 'unsure', label: 'Unsure' }
]

function codes(pairs: ReadonlyArray<readonly [string, string]>): readonly CodeOption[] {
  return pairs.map(([code, label]) => ({ code, label }))
}

function item(
  id: string,
  section: SectionId,
  type: ItemType,
  required: boolean,
  label: string,
  extra: Partial<Pick<CatalogueItem, 'codes' | 'maxLength' | 'minSelected' | 'conditional'>> = {}
): CatalogueItem {
  const maxLength = type === 'text' ? (extra.maxLength ?? TEXT_MAX_LENGTH) : undefined
  return {
    id,
    section,
    type,
    required,
    label,
    i18nKey: `items.${id}`,
    ...extra,
    ...(maxLength === undefined ? {} : { maxLength })
  }
}

/** Body-map regions, in the patient's own left/right (§2, pain.regions). */
export const BODY_REGIONS = codes([
  ['low-back-left', 'Low back, left'],
  ['low-back-centre', 'Low back, centre'],
  ['low-back-right', 'Low back, right'],
  ['buttock-left', 'Buttock, left'],
  ['buttock-right', 'Buttock, right'],
  ['thigh-left', 'Thigh, left'],
  ['thigh-right', 'Thigh, right'],
  ['below-knee-left', 'Below the knee, left'],
  ['below-knee-right', 'Below the knee, right'],
  ['foot-left', 'Foot, left'],
  ['foot-right', 'Foot, right'],
  ['groin-saddle', 'Groin / saddle area'],
  ['mid-back', 'Mid back'],
  ['upper-back', 'Upper back'],
  ['neck', 'Neck'],
  ['shoulder-left', 'Shoulder, left'],
  ['shoulder-right', 'Shoulder, right'],
  ['abdomen', 'Abdomen'],
  ['flank-left', 'Flank, left'],
  ['flank-right', 'Flank, right']
])

/**
 * The one extra answer of `rf.sexualDysfunction` (§1): "does not apply to me",
 * never positive, so someone not sexually active need not answer "not sure".
 */
export const NOT_APPLICABLE = 'not-applicable'

/** Red-flag items in the order the spec lists them, with the clinician term. */
export const RED_FLAG_ITEMS = [
  ['rf.bladder', 'Bladder dysfunction'],
  ['rf.bowel', 'Bowel incontinence'],
  ['rf.saddleNumbness', 'Saddle anaesthesia'],
  ['rf.sexualDysfunction', 'Sexual dysfunction'],
  ['rf.bothLegs', 'Bilateral leg symptoms'],
  ['rf.legWeakness', 'Motor deficit'],
  ['rf.darkUrine', 'Dark urine (possible myoglobinuria)'],
  ['rf.trauma', 'Trauma'],
  ['rf.osteoporosis', 'Osteoporosis / fragility fracture'],
  ['rf.steroids', 'Long-term corticosteroids'],
  ['rf.cancerHistory', 'History of cancer'],
  ['rf.weightLoss', 'Unexplained weight loss'],
  ['rf.nightPain', 'Non-mechanical night pain'],
  ['rf.unwell', 'Systemically unwell'],
  ['rf.fever', 'Fever'],
  ['rf.recentInfection', 'Recent bacterial infection'],
  ['rf.ivDrugUse', 'IV drug use'],
  ['rf.immunosuppressed', 'Immunosuppression'],
  ['rf.spinalProcedure', 'Recent spinal procedure'],
  ['rf.abdominalPulsing', 'Pulsatile abdominal mass']
] as const

const AGREE_DISAGREE = codes([
  ['agree', 'Agree'],
  ['disagree', 'Disagree']
])

/**
 * The Keele STarT Back Screening Tool items in their official English wording.
 * A validated instrument must not be paraphrased, so these strings are shown
 * as they are, in every language of the app, with {@link START_BACK_NOTICE}.
 */
export const START_BACK_WORDING = {
  instruction: 'Thinking about the last 2 weeks tick your response to the following questions:',
  items: {
    'sb.1': 'My back pain has spread down my leg(s) at some time in the last 2 weeks',
    'sb.2': 'I have had pain in the shoulder or neck at some time in the last 2 weeks',
    'sb.3': 'I have only walked short distances because of my back pain',
    'sb.4': 'In the last 2 weeks, I have dressed more slowly than usual because of back pain',
    'sb.5': 'It’s not really safe for a person with a condition like mine to be physically active',
    'sb.6': 'Worrying thoughts have been going through my mind a lot of the time',
    'sb.7': 'I feel that my back pain is terrible and it’s never going to get any better',
    'sb.8': 'In general I have not enjoyed all the things I used to enjoy',
    'sb.9': 'Overall, how bothersome has your back pain been in the last 2 weeks?'
  },
  codes: {
    agree: 'Agree',
    disagree: 'Disagree',
    'not-at-all': 'Not at all',
    slightly: 'Slightly',
    moderately: 'Moderately',
    'very-much': 'Very much',
    extremely: 'Extremely'
  }
} as const

export const START_BACK_NOTICE = 'STarT Back Screening Tool © Keele University 2007'

const START_BACK_LABELS: Readonly<Record<string, string>> = {
  'sb.1': 'Leg pain spread (item 1)',
  'sb.2': 'Shoulder/neck pain (item 2)',
  'sb.3': 'Walked only short distances (item 3)',
  'sb.4': 'Dressed more slowly (item 4)',
  'sb.5': 'Not safe to be active (item 5, fear)',
  'sb.6': 'Worrying thoughts (item 6, anxiety)',
  'sb.7': 'Pain terrible, never better (item 7, catastrophising)',
  'sb.8': 'Not enjoyed things (item 8, low mood)',
  'sb.9': 'Bothersomeness (item 9)'
}

export const CATALOGUE: readonly CatalogueItem[] = [
  // Patient
  item('patient.givenName', 'patient', 'text', true, 'Given name', { maxLength: NAME_MAX_LENGTH }),
  item('patient.familyName', 'patient', 'text', true, 'Family name', {
    maxLength: NAME_MAX_LENGTH
  }),
  item('patient.dateOfBirth', 'patient', 'date', true, 'Date of birth'),
  item('patient.sex', 'patient', 'choice', false, 'Sex', {
    codes: codes([
      ['female', 'Female'],
      ['male', 'Male'],
      ['intersex', 'Intersex'],
      ['prefer-not-to-say', 'Prefer not to say']
    ])
  }),
  item('patient.phone', 'patient', 'text', false, 'Phone', { maxLength: NAME_MAX_LENGTH }),
  item('patient.email', 'patient', 'text', false, 'E-mail', { maxLength: 254 }),
  item('patient.preferredLanguage', 'patient', 'choice', false, 'Preferred language', {
    codes: codes([
      ['en', 'English'],
      ['zh', 'Chinese (Simplified)'],
      ['es', 'Spanish']
    ])
  }),
  // Free prose ("warehouse operative, lifts boxes up to 25 kg, weekend coach"): the
  // spec's 2000-character text limit, not the 100 for names.
  item('patient.occupation', 'patient', 'text', false, 'Occupation'),
  item('patient.emergencyContactName', 'patient', 'text', false, 'Emergency contact', {
    maxLength: NAME_MAX_LENGTH
  }),
  item('patient.emergencyContactPhone', 'patient', 'text', false, 'Emergency contact phone', {
    maxLength: NAME_MAX_LENGTH
  }),

  // This episode
  item('complaint.onsetDate', 'complaint', 'date', false, 'Onset date'),
  item('complaint.duration', 'complaint', 'choice', true, 'Duration', {
    codes: codes([
      ['lt-1w', 'Less than 1 week'],
      ['1-6w', '1 to 6 weeks'],
      ['6-12w', '6 to 12 weeks'],
      ['gt-12w', 'More than 12 weeks']
    ])
  }),
  item('complaint.onsetType', 'complaint', 'choice', false, 'Onset', {
    codes: codes([
      ['sudden', 'Sudden'],
      ['gradual', 'Gradual']
    ])
  }),
  item('complaint.onsetContext', 'complaint', 'choice', false, 'Onset context', {
    codes: codes([
      ['during-workout', 'During a workout'],
      ['within-24h-after-workout', 'Within 24 h after a workout'],
      ['24-72h-after-workout', '24–72 h after a workout'],
      ['daily-activity', 'Daily activity'],
      ['injury-or-fall', 'Injury or fall'],
      ['no-clear-cause', 'No clear cause']
    ])
  }),
  item('complaint.activities', 'complaint', 'multi', false, 'Activities', {
    codes: codes([
      ['deadlift', 'Deadlift'],
      ['squat', 'Squat'],
      ['other-weights', 'Other weights'],
      ['abdominal', 'Abdominal work'],
      ['running', 'Running'],
      ['cycling', 'Cycling'],
      ['team-sport', 'Team sport'],
      ['yoga-pilates', 'Yoga / Pilates'],
      ['lifting-at-work-or-home', 'Lifting at work or home'],
      ['other', 'Other']
    ])
  }),
  item('complaint.trainingFactors', 'complaint', 'multi', false, 'Training factors', {
    codes: codes([
      ['trained-to-failure', 'Trained to failure'],
      ['increased-load', 'Increased load'],
      ['returned-after-break', 'Returned after a break'],
      ['skipped-warm-up', 'Skipped warm-up'],
      ['unsure-of-form', 'Unsure of form']
    ])
  }),
  item('complaint.description', 'complaint', 'text', false, 'In the patient’s words'),
  item('complaint.trend', 'complaint', 'choice', false, 'Trend', {
    conditional: true,
    codes: codes([
      ['improving', 'Improving'],
      ['same', 'About the same'],
      ['worsening', 'Worsening']
    ])
  }),

  // Pain
  item('pain.regions', 'pain', 'multi', true, 'Pain regions', {
    codes: BODY_REGIONS,
    minSelected: 1
  }),
  item('pain.quality', 'pain', 'multi', false, 'Pain quality', {
    codes: codes([
      ['dull-ache', 'Dull ache'],
      ['sharp', 'Sharp'],
      ['burning', 'Burning'],
      ['shooting', 'Shooting'],
      ['tingling', 'Tingling'],
      ['numbness', 'Numbness'],
      ['cramping', 'Cramping'],
      ['stiffness', 'Stiffness']
    ])
  }),
  item('pain.now', 'pain', 'scale', true, 'Pain now (NPRS)'),
  item('pain.worst', 'pain', 'scale', false, 'Worst pain, past week (NPRS)'),
  item('pain.pattern', 'pain', 'multi', false, 'Pain pattern', {
    codes: codes([
      ['morning-stiffness-over-30min', 'Morning stiffness > 30 min'],
      ['wakes-second-half-of-night', 'Wakes in second half of night'],
      ['improves-with-movement', 'Improves with movement'],
      ['worse-with-rest', 'Worse with rest'],
      ['worse-sitting', 'Worse sitting'],
      ['worse-bending', 'Worse bending'],
      ['worse-cough-sneeze', 'Worse with cough/sneeze'],
      ['eased-by-lying-down', 'Eased by lying down'],
      ['weather-sensitive', 'Weather sensitive']
    ])
  }),
  item('peg.pain', 'pain', 'scale', true, 'PEG: average pain'),
  item('peg.enjoyment', 'pain', 'scale', true, 'PEG: interference with enjoyment of life'),
  item('peg.activity', 'pain', 'scale', true, 'PEG: interference with general activity'),

  // Red-flag screen
  ...RED_FLAG_ITEMS.map(([id, label]) =>
    item(id, 'redFlags', 'ynu', true, label, {
      codes:
        id === 'rf.sexualDysfunction'
          ? [...YNU_CODES, { code: NOT_APPLICABLE, label: 'Does not apply' }]
          : YNU_CODES
    })
  ),

  // STarT Back
  ...(['sb.1', 'sb.2', 'sb.3', 'sb.4', 'sb.5', 'sb.6', 'sb.7', 'sb.8'] as const).map((id) =>
    item(id, 'startBack', 'choice', true, START_BACK_LABELS[id] ?? id, { codes: AGREE_DISAGREE })
  ),
  item('sb.9', 'startBack', 'choice', true, START_BACK_LABELS['sb.9'] ?? 'sb.9', {
    codes: codes([
      ['not-at-all', 'Not at all'],
      ['slightly', 'Slightly'],
      ['moderately', 'Moderately'],
      ['very-much', 'Very much'],
      ['extremely', 'Extremely']
    ])
  }),

  // History
  item('history.previousEpisodes', 'history', 'choice', false, 'Previous episodes', {
    codes: codes([
      ['none', 'None'],
      ['1-2', '1–2'],
      ['3-or-more', '3 or more']
    ])
  }),
  item('history.firstBackPainAge', 'history', 'choice', false, 'Age when back pain first began', {
    codes: FIRST_BACK_PAIN_AGE_BANDS.map(({ code, label }) => ({ code, label }))
  }),
  item('history.treatmentsTried', 'history', 'multi', false, 'Treatments tried', {
    codes: codes([
      ['rest', 'Rest'],
      ['ice-heat', 'Ice / heat'],
      ['nsaids', 'NSAIDs'],
      ['paracetamol', 'Paracetamol'],
      ['physiotherapy', 'Physiotherapy'],
      ['chiropractic', 'Chiropractic'],
      ['massage', 'Massage'],
      ['injection', 'Injection'],
      ['surgery', 'Surgery']
    ])
  }),
  item('history.nsaidResponse', 'history', 'choice', false, 'Response to NSAIDs', {
    codes: codes([
      ['good-within-48h', 'Good within 48 h'],
      ['little-or-none', 'Little or none'],
      ['not-tried', 'Not tried']
    ])
  }),
  item('history.conditions', 'history', 'multi', false, 'Conditions', {
    codes: codes([
      ['diabetes', 'Diabetes'],
      ['heart-disease', 'Heart disease'],
      ['inflammatory-bowel-disease', 'Inflammatory bowel disease'],
      ['psoriasis', 'Psoriasis'],
      ['uveitis', 'Uveitis'],
      ['inflammatory-arthritis', 'Inflammatory arthritis'],
      ['enthesitis', 'Enthesitis'],
      ['depression-anxiety', 'Depression / anxiety']
    ])
  }),
  item('history.familySpA', 'history', 'ynu', false, 'Family history of spondyloarthritis', {
    codes: YNU_CODES
  }),
  item('history.pregnancy', 'history', 'choice', false, 'Pregnancy', {
    codes: codes([
      ['pregnant', 'Pregnant'],
      ['postpartum-6-months', 'Postpartum (≤ 6 months)'],
      ['no', 'No'],
      ['not-applicable', 'Not applicable']
    ])
  }),
  item('history.smoking', 'history', 'choice', false, 'Smoking', {
    codes: codes([
      ['current', 'Current'],
      ['former', 'Former'],
      ['never', 'Never']
    ])
  }),
  // Raises no flag: shown to the clinician because it matters for manual therapy.
  item('history.anticoagulants', 'history', 'ynu', false, 'Anticoagulants', { codes: YNU_CODES }),
  item('history.medications', 'history', 'text', false, 'Medications'),
  item('history.allergies', 'history', 'text', false, 'Allergies'),
  item('history.surgeries', 'history', 'text', false, 'Previous surgeries'),
  item('goals.text', 'goals', 'text', false, 'Goals'),

  // Consent
  item('consent.treatment', 'consent', 'boolean', true, 'Consent to assessment and treatment'),
  item('consent.privacy', 'consent', 'boolean', true, 'Consent to privacy notice'),
  item('consent.signedBy', 'consent', 'text', true, 'Signed by', { maxLength: NAME_MAX_LENGTH }),
  item('consent.signerRelationship', 'consent', 'choice', false, 'Signer’s relationship', {
    conditional: true,
    codes: codes([
      ['self', 'Self'],
      ['parent-or-guardian', 'Parent or guardian'],
      ['representative', 'Representative']
    ])
  }),
  // A drawn signature as an SVG path or PNG data URL; far longer than prose.
  item('consent.signature', 'consent', 'text', true, 'Signature', {
    maxLength: SIGNATURE_MAX_LENGTH
  }),

  // Follow-up visits only (not part of intake-spec.md: the app's own item).
  // Asked of a returning patient instead of the whole intake; required there
  // (see followUp.ts), refused on a first intake.
  item('followUp.change', 'followUp', 'choice', false, 'Change since last visit', {
    codes: FOLLOW_UP_CHANGE_CODES
  })
]

const BY_ID: ReadonlyMap<string, CatalogueItem> = new Map(
  CATALOGUE.map((entry) => [entry.id, entry])
)

/** The catalogue entry for an item id, or `undefined` for an id the spec does not define. */
export function catalogueItem(id: string): CatalogueItem | undefined {
  return BY_ID.get(id)
}

/** Ids of every item required before submission, in catalogue order (conditional ones excluded). */
export const REQUIRED_ITEM_IDS: readonly string[] = CATALOGUE.filter((entry) => entry.required).map(
  (entry) => entry.id
)

/**
 * The conditionally required items (§2) that the given answers make required
 * and that are not yet answered as required: `complaint.trend` when the
 * duration is six weeks or more; `consent.signerRelationship` when the patient
 * is under 16 and the signer is not a parent, guardian or representative
 * (absent or `self` then counts as missing).
 *
 * @param age the patient's age on the evaluation date, or `null` when unknown.
 */
export function conditionallyRequiredMissing(
  answers: Readonly<Record<string, unknown>>,
  age: number | null
): string[] {
  const relationship = answers['consent.signerRelationship']
  return conditionallyRequiredItems(answers, age).filter((id) =>
    id === 'consent.signerRelationship'
      ? !(typeof relationship === 'string' && SIGNER_FOR_A_MINOR.includes(relationship))
      : typeof answers[id] !== 'string'
  )
}

/**
 * The conditional items (§2) that the given answers make required, answered
 * or not, so the form can mark them required as soon as they apply.
 */
export function conditionallyRequiredItems(
  answers: Readonly<Record<string, unknown>>,
  age: number | null
): string[] {
  const required: string[] = []
  const duration = answers['complaint.duration']
  if (duration === '6-12w' || duration === 'gt-12w') required.push('complaint.trend')
  if (age !== null && age < ADULT_SCREENING_AGE) required.push('consent.signerRelationship')
  return required
}

const SECTION_ORDER: readonly SectionId[] = [
  'patient',
  'complaint',
  'pain',
  'redFlags',
  'startBack',
  'history',
  'goals',
  'consent',
  'followUp'
]

/**
 * The furthest section of the form holding any answer, for telling how far an
 * unfinished intake got; `null` for one with no answers.
 */
export function furthestSectionAnswered(
  answers: Readonly<Record<string, unknown>>
): SectionId | null {
  let furthest = -1
  for (const id of Object.keys(answers)) {
    const section = BY_ID.get(id)?.section
    if (section !== undefined) furthest = Math.max(furthest, SECTION_ORDER.indexOf(section))
  }
  return SECTION_ORDER[furthest] ?? null
}

/** Whether `id` is asked of everyone or only when other answers make it apply. */
export function isConditionalItem(id: string): boolean {
  return BY_ID.get(id)?.conditional === true
}

/** The English clinician label of one code of an item, falling back to the code itself. */
export function codeLabel(itemId: string, code: string): string {
  return BY_ID.get(itemId)?.codes?.find((option) => option.code === code)?.label ?? code
}
