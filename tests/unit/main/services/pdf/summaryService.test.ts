/**
 * Export and print without Electron: the service gathers the record, clinic
 * details and settings, has the renderer make the PDF, and hands it to the
 * saver, the printer or a folder, one whole file at a time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { SaveFile } from '../../../../../electron/main/services/export/saveFile'
import { createFolderSaveFile } from '../../../../../electron/main/services/export/saveFile'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import type { SummaryRenderer } from '../../../../../electron/main/services/pdf/pdfWorkerClient'
import {
  createSummaryService,
  summaryFileName,
  type SummaryOutput
} from '../../../../../electron/main/services/pdf/summaryService'
import type { SummaryInput } from '../../../../../electron/main/services/pdf/summaryDocument'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import {
  DEFAULT_PDF_SETTINGS,
  type DayExportProgress,
  type IntakeRecord
} from '../../../../../src/domain'
import { useTempDirs } from '../../support/tempDir'
import { CLINIC, caseRecord } from './summaryFixtures'

const tempDir = useTempDirs('summary-service')

function record(id: string, given: string, family: string, submittedAt: string): IntakeRecord {
  return {
    ...caseRecord('doms-routine', { 'patient.givenName': given, 'patient.familyName': family }),
    id,
    submittedAt,
    updatedAt: submittedAt,
    createdAt: submittedAt
  }
}

const RECORDS = [
  record('11111111-1111-4111-8111-111111111111', 'Maya', 'Okafor', '2026-11-20T15:00:00.000Z'),
  record('22222222-2222-4222-8222-222222222222', 'Tomás', 'García', '2026-11-20T11:00:00.000Z'),
  record('33333333-3333-4333-8333-333333333333', 'Maya', 'Okafor', '2026-11-20T09:00:00.000Z'),
  record('44444444-4444-4444-8444-444444444444', 'Li', 'Wei', '2026-11-19T16:00:00.000Z')
]

/** An intake service over fixed records, listed newest first one page of two at a time. */
function fakeIntakes(records: readonly IntakeRecord[]): IntakeService {
  const get = (id: string): Promise<IntakeRecord> => {
    const found = records.find((entry) => entry.id === id)
    return found
      ? Promise.resolve(found)
      : Promise.reject(new ServiceError('not-found', 'No such intake.'))
  }
  return {
    get,
    list: ({ cursor }) => {
      const start = cursor === undefined ? 0 : Number(cursor)
      const items = records.slice(start, start + 2).map((entry) => ({
        id: entry.id,
        status: entry.status,
        entryMode: 'staff' as const,
        givenName: null,
        familyName: null,
        dateOfBirth: null,
        concern: entry.evaluation.concern,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        submittedAt: entry.submittedAt
      }))
      return Promise.resolve({
        items,
        nextCursor: start + 2 < records.length ? String(start + 2) : null
      })
    }
  } as Pick<IntakeService, 'get' | 'list'> as IntakeService
}

/** A renderer that returns the patient's name as the "PDF", so tests can tell files apart. */
function fakeRenderer(): SummaryRenderer & { inputs: SummaryInput[] } {
  const inputs: SummaryInput[] = []
  return {
    inputs,
    render: (input) => {
      inputs.push(input)
      return Promise.resolve(
        new TextEncoder().encode(`%PDF-fake ${String(input.record.answers['patient.familyName'])}`)
      )
    },
    close: () => Promise.resolve()
  }
}

function service(options: {
  output?: Partial<SummaryOutput>
  saveFile?: SaveFile
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>
  onDayProgress?: (progress: DayExportProgress) => void
  renderer?: SummaryRenderer
}) {
  const renderer = options.renderer ?? fakeRenderer()
  return createSummaryService({
    intakes: fakeIntakes(RECORDS),
    clinicDetails: {
      get: () => Promise.resolve(CLINIC),
      set: () => Promise.reject(new Error('no'))
    },
    pdfSettings: {
      get: () => Promise.resolve(DEFAULT_PDF_SETTINGS),
      set: () => Promise.reject(new Error('no'))
    },
    renderer,
    output: {
      chooseFolder: options.output?.chooseFolder ?? (() => Promise.resolve(null)),
      print: options.output?.print ?? (() => Promise.resolve(true))
    },
    saveFile: options.saveFile ?? (() => Promise.resolve({ saved: false })),
    now: () => new Date('2026-11-20T16:00:00.000Z'),
    ...(options.writeFile ? { writeFile: options.writeFile } : {}),
    ...(options.onDayProgress ? { onDayProgress: options.onDayProgress } : {})
  })
}

