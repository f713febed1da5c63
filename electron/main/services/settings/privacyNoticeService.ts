/**
 * The clinic's own privacy notice (one text per patient language), kept as one
 * JSON value in the settings table. The stored value is read back through the
 * same validator that guards writes: the database is a file other tools (or a
 * bad sector) can change, and a damaged value must read as "use the defaults",
 * never stop a patient from reaching the consent step.
 */
import {
  DEFAULT_PRIVACY_NOTICE,
  isDefaultPrivacyNotice,
  validatePrivacyNotice,
  type PrivacyNotice
} from '../../../../src/domain'
import { mapSqliteError } from '../database/mapSqliteError'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from './settingsStore'

/** The settings key of the stored JSON value. */
export const PRIVACY_NOTICE_KEY = 'privacy.notice'

export interface PrivacyNoticeService {
  /** The clinic's texts; all empty (the defaults) when none are set or the stored value is damaged. */
  get(): Promise<PrivacyNotice>
  /**
   * Validates and stores the notice (all three empty removes it).
   * @returns the notice as stored (normalised)
   * @throws ServiceError `invalid-argument` with one issue per language at fault
   */
  set(input: unknown): Promise<PrivacyNotice>
}

export function createPrivacyNoticeService(settings: SettingsStore): PrivacyNoticeService {
  return {
    async get() {
      const stored = await guarded(() => settings.get(PRIVACY_NOTICE_KEY))
      return stored === null ? DEFAULT_PRIVACY_NOTICE : parseStored(stored)
    },
    async set(input) {
      // Checked here as well as at the IPC schema: the service is the last door before storage.
      const result = validatePrivacyNotice(input)
      if (!result.ok) {
        throw new ServiceError(
          'invalid-argument',
          'The privacy notice is not valid, so nothing was saved.',
          { issues: result.issues }
        )
      }
      const notice = result.notice
      await guarded(() =>
        settings.set(
          PRIVACY_NOTICE_KEY,
          isDefaultPrivacyNotice(notice) ? null : JSON.stringify(notice)
        )
      )
      return notice
    }
  }
}

/** A stored value as a notice, or the defaults when it is not valid JSON of a valid notice. */
function parseStored(text: string): PrivacyNotice {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return DEFAULT_PRIVACY_NOTICE
  }
  const result = validatePrivacyNotice(value)
  return result.ok ? result.notice : DEFAULT_PRIVACY_NOTICE
}

/** Runs a settings call, turning a SQLite failure into a `storage` ServiceError. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw mapSqliteError(error)
  }
}
