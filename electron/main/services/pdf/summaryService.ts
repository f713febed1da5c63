/**
 * Exporting and printing PDF summaries: gathers what a summary is made from,
 * has the worker render it, and hands the bytes to the output (a save dialog
 * and an atomic write, the print dialog, a folder for a day's summaries).
 * The Electron dialogs and printing come in as plain functions
 * ({@link SummaryOutput}), so this runs and is tested without Electron, and
 * the web test transport can catch the bytes instead of showing a dialog.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { replaceCharacters } from '../../../../src/domain'
import type {
  DayExportFailure,
  DayExportProgress,
  DayExportResult,
  IntakeRecord,
  IntakeSummary,
  SummaryExportResult,
  SummaryPrintResult
} from '../../../../src/domain'
import type { IntakeService } from '../intakes/intakeService'
import { refuseDamaged, ServiceError } from '../serviceError'
import type { ClinicDetailsService } from '../settings/clinicDetailsService'
import type { PdfSettingsService } from '../settings/pdfSettingsService'
import type { SaveFile } from '../export/saveFile'
import { writeFileAtomic } from '../export/writeFileAtomic'
import type { SummaryRenderer } from './pdfWorkerClient'
import { intakeDate, localDay, patientFileName, type SummaryInput } from './summaryDocument'

/**
 * The few things only the desktop shell (or a test transport) can do beside
 * saving one file (which goes through the app's {@link SaveFile}).
 */
export interface SummaryOutput {
  /** Asks for the folder of a day's summaries; `null` when the dialog was closed. */
  chooseFolder(date: string): Promise<string | null>
  /** Shows the system print dialog for the document; false when cancelled or failed. */
  print(pdf: Uint8Array, title: string): Promise<boolean>
}

export interface SummaryServiceDeps {
  readonly intakes: IntakeService
  readonly clinicDetails: ClinicDetailsService
  readonly pdfSettings: PdfSettingsService
  readonly renderer: SummaryRenderer
  readonly output: SummaryOutput
  /** Saves one file where staff choose (the save dialog), atomically. */
  readonly saveFile: SaveFile
  readonly now?: () => Date
  /** Progress of a day's export, for the `dayExportProgress` event. */
  readonly onDayProgress?: (progress: DayExportProgress) => void
  /** How a file is written; atomic by default (tests inject failures here). */
  readonly writeFile?: (path: string, bytes: Uint8Array) => Promise<void>
}

export interface SummaryService {
  /** One intake's summary as PDF bytes, with the file name it is offered under. */
  render(id: string): Promise<{ bytes: Uint8Array; fileName: string }>
  exportOne(id: string): Promise<SummaryExportResult>
  print(id: string): Promise<SummaryPrintResult>
  exportDay(date: string): Promise<DayExportResult>
  cancelDayExport(): { cancelled: boolean }
}

/** Characters no common file system accepts in a name. */
const REFUSED_IN_NAME = new Set('<>:"/\\|?*'.split('').map((character) => character.charCodeAt(0)))

/**
 * What a summary's file name may not hold: refused characters, C0 controls,
 * DEL, and the bidirectional overrides that can fake an extension.
 */
