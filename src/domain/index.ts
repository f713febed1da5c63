/**
 * The clinical domain: pure TypeScript shared by the main process and the
 * renderer. No DOM, no Node, no Electron, no Vue.
 */
export * from './types'
export * from './records'
export * from './errors'
export * from './catalogue'
export * from './dates'
export * from './validateAnswers'
export * from './scoring'
export * from './evaluateIntake'
export * from './ipc/contract'
export * from './signaturePath'
export * from './clinicDetails'
export * from './privacyNotice'
export * from './clinicianText'
export * from './redFlagHistory'
export * from './pdfSettings'
export * from './summaryExport'
export * from './controlCharacters'
export * from './staff'
export * from './audit'
export * from './dataSafety'
