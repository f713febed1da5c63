/**
 * The FHIR R4 export (issue 8): every code, linkId and reference, the flags
 * and their triggers, no signature, and a bundle that survives JSON, on every
 * golden case and on a day's bundle of several intakes.
 */
import type {
  Bundle,
  Extension,
  Flag,
  FhirResource,
  Observation,
  Patient,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem
} from 'fhir/r4'
import { describe, expect, it } from 'vitest'
import {
  CATALOGUE,
  CONDITION_LABELS,
  evaluateIntake,
  FORM_VERSION,
  START_BACK_NOTICE,
  START_BACK_WORDING,
  type IntakeAnswers,
  type IntakeRecord
} from '../../../../src/domain'
import {
  APP_EXTENSIONS,
  buildFhirBundle,
  buildQuestionnaire,
  FLAG_CONDITION_SYSTEM,
  HL7,
  IDENTIFIER_SYSTEMS,
  itemCodeSystem,
  LOINC,
  LOINC_SYSTEM,
  NONE_OF_THESE,
  PRIORITY_OF_LEVEL,
  QUESTIONNAIRE_URL,
  START_BACK_RISK_SYSTEM
} from '../../../../src/domain/fhir'
import { BASELINE, loadGoldenCases, type GoldenCase } from '../testAnswers'
import { r4BundleProblems, referencesIn, valueKeys } from './r4Structure'

const GENERATED_AT = '2026-11-20T17:30:00.000Z'

/** Predictable UUIDs (v4 layout), so two builds of the same records are equal. */
function uuidSequence(): () => string {
  let next = 0
  return () => {
    next += 1
    return `00000000-0000-4000-8000-${next.toString(16).padStart(12, '0')}`
  }
}

function recordOf(
  answers: IntakeAnswers,
  asOf: string,
  overrides: Partial<IntakeRecord> = {}
): IntakeRecord {
  const at = `${asOf}T09:15:00.000Z`
  return {
    id: '3f7c1a52-7a8e-4a43-9f0e-5a1b2c3d4e5f',
    status: 'submitted',
    kind: 'initial',
    followUp: null,
    amendments: [],
    visits: [],
    formVersion: FORM_VERSION,
    answers,
    evaluation: evaluateIntake(answers, { asOf }),
    currentRules: null,
    redFlagHistory: [],
    triage: [],
    patientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    revision: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    ...overrides
  }
}

function bundleOf(records: readonly IntakeRecord[]): Bundle {
  return buildFhirBundle(records, { newId: uuidSequence(), generatedAt: GENERATED_AT })
}

/** The bundle as a receiver reads it. */
function parsed(bundle: Bundle): Bundle {
  return JSON.parse(JSON.stringify(bundle)) as Bundle
}

function resources<T extends FhirResource['resourceType']>(
  bundle: Bundle,
  type: T
): Array<Extract<FhirResource, { resourceType: T }>> {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is Extract<FhirResource, { resourceType: T }> => {
      return resource?.resourceType === type
    })
}

function only<T>(items: readonly T[], what: string): T {
  expect(items, what).toHaveLength(1)
  const [item] = items
  if (item === undefined) throw new Error(`no ${what}`)
  return item
}

function questions(questionnaire: Questionnaire): QuestionnaireItem[] {
  return (questionnaire.item ?? []).flatMap((group) => group.item ?? [])
}

function answered(response: QuestionnaireResponse): QuestionnaireResponseItem[] {
  return (response.item ?? []).flatMap((group) => group.item ?? [])
}

function loincOf(observation: Observation): string | undefined {
  return observation.code.coding?.find((coding) => coding.system === LOINC_SYSTEM)?.code
}

function byLoinc(bundle: Bundle, code: string): Observation {
  return only(
    resources(bundle, 'Observation').filter((observation) => loincOf(observation) === code),
    `Observation ${code}`
  )
}

function extensionsOf(flag: Flag, url: string): Extension[] {
  return (flag.extension ?? []).filter((extension) => extension.url === url)
}

function subValue(extension: Extension, url: string): Extension | undefined {
  return extension.extension?.find((part) => part.url === url)
}

