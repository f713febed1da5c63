/**
 * Runtime schemas for every method's arguments: the main process parses what
 * the renderer sends with these before any handler runs. Answers go through
 * the catalogue-driven validator, so an unknown item, a wrong type or an
 * out-of-list code is refused here, naming the item.
 */
import { z } from 'zod'
import { validateAnswers } from '../validateAnswers'
import { validateClinicDetails, type ClinicDetails } from '../clinicDetails'
import { validatePrivacyNotice, type PrivacyNotice } from '../privacyNotice'
import { validatePdfSettings, type PdfSettings } from '../pdfSettings'
import { isIsoDate } from '../dates'
import type { IntakeAnswers } from '../types'
import type { ApiArgs, ApiMethod } from './contract'

const id = z.string().uuid({ message: 'Not a valid record id.' })

/** Answers checked for type, codes and ranges (draft rules; submission adds its own). */
export const answersSchema: z.ZodType<IntakeAnswers> = z.unknown().transform((value, ctx) => {
  const result = validateAnswers(value, { mode: 'draft' })
  if (result.ok) return result.answers
  for (const issue of result.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: issue.itemId ? [issue.itemId] : [],
      params: { issueCode: issue.code }
    })
  }
  return z.NEVER
})

/** Clinic details checked and normalised by the domain validator, each issue naming its field. */
export const clinicDetailsSchema: z.ZodType<ClinicDetails> = z.unknown().transform((value, ctx) => {
  const result = validateClinicDetails(value)
  if (result.ok) return result.details
  for (const issue of result.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: issue.itemId ? [issue.itemId] : [],
      params: { issueCode: issue.code }
    })
  }
  return z.NEVER
})

/** A privacy notice checked and normalised by the domain validator, each issue naming its language. */
export const privacyNoticeSchema: z.ZodType<PrivacyNotice> = z.unknown().transform((value, ctx) => {
  const result = validatePrivacyNotice(value)
  if (result.ok) return result.notice
  for (const issue of result.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: issue.itemId ? [issue.itemId] : [],
      params: { issueCode: issue.code }
    })
  }
  return z.NEVER
})

/** PDF settings checked by the domain validator, each issue naming its field. */
export const pdfSettingsSchema: z.ZodType<PdfSettings> = z.unknown().transform((value, ctx) => {
  const result = validatePdfSettings(value)
  if (result.ok) return result.settings
  for (const issue of result.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: issue.itemId ? [issue.itemId] : [],
      params: { issueCode: issue.code }
    })
  }
  return z.NEVER
})

const calendarDate = z
  .string()
  .refine(isIsoDate, { message: 'The date must be a real calendar day (YYYY-MM-DD).' })

const empty = z.object({}).strict()
const pin = z.string().regex(/^\d{4,8}$/, { message: 'The PIN must be 4 to 8 digits.' })

export const API_SCHEMAS: { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  getAppInfo: empty,
  createDraft: z
    .object({ answers: answersSchema, entryMode: z.enum(['staff', 'patient']) })
    .strict(),
  saveDraft: z.object({ id, answers: answersSchema }).strict(),
  submitIntake: z.object({ id, answers: answersSchema }).strict(),
  getIntake: z.object({ id }).strict(),
  listIntakes: z
    .object({
      status: z.enum(['draft', 'submitted']).optional(),
      search: z.string().trim().max(100).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      cursor: z.string().max(200).optional()
    })
    .strict(),
  listUnfinished: empty,
  discardDraft: z.object({ id }).strict(),
  getSession: empty,
  setStaffPin: z.object({ currentPin: pin.optional(), newPin: pin }).strict(),
  startPatientMode: z.object({ intakeId: id }).strict(),
  exitPatientMode: z.object({ pin: z.string().max(8) }).strict(),
  confirmFlushed: empty,
  getClinicDetails: empty,
  setClinicDetails: clinicDetailsSchema,
  getPrivacyNotice: empty,
  setPrivacyNotice: privacyNoticeSchema,
  exportSummaryPdf: z.object({ id }).strict(),
  printSummary: z.object({ id }).strict(),
  exportDaySummaries: z.object({ date: calendarDate }).strict(),
  cancelDayExport: empty,
  getPdfSettings: empty,
  setPdfSettings: pdfSettingsSchema,
  exportFhir: z.union([
    z.object({ ids: z.array(id).min(1).max(200) }).strict(),
    z.object({ date: calendarDate }).strict()
  ])
}
