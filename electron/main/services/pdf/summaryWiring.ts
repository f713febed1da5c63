/**
 * The PDF summary's services wired together for the app core: the settings
 * service, the worker-backed renderer and the export/print service. Kept out
 * of appCore.ts so the core only passes in what the shell provides.
 */
import { Worker } from 'node:worker_threads'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiEvents } from '../../../../src/domain'
import type { SaveFile } from '../export/saveFile'
import type { IntakeService } from '../intakes/intakeService'
import { ServiceError } from '../serviceError'
import type { ClinicDetailsService } from '../settings/clinicDetailsService'
import { createPdfSettingsService, type PdfSettingsService } from '../settings/pdfSettingsService'
import type { SettingsStore } from '../settings/settingsStore'
import { createWorkerRenderer, type SummaryRenderer } from './pdfWorkerClient'
import { createSummaryService, type SummaryOutput, type SummaryService } from './summaryService'
import type { WorkerSetup } from './workerProtocol'

/**
 * The checkout (or unpacked build) this module runs from. In source it sits in
 * electron/main/services/pdf, in the build it is bundled into out/main/index.js:
 * the root is what comes before the last `out` or `electron` folder.
 */
function appRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const parts = here.split(/[\\/]/)
  const outAt = parts.lastIndexOf('out')
  const electronAt = parts.lastIndexOf('electron')
  const cut = outAt >= 0 ? outAt : electronAt >= 0 ? electronAt : parts.length
  return resolve(parts.slice(0, cut).join('/') || '/')
}

export interface SummaryWiringOptions {
  readonly intakes: IntakeService
  readonly settings: SettingsStore
  readonly clinicDetails: ClinicDetailsService
  readonly saveFile: SaveFile
  readonly output?: SummaryOutput
  readonly now: () => Date
  /** Pushes an event to the renderer (the day export's progress). */
  readonly emit?: <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void
  /** resources/fonts of the app; the checkout's own by default. */
  readonly fontDir?: string
  /** The built worker (out/main/pdfWorker.js); the checkout's build by default. */
  readonly workerFile?: string
}

/** Without a shell to print or pick a folder (unit tests of other features), those calls are refused. */
const NO_OUTPUT: SummaryOutput = {
  chooseFolder: () =>
    Promise.reject(new ServiceError('internal', 'Choosing a folder is not available here.')),
  print: () => Promise.reject(new ServiceError('internal', 'Printing is not available here.'))
}

export interface SummaryWiring {
  readonly pdfSettings: PdfSettingsService
  readonly summaries: SummaryService
  readonly renderer: SummaryRenderer
}

/** Builds the PDF services; the worker starts with the first summary. */
export function wireSummaries(options: SummaryWiringOptions): SummaryWiring {
  const root = appRoot()
  const setup: WorkerSetup = { fontDir: options.fontDir ?? join(root, 'resources', 'fonts') }
  const workerFile = options.workerFile ?? join(root, 'out', 'main', 'pdfWorker.js')
  const renderer = createWorkerRenderer({
    spawn: () => new Worker(workerFile, { workerData: setup })
  })
  const pdfSettings = createPdfSettingsService(options.settings)
  const summaries = createSummaryService({
    intakes: options.intakes,
    clinicDetails: options.clinicDetails,
    pdfSettings,
    renderer,
    output: options.output ?? NO_OUTPUT,
    saveFile: options.saveFile,
    now: options.now,
    onDayProgress: (progress) => options.emit?.('dayExportProgress', progress)
  })
  return { pdfSettings, summaries, renderer }
}
