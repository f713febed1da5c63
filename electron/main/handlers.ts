/**
 * The contract's handlers: each one hands plain data to a service and returns
 * what it gets back. No SQL and no clinical rules live here.
 */
import type { AppInfo } from '../../src/domain'
import type { ApiHandlers } from './ipc'
import type { IntakeService } from './services/intakes/intakeService'
import type { SessionService } from './services/session/sessionService'
import type { ClinicDetailsService } from './services/settings/clinicDetailsService'

export interface HandlerServices {
  readonly intakes: IntakeService
  readonly session: SessionService
  readonly clinicDetails: ClinicDetailsService
  readonly appInfo: AppInfo
}

export function createHandlers({ intakes, session, clinicDetails, appInfo }: HandlerServices) {
  return {
    getAppInfo: () => Promise.resolve(appInfo),
    createDraft: (args) => intakes.createDraft(args),
    saveDraft: (args) => intakes.saveDraft(args),
    submitIntake: (args) => intakes.submit(args),
    getIntake: ({ id }) => intakes.get(id),
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
    getClinicDetails: () => clinicDetails.get(),
    setClinicDetails: (details) => clinicDetails.set(details)
  } satisfies ApiHandlers
}
