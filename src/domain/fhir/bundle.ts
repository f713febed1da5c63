/**
 * One export: a FHIR R4 Bundle of type `collection` holding the app's
 * Questionnaire once and, per intake, its Patient (shared by intakes of the
 * same person), QuestionnaireResponse, score Observations and Flags.
 *
 * Pure: the caller passes the ids and the time, so the same records give the
 * same bundle in a test, and the main process passes random UUIDs and its clock.
 */
import type { Bundle, BundleEntry, FhirResource, Patient } from 'fhir/r4'
import type { IntakeRecord } from '../records'
import { buildFlags } from './flags'
import { buildScoreObservations } from './observations'
import { buildPatient } from './patient'
import { buildQuestionnaire } from './questionnaire'
import { buildQuestionnaireResponse } from './questionnaireResponse'
import { referenceTo, urnOf } from './references'

export interface FhirBundleOptions {
  /**
   * A fresh lower-case UUID per call: every resource's id and, with
   * `urn:uuid:`, its entry's full URL.
   */
  readonly newId: () => string
  /** When the bundle was assembled (ISO 8601 with a zone), its `timestamp`. */
  readonly generatedAt: string
}

function entry(resource: FhirResource): BundleEntry {
  if (resource.id === undefined) throw new Error(`A ${resource.resourceType} without an id.`)
  return { fullUrl: urnOf(resource.id), resource }
}

/**
 * The bundle of one intake or of several (a day's). Intakes of the same
 * patient (same app patient id) share one Patient; an unfinished intake has
 * no patient id yet and gets its own.
 */
export function buildFhirBundle(
  records: readonly IntakeRecord[],
  options: FhirBundleOptions
): Bundle {
  const { newId } = options
  const resources: FhirResource[] = [buildQuestionnaire(newId())]
  const patients = new Map<string, Patient>()
  for (const record of records) {
    const patientKey = record.patientId ?? `intake:${record.id}`
    let patient = patients.get(patientKey)
    if (patient === undefined) {
      patient = buildPatient(record, newId())
      patients.set(patientKey, patient)
      resources.push(patient)
    }
    const subject = referenceTo(patient)
    const response = buildQuestionnaireResponse(record, newId(), subject)
    const context = { record, subject, response: referenceTo(response), newId }
    resources.push(response, ...buildScoreObservations(context), ...buildFlags(context))
  }
  return {
    resourceType: 'Bundle',
    id: newId(),
    type: 'collection',
    timestamp: options.generatedAt,
    entry: resources.map(entry)
  }
}
