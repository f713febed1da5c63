/**
 * The intake as a FHIR R4 Questionnaire, built from the catalogue so the
 * export can never drift from the form: every linkId of a question is the
 * spec's item id, every answer option the spec's code in the item's own code
 * system, and each section a group.
 */
import type {
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption
} from 'fhir/r4'
import {
  CATALOGUE,
  START_BACK_NOTICE,
  START_BACK_WORDING,
  type CatalogueItem,
  type SectionId
} from '../catalogue'
import { FORM_VERSION } from '../records'
import { HL7, itemCodeSystem, NONE_OF_THESE, QUESTIONNAIRE_URL } from './codes'

/**
 * The one item left out of the export. A drawn signature is an image; the spec
 * allows it only as the drawn picture, never as text in an export (§2). FHIR
 * would carry it as an attachment, i.e. its path data or PNG in base64, which a
 * receiver could decode back into the signature, so it stays in the app's own
 * record and PDF. Who signed, in what relationship and when (the response's
 * `authored`) are exported.
 */
export const NOT_EXPORTED_ITEMS: ReadonlySet<string> = new Set(['consent.signature'])

/** Group titles, in the clinic's working language like the catalogue labels. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  patient: 'Patient',
  complaint: 'This episode',
  pain: 'Pain',
  redFlags: 'Red-flag screen',
  startBack: 'STarT Back Screening Tool',
  history: 'History',
  goals: 'Goals',
  consent: 'Consent',
  followUp: 'Follow-up visit'
}

/** Free prose (the 2000-character items) is FHIR `text`; names, phone and e-mail are `string`. */
const SHORT_TEXT_LIMIT = 254

/** The catalogue items the export carries, in catalogue order. */
export function exportedItems(): readonly CatalogueItem[] {
  return CATALOGUE.filter((entry) => !NOT_EXPORTED_ITEMS.has(entry.id))
}

/** Sections in the order the form asks them (the order their first item appears in). */
export function sectionOrder(): readonly SectionId[] {
  const order: SectionId[] = []
  for (const entry of exportedItems()) if (!order.includes(entry.section)) order.push(entry.section)
  return order
}

/** The FHIR item type a catalogue item is asked as. */
export function fhirItemType(entry: CatalogueItem): QuestionnaireItem['type'] {
  switch (entry.type) {
    case 'text':
      return (entry.maxLength ?? 0) > SHORT_TEXT_LIMIT ? 'text' : 'string'
    case 'date':
      return 'date'
    case 'choice':
    case 'multi':
    case 'ynu':
      return 'choice'
    case 'scale':
      return 'integer'
    case 'boolean':
      return 'boolean'
  }
}

/**
 * Whether a `multi` item may be answered "none of these". An item that needs
 * at least one code (pain.regions) has no such answer.
 */
export function offersNoneOfThese(entry: CatalogueItem): boolean {
  return entry.type === 'multi' && (entry.minSelected ?? 0) === 0
}

/** The words of a question: STarT Back in its official wording, which must not be paraphrased. */
function questionText(entry: CatalogueItem): string {
  const official: Readonly<Record<string, string>> = START_BACK_WORDING.items
  return official[entry.id] ?? entry.label
}

function answerOptions(entry: CatalogueItem): QuestionnaireItemAnswerOption[] {
  const system = itemCodeSystem(entry.id)
  const options: QuestionnaireItemAnswerOption[] = (entry.codes ?? []).map((option) => ({
    valueCoding: { system, code: option.code, display: option.label }
  }))
  if (offersNoneOfThese(entry)) {
    options.push({
      valueCoding: { system, ...NONE_OF_THESE },
      extension: [{ url: HL7.optionExclusive, valueBoolean: true }]
    })
  }
  return options
}

/** NPRS and PEG items are whole numbers from 0 to 10. */
const SCALE_RANGE: Extension[] = [
  { url: HL7.minValue, valueInteger: 0 },
  { url: HL7.maxValue, valueInteger: 10 }
]

function questionItem(entry: CatalogueItem): QuestionnaireItem {
  const type = fhirItemType(entry)
  return {
    linkId: entry.id,
    text: questionText(entry),
    type,
    // Conditionally required items (trend, signer's relationship) are optional
    // here: the rule that makes them required lives in the app, and a
    // Questionnaire that required them always would refuse valid responses.
    required: entry.required,
    ...(entry.type === 'multi' ? { repeats: true } : {}),
    ...(entry.maxLength !== undefined && (type === 'string' || type === 'text')
      ? { maxLength: entry.maxLength }
      : {}),
    ...(type === 'choice' ? { answerOption: answerOptions(entry) } : {}),
    ...(entry.type === 'scale' ? { extension: SCALE_RANGE } : {})
  }
}

/**
 * The app's Questionnaire: one group per section (linkId = the section id,
 * e.g. `redFlags`), each question's linkId the spec's item id.
 *
 * @param id the resource id (the bundle's `urn:uuid:` without its prefix).
 */
export function buildQuestionnaire(id: string): Questionnaire {
  const items = exportedItems()
  return {
    resourceType: 'Questionnaire',
    id,
    url: QUESTIONNAIRE_URL,
    version: String(FORM_VERSION),
    name: 'BackIntake',
    title: 'Back-pain intake',
    status: 'active',
    subjectType: ['Patient'],
    copyright: `The items of the group "startBack": ${START_BACK_NOTICE}.`,
    item: sectionOrder().map((section) => ({
      linkId: section,
      text: SECTION_TITLES[section],
      type: 'group',
      item: items.filter((entry) => entry.section === section).map(questionItem)
    }))
  }
}
