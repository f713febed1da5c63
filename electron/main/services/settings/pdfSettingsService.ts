/**
 * The PDF summary's settings (paper size, contact details), one JSON value in
 * the settings table. Read back through the same validator that guards
 * writes, so a damaged value reads as the defaults rather than failing a print.
 */
import {
  DEFAULT_PDF_SETTINGS,
  validatePdfSettings,
  type PdfSettings
} from '../../../../src/domain/pdfSettings'
import { mapSqliteError } from '../database/mapSqliteError'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from './settingsStore'

/** The settings key of the stored JSON value. */
export const PDF_SETTINGS_KEY = 'pdf.settings'

export interface PdfSettingsService {
  /** The stored settings; the defaults (A4, no contact details) when none are stored or valid. */
  get(): Promise<PdfSettings>
  /**
   * Validates and stores the settings.
   * @throws ServiceError `invalid-argument` with one issue per field at fault
   */
  set(input: unknown): Promise<PdfSettings>
}

export function createPdfSettingsService(settings: SettingsStore): PdfSettingsService {
  return {
    async get() {
      const stored = await guarded(() => settings.get(PDF_SETTINGS_KEY))
      if (stored === null) return DEFAULT_PDF_SETTINGS
      try {
        const result = validatePdfSettings(JSON.parse(stored))
        return result.ok ? result.settings : DEFAULT_PDF_SETTINGS
      } catch {
        return DEFAULT_PDF_SETTINGS
      }
    },
    async set(input) {
      const result = validatePdfSettings(input)
      if (!result.ok) {
        throw new ServiceError(
          'invalid-argument',
          'The PDF settings are not valid, so nothing was saved.',
          {
            issues: result.issues
          }
        )
      }
      await guarded(() => settings.set(PDF_SETTINGS_KEY, JSON.stringify(result.settings)))
      return result.settings
    }
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw mapSqliteError(error)
  }
}
