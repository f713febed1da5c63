/**
 * The FHIR export through the real app core (SQLite in a temporary folder,
 * the contract's dispatcher, the folder saver the web fixture uses): which
 * intakes a call exports, the file it writes, and what it refuses. A
 * clinician is signed in, and signed in again when a test moves the clock
 * past the idle lock.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Bundle, QuestionnaireResponse } from 'fhir/r4'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiArgs, ApiMethod, ApiResult, AppError } from '../../../../../src/domain'
import { createAppCore, type AppCore } from '../../../../../electron/main/appCore'
import {
  createFolderSaveFile,
  type SaveFile
} from '../../../../../electron/main/services/export/saveFile'
import { r4BundleProblems } from '../../../domain/fhir/r4Structure'
import { completeAnswers } from '../../support/sampleAnswers'
import { STAFF_CREDENTIALS, callOk, createStaff, signInAs } from '../../support/staffSessions'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('fhir-export')

let core: AppCore
let exportDir: string
/** The app's clock, set by each test: submissions land on the days a test needs. */
let clock = Date.parse('2026-11-20T10:00:00.000Z')
const savedTimeZone = process.env['TZ']

async function startCore(saveFile?: SaveFile): Promise<void> {
  const dataDir = tempDir()
  exportDir = path.join(dataDir, 'exports')
  core = await createAppCore({
    dataDir,
    version: '0.0.0-test',
    transport: 'web',
    now: () => new Date(clock),
    saveFile: saveFile ?? createFolderSaveFile(exportDir)
  })
  await signInClinician()
}

/** Creates the staff accounts and signs the clinician in. */
async function signInClinician(): Promise<void> {
  await createStaff(core.dispatch)
  await signInAs(core.dispatch, 'clinician')
}

/**
 * Signs the clinician in again when the clock a test set has gone past the
 * idle lock (the main process locks a session that has heard nothing).
 */
async function staySignedIn(): Promise<void> {
  const session = await callOk(core.dispatch, 'getSession', {})
  if (session.role === 'signed-out')
    await callOk(core.dispatch, 'signIn', STAFF_CREDENTIALS.clinician)
}

beforeEach(async () => {
  // The day's export is about the clinic's local day: run in a known zone.
  process.env['TZ'] = 'UTC'
  clock = Date.parse('2026-11-20T10:00:00.000Z')
  await startCore()
})

afterEach(() => {
  core.close()
  if (savedTimeZone === undefined) delete process.env['TZ']
  else process.env['TZ'] = savedTimeZone
})

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  await staySignedIn()
  return callOk(core.dispatch, method, args)
}

