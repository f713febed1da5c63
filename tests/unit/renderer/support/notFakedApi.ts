/**
 * A `window.api` whose every method answers "not faked": the base of the
 * renderer stores' fakes, which override the methods their store uses. As it
 * implements the whole `AppApi`, a method added to the contract is a compile
 * error here, once, instead of in every store test.
 */
import type { ApiArgs, ApiMethod, AppApi, Result } from '../../../../src/domain'

export class NotFakedApi implements AppApi {
  /** Every method called that the fake does not implement, in order. */
  readonly notFakedCalls: ApiMethod[] = []

  constructor(private readonly store: string) {}

  protected notFaked<T>(method: ApiMethod): Promise<Result<T>> {
    this.notFakedCalls.push(method)
    return Promise.resolve({
      ok: false,
      error: { code: 'internal', message: `${method} is not used by ${this.store}` }
    })
  }

  /** No events in these tests: listening is allowed and hears nothing. */
  readonly on: AppApi['on'] = () => () => undefined

  getAppInfo(_args: ApiArgs<'getAppInfo'>): ReturnType<AppApi['getAppInfo']> {
    return this.notFaked('getAppInfo')
  }

  amendIntake(_args: ApiArgs<'amendIntake'>): ReturnType<AppApi['amendIntake']> {
    return this.notFaked('amendIntake')
  }

  findReturningPatients(
    _args: ApiArgs<'findReturningPatients'>
  ): ReturnType<AppApi['findReturningPatients']> {
    return this.notFaked('findReturningPatients')
  }

  startFollowUp(_args: ApiArgs<'startFollowUp'>): ReturnType<AppApi['startFollowUp']> {
    return this.notFaked('startFollowUp')
  }

  createDraft(_args: ApiArgs<'createDraft'>): ReturnType<AppApi['createDraft']> {
    return this.notFaked('createDraft')
  }

  saveDraft(_args: ApiArgs<'saveDraft'>): ReturnType<AppApi['saveDraft']> {
    return this.notFaked('saveDraft')
  }

  submitIntake(_args: ApiArgs<'submitIntake'>): ReturnType<AppApi['submitIntake']> {
    return this.notFaked('submitIntake')
  }

  getIntake(_args: ApiArgs<'getIntake'>): ReturnType<AppApi['getIntake']> {
    return this.notFaked('getIntake')
  }

  listIntakes(_args: ApiArgs<'listIntakes'>): ReturnType<AppApi['listIntakes']> {
    return this.notFaked('listIntakes')
  }

  listUnfinished(_args: ApiArgs<'listUnfinished'>): ReturnType<AppApi['listUnfinished']> {
    return this.notFaked('listUnfinished')
  }

  discardDraft(_args: ApiArgs<'discardDraft'>): ReturnType<AppApi['discardDraft']> {
    return this.notFaked('discardDraft')
  }

  listQueue(_args: ApiArgs<'listQueue'>): ReturnType<AppApi['listQueue']> {
    return this.notFaked('listQueue')
  }

  searchIntakes(_args: ApiArgs<'searchIntakes'>): ReturnType<AppApi['searchIntakes']> {
    return this.notFaked('searchIntakes')
  }

  getSession(_args: ApiArgs<'getSession'>): ReturnType<AppApi['getSession']> {
    return this.notFaked('getSession')
  }

  createFirstAdministrator(
    _args: ApiArgs<'createFirstAdministrator'>
  ): ReturnType<AppApi['createFirstAdministrator']> {
    return this.notFaked('createFirstAdministrator')
  }

  signIn(_args: ApiArgs<'signIn'>): ReturnType<AppApi['signIn']> {
    return this.notFaked('signIn')
  }

  signOut(_args: ApiArgs<'signOut'>): ReturnType<AppApi['signOut']> {
    return this.notFaked('signOut')
  }

  keepSignedIn(_args: ApiArgs<'keepSignedIn'>): ReturnType<AppApi['keepSignedIn']> {
    return this.notFaked('keepSignedIn')
  }

  changeOwnSecret(_args: ApiArgs<'changeOwnSecret'>): ReturnType<AppApi['changeOwnSecret']> {
    return this.notFaked('changeOwnSecret')
  }

  listStaff(_args: ApiArgs<'listStaff'>): ReturnType<AppApi['listStaff']> {
    return this.notFaked('listStaff')
  }

  addStaff(_args: ApiArgs<'addStaff'>): ReturnType<AppApi['addStaff']> {
    return this.notFaked('addStaff')
  }

  updateStaff(_args: ApiArgs<'updateStaff'>): ReturnType<AppApi['updateStaff']> {
    return this.notFaked('updateStaff')
  }

  resetStaffSecret(_args: ApiArgs<'resetStaffSecret'>): ReturnType<AppApi['resetStaffSecret']> {
    return this.notFaked('resetStaffSecret')
  }