function isUnsafeInName(code: number): boolean {
  return (
    code <= 0x1f ||
    code === 0x7f ||
    REFUSED_IN_NAME.has(code) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}
const MAX_NAME_LENGTH = 120

/**
 * The file name a summary is offered under: `2026-11-20 Okafor, Maya – intake.pdf`.
 * Characters a file system refuses are dropped and a very long name shortened.
 */
export function summaryFileName(record: IntakeRecord, timeZone?: string): string {
  const name = replaceCharacters(patientFileName(record.answers), isUnsafeInName, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const shortened = [...name].slice(0, MAX_NAME_LENGTH).join('').trim()
  return `${intakeDate(record, timeZone)} ${shortened || 'Unnamed'} – intake.pdf`
}

/** `name.pdf`, or `name (2).pdf` and so on when taken in the folder or in this run. */
function uniqueName(folder: string, name: string, used: Set<string>): string {
  const stem = name.replace(/\.pdf$/, '')
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n}).pdf`
    if (!used.has(candidate.toLowerCase()) && !existsSync(join(folder, candidate))) {
      used.add(candidate.toLowerCase())
      return candidate
    }
  }
}

function writeError(error: unknown): ServiceError {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission was refused'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'ENOENT'
          ? 'the folder no longer exists'
          : 'the file could not be written'
  return new ServiceError(
    'storage',
    `The PDF was not saved: ${reason}. Nothing was left half written.`,
    {
      cause: error
    }
  )
}

export function createSummaryService(deps: SummaryServiceDeps): SummaryService {
  const now = deps.now ?? (() => new Date())
  const writeFile = deps.writeFile ?? writeFileAtomic
  let dayExport: { cancelled: boolean } | null = null

  async function inputFor(record: IntakeRecord): Promise<SummaryInput> {
    const [clinic, settings] = await Promise.all([deps.clinicDetails.get(), deps.pdfSettings.get()])
    return { record, clinic, settings, generatedAt: now().toISOString() }
  }

  async function renderRecord(record: IntakeRecord): Promise<Uint8Array> {
    refuseDamaged(record)
    try {
      return await deps.renderer.render(await inputFor(record))
    } catch (error) {
      if (error instanceof ServiceError) throw error
      throw new ServiceError('internal', 'The PDF summary could not be made. Please try again.', {
        cause: error
      })
    }
  }

  async function render(id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
    const record = await deps.intakes.get(id)
    return { bytes: await renderRecord(record), fileName: summaryFileName(record) }
  }

  /** Submitted intakes of one local calendar day, newest first, read page by page. */
  async function submittedOn(date: string): Promise<IntakeSummary[]> {
    const found: IntakeSummary[] = []
    let cursor: string | undefined
    for (;;) {
      const page = await deps.intakes.list({
        status: 'submitted',
        limit: 200,
        ...(cursor ? { cursor } : {})
      })
      let older = false
      for (const item of page.items) {
        if (localDay(item.submittedAt ?? item.createdAt) === date) found.push(item)
        // The list is ordered by last change, and a submitted intake never changes
        // again: once one was last changed before the day, the rest were too.
        else if (localDay(item.updatedAt) < date) older = true
      }
      if (older || page.nextCursor === null) return found
      cursor = page.nextCursor
    }
  }

  return {
    render,

    async exportOne(id) {
      const { bytes, fileName } = await render(id)
      const outcome = await deps.saveFile({
        suggestedName: fileName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        contents: bytes
      })
      return outcome.saved
        ? { saved: true, fileName: outcome.fileName }
        : { saved: false, fileName }
    },

    async print(id) {
      const { bytes, fileName } = await render(id)
      return { printed: await deps.output.print(bytes, fileName.replace(/\.pdf$/, '')) }
    },

    async exportDay(date) {
      if (dayExport !== null) {
        throw new ServiceError('conflict', 'A day’s export is already running.')
      }
      const run = { cancelled: false }
      dayExport = run
      try {
        const items = await submittedOn(date)
        const folder = await deps.output.chooseFolder(date)
        const failed: DayExportFailure[] = []
        if (folder === null) {
          return { date, folder: null, total: items.length, written: 0, cancelled: false, failed }
        }
        const used = new Set<string>()
        let written = 0
        deps.onDayProgress?.({ date, done: 0, total: items.length })
        for (const [index, item] of items.entries()) {
          if (run.cancelled) break
          let fileName = `${date} intake.pdf`
          try {
            const record = await deps.intakes.get(item.id)
            fileName = uniqueName(folder, summaryFileName(record), used)
            const bytes = await renderRecord(record)
            // Cancel between files: a file is written whole or not at all.
            if (run.cancelled) break
            await writeFile(join(folder, fileName), bytes).catch((error: unknown) => {
              throw writeError(error)
            })
            written += 1
          } catch (error) {
            failed.push({
              id: item.id,
              fileName,
              message: error instanceof ServiceError ? error.message : 'The PDF could not be made.'
            })
          }
          deps.onDayProgress?.({ date, done: index + 1, total: items.length })
        }
        return { date, folder, total: items.length, written, cancelled: run.cancelled, failed }
      } finally {
        dayExport = null
      }
    },

    cancelDayExport() {
      if (dayExport === null) return { cancelled: false }
      dayExport.cancelled = true
      return { cancelled: true }
    }
  }
}
