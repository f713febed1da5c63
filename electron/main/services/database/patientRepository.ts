/**
 * SQL for the `patients` table. A patient is found or created when an intake
 * is submitted, so a person who comes back for a second episode keeps one
 * record and their intakes can be read side by side.
 */
import type { Database } from 'better-sqlite3'
import { identityKey } from './nameKeys'

export interface Patient {
  readonly id: string
  readonly givenName: string
  readonly familyName: string
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string
  readonly sex: string | null
  readonly phone: string | null
  readonly email: string | null
  readonly preferredLanguage: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** What an intake says about its patient; contact fields are absent when not answered. */
export interface PatientDetails {
  readonly givenName: string
  readonly familyName: string
  readonly dateOfBirth: string
  readonly sex?: string
  readonly phone?: string
  readonly email?: string
  readonly preferredLanguage?: string
}

export interface PatientRepository {
  /**
   * Returns the patient with the same given name, family name (both compared
   * without regard to case, in any script) and date of birth, creating one if
   * there is none. On a match, the names take the latest spelling and each
   * contact field given replaces the stored one; a field left unanswered keeps
   * what was stored (not answering is not the same as "no phone any more").
   *
   * Runs in a transaction of its own, or as part of the caller's.
   */
  findOrCreate(
    details: PatientDetails,
    context: { readonly now: string; readonly newId: () => string }
  ): Patient
  findById(id: string): Patient | null
}

interface PatientRow {
  id: string
  given_name: string
  family_name: string
  date_of_birth: string
  sex: string | null
  phone: string | null
  email: string | null
  preferred_language: string | null
  created_at: string
  updated_at: string
}

const PATIENT_COLUMNS = `id, given_name, family_name, date_of_birth, sex, phone, email, preferred_language,
  created_at, updated_at`

/** Creates the repository over an open connection, preparing its statements once. */
export function createPatientRepository(db: Database): PatientRepository {
  // If two records share an identity (merged by hand later, or made before a
  // rule change), the oldest one is the person's record.
  const findByIdentity = db.prepare<[Record<string, unknown>], PatientRow>(`
    SELECT ${PATIENT_COLUMNS} FROM patients
    WHERE family_name_key = @family_name_key AND given_name_key = @given_name_key
      AND date_of_birth = @date_of_birth
    ORDER BY created_at, id
    LIMIT 1`)

  const insert = db.prepare<[Record<string, unknown>], PatientRow>(`
    INSERT INTO patients (
      id, given_name, family_name, given_name_key, family_name_key, date_of_birth,
      sex, phone, email, preferred_language, created_at, updated_at
    ) VALUES (
      @id, @given_name, @family_name, @given_name_key, @family_name_key, @date_of_birth,
      @sex, @phone, @email, @preferred_language, @now, @now
    )
    RETURNING ${PATIENT_COLUMNS}`)

  const update = db.prepare<[Record<string, unknown>], PatientRow>(`
    UPDATE patients SET
      given_name = @given_name, family_name = @family_name,
      sex = coalesce(@sex, sex), phone = coalesce(@phone, phone), email = coalesce(@email, email),
      preferred_language = coalesce(@preferred_language, preferred_language),
      updated_at = @now
    WHERE id = @id
    RETURNING ${PATIENT_COLUMNS}`)

  const findByIdStatement = db.prepare<[string], PatientRow>(
    `SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`
  )

  // better-sqlite3 turns a nested transaction into a savepoint, so this is
  // atomic on its own and joins the caller's transaction at submission.
  const findOrCreate = db.transaction(
    (
      details: PatientDetails,
      context: { readonly now: string; readonly newId: () => string }
    ): PatientRow => {
      const fields = {
        given_name: details.givenName,
        family_name: details.familyName,
        sex: details.sex ?? null,
        phone: details.phone ?? null,
        email: details.email ?? null,
        preferred_language: details.preferredLanguage ?? null,
        now: context.now
      }
      const existing = findByIdentity.get({
        given_name_key: identityKey(details.givenName),
        family_name_key: identityKey(details.familyName),
        date_of_birth: details.dateOfBirth
      })
      const row =
        existing === undefined
          ? insert.get({
              ...fields,
              id: context.newId(),
              given_name_key: identityKey(details.givenName),
              family_name_key: identityKey(details.familyName),
              date_of_birth: details.dateOfBirth
            })
          : update.get({ ...fields, id: existing.id })
      if (row === undefined) throw new Error('Patient write returned no row.')
      return row
    }
  )

  return {
    findOrCreate(details, context) {
      return toPatient(findOrCreate(details, context))
    },
    findById(id) {
      const row = findByIdStatement.get(id)
      return row === undefined ? null : toPatient(row)
    }
  }
}

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
