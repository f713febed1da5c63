/**
 * The contract's handlers: each one hands plain data to a service and returns
 * what it gets back. No SQL and no clinical rules live here.
 */
import type { AppInfo, IntakeRecord } from '../../src/domain'
import type { ApiHandlers, CallContext } from './ipc'
import type { FhirExportService } from './services/export/fhirExportService'
import type { IntakeService } from './services/intakes/intakeService'
import type { SessionService } from './services/session/sessionService'
import type { ClinicDetailsService } from './services/settings/clinicDetailsService'
import type { PrivacyNoticeService } from './services/settings/privacyNoticeService'
import type { PdfSettingsService } from './services/settings/pdfSettingsService'
import type { SummaryService } from './services/pdf/summaryService'

export interface HandlerServices {
  readonly intakes: IntakeService
  readonly session: SessionService
  readonly clinicDetails: ClinicDetailsService
  readonly privacyNotice: PrivacyNoticeService
  readonly pdfSettings: PdfSettingsService
  readonly summaries: SummaryService
  readonly fhirExport: FhirExportService
  readonly appInfo: AppInfo
  /** Told when the renderer has saved everything before its window closes. */
  readonly onFlushed?: () => void
}

/**
 * A record as the caller may see it: the red-flag history (changed answers,
 * alerts raised) is for staff only, so the patient's own screen never learns
 * that staff saw an alert or that an earlier answer was kept.
 */
function visibleTo(context: CallContext, record: IntakeRecord): IntakeRecord {
  return context.role === 'staff' ? record : { ...record, redFlagHistory: [] }
}

export function createHandlers({
  intakes,
  session,
  clinicDetails,
  privacyNotice,
  pdfSettings,
  summaries,
  fhirExport,
  appInfo,
  onFlushed = () => undefined
}: HandlerServices) {
  return {
    getAppInfo: () => Promise.resolve(appInfo),
    // The caller's role is who the red-flag history says made each change.
    createDraft: async (args, context) =>
      visibleTo(context, await intakes.createDraft(args, context.role)),
    saveDraft: (args, context) => intakes.saveDraft(args, context.role),
    submitIntake: async (args, context) =>
      visibleTo(context, await intakes.submit(args, context.role)),
    getIntake: async ({ id }, context) => visibleTo(context, await intakes.get(id)),
    listIntakes: (query) => intakes.list(query),
    listUnfinished: () => intakes.listUnfinished(),
    discardDraft: async ({ id }) => {
      await intakes.discardDraft(id)
      return { id }
    },
    getSession: () => session.state(),
    setStaffPin: (args) => session.setStaffPin(args),
    startPatientMode: ({ intakeId }) => session.startPatientMode(intakeId),
    exitPatientMode: ({ pin }) => session.exitPatientMode(pin),
    confirmFlushed: () => {
      onFlushed()
      return Promise.resolve({})
    },
    getClinicDetails: () => clinicDetails.get(),
    setClinicDetails: (details) => clinicDetails.set(details),
    getPrivacyNotice: () => privacyNotice.get(),
    setPrivacyNotice: (notice) => privacyNotice.set(notice),
    exportSummaryPdf: ({ id }) => summaries.exportOne(id),
    printSummary: ({ id }) => summaries.print(id),
    exportDaySummaries: ({ date }) => summaries.exportDay(date),
    cancelDayExport: () => Promise.resolve(summaries.cancelDayExport()),
    getPdfSettings: () => pdfSettings.get(),
    setPdfSettings: (settings) => pdfSettings.set(settings),
    exportFhir: (args) =>
      'date' in args ? fhirExport.exportDay(args.date) : fhirExport.exportIntakes(args.ids)
  } satisfies ApiHandlers
}
