/**
 * Every URL and code the FHIR R4 export writes, in one place, so the builders
 * and the tests that check them can never disagree.
 *
 * The app owns the systems under {@link FHIR_BASE}: one CodeSystem per item of
 * the catalogue (`<base>/CodeSystem/<item id>`, its codes the spec's codes),
 * because the spec defines codes per item and the same word means different
 * things in different items (`none` previous episodes, `no` pregnancy). The
 * canonical URLs identify; nothing needs to be served from them.
 */

/** Root of every canonical URL, identifier system and extension the app defines. */
export const FHIR_BASE = 'http://back-intake.app/fhir'

/** Canonical URL of the intake Questionnaire (its version is the form version). */
export const QUESTIONNAIRE_URL = `${FHIR_BASE}/Questionnaire/back-intake`

/** The CodeSystem of one catalogue item's answer codes. */
export function itemCodeSystem(itemId: string): string {
  return `${FHIR_BASE}/CodeSystem/${itemId}`
}

/**
 * The code a `multi` item answers with when the patient chose "none of
 * these" (an empty list in the app, spec §1). FHIR has no empty answer, so it
 * is an answer option of its own, marked exclusive.
 */
export const NONE_OF_THESE = { code: 'none-of-these', display: 'None of these' } as const

/** The red-flag conditions (`cauda-equina`, ...), shown with the clinician's label. */
export const FLAG_CONDITION_SYSTEM = `${FHIR_BASE}/CodeSystem/flag-condition`
/** STarT Back risk groups `low`, `medium`, `high`. */
export const START_BACK_RISK_SYSTEM = `${FHIR_BASE}/CodeSystem/start-back-risk`

/** Identifier systems: the app's own record ids, so a receiver can recognise a re-import. */
export const IDENTIFIER_SYSTEMS = {
  intake: `${FHIR_BASE}/sid/intake`,
  patient: `${FHIR_BASE}/sid/patient`,
  observation: `${FHIR_BASE}/sid/observation`,
  flag: `${FHIR_BASE}/sid/flag`
} as const

/** Extensions the app defines (R4 has no element for these). */
export const APP_EXTENSIONS = {
  /** On a Flag: one per answer or derived value behind it (complex: item, label, answer, unsure). */
  flagTrigger: `${FHIR_BASE}/StructureDefinition/flag-trigger`,
  /** On a Flag: the screen's level, `review`, `urgent` or `emergency` (valueCode). */
  flagLevel: `${FHIR_BASE}/StructureDefinition/flag-level`,
  /** On a Flag: "not sure" answers raised it (valueBoolean). */
  flagUncertain: `${FHIR_BASE}/StructureDefinition/flag-uncertain`,
  /** On a Flag: what the clinician should consider doing (valueString). */
  flagRecommendation: `${FHIR_BASE}/StructureDefinition/flag-recommendation`,
  /** On a Flag: the screening rules version that raised it (valueInteger). */
  rulesVersion: `${FHIR_BASE}/StructureDefinition/rules-version`,
  /** On a QuestionnaireResponse: the form version the answers were captured with (valueInteger). */
  formVersion: `${FHIR_BASE}/StructureDefinition/form-version`
} as const

/** Extensions and code systems defined by FHIR R4 itself or HL7 terminology. */
export const HL7 = {
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  optionExclusive: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive',
  flagPriority: 'http://hl7.org/fhir/StructureDefinition/flag-priority',
  flagPriorityCodes: 'http://hl7.org/fhir/flag-priority-code',
  flagDetail: 'http://hl7.org/fhir/StructureDefinition/flag-detail',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category'
} as const

export const LOINC_SYSTEM = 'http://loinc.org'
export const UCUM_SYSTEM = 'http://unitsofmeasure.org'

/**
 * The LOINC codes the issue names, exactly. Displays are left out of the
 * codings on purpose: a display must be LOINC's own string, which cannot be
 * checked offline here, and a wrong one fails validation where none is fine.
 * Each Observation's `code.text` carries readable words instead.
 */
export const LOINC = {
  startBackPanel: '91349-1',
  startBackTotal: '91351-7',
  startBackPsychosocial: '91350-9',
  startBackRisk: '91352-5',
  pegPanel: '91148-7',
  pegScore: '91147-9',
  painNow: '72514-3'
} as const

/** A score's unit: UCUM's annotation for a dimensionless score. */
export const SCORE_UNIT = { unit: '{score}', system: UCUM_SYSTEM, code: '{score}' } as const