  getSecuritySettings(
    _args: ApiArgs<'getSecuritySettings'>
  ): ReturnType<AppApi['getSecuritySettings']> {
    return this.notFaked('getSecuritySettings')
  }

  setSecuritySettings(
    _args: ApiArgs<'setSecuritySettings'>
  ): ReturnType<AppApi['setSecuritySettings']> {
    return this.notFaked('setSecuritySettings')
  }

  startPatientMode(_args: ApiArgs<'startPatientMode'>): ReturnType<AppApi['startPatientMode']> {
    return this.notFaked('startPatientMode')
  }

  exitPatientMode(_args: ApiArgs<'exitPatientMode'>): ReturnType<AppApi['exitPatientMode']> {
    return this.notFaked('exitPatientMode')
  }

  confirmFlushed(_args: ApiArgs<'confirmFlushed'>): ReturnType<AppApi['confirmFlushed']> {
    return this.notFaked('confirmFlushed')
  }

  getClinicDetails(_args: ApiArgs<'getClinicDetails'>): ReturnType<AppApi['getClinicDetails']> {
    return this.notFaked('getClinicDetails')
  }

  setClinicDetails(_args: ApiArgs<'setClinicDetails'>): ReturnType<AppApi['setClinicDetails']> {
    return this.notFaked('setClinicDetails')
  }

  getPrivacyNotice(_args: ApiArgs<'getPrivacyNotice'>): ReturnType<AppApi['getPrivacyNotice']> {
    return this.notFaked('getPrivacyNotice')
  }

  setPrivacyNotice(_args: ApiArgs<'setPrivacyNotice'>): ReturnType<AppApi['setPrivacyNotice']> {
    return this.notFaked('setPrivacyNotice')
  }

  exportSummaryPdf(_args: ApiArgs<'exportSummaryPdf'>): ReturnType<AppApi['exportSummaryPdf']> {
    return this.notFaked('exportSummaryPdf')
  }

  printSummary(_args: ApiArgs<'printSummary'>): ReturnType<AppApi['printSummary']> {
    return this.notFaked('printSummary')
  }

  exportDaySummaries(
    _args: ApiArgs<'exportDaySummaries'>
  ): ReturnType<AppApi['exportDaySummaries']> {
    return this.notFaked('exportDaySummaries')
  }

  cancelDayExport(_args: ApiArgs<'cancelDayExport'>): ReturnType<AppApi['cancelDayExport']> {
    return this.notFaked('cancelDayExport')
  }

  getPdfSettings(_args: ApiArgs<'getPdfSettings'>): ReturnType<AppApi['getPdfSettings']> {
    return this.notFaked('getPdfSettings')
  }

  setPdfSettings(_args: ApiArgs<'setPdfSettings'>): ReturnType<AppApi['setPdfSettings']> {
    return this.notFaked('setPdfSettings')
  }

  exportFhir(_args: ApiArgs<'exportFhir'>): ReturnType<AppApi['exportFhir']> {
    return this.notFaked('exportFhir')
  }

  listAuditEvents(_args: ApiArgs<'listAuditEvents'>): ReturnType<AppApi['listAuditEvents']> {
    return this.notFaked('listAuditEvents')
  }

  verifyAuditTrail(_args: ApiArgs<'verifyAuditTrail'>): ReturnType<AppApi['verifyAuditTrail']> {
    return this.notFaked('verifyAuditTrail')
  }

  getDataHealth(_args: ApiArgs<'getDataHealth'>): ReturnType<AppApi['getDataHealth']> {
    return this.notFaked('getDataHealth')
  }

  runIntegrityCheck(_args: ApiArgs<'runIntegrityCheck'>): ReturnType<AppApi['runIntegrityCheck']> {
    return this.notFaked('runIntegrityCheck')
  }

  getBackupSettings(_args: ApiArgs<'getBackupSettings'>): ReturnType<AppApi['getBackupSettings']> {
    return this.notFaked('getBackupSettings')
  }

  setBackupSettings(_args: ApiArgs<'setBackupSettings'>): ReturnType<AppApi['setBackupSettings']> {
    return this.notFaked('setBackupSettings')
  }

  chooseBackupFolder(
    _args: ApiArgs<'chooseBackupFolder'>
  ): ReturnType<AppApi['chooseBackupFolder']> {
    return this.notFaked('chooseBackupFolder')
  }

  backupNow(_args: ApiArgs<'backupNow'>): ReturnType<AppApi['backupNow']> {
    return this.notFaked('backupNow')
  }

  listBackups(_args: ApiArgs<'listBackups'>): ReturnType<AppApi['listBackups']> {
    return this.notFaked('listBackups')
  }

  restoreBackup(_args: ApiArgs<'restoreBackup'>): ReturnType<AppApi['restoreBackup']> {
    return this.notFaked('restoreBackup')
  }

  recordTriage(_args: ApiArgs<'recordTriage'>): ReturnType<AppApi['recordTriage']> {
    return this.notFaked('recordTriage')
  }
}
