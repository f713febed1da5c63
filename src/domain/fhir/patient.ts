/**
 * The patient an intake is about, as a FHIR R4 Patient: name, date of birth
 * and administrative gender only. Contact details stay in the
 * QuestionnaireResponse, where the patient gave them, so the Patient carries
 * no more than a receiver needs to match the person.
 */
import type { Patient } from 'fhir/r4'
import type { IntakeRecord } from '../records'
import { IDENTIFIER_SYSTEMS } from './codes'

/**
 * `patient.sex` as FHIR's administrative gender (male | female | other |
 * unknown): intersex is `other`, and "prefer not to say" is `unknown`, which
 * R4 defines as "not known, or withheld".
 */
export const GENDER_OF_SEX: Readonly<Record<string, NonNullable<Patient['gender']>>> = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  'prefer-not-to-say': 'unknown'
}

function text(record: IntakeRecord, itemId: string): string | undefined {
  const value = record.answers[itemId]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The Patient of one intake. The app's patient id (set at submission) becomes
 * an identifier, so intakes of the same person in one bundle share one Patient
 * and a receiver can match later exports.
 *
 * @param id the resource id (the bundle's `urn:uuid:` without its prefix).
 */
export function buildPatient(record: IntakeRecord, id: string): Patient {
  const given = text(record, 'patient.givenName')
  const family = text(record, 'patient.familyName')
  const birthDate = text(record, 'patient.dateOfBirth')
  const sex = text(record, 'patient.sex')
  const gender = sex === undefined ? undefined : GENDER_OF_SEX[sex]
  return {
    resourceType: 'Patient',
    id,
    ...(record.patientId === null
      ? {}
      : { identifier: [{ system: IDENTIFIER_SYSTEMS.patient, value: record.patientId }] }),
    ...(given === undefined && family === undefined
      ? {}
      : {
          name: [
            {
              use: 'official' as const,
              ...(family === undefined ? {} : { family }),
              ...(given === undefined ? {} : { given: [given] })
            }
          ]
        }),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(gender === undefined ? {} : { gender })
  }
}
