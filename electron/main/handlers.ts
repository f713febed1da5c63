/**
 * The contract's handlers: each one hands plain data to a service, records
 * what the audit trail must know, and returns what it gets back. No SQL and
 * no clinical rules live here.
 */
import {
  roleIncludes,
  type AppInfo,
  type AuditAction,
  type AuditActor,
  type AuditEntryInput,
  type AuditPage,
  type AuditQuery,
  type AuditVerification,
  type BackupInfo,
  type BackupSettings,
  type DataHealth,
  type IntakeRecord,
  type IntakesChanged,
  type RestoreResult
} from '../../src/domain'
import type { ApiHandlers, CallContext } from './ipc'
import type { FhirExportService } from './services/export/fhirExportService'
import type { IntakeService } from './services/intakes/intakeService'
import type { QueueService } from './services/review/queueService'
import type { SearchService } from './services/review/searchService'
import type { TriageService } from './services/review/triageService'
import type { SessionService } from './services/session/sessionService'
import type { StaffAccounts } from './services/session/staffAccounts'
import type { ClinicDetailsService } from './services/settings/clinicDetailsService'
import type { PrivacyNoticeService } from './services/settings/privacyNoticeService'
import type { PdfSettingsService } from './services/settings/pdfSettingsService'
import type { SummaryService } from './services/pdf/summaryService'
import { ServiceError } from './services/serviceError'

/** What the handlers need of the audit trail. */
export interface AuditService {
  append(entry: AuditEntryInput): unknown
  list(query: AuditQuery): AuditPage
  verify(): AuditVerification
}

/** What the handlers need of the integrity checks and backups. */
export interface DataSafety {
  health(): DataHealth
  runCheckNow(): Promise<DataHealth>
  getSettings(): Promise<BackupSettings>
  setSettings(settings: BackupSettings): Promise<BackupSettings>
  chooseFolder(): Promise<{ folder: string | null }>
  backupNow(): Promise<BackupInfo>
  listBackups(): Promise<readonly BackupInfo[]>
  restore(fileName: string): Promise<RestoreResult>
}

export interface HandlerServices {
  readonly intakes: IntakeService
  readonly session: SessionService
  readonly accounts: StaffAccounts
  readonly clinicDetails: ClinicDetailsService
  readonly privacyNotice: PrivacyNoticeService
  readonly pdfSettings: PdfSettingsService
  readonly summaries: SummaryService
  readonly fhirExport: FhirExportService
  readonly audit: AuditService
  readonly dataSafety: DataSafety
  readonly triage: TriageService
  readonly queue: QueueService
  readonly search: SearchService
  readonly appInfo: AppInfo
  /** Told when the renderer has saved everything before its window closes. */
  readonly onFlushed?: () => void
  /** Told after an intake changed in a way staff screens show (pushed as `intakesChanged`). */
  readonly onIntakesChanged?: (change: IntakesChanged) => void
}

/** Who the audit trail names for a call. */
export function auditActorOf(context: CallContext): AuditActor {
  return context.staff
    ? { staffId: context.staff.id, name: context.staff.name, role: context.staff.role }
    : { staffId: null, name: null, role: context.role }
}

/**
 * A record as the caller may see it: the red-flag history (changed answers,
 * alerts raised) and the triage decisions are for staff only, so the
 * patient's own screen never learns that staff saw an alert, that an earlier
 * answer was kept, or what the clinician decided.
 */
function visibleTo(context: CallContext, record: IntakeRecord): IntakeRecord {
  return context.role === 'patient'
    ? { ...record, redFlagHistory: [], triage: [], amendments: [], visits: [] }
    : record
}

/** The red-flag history records who changed an answer as the patient or staff. */
function redFlagActorOf(context: CallContext): 'staff' | 'patient' {
  return context.role === 'patient' ? 'patient' : 'staff'
}

