/**
 * The clinic's name, address and phone number, kept as one JSON value in the
 * settings table. The stored value is read back through the same validator
 * that guards writes: the database is a file other tools (or a bad sector) can
 * change, and a damaged value must read as "not set", never stop the app or
 * the patient's emergency screen.
 */
import {
  EMPTY_CLINIC_DETAILS,
  isClinicDetailsEmpty,
  validateClinicDetails,
  type ClinicDetails
} from '../../../../src/domain'
import { mapSqliteError } from '../database/mapSqliteError'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from './settingsStore'

/** The settings key of the stored JSON value. */
export const CLINIC_DETAILS_KEY = 'clinic.details'

export interface ClinicDetailsService {
  /** The stored details; all empty when none are set or the stored value is damaged. */
  get(): Promise<ClinicDetails>
  /**
   * Validates and stores the details (all three empty removes them).
   * @returns the details as stored (trimmed, NFC-normalised)
   * @throws ServiceError `invalid-argument` with one issue per field at fault
   */
  set(input: unknown): Promise<ClinicDetails>
}

export function createClinicDetailsService(settings: SettingsStore): ClinicDetailsService {
  return {
    async get() {
      const stored = await guarded(() => settings.get(CLINIC_DETAILS_KEY))
      return stored === null ? EMPTY_CLINIC_DETAILS : parseStored(stored)
    },
    async set(input) {
      // Checked here as well as at the IPC schema: the service is the last door before storage.
      const result = validateClinicDetails(input)
      if (!result.ok) {
        throw new ServiceError(
          'invalid-argument',
          'Some clinic details are not valid, so nothing was saved.',
          { issues: result.issues }
        )
      }
      const details = result.details
      await guarded(() =>
        settings.set(
          CLINIC_DETAILS_KEY,
          isClinicDetailsEmpty(details) ? null : JSON.stringify(details)
        )
      )
      return details
    }
  }
}

/** A stored value as details, or nothing set when it is not valid JSON of valid details. */
function parseStored(text: string): ClinicDetails {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return EMPTY_CLINIC_DETAILS
  }
  const result = validateClinicDetails(value)
  return result.ok ? result.details : EMPTY_CLINIC_DETAILS
}

/** Runs a settings call, turning a SQLite failure into a `storage` ServiceError. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw mapSqliteError(error)
  }
}