const EXPECTED_FHIR_TYPE = {
  date: 'date',
  choice: 'choice',
  multi: 'choice',
  ynu: 'choice',
  scale: 'integer',
  boolean: 'boolean'
} as const

const VALUE_KEY_OF_TYPE: Readonly<Record<string, string>> = {
  string: 'valueString',
  text: 'valueString',
  date: 'valueDate',
  choice: 'valueCoding',
  integer: 'valueInteger',
  boolean: 'valueBoolean'
}

describe('the codes the export writes', () => {
  it('are the LOINC codes issue 8 names, written out here so a typo in the source cannot pass', () => {
    expect(LOINC_SYSTEM).toBe('http://loinc.org')
    expect(LOINC).toEqual({
      startBackPanel: '91349-1',
      startBackTotal: '91351-7',
      startBackPsychosocial: '91350-9',
      startBackRisk: '91352-5',
      pegPanel: '91148-7',
      pegScore: '91147-9',
      painNow: '72514-3'
    })
  })

  it('use the HL7 URLs of R4 and the app systems documented in the README', () => {
    expect(HL7).toEqual({
      minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
      maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
      optionExclusive: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive',
      flagPriority: 'http://hl7.org/fhir/StructureDefinition/flag-priority',
      flagPriorityCodes: 'http://hl7.org/fhir/flag-priority-code',
      flagDetail: 'http://hl7.org/fhir/StructureDefinition/flag-detail',
      flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
      observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category'
    })
    expect(itemCodeSystem('rf.bladder')).toBe('http://back-intake.app/fhir/CodeSystem/rf.bladder')
    expect(FLAG_CONDITION_SYSTEM).toBe('http://back-intake.app/fhir/CodeSystem/flag-condition')
    expect(QUESTIONNAIRE_URL).toBe('http://back-intake.app/fhir/Questionnaire/back-intake')
    expect(PRIORITY_OF_LEVEL).toEqual({
      review: { code: 'PL', display: 'Low priority' },
      urgent: { code: 'PM', display: 'Medium priority' },
      emergency: { code: 'PH', display: 'High priority' }
    })
  })
})