async function refusal(method: ApiMethod, args: unknown): Promise<AppError> {
  await staySignedIn()
  const result = await core.dispatch(method, args)
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`)
  return result.error
}

/** Submits an intake at `at` (ISO instant) and returns its id. */
async function submitAt(at: string, overrides: Parameters<typeof completeAnswers>[0] = {}) {
  clock = Date.parse(at)
  const { id } = await call('createDraft', { answers: {}, entryMode: 'staff' })
  await call('submitIntake', { id, revision: 1, answers: completeAnswers(overrides) })
  return id
}

function readBundle(fileName: string): Bundle {
  return JSON.parse(fs.readFileSync(path.join(exportDir, fileName), 'utf8')) as Bundle
}

function responsesOf(bundle: Bundle): QuestionnaireResponse[] {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is QuestionnaireResponse => {
      return resource?.resourceType === 'QuestionnaireResponse'
    })
}

describe('exportFhir for chosen intakes', () => {
  it('saves one intake as a sound bundle under the summary name', async () => {
    const id = await submitAt('2026-11-20T09:30:00.000Z', { 'rf.bladder': 'yes' })
    clock = Date.parse('2026-11-20T17:00:00.000Z')
    const result = await call('exportFhir', { ids: [id] })
    expect(result).toEqual({
      saved: true,
      fileName: '2026-11-20 Okafor, Maya – intake.fhir.json',
      intakeCount: 1
    })
    const bundle = readBundle(result.fileName)
    expect(r4BundleProblems(bundle)).toEqual([])
    expect(bundle.timestamp).toBe('2026-11-20T17:00:00.000Z')
    expect(responsesOf(bundle).map((response) => response.identifier?.value)).toEqual([id])
    const flags = (bundle.entry ?? []).filter((entry) => entry.resource?.resourceType === 'Flag')
    expect(flags).toHaveLength(1)
    // Nothing half written or temporary beside it.
    expect(fs.readdirSync(exportDir)).toEqual([result.fileName])
  })

  it('exports an unfinished intake as in progress', async () => {
    const { id } = await call('createDraft', {
      answers: { 'patient.givenName': 'Wei', 'patient.familyName': '张', 'pain.now': 4 },
      entryMode: 'staff'
    })
    const result = await call('exportFhir', { ids: [id] })
    expect(result.fileName).toBe('2026-11-20 张, Wei – intake.fhir.json')
    const [response] = responsesOf(readBundle(result.fileName))
    expect(response?.status).toBe('in-progress')
  })

  it('says so when the dialog is closed, and writes nothing', async () => {
    core.close()
    await startCore(() => Promise.resolve({ saved: false }))
    const id = await submitAt('2026-11-20T09:30:00.000Z')
    expect(await call('exportFhir', { ids: [id] })).toEqual({
      saved: false,
      fileName: '2026-11-20 Okafor, Maya – intake.fhir.json',
      intakeCount: 1
    })
    expect(fs.existsSync(exportDir)).toBe(false)
  })

  it('refuses an intake that does not exist, before any file is written', async () => {
    const error = await refusal('exportFhir', { ids: ['0b7e4a52-1c1f-4c53-9b1e-3f2d0c9a8e71'] })
    expect(error.code).toBe('not-found')
    expect(fs.existsSync(exportDir)).toBe(false)
  })

  it('refuses arguments that are neither ids nor a real day', async () => {
    for (const args of [
      {},
      { ids: [] },
      { ids: ['nope'] },
      { date: '2026-02-30' },
      { ids: [], date: '2026-11-20' }
    ]) {
      expect((await refusal('exportFhir', args)).code, JSON.stringify(args)).toBe(
        'invalid-argument'
      )
    }
  })

  it('is not available in patient mode', async () => {
    const id = await submitAt('2026-11-20T09:30:00.000Z')
    const { id: draft } = await call('createDraft', { answers: {}, entryMode: 'patient' })
    await call('startPatientMode', { intakeId: draft })
    expect((await refusal('exportFhir', { ids: [id] })).code).toBe('forbidden')
    expect((await refusal('exportFhir', { date: '2026-11-20' })).code).toBe('forbidden')
  })

  it('is for clinicians: the front desk is refused and nothing is written', async () => {
    const id = await submitAt('2026-11-20T09:30:00.000Z')
    await signInAs(core.dispatch, 'front-desk')
    expect((await refusal('exportFhir', { ids: [id] })).code).toBe('forbidden')
    expect((await refusal('exportFhir', { date: '2026-11-20' })).code).toBe('forbidden')
    expect(fs.existsSync(exportDir)).toBe(false)
  })
})

describe('exportFhir for a day', () => {
  it('exports the intakes submitted that day, oldest first, and nothing else', async () => {
    const before = await submitAt('2026-11-19T23:59:59.000Z', { 'patient.givenName': 'Before' })
    const first = await submitAt('2026-11-20T00:00:00.000Z', { 'patient.givenName': 'First' })
    const second = await submitAt('2026-11-20T16:45:00.000Z', {
      'patient.givenName': 'Second',
      'patient.familyName': 'Tanaka'
    })
    // A draft started that day is not a submitted intake.
    await call('createDraft', { answers: { 'patient.givenName': 'Draft' }, entryMode: 'staff' })
    const after = await submitAt('2026-11-21T00:00:00.000Z', { 'patient.givenName': 'After' })

    const result = await call('exportFhir', { date: '2026-11-20' })
    expect(result).toEqual({
      saved: true,
      fileName: '2026-11-20 intakes.fhir.json',
      intakeCount: 2
    })
    const bundle = readBundle(result.fileName)
    expect(r4BundleProblems(bundle)).toEqual([])
    const ids = responsesOf(bundle).map((response) => response.identifier?.value)
    expect(ids).toEqual([first, second])
    expect(ids).not.toContain(before)
    expect(ids).not.toContain(after)
    // Two people: two Patients (the same name with another given name is another person).
    const patients = (bundle.entry ?? []).filter(
      (entry) => entry.resource?.resourceType === 'Patient'
    )
    expect(patients).toHaveLength(2)
  })

  it('takes the day on the clinic clock, not in UTC', async () => {
    process.env['TZ'] = 'Pacific/Auckland'
    // 00:30 on 21 November in Auckland (UTC+13) is still 20 November in UTC.
    const id = await submitAt('2026-11-20T11:30:00.000Z')
    expect((await refusal('exportFhir', { date: '2026-11-20' })).code).toBe('not-found')
    const result = await call('exportFhir', { date: '2026-11-21' })
    expect(responsesOf(readBundle(result.fileName)).map((r) => r.identifier?.value)).toEqual([id])
  })

  it('says there is nothing to export before any dialog opens', async () => {
    let asked = false
    core.close()
    await startCore(() => {
      asked = true
      return Promise.resolve({ saved: false })
    })
    const error = await refusal('exportFhir', { date: '2026-11-20' })
    expect(error).toEqual({ code: 'not-found', message: 'No intake was submitted on 2026-11-20.' })
    expect(asked).toBe(false)
  })
})

describe('a core without a saver', () => {
  it('refuses to export with a plain message', async () => {
    core.close()
    const dataDir = tempDir()
    core = await createAppCore({
      dataDir,
      version: '0',
      transport: 'web',
      now: () => new Date(clock)
    })
    await signInClinician()
    const id = await submitAt('2026-11-20T09:30:00.000Z')
    expect(await refusal('exportFhir', { ids: [id] })).toEqual({
      code: 'internal',
      message: 'Saving files is not available here.'
    })
  })
})
