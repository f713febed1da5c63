/**
 * SQL for the `patients` table. A patient is found or created when an intake
 * is submitted, so a person who comes back for a second episode keeps one
 * record and their intakes can be read side by side.
 */
import type { Database } from 'better-sqlite3'
import type { PatientIdentity } from '../intakes/intakeStore'
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
  findOrCreate(details: PatientDetails, context: FindOrCreateContext): Patient
  findById(id: string): Patient | null
  /** Every patient with exactly this identity, oldest first, with their submitted visits. */
  listByIdentity(identity: PatientIdentity): PatientWithVisits[]
  /** One patient with their submitted visits. */
  findWithVisits(id: string): PatientWithVisits | null
}

export interface FindOrCreateContext {
  readonly now: string
  readonly newId: () => string
  /**
   * The identity to match on, as the intake service worked it out; when
   * absent, the same keys are derived here from the details.
   */
  readonly identity?: PatientIdentity
}

/** A patient with how many intakes they submitted and the last one. */
export interface PatientWithVisits extends Patient {
  readonly visitCount: number
  readonly lastVisit: { readonly intakeId: string; readonly submittedAt: string } | null
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

  // The visits come from the intakes index on patient_id: a handful per patient.
  const WITH_VISITS = `${PATIENT_COLUMNS},
    (SELECT count(*) FROM intakes
      WHERE intakes.patient_id = patients.id AND status = 'submitted') AS visit_count,
    (SELECT id FROM intakes WHERE intakes.patient_id = patients.id AND status = 'submitted'
      ORDER BY submitted_at DESC, id DESC LIMIT 1) AS last_intake_id,
    (SELECT max(submitted_at) FROM intakes
      WHERE intakes.patient_id = patients.id AND status = 'submitted') AS last_submitted_at`
  type VisitsRow = PatientRow & {
    visit_count: number
    last_intake_id: string | null
    last_submitted_at: string | null
  }
  const listByIdentityStatement = db.prepare<[Record<string, unknown>], VisitsRow>(`
    SELECT ${WITH_VISITS} FROM patients
    WHERE family_name_key = @family_name_key AND given_name_key = @given_name_key
      AND date_of_birth = @date_of_birth
    ORDER BY created_at, id`)
  const findWithVisitsStatement = db.prepare<[string], VisitsRow>(
    `SELECT ${WITH_VISITS} FROM patients WHERE id = ?`
  )
  const withVisits = (row: VisitsRow): PatientWithVisits => ({
    ...toPatient(row),
    visitCount: row.visit_count,
    lastVisit:
      row.last_intake_id === null || row.last_submitted_at === null
        ? null
        : { intakeId: row.last_intake_id, submittedAt: row.last_submitted_at }
  })

  // better-sqlite3 turns a nested transaction into a savepoint, so this is
  // atomic on its own and joins the caller's transaction at submission.
  const findOrCreate = db.transaction(
    (details: PatientDetails, context: FindOrCreateContext): PatientRow => {
      const keys = {
        given_name_key: context.identity?.givenNameKey ?? identityKey(details.givenName),
        family_name_key: context.identity?.familyNameKey ?? identityKey(details.familyName),
        date_of_birth: context.identity?.dateOfBirth ?? details.dateOfBirth
      }
      const fields = {
        given_name: details.givenName,
        family_name: details.familyName,
        sex: details.sex ?? null,
        phone: details.phone ?? null,
        email: details.email ?? null,
        preferred_language: details.preferredLanguage ?? null,
        now: context.now
      }
      const existing = findByIdentity.get(keys)
      const row =
        existing === undefined
          ? insert.get({ ...fields, ...keys, id: context.newId() })
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
    },
    listByIdentity(identity) {
      return listByIdentityStatement
        .all({
          given_name_key: identity.givenNameKey,
          family_name_key: identity.familyNameKey,
          date_of_birth: identity.dateOfBirth
        })
        .map(withVisits)
    },
    findWithVisits(id) {
      const row = findWithVisitsStatement.get(id)
      return row === undefined ? null : withVisits(row)
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
