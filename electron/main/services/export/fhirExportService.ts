/**
 * The FHIR R4 export: one intake, several, or a day's submitted intakes, as
 * one Bundle (src/domain/fhir) in a JSON file the user chooses. The mapping
 * is pure and lives in the domain; this service only gathers the records,
 * names the file and hands the bytes to the saver.
 */
import { randomUUID } from 'node:crypto'
import { todayIso, type FhirExportResult, type IntakeRecord } from '../../../../src/domain'
import { buildFhirBundle } from '../../../../src/domain/fhir'
import type { IntakeService } from '../intakes/intakeService'
import { refuseDamaged, ServiceError } from '../serviceError'
import { safeFileName } from './fileNames'
import type { SaveFile } from './saveFile'

export interface FhirExportService {
  /** The given intakes (drafts included, exported as in progress) in one bundle. */
  exportIntakes(ids: readonly string[]): Promise<FhirExportResult>
  /**
   * Every intake submitted on `date` (local calendar day) in one bundle.
   * A day with none is `not-found`, said before any dialog opens.
   */
  exportDay(date: string): Promise<FhirExportResult>
}

export interface FhirExportServiceOptions {
  readonly intakes: IntakeService
  readonly saveFile: SaveFile
  /** The clock: the bundle's timestamp and the date in a file name. */
  readonly now: () => Date
  /** Resource ids; random UUIDs by default. */
  readonly newId?: () => string
}

const EXTENSION = '.fhir.json'
const FILTERS = [{ name: 'FHIR JSON', extensions: ['json'] }] as const

/** The clinic's calendar day of an intake: submitted, or last changed while unfinished. */
function localDateOf(record: IntakeRecord): string {
  return todayIso(new Date(record.submittedAt ?? record.updatedAt))
}

function answerText(record: IntakeRecord, itemId: string): string {
  const value = record.answers[itemId]
  return typeof value === 'string' ? value.trim() : ''
}

/** `2026-11-20 Okafor, Maya – intake.fhir.json`, the PDF's name with the FHIR extension. */
export function fhirFileNameForIntake(record: IntakeRecord): string {
  const name = [answerText(record, 'patient.familyName'), answerText(record, 'patient.givenName')]
    .filter((part) => part !== '')
    .join(', ')
  return safeFileName(`${localDateOf(record)} ${name}${name ? ' – ' : ''}intake`, EXTENSION)
}

export function createFhirExportService(options: FhirExportServiceOptions): FhirExportService {
  const { intakes, saveFile, now } = options
  const newId = options.newId ?? randomUUID

  const save = async (
    records: readonly IntakeRecord[],
    suggestedName: string
  ): Promise<FhirExportResult> => {
    // Checked before any dialog opens: a damaged record stops the whole bundle.
    for (const record of records) refuseDamaged(record)
    const bundle = buildFhirBundle(records, { newId, generatedAt: now().toISOString() })
    const contents = new TextEncoder().encode(`${JSON.stringify(bundle, null, 2)}\n`)
    const outcome = await saveFile({ suggestedName, filters: FILTERS, contents })
    return {
      saved: outcome.saved,
      fileName: outcome.saved ? outcome.fileName : suggestedName,
      intakeCount: records.length
    }
  }

  return {
    async exportIntakes(ids) {
      const unique = [...new Set(ids)]
      if (unique.length === 0) {
        throw new ServiceError('invalid-argument', 'Choose at least one intake to export.')
      }
      // One after the other: a missing intake stops the export before any dialog opens.
      const records: IntakeRecord[] = []
      for (const id of unique) records.push(await intakes.get(id))
      const [first] = records
      const name =
        records.length === 1 && first !== undefined
          ? fhirFileNameForIntake(first)
          : safeFileName(`${todayIso(now())} ${records.length} intakes`, EXTENSION)
      return save(records, name)
    },

    async exportDay(date) {
      const summaries = await intakes.listSubmittedOn(date)
      if (summaries.length === 0) {
        throw new ServiceError('not-found', `No intake was submitted on ${date}.`)
      }
      const records: IntakeRecord[] = []
      for (const summary of summaries) records.push(await intakes.get(summary.id))
      return save(records, safeFileName(`${date} intakes`, EXTENSION))
    }
  }
}
