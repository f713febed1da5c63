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
import { AMENDMENT_MAX_CHANGES, AMENDMENT_REASON_MAX_LENGTH } from '../amendments'
import { NAME_MAX_LENGTH, SIGNATURE_MAX_LENGTH } from '../catalogue'
import type { IntakeAnswers } from '../types'
import { AUDIT_ACTIONS } from '../audit'
import {
  CONCERN_ORDER,
  FLAG_CONDITIONS,
  TRIAGE_DECISIONS,
  TRIAGE_NOTES_MAX_LENGTH
} from '../review'
import { MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT } from '../dataSafety'
import {
  MAX_IDLE_LOCK_MINUTES,
  MIN_IDLE_LOCK_MINUTES,
  STAFF_NAME_MAX_LENGTH,
  SECRET_MAX_LENGTH,
  STAFF_ROLES
} from '../staff'
import type { ApiArgs, ApiMethod } from './contract'

const id = z.string().uuid({ message: 'Not a valid record id.' })
/** The revision a write is based on (a draft starts at 1). */
const revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

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
/**
 * A name and secret as typed: only their size is checked here. The rules for
 * a new password or PIN (and the name's form) belong to the staff service,
 * which reports them field by field; a sign-in with a malformed name is just
 * a wrong sign-in.
 */
const staffName = z.string().max(STAFF_NAME_MAX_LENGTH * 4, { message: 'That name is too long.' })
const secret = z.string().max(SECRET_MAX_LENGTH * 4, { message: 'That is too long.' })
const credentials = z.object({ name: staffName, secret }).strict()
const staffRole = z.enum(STAFF_ROLES)

export const API_SCHEMAS: { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  getAppInfo: empty,
  createDraft: z
    .object({ answers: answersSchema, entryMode: z.enum(['staff', 'patient']) })
    .strict(),
  saveDraft: z.object({ id, revision, answers: answersSchema }).strict(),
  submitIntake: z.object({ id, revision, answers: answersSchema }).strict(),
  amendIntake: z
    .object({
      id,
      revision,
      changes: z
        .array(
          z
            .object({
              itemId: z.string().max(100),
              value: z.union([
                z.string().max(SIGNATURE_MAX_LENGTH),
                z.number(),
                z.boolean(),
                z.array(z.string().max(100)).max(100),
                z.null()
              ])
            })
            .strict()
        )
        .min(1, { message: 'Choose at least one answer to change.' })
        .max(AMENDMENT_MAX_CHANGES),
      reason: z.string().max(AMENDMENT_REASON_MAX_LENGTH * 4)
    })
    .strict(),
  findReturningPatients: z
    .object({
      givenName: z.string().max(NAME_MAX_LENGTH * 4),
      familyName: z.string().max(NAME_MAX_LENGTH * 4),
      dateOfBirth: z.string().max(40)
    })
    .strict(),
  startFollowUp: z.object({ patientId: id, entryMode: z.enum(['staff', 'patient']) }).strict(),
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
  createFirstAdministrator: credentials,
  signIn: credentials,
  signOut: z.object({ reason: z.enum(['sign-out', 'idle']) }).strict(),
  keepSignedIn: empty,
  changeOwnSecret: z.object({ currentSecret: secret, newSecret: secret }).strict(),
  listStaff: empty,
  addStaff: z.object({ name: staffName, role: staffRole, secret }).strict(),
  updateStaff: z
    .object({ id, role: staffRole.optional(), active: z.boolean().optional() })
    .strict(),
  resetStaffSecret: z.object({ id, secret }).strict(),
  getSecuritySettings: empty,
  setSecuritySettings: z
    .object({
      idleLockMinutes: z
        .number()
        .int({ message: 'Whole minutes, please.' })
        .min(MIN_IDLE_LOCK_MINUTES, {
          message: `At least ${MIN_IDLE_LOCK_MINUTES} minute.`
        })
        .max(MAX_IDLE_LOCK_MINUTES, {
          message: `At most ${MAX_IDLE_LOCK_MINUTES} minutes.`
        })
    })
    .strict(),
  startPatientMode: z.object({ intakeId: id }).strict(),
  exitPatientMode: credentials,
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
  ]),
  listAuditEvents: z
    .object({
      action: z.enum(AUDIT_ACTIONS).optional(),
      staffId: id.optional(),
      intakeId: id.optional(),
      fromDate: calendarDate.optional(),
      toDate: calendarDate.optional(),
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).optional()
    })
    .strict(),
  verifyAuditTrail: empty,
  getDataHealth: empty,
  runIntegrityCheck: empty,
  getBackupSettings: empty,
  setBackupSettings: z
    .object({
      folder: z.string().max(4096),
      keep: z
        .number()
        .int({ message: 'Whole backups, please.' })
        .min(MIN_BACKUPS_KEPT, { message: `Keep at least ${MIN_BACKUPS_KEPT} backup.` })
        .max(MAX_BACKUPS_KEPT, { message: `Keep at most ${MAX_BACKUPS_KEPT} backups.` }),
      daily: z.boolean()
    })
    .strict(),
  chooseBackupFolder: empty,
  backupNow: empty,
  listBackups: empty,
  // A plain file name inside the backup folder: no folders, no way out of it.
  listQueue: z
    .object({ fromDate: calendarDate.optional(), toDate: calendarDate.optional() })
    .strict(),
  searchIntakes: z
    .object({
      text: z.string().max(200).optional(),
      dateOfBirth: calendarDate.optional(),
      fromDate: calendarDate.optional(),
      toDate: calendarDate.optional(),
      concern: z.enum(CONCERN_ORDER).optional(),
      status: z.enum(['draft', 'submitted', 'reviewed']).optional(),
      decision: z.enum(TRIAGE_DECISIONS).optional(),
      limit: z.number().int().min(1).max(200).optional()
    })
    .strict(),
  recordTriage: z
    .object({
      intakeId: id,
      decision: z.enum(TRIAGE_DECISIONS),
      notes: z.string().max(TRIAGE_NOTES_MAX_LENGTH, {
        message: `Notes can be at most ${TRIAGE_NOTES_MAX_LENGTH} characters.`
      }),
      acknowledgedFlags: z.array(z.enum(FLAG_CONDITIONS)).max(FLAG_CONDITIONS.length),
      expectedVersion: z.number().int().min(0)
    })
    .strict(),
  restoreBackup: z
    .object({
      fileName: z
        .string()
        .max(255)
        .regex(/^[^/\\]+\.sqlite3$/, { message: 'Choose a backup from the list.' })
        .refine((name) => name !== '.' && name !== '..' && !name.startsWith('.'), {
          message: 'Choose a backup from the list.'
        })
    })
    .strict()
}