describe('buildQuestionnaire', () => {
  const questionnaire = buildQuestionnaire('00000000-0000-4000-8000-000000000001')
  const items = questions(questionnaire)

  it('asks every catalogue item but the signature, once, with the item id as linkId', () => {
    const expected = CATALOGUE.map((entry) => entry.id).filter((id) => id !== 'consent.signature')
    expect(items.map((item) => item.linkId)).toEqual(expected)
  })

  it('groups the questions by section, the section id as the group linkId', () => {
    const sections = [...new Set(CATALOGUE.map((entry) => entry.section))]
    expect(questionnaire.item?.map((group) => group.linkId)).toEqual(sections)
    for (const group of questionnaire.item ?? []) {
      expect(group.type).toBe('group')
      for (const item of group.item ?? []) {
        expect(CATALOGUE.find((entry) => entry.id === item.linkId)?.section).toBe(group.linkId)
      }
    }
  })

  it('maps each item type, its required flag and its codes', () => {
    for (const entry of CATALOGUE) {
      if (entry.id === 'consent.signature') continue
      const item = only(
        items.filter((candidate) => candidate.linkId === entry.id),
        entry.id
      )
      expect(item.required, entry.id).toBe(entry.required)
      if (entry.type === 'text') {
        expect(item.type, entry.id).toBe((entry.maxLength ?? 0) > 254 ? 'text' : 'string')
        expect(item.maxLength, entry.id).toBe(entry.maxLength)
      } else {
        expect(item.type, entry.id).toBe(EXPECTED_FHIR_TYPE[entry.type])
      }
      expect(item.repeats === true, entry.id).toBe(entry.type === 'multi')
      if (item.type === 'choice') {
        const codes = (entry.codes ?? []).map((option) => option.code)
        const noneOfThese = entry.type === 'multi' && entry.minSelected === undefined
        expect(
          item.answerOption?.map((option) => option.valueCoding?.code),
          entry.id
        ).toEqual(noneOfThese ? [...codes, NONE_OF_THESE.code] : codes)
        for (const option of item.answerOption ?? []) {
          expect(option.valueCoding?.system, entry.id).toBe(itemCodeSystem(entry.id))
          expect(option.valueCoding?.display, entry.id).toBeTruthy()
        }
      } else {
        expect(item.answerOption, entry.id).toBeUndefined()
      }
    }
  })

  it('offers yes, no and unsure on the red-flag items, and "does not apply" only on rf.sexualDysfunction', () => {
    for (const entry of CATALOGUE.filter((candidate) => candidate.type === 'ynu')) {
      const item = items.find((candidate) => candidate.linkId === entry.id)
      const codes = item?.answerOption?.map((option) => option.valueCoding?.code)
      expect(codes, entry.id).toEqual(
        entry.id === 'rf.sexualDysfunction'
          ? ['yes', 'no', 'unsure', 'not-applicable']
          : ['yes', 'no', 'unsure']
      )
    }
  })

  it('marks "none of these" exclusive, and pain.regions (at least one region) has no such option', () => {
    const activities = items.find((item) => item.linkId === 'complaint.activities')
    const none = activities?.answerOption?.find(
      (option) => option.valueCoding?.code === NONE_OF_THESE.code
    )
    expect(none?.extension).toEqual([{ url: HL7.optionExclusive, valueBoolean: true }])
    const regions = items.find((item) => item.linkId === 'pain.regions')
    expect(regions?.answerOption?.map((option) => option.valueCoding?.code)).not.toContain(
      NONE_OF_THESE.code
    )
  })

  it('bounds the 0-10 scales', () => {
    for (const id of ['pain.now', 'pain.worst', 'peg.pain', 'peg.enjoyment', 'peg.activity']) {
      const item = items.find((candidate) => candidate.linkId === id)
      expect(item?.type, id).toBe('integer')
      expect(item?.extension, id).toEqual([
        { url: HL7.minValue, valueInteger: 0 },
        { url: HL7.maxValue, valueInteger: 10 }
      ])
    }
  })

  it('words STarT Back officially and carries the Keele notice', () => {
    for (const [id, wording] of Object.entries(START_BACK_WORDING.items)) {
      expect(items.find((item) => item.linkId === id)?.text).toBe(wording)
    }
    expect(questionnaire.copyright).toContain(START_BACK_NOTICE)
  })

  it('is identified by the app canonical URL and the form version', () => {
    expect(questionnaire.url).toBe(QUESTIONNAIRE_URL)
    expect(questionnaire.version).toBe(String(FORM_VERSION))
    expect(questionnaire.status).toBe('active')
  })
})

