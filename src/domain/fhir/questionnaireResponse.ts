/**
 * One intake's answers as a FHIR R4 QuestionnaireResponse of the app's
 * Questionnaire: the same groups, the same linkIds, each answer typed as the
 * question is.
 */
import type {
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference
} from 'fhir/r4'
import type { CatalogueItem } from '../catalogue'
import { FORM_VERSION, type IntakeRecord } from '../records'
import type { AnswerValue } from '../types'
import {
  APP_EXTENSIONS,
  IDENTIFIER_SYSTEMS,
  itemCodeSystem,
  NONE_OF_THESE,
  QUESTIONNAIRE_URL
} from './codes'
import { exportedItems, offersNoneOfThese, SECTION_TITLES, sectionOrder } from './questionnaire'

/** The canonical reference of the exported Questionnaire, version included. */
export const QUESTIONNAIRE_CANONICAL = `${QUESTIONNAIRE_URL}|${FORM_VERSION}`

/**
 * When the intake was completed (submitted) or, for an unfinished one, last
 * changed: the moment the answers, scores and flags describe.
 */
export function authoredAt(record: IntakeRecord): string {
  return record.submittedAt ?? record.updatedAt
}

/**
 * A code as a Coding. Its `display` is the catalogue label, exactly as the
 * exported CodeSystem defines it (validators compare the two), not the
 * record's `answerText` wording ("Not sure" for the code `unsure`): the
 * words a clinician reads travel in the Flags' evidence, which `answerText` writes.
 */
function coding(entry: CatalogueItem, code: string): QuestionnaireResponseItemAnswer | null {
  const option = entry.codes?.find((candidate) => candidate.code === code)
  if (option === undefined) return null
  return { valueCoding: { system: itemCodeSystem(entry.id), code, display: option.label } }
}

/**
 * The FHIR answers of one stored answer. Records are validated when saved,
 * but one written by an older build may hold a value of another shape: it is
 * left out rather than exported as something the Questionnaire does not allow.
 */
export function answersFor(
  entry: CatalogueItem,
  value: AnswerValue
): QuestionnaireResponseItemAnswer[] {
  switch (entry.type) {
    case 'text':
      return typeof value === 'string' && value !== '' ? [{ valueString: value }] : []
    case 'date':
      return typeof value === 'string' ? [{ valueDate: value }] : []
    case 'choice':
    case 'ynu': {
      const answer = typeof value === 'string' ? coding(entry, value) : null
      return answer === null ? [] : [answer]
    }
    case 'multi': {
      if (!Array.isArray(value)) return []
      const codes: readonly string[] = value
      if (codes.length === 0) {
        return offersNoneOfThese(entry)
          ? [{ valueCoding: { system: itemCodeSystem(entry.id), ...NONE_OF_THESE } }]
          : []
      }
      return codes
        .map((code) => coding(entry, code))
        .filter((answer): answer is QuestionnaireResponseItemAnswer => answer !== null)
    }
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) ? [{ valueInteger: value }] : []
    case 'boolean':
      return typeof value === 'boolean' ? [{ valueBoolean: value }] : []
  }
}

/**
 * The intake's QuestionnaireResponse: `completed` once submitted,
 * `in-progress` for an unfinished intake. Only answered items appear, and a
 * group only when something in it was answered (an empty group is invalid).
 *
 * @param id the resource id (the bundle's `urn:uuid:` without its prefix).
 * @param subject the Patient the intake is about.
 */
export function buildQuestionnaireResponse(
  record: IntakeRecord,
  id: string,
  subject: Reference
): QuestionnaireResponse {
  const answered = exportedItems().flatMap((entry): QuestionnaireResponseItem[] => {
    const value = record.answers[entry.id]
    if (value === undefined) return []
    const answer = answersFor(entry, value)
    return answer.length === 0 ? [] : [{ linkId: entry.id, text: entry.label, answer }]
  })
  const sectionOf = new Map(exportedItems().map((entry) => [entry.id, entry.section]))
  const groups = sectionOrder().flatMap((section): QuestionnaireResponseItem[] => {
    const item = answered.filter((answer) => sectionOf.get(answer.linkId) === section)
    return item.length === 0 ? [] : [{ linkId: section, text: SECTION_TITLES[section], item }]
  })
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    extension: [{ url: APP_EXTENSIONS.formVersion, valueInteger: record.formVersion }],
    identifier: { system: IDENTIFIER_SYSTEMS.intake, value: record.id },
    questionnaire: QUESTIONNAIRE_CANONICAL,
    // FHIR's own word for answers corrected after completion.
    status:
      record.status !== 'submitted'
        ? 'in-progress'
        : record.amendments.length > 0
          ? 'amended'
          : 'completed',
    subject,
    authored: authoredAt(record),
    ...(groups.length === 0 ? {} : { item: groups })
  }
}