describe('summaryFileName', () => {
  it('names the file by intake date and the name as a clinic files it', () => {
    expect(summaryFileName(RECORDS[0] as IntakeRecord, 'UTC')).toBe(
      '2026-11-20 Okafor, Maya – intake.pdf'
    )
  })

  it('drops characters a file system refuses and shortens a very long name', () => {
    const hostile = caseRecord('doms-routine', {
      'patient.givenName': '../../etc/passwd\u202E?',
      'patient.familyName': 'A:B*C|D"E<F>G\\H'
    })
    const name = summaryFileName(hostile, 'UTC')
    expect(name).toBe('2026-11-20 ABCDEFGH, ....etcpasswd – intake.pdf')
    expect(name).not.toMatch(/[/\\:*?"<>|\u202E]/)
  })
})

describe('createSummaryService', () => {
  it('exports one summary through the saver with the suggested name, as PDF', async () => {
    const folder = tempDir()
    const renderer = fakeRenderer()
    const result = await service({ saveFile: createFolderSaveFile(folder), renderer }).exportOne(
      RECORDS[0]?.id ?? ''
    )
    expect(result).toEqual({ saved: true, fileName: '2026-11-20 Okafor, Maya – intake.pdf' })
    expect(readFileSync(join(folder, result.fileName), 'utf8')).toBe('%PDF-fake Okafor')
    expect(renderer.inputs[0]).toMatchObject({
      clinic: CLINIC,
      settings: DEFAULT_PDF_SETTINGS,
      generatedAt: '2026-11-20T16:00:00.000Z'
    })
  })

  it('writes nothing when the save dialog is closed', async () => {
    const saveFile = vi.fn<SaveFile>(() => Promise.resolve({ saved: false }))
    const result = await service({ saveFile }).exportOne(RECORDS[1]?.id ?? '')
    expect(result).toEqual({ saved: false, fileName: '2026-11-20 García, Tomás – intake.pdf' })
    expect(saveFile.mock.calls[0]?.[0]).toMatchObject({
      suggestedName: '2026-11-20 García, Tomás – intake.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    })
  })

  it('prints the same document it exports', async () => {
    const printed: Array<{ pdf: string; title: string }> = []
    const result = await service({
      output: {
        print: (pdf, title) => {
          printed.push({ pdf: new TextDecoder().decode(pdf), title })
          return Promise.resolve(true)
        }
      }
    }).print(RECORDS[0]?.id ?? '')
    expect(result).toEqual({ printed: true })
    expect(printed).toEqual([
      { pdf: '%PDF-fake Okafor', title: '2026-11-20 Okafor, Maya – intake' }
    ])
  })

  it('reports a renderer failure as a plain message, never the stack', async () => {
    const failing: SummaryRenderer = {
      render: () => Promise.reject(new Error('layout exploded at LayoutBuilder.js:123')),
      close: () => Promise.resolve()
    }
    await expect(
      service({ renderer: failing }).exportOne(RECORDS[0]?.id ?? '')
    ).rejects.toMatchObject({
      code: 'internal',
      message: 'The PDF summary could not be made. Please try again.'
    })
  })

  it('exports a day: one file per intake submitted that day, names kept apart, progress told', async () => {
    const folder = tempDir()
    const progress: DayExportProgress[] = []
    const result = await service({
      output: { chooseFolder: () => Promise.resolve(folder) },
      onDayProgress: (step) => progress.push(step)
    }).exportDay('2026-11-20')
    expect(result).toMatchObject({
      date: '2026-11-20',
      folder,
      total: 3,
      written: 3,
      cancelled: false
    })
    expect(readdirSync(folder).sort()).toEqual([
      '2026-11-20 García, Tomás – intake.pdf',
      '2026-11-20 Okafor, Maya (2) – intake.pdf'.replace(' (2) – intake', ' – intake (2)'),
      '2026-11-20 Okafor, Maya – intake.pdf'
    ])
    expect(progress.map((step) => step.done)).toEqual([0, 1, 2, 3])
  })

  it('stops a day’s export between files when cancelled, keeping each written file whole', async () => {
    const folder = tempDir()
    let exporter: ReturnType<typeof service> | null = null
    exporter = service({
      output: { chooseFolder: () => Promise.resolve(folder) },
      onDayProgress: (step) => {
        if (step.done === 1) exporter?.cancelDayExport()
      }
    })
    const result = await exporter.exportDay('2026-11-20')
    expect(result).toMatchObject({ cancelled: true, written: 1, total: 3 })
    expect(readdirSync(folder)).toHaveLength(1)
    expect(exporter.cancelDayExport()).toEqual({ cancelled: false })
  })

  it('leaves no half file when a write fails, and says so for that file only', async () => {
    const folder = tempDir()
    let calls = 0
    const result = await service({
      output: { chooseFolder: () => Promise.resolve(folder) },
      writeFile: async (path, bytes) => {
        calls += 1
        if (calls === 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
        const { writeFileAtomic } =
          await import('../../../../../electron/main/services/export/writeFileAtomic')
        await writeFileAtomic(path, bytes)
      }
    }).exportDay('2026-11-20')
    expect(result.written).toBe(2)
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]?.message).toContain('the disk is full')
    expect(readdirSync(folder)).toHaveLength(2)
    expect(readdirSync(folder).some((file) => file.includes('partial'))).toBe(false)
  })

  it('writes nothing when the folder dialog is closed', async () => {
    const result = await service({}).exportDay('2026-11-20')
    expect(result).toMatchObject({ folder: null, written: 0, total: 3 })
  })

  it('finds nothing to export on a day without submissions', async () => {
    const folder = tempDir()
    const result = await service({
      output: { chooseFolder: () => Promise.resolve(folder) }
    }).exportDay('2026-11-21')
    expect(result).toMatchObject({ total: 0, written: 0 })
    expect(existsSync(folder)).toBe(true)
    expect(readdirSync(folder)).toEqual([])
  })
})