/** Checks that hold for the bundle of any one intake. */
function checkOneIntakeBundle(golden: GoldenCase): void {
  const record = recordOf(golden.answers, golden.asOf)
  const bundle = bundleOf([record])
  const json = JSON.stringify(bundle)
  const received = parsed(bundle)

  // Round trip: nothing undefined, no class instances, nothing JSON loses.
  expect(received).toStrictEqual(bundle)
  expect(r4BundleProblems(received)).toEqual([])

  const questionnaire = only(resources(received, 'Questionnaire'), 'Questionnaire')
  const patient = only(resources(received, 'Patient'), 'Patient')
  const response = only(resources(received, 'QuestionnaireResponse'), 'QuestionnaireResponse')
  const patientUrl = `urn:uuid:${patient.id ?? ''}`
  const responseUrl = `urn:uuid:${response.id ?? ''}`

  // References: each resolves to an entry of the declared type; subjects are the Patient.
  const typeOf = new Map(
    (received.entry ?? []).map((entry) => [entry.fullUrl, entry.resource?.resourceType])
  )
  for (const reference of referencesIn(received)) {
    expect(typeOf.get(reference.reference), reference.path).toBe(reference.type)
  }
  expect(response.subject?.reference).toBe(patientUrl)
  expect(response.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`)

  // Every answered item (but the signature) is in the response with its question's type.
  const questionOf = new Map(questions(questionnaire).map((item) => [item.linkId, item]))
  const items = answered(response)
  const expectedIds = CATALOGUE.map((entry) => entry.id).filter(
    (id) =>
      id !== 'consent.signature' &&
      golden.answers[id] !== undefined &&
      // An empty list where at least one code is needed is no answer at all.
      !(id === 'pain.regions' && (golden.answers[id] as readonly string[]).length === 0)
  )
  expect(items.map((item) => item.linkId)).toEqual(expectedIds)
  for (const item of items) {
    const question = questionOf.get(item.linkId)
    expect(question, item.linkId).toBeDefined()
    const answers = item.answer ?? []
    expect(answers.length, item.linkId).toBeGreaterThan(0)
    if (question?.repeats !== true) expect(answers, item.linkId).toHaveLength(1)
    for (const answer of answers) {
      expect(valueKeys(answer), item.linkId).toEqual([VALUE_KEY_OF_TYPE[question?.type ?? '']])
      if (answer.valueCoding !== undefined) {
        const allowed = question?.answerOption?.map((option) => option.valueCoding)
        expect(allowed, item.linkId).toContainEqual(answer.valueCoding)
      }
      if (answer.valueInteger !== undefined) {
        expect(answer.valueInteger).toBeGreaterThanOrEqual(0)
        expect(answer.valueInteger).toBeLessThanOrEqual(10)
      }
    }
    const stored = golden.answers[item.linkId]
    if (Array.isArray(stored)) {
      const codes = answers.map((answer) => answer.valueCoding?.code)
      expect(codes, item.linkId).toEqual(stored.length === 0 ? [NONE_OF_THESE.code] : stored)
    } else if (typeof stored === 'string' && question?.type === 'choice') {
      expect(answers[0]?.valueCoding?.code, item.linkId).toBe(stored)
    } else {
      expect(Object.values(answers[0] ?? {})[0], item.linkId).toBe(stored)
    }
  }

  // No signature in any form: neither its item nor its data.
  expect(json).not.toContain('consent.signature')
  const signature = golden.answers['consent.signature']
  if (typeof signature === 'string') expect(json).not.toContain(signature)

  // Scores: exactly the LOINC codes of the scores the intake has, with their values.
  const { scores } = record.evaluation
  const observations = resources(received, 'Observation')
  const expectedCodes = [
    ...(scores.startBack === null
      ? []
      : [
          LOINC.startBackPanel,
          LOINC.startBackTotal,
          LOINC.startBackPsychosocial,
          LOINC.startBackRisk
        ]),
    ...(scores.peg === null ? [] : [LOINC.pegPanel, LOINC.pegScore]),
    ...(scores.painNow === null ? [] : [LOINC.painNow])
  ]
  expect(observations.map(loincOf)).toEqual(expectedCodes)
  for (const observation of observations) {
    expect(observation.subject?.reference).toBe(patientUrl)
    expect(observation.derivedFrom?.map((reference) => reference.reference)).toEqual([responseUrl])
    expect(observation.status).toBe('final')
    expect(observation.category?.[0]?.coding?.[0]?.code).toBe('survey')
  }
  if (scores.startBack !== null) {
    const panel = byLoinc(received, LOINC.startBackPanel)
    const members = [LOINC.startBackTotal, LOINC.startBackPsychosocial, LOINC.startBackRisk].map(
      (code) => `urn:uuid:${byLoinc(received, code).id ?? ''}`
    )
    expect(panel.hasMember?.map((reference) => reference.reference)).toEqual(members)
    expect(byLoinc(received, LOINC.startBackTotal).valueQuantity?.value).toBe(
      scores.startBack.total
    )
    expect(byLoinc(received, LOINC.startBackPsychosocial).valueQuantity?.value).toBe(
      scores.startBack.psychosocial
    )
    expect(byLoinc(received, LOINC.startBackRisk).valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: START_BACK_RISK_SYSTEM,
      code: scores.startBack.risk
    })
    expect(panel.note?.[0]?.text).toBe(START_BACK_NOTICE)
  }
  if (scores.peg !== null) {
    const panel = byLoinc(received, LOINC.pegPanel)
    const score = byLoinc(received, LOINC.pegScore)
    expect(panel.hasMember?.map((reference) => reference.reference)).toEqual([
      `urn:uuid:${score.id ?? ''}`
    ])
    expect(score.valueQuantity).toEqual({
      value: scores.peg,
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}'
    })
  }
  if (scores.painNow !== null) {
    expect(byLoinc(received, LOINC.painNow).valueQuantity?.value).toBe(scores.painNow)
  }

  // Flags: one per flag of the evaluation, with its label, level, priority and every trigger.
  const flags = resources(received, 'Flag')
  expect(flags.map((flag) => flag.code.coding?.[0]?.code)).toEqual(
    record.evaluation.flags.map((flag) => flag.condition)
  )
  const answeredIds = new Set(items.map((item) => item.linkId))
  for (const [index, flag] of flags.entries()) {
    const source = record.evaluation.flags[index]
    if (source === undefined) throw new Error('flag count')
    expect(flag.code.coding?.[0]?.system).toBe(FLAG_CONDITION_SYSTEM)
    expect(flag.code.text).toBe(CONDITION_LABELS[source.condition])
    expect(flag.status).toBe('active')
    expect(flag.subject.reference).toBe(patientUrl)
    expect(flag.category?.[0]?.coding?.[0]).toMatchObject({
      system: HL7.flagCategory,
      code: 'clinical'
    })
    expect(only(extensionsOf(flag, APP_EXTENSIONS.flagLevel), 'level').valueCode).toBe(source.level)
    expect(
      only(extensionsOf(flag, HL7.flagPriority), 'priority').valueCodeableConcept?.coding?.[0]?.code
    ).toBe(PRIORITY_OF_LEVEL[source.level].code)
    expect(only(extensionsOf(flag, APP_EXTENSIONS.flagUncertain), 'uncertain').valueBoolean).toBe(
      source.uncertain
    )
    expect(
      only(extensionsOf(flag, APP_EXTENSIONS.flagRecommendation), 'recommendation').valueString
    ).toBe(source.recommendation)
    expect(only(extensionsOf(flag, HL7.flagDetail), 'detail').valueReference?.reference).toBe(
      responseUrl
    )
    const triggers = extensionsOf(flag, APP_EXTENSIONS.flagTrigger)
    expect(triggers.map((trigger) => subValue(trigger, 'item')?.valueString).sort()).toEqual(
      [...source.triggeredBy].sort()
    )
    for (const trigger of triggers) {
      const id = subValue(trigger, 'item')?.valueString ?? ''
      expect(subValue(trigger, 'label')?.valueString, id).toBeTruthy()
      // An item behind a flag is an answered item of the response (derived names are not items).
      if (!['age', 'onsetAge', 'noImprovement'].includes(id)) {
        expect(answeredIds.has(id), `${source.condition} trigger ${id}`).toBe(true)
      }
      const answer = golden.answers[id]
      if (answer === 'unsure') {
        expect(subValue(trigger, 'answer')?.valueString, id).toBe('not sure')
        expect(subValue(trigger, 'unsure')?.valueBoolean, id).toBe(true)
      }
      if (answer === 'yes') expect(subValue(trigger, 'answer')?.valueString, id).toBe('yes')
    }
    expect(flag.text?.div).toContain(CONDITION_LABELS[source.condition])
  }
}

describe('buildFhirBundle on the golden cases', () => {
  const cases = loadGoldenCases()

  it('runs on every golden case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(58)
  })

  for (const golden of cases) {
    it(`${golden.file}: codes, linkIds, references, flags and the round trip`, () => {
      checkOneIntakeBundle(golden)
    })
  }
})

describe('buildFhirBundle', () => {
  const cases = new Map(loadGoldenCases().map((golden) => [golden.name, golden]))
  function golden(name: string): GoldenCase {
    const found = cases.get(name)
    if (found === undefined) throw new Error(`no golden case ${name}`)
    return found
  }

  it('exports the cauda equina emergency with its three reasons and high priority', () => {
    const emergency = golden('cauda-equina-emergency')
    const bundle = parsed(bundleOf([recordOf(emergency.answers, emergency.asOf)]))
    const flag = only(resources(bundle, 'Flag'), 'Flag')
    expect(flag.code.coding?.[0]?.code).toBe('cauda-equina')
    expect(flag.code.text).toBe('Cauda equina')
    expect(
      extensionsOf(flag, HL7.flagPriority)[0]?.valueCodeableConcept?.coding?.[0]
    ).toMatchObject({ system: HL7.flagPriorityCodes, code: 'PH' })
    expect(flag.text?.div).toContain('Emergency')
  })

  it('exports every flag of everything-at-once with uncertain infection', () => {
    const everything = golden('everything-at-once')
    const bundle = parsed(bundleOf([recordOf(everything.answers, everything.asOf)]))
    const flags = resources(bundle, 'Flag')
    expect(flags.map((flag) => flag.code.coding?.[0]?.code).sort()).toEqual(
      ['cauda-equina', 'fracture', 'infection', 'malignancy', 'rhabdomyolysis', 'vascular'].sort()
    )
    const infection = flags.find((flag) => flag.code.coding?.[0]?.code === 'infection')
    expect(
      infection && extensionsOf(infection, APP_EXTENSIONS.flagUncertain)[0]?.valueBoolean
    ).toBe(true)
    expect(infection?.text?.div).toContain('Fever: not sure')
    // complaint.trainingFactors: [] is "none of these", exported as that answer.
    const response = only(resources(bundle, 'QuestionnaireResponse'), 'response')
    const factors = answered(response).find((item) => item.linkId === 'complaint.trainingFactors')
    expect(factors?.answer).toEqual([
      {
        valueCoding: {
          system: itemCodeSystem('complaint.trainingFactors'),
          ...NONE_OF_THESE
        }
      }
    ])
  })

  it('exports the high STarT Back risk and no flag for doms-routine', () => {
    const high = golden('start-back-high')
    const bundle = parsed(bundleOf([recordOf(high.answers, high.asOf)]))
    expect(byLoinc(bundle, LOINC.startBackTotal).valueQuantity?.value).toBe(9)
    expect(byLoinc(bundle, LOINC.startBackPsychosocial).valueQuantity?.value).toBe(5)
    expect(byLoinc(bundle, LOINC.startBackRisk).valueCodeableConcept?.coding?.[0]?.code).toBe(
      'high'
    )
    const doms = golden('doms-routine')
    expect(resources(parsed(bundleOf([recordOf(doms.answers, doms.asOf)])), 'Flag')).toEqual([])
  })

  it('gives the patient name, birth date and gender, with the app patient id', () => {
    const bundle = parsed(bundleOf([recordOf(BASELINE, '2026-11-20')]))
    const patient: Patient = only(resources(bundle, 'Patient'), 'Patient')
    expect(patient.name).toEqual([{ use: 'official', family: 'Okafor', given: ['Maya'] }])
    expect(patient.birthDate).toBe('1996-03-14')
    expect(patient.gender).toBe('female')
    expect(patient.identifier).toEqual([
      { system: IDENTIFIER_SYSTEMS.patient, value: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }
    ])
    for (const [sex, gender] of [
      ['intersex', 'other'],
      ['prefer-not-to-say', 'unknown'],
      ['male', 'male']
    ] as const) {
      const other = parsed(bundleOf([recordOf({ ...BASELINE, 'patient.sex': sex }, '2026-11-20')]))
      expect(only(resources(other, 'Patient'), sex).gender).toBe(gender)
    }
    const { ['patient.sex']: _sex, ...noSex } = BASELINE
    expect(
      only(resources(parsed(bundleOf([recordOf(noSex, '2026-11-20')])), 'Patient'), 'none').gender
    ).toBeUndefined()
  })

  it('never writes a drawn signature, as path data or as a PNG', () => {
    const png = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'}`
    const path = 'M12.5 7 C 33.25 44 55 66 77 88 Q 91 92 93 94 Z'
    for (const signature of [png, path]) {
      const json = JSON.stringify(
        bundleOf([recordOf({ ...BASELINE, 'consent.signature': signature }, '2026-11-20')])
      )
      expect(json).not.toContain(signature)
      expect(json).not.toContain('base64')
      expect(json).not.toContain('consent.signature')
      // Who signed is kept.
      expect(json).toContain('"linkId":"consent.signedBy"')
    }
  })

  it('bundles a day: one Questionnaire, one Patient per person, every reference resolving', () => {
    const day = ['doms-routine', 'cauda-equina-emergency', 'start-back-high'].map((name) =>
      golden(name)
    )
    const records = [
      recordOf(day[0]?.answers ?? {}, '2026-11-20', {
        id: '11111111-1111-4111-8111-111111111111',
        patientId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
      }),
      recordOf(day[1]?.answers ?? {}, '2026-11-20', {
        id: '22222222-2222-4222-8222-222222222222',
        patientId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
      }),
      // The first patient again, later the same day.
      recordOf(day[2]?.answers ?? {}, '2026-11-20', {
        id: '33333333-3333-4333-8333-333333333333',
        patientId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
      })
    ]
    const bundle = bundleOf(records)
    const received = parsed(bundle)
    expect(received).toStrictEqual(bundle)
    expect(r4BundleProblems(received)).toEqual([])
    expect(resources(received, 'Questionnaire')).toHaveLength(1)
    const patients = resources(received, 'Patient')
    expect(patients).toHaveLength(2)
    const responses = resources(received, 'QuestionnaireResponse')
    expect(responses.map((response) => response.identifier?.value)).toEqual(
      records.map((record) => record.id)
    )
    expect(responses.map((response) => response.subject?.reference)).toEqual([
      `urn:uuid:${patients[0]?.id ?? ''}`,
      `urn:uuid:${patients[1]?.id ?? ''}`,
      `urn:uuid:${patients[0]?.id ?? ''}`
    ])
    // Each intake's observations and flags point at its own response.
    for (const resource of [
      ...resources(received, 'Observation'),
      ...resources(received, 'Flag')
    ]) {
      const identifier = resource.identifier?.[0]?.value ?? ''
      const owner = responses.find((response) =>
        identifier.startsWith(`${response.identifier?.value ?? '-'}/`)
      )
      expect(owner, identifier).toBeDefined()
      const references = referencesIn(resource).map((reference) => reference.reference)
      expect(references, identifier).toContain(`urn:uuid:${owner?.id ?? ''}`)
    }
    expect(received.type).toBe('collection')
    expect(received.timestamp).toBe(GENERATED_AT)
  })

  it('marks an unfinished intake as in progress and its scores as preliminary', () => {
    const draft = recordOf(BASELINE, '2026-11-20', {
      status: 'draft',
      patientId: null,
      submittedAt: null
    })
    const received = parsed(bundleOf([draft]))
    expect(r4BundleProblems(received)).toEqual([])
    expect(only(resources(received, 'QuestionnaireResponse'), 'response').status).toBe(
      'in-progress'
    )
    expect(only(resources(received, 'Patient'), 'patient').identifier).toBeUndefined()
    for (const observation of resources(received, 'Observation')) {
      expect(observation.status).toBe('preliminary')
    }
  })

  it('exports no score it does not have: a half-answered STarT Back and PEG give none', () => {
    const { ['sb.9']: _sb9, ['peg.activity']: _peg, ...partial } = BASELINE
    const received = parsed(bundleOf([recordOf(partial, '2026-11-20')]))
    expect(resources(received, 'Observation').map(loincOf)).toEqual([LOINC.painNow])
  })

  it('leaves out a stored value of the wrong shape rather than exporting an invalid answer', () => {
    const damaged = recordOf(BASELINE, '2026-11-20', {
      answers: { ...BASELINE, 'pain.now': 'three', 'rf.bladder': 'perhaps' }
    })
    const received = parsed(bundleOf([damaged]))
    expect(r4BundleProblems(received)).toEqual([])
    const ids = answered(only(resources(received, 'QuestionnaireResponse'), 'response')).map(
      (item) => item.linkId
    )
    expect(ids).not.toContain('pain.now')
    expect(ids).not.toContain('rf.bladder')
  })

  it('builds the same bundle from the same records and ids', () => {
    const records = [recordOf(BASELINE, '2026-11-20')]
    expect(bundleOf(records)).toStrictEqual(bundleOf(records))
  })
})