export function createHandlers({
  intakes,
  session,
  accounts,
  clinicDetails,
  privacyNotice,
  pdfSettings,
  summaries,
  fhirExport,
  audit,
  dataSafety,
  triage,
  queue: reviewQueue,
  search,
  appInfo,
  onFlushed = () => undefined,
  onIntakesChanged = () => undefined
}: HandlerServices) {
  const record = (
    context: CallContext,
    action: AuditAction,
    facts: { intakeId?: string | null; detail?: AuditEntryInput['detail'] } = {}
  ): void => {
    audit.append({ actor: auditActorOf(context), action, ...facts })
  }
  const settingChanged = (context: CallContext, setting: string): void =>
    record(context, 'settings-changed', { detail: { setting } })

  return {
    getAppInfo: () => Promise.resolve(appInfo),
    createDraft: async (args, context) => {
      const created = await intakes.createDraft(args, redFlagActorOf(context))
      record(context, 'intake-created', { intakeId: created.id })
      onIntakesChanged({
        intakeId: created.id,
        change: 'created',
        concern: created.evaluation.concern
      })
      return visibleTo(context, created)
    },
    saveDraft: async (args, context) => {
      const saved = await intakes.saveDraft(args, redFlagActorOf(context))
      onIntakesChanged({ intakeId: saved.id, change: 'saved', concern: saved.concern })
      return saved
    },
    submitIntake: async (args, context) => {
      const submitted = await intakes.submit(args, redFlagActorOf(context))
      record(context, 'intake-submitted', { intakeId: submitted.id })
      onIntakesChanged({
        intakeId: submitted.id,
        change: 'submitted',
        concern: submitted.evaluation.concern
      })
      return visibleTo(context, submitted)
    },
    amendIntake: async (input, context) => {
      // The amendment is attributed to the person signed in, never to a name the caller sends.
      const staff = context.staff
      if (staff === null) throw new ServiceError('forbidden', 'Sign in to amend a record.')
      const amended = await intakes.amend(input, staff)
      const latest = amended.amendments[amended.amendments.length - 1]
      record(context, 'intake-amended', {
        intakeId: amended.id,
        // Which items changed, never their values: the trail holds no answers.
        detail: {
          version: latest?.version ?? null,
          items: latest?.changes.map((change) => change.itemId).join(', ') ?? null
        }
      })
      onIntakesChanged({
        intakeId: amended.id,
        change: 'amended',
        concern: amended.evaluation.concern
      })
      return amended
    },
    findReturningPatients: (query) => intakes.findReturningPatients(query),
    startFollowUp: async (args, context) => {
      const staff = context.staff
      if (staff === null) throw new ServiceError('forbidden', 'Sign in to start a follow-up.')
      const created = await intakes.startFollowUp(args, staff)
      record(context, 'intake-created', { intakeId: created.id, detail: { followUp: true } })
      onIntakesChanged({
        intakeId: created.id,
        change: 'created',
        concern: created.evaluation.concern
      })
      return visibleTo(context, created)
    },
    getIntake: async ({ id }, context) => {
      const found = await intakes.get(id)
      // The front desk continues drafts; a submitted record is for clinicians.
      if (
        context.role !== 'patient' &&
        found.status === 'submitted' &&
        !roleIncludes(context.role, 'clinician')
      ) {
        throw new ServiceError(
          'forbidden',
          'This intake has been submitted. A clinician can open the full record.'
        )
      }
      if (context.role !== 'patient') record(context, 'intake-viewed', { intakeId: id })
      return visibleTo(context, found)
    },
    listIntakes: (query) => intakes.list(query),
    listUnfinished: () => intakes.listUnfinished(),
    listQueue: async (query, context) => {
      const queue = await reviewQueue.list(query)
      if (roleIncludes(context.role, 'clinician')) return queue
      // The front desk works from names, status and concern; the flags and the
      // decisions are clinical content.
      return {
        ...queue,
        items: queue.items.map((item) => ({ ...item, flags: [], triage: null }))
      }
    },
    // Clinicians only (the access table): search reaches the patient's own words.
    searchIntakes: (query) => search.search(query),
    discardDraft: async ({ id }, context) => {
      // Its concern goes with the event, so screens know which alert a discard ends.
      const { evaluation } = await intakes.get(id)
      await intakes.discardDraft(id)
      // Who discarded it and when; the answers themselves are gone.
      record(context, 'draft-discarded', { intakeId: id })
      onIntakesChanged({ intakeId: id, change: 'discarded', concern: evaluation.concern })
      return { id }
    },
    getSession: () => Promise.resolve(session.state()),
    createFirstAdministrator: (credentials) => session.createFirstAdministrator(credentials),
    signIn: (credentials) => session.signIn(credentials),
    signOut: ({ reason }) => Promise.resolve(session.signOut(reason)),
    keepSignedIn: () => Promise.resolve(session.keepSignedIn()),
    changeOwnSecret: async ({ currentSecret, newSecret }, context) => {
      const staff = context.staff
      if (staff === null) throw new ServiceError('forbidden', 'Sign in first.')
      // The current secret is checked like a sign-in: same lockout, same audit of failures.
      await accounts.verify({ name: staff.name, secret: currentSecret }).catch((error: unknown) => {
        record(context, 'sign-in-failed', { detail: { reason: 'change-secret' } })
        throw error
      })
      await accounts.setSecret(staff.id, newSecret)
      record(context, 'secret-changed', { detail: { staffId: staff.id } })
      return {}
    },
    listStaff: () => Promise.resolve(accounts.list()),
    addStaff: async (input, context) => {
      const added = await accounts.add(input)
      record(context, 'staff-added', { detail: { staffId: added.id, role: added.role } })
      return added
    },
    updateStaff: ({ id, ...changes }, context) => {
      if (context.staff?.id === id && (changes.active === false || changes.role !== undefined)) {
        throw new ServiceError(
          'conflict',
          'You cannot change your own role or turn off your own account. Ask another administrator.'
        )
      }
      const updated = accounts.update(id, changes)
      record(context, 'staff-changed', {
        detail: {
          staffId: id,
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.active !== undefined ? { active: changes.active } : {})
        }
      })
      return Promise.resolve(updated)
    },
    resetStaffSecret: async ({ id, secret }, context) => {
      const updated = await accounts.setSecret(id, secret)
      record(context, 'secret-changed', { detail: { staffId: id, by: 'administrator' } })
      return updated
    },
    getSecuritySettings: () => Promise.resolve(session.getSecuritySettings()),
    setSecuritySettings: async (settings, context) => {
      const stored = await session.setSecuritySettings(settings)
      settingChanged(context, 'idleLockMinutes')
      return stored
    },
    startPatientMode: ({ intakeId }) => session.startPatientMode(intakeId),
    exitPatientMode: (credentials) => session.exitPatientMode(credentials),
    confirmFlushed: () => {
      onFlushed()
      return Promise.resolve({})
    },
    getClinicDetails: () => clinicDetails.get(),
    setClinicDetails: async (details, context) => {
      const stored = await clinicDetails.set(details)
      settingChanged(context, 'clinicDetails')
      return stored
    },
    getPrivacyNotice: () => privacyNotice.get(),
    setPrivacyNotice: async (notice, context) => {
      const stored = await privacyNotice.set(notice)
      settingChanged(context, 'privacyNotice')
      return stored
    },
    exportSummaryPdf: async ({ id }, context) => {
      const result = await summaries.exportOne(id)
      // The file name holds the patient's name: the trail keeps the record's id instead.
      if (result.saved) record(context, 'pdf-exported', { intakeId: id })
      return result
    },
    printSummary: async ({ id }, context) => {
      const result = await summaries.print(id)
      if (result.printed) record(context, 'pdf-printed', { intakeId: id })
      return result
    },
    exportDaySummaries: async ({ date }, context) => {
      const result = await summaries.exportDay(date)
      if (result.written > 0) {
        record(context, 'day-pdfs-exported', {
          detail: { date, written: result.written, cancelled: result.cancelled }
        })
      }
      return result
    },
    cancelDayExport: () => Promise.resolve(summaries.cancelDayExport()),
    getPdfSettings: () => pdfSettings.get(),
    setPdfSettings: async (settings, context) => {
      const stored = await pdfSettings.set(settings)
      settingChanged(context, 'pdfSettings')
      return stored
    },
    exportFhir: async (args, context) => {
      const result =
        'date' in args
          ? await fhirExport.exportDay(args.date)
          : await fhirExport.exportIntakes(args.ids)
      if (result.saved) {
        const single = 'ids' in args && args.ids.length === 1 ? (args.ids[0] ?? null) : null
        record(context, 'fhir-exported', {
          intakeId: single,
          detail: { intakes: result.intakeCount, ...('date' in args ? { date: args.date } : {}) }
        })
      }
      return result
    },
    listAuditEvents: (query) => Promise.resolve(audit.list(query)),
    verifyAuditTrail: () => Promise.resolve(audit.verify()),
    getDataHealth: () => Promise.resolve(dataSafety.health()),
    runIntegrityCheck: async (_args, context) => {
      const health = await dataSafety.runCheckNow()
      record(context, 'integrity-checked', { detail: { result: health.integrity } })
      return health
    },
    getBackupSettings: () => dataSafety.getSettings(),
    setBackupSettings: async (settings, context) => {
      const stored = await dataSafety.setSettings(settings)
      settingChanged(context, 'backups')
      return stored
    },
    chooseBackupFolder: () => dataSafety.chooseFolder(),
    backupNow: async (_args, context) => {
      const backup = await dataSafety.backupNow()
      record(context, 'backup-created', { detail: { fileName: backup.fileName } })
      return backup
    },
    listBackups: () => dataSafety.listBackups(),
    recordTriage: async (input, context) => {
      // The decision is attributed to the person signed in, never to a name the caller sends.
      const staff = context.staff
      if (staff === null) throw new ServiceError('forbidden', 'Sign in to record a decision.')
      const recorded = await triage.record(input, staff)
      record(context, 'triage-recorded', {
        intakeId: input.intakeId,
        detail: { decision: recorded.added.decision, version: recorded.added.version }
      })
      onIntakesChanged({ intakeId: input.intakeId, change: 'reviewed', concern: recorded.concern })
      return recorded.versions
    },
    restoreBackup: async ({ fileName }, context) => {
      // Recorded before the restore: the database it goes into is the one being moved aside.
      record(context, 'backup-restored', { detail: { fileName } })
      return dataSafety.restore(fileName)
    }
  } satisfies ApiHandlers
}
