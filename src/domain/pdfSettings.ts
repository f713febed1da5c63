/**
 * How the clinic wants its PDF summaries: paper size, and whether the
 * patient's contact details are printed. Set by staff in Settings; they
 * describe the clinic's paperwork, not a patient.
 */
import type { ValidationIssue } from './errors'

/** The paper sizes a clinic prints on: ISO A4, or US Letter in North America. */
export type PdfPageSize = 'A4' | 'LETTER'

export const PDF_PAGE_SIZES: readonly PdfPageSize[] = ['A4', 'LETTER']

export interface PdfSettings {
  readonly pageSize: PdfPageSize
  /**
   * Print the patient's phone, e-mail and emergency contact. Off by default:
   * a summary sent on to a GP should carry no more than the name and date of
   * birth unless the clinic decides otherwise.
   */
  readonly includeContactDetails: boolean
}

export const DEFAULT_PDF_SETTINGS: PdfSettings = Object.freeze({
  pageSize: 'A4',
  includeContactDetails: false
})

export type PdfSettingsValidation =
  | { readonly ok: true; readonly settings: PdfSettings }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }

/**
 * Checks PDF settings from any source (an IPC call or a stored value): an
 * object with exactly `pageSize` (`A4` or `LETTER`) and `includeContactDetails`
 * (a boolean).
 *
 * @returns the settings, or every problem found, each naming its field in
 *   `itemId` with a plain English message.
 */
export function validatePdfSettings(input: unknown): PdfSettingsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        {
          itemId: '',
          code: 'not-an-object',
          message: 'The PDF settings must be an object with a page size and a contact choice.'
        }
      ]
    }
  }
  const record = input as Record<string, unknown>
  const issues: ValidationIssue[] = []
  for (const key of Object.keys(record)) {
    if (key !== 'pageSize' && key !== 'includeContactDetails') {
      issues.push({
        itemId: key,
        code: 'unknown-item',
        message: `"${key}" is not a PDF setting (pageSize, includeContactDetails).`
      })
    }
  }
  const pageSize = record['pageSize']
  if (typeof pageSize !== 'string' || !(PDF_PAGE_SIZES as readonly string[]).includes(pageSize)) {
    issues.push({
      itemId: 'pageSize',
      code: 'unknown-code',
      message: 'The page size must be A4 or LETTER.'
    })
  }
  const includeContactDetails = record['includeContactDetails']
  if (typeof includeContactDetails !== 'boolean') {
    issues.push({
      itemId: 'includeContactDetails',
      code: 'wrong-type',
      message: 'Whether to print contact details must be true or false.'
    })
  }
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    settings: {
      pageSize: pageSize as PdfPageSize,
      includeContactDetails: includeContactDetails as boolean
    }
  }
}
