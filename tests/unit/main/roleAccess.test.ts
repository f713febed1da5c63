/**
 * Every contract method under every caller role, through the real app core
 * (SQLite in a temporary folder, the real dispatcher, handlers and services),
 * checked against a table written out here by hand. The table is not derived
 * from METHOD_ACCESS: a wrong entry there (a method opened to a role that
 * must not have it, or closed to one that needs it) fails this test.
 *
 * Where a role may call a method, the call is made with valid-looking
 * arguments and must succeed, or fail for the one other, typed reason its
 * arguments make certain (the first administrator already exists, there is
 * no such backup). Where it may not, the answer must be `forbidden`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_METHODS,
  type ApiArgs,
  type ApiMethod,
  type AppErrorCode,
  type CallerRole,
  type Credentials,
  type Result
} from '../../../src/domain'
import { createAppCore, type AppCore } from '../../../electron/main/appCore'
import { completeAnswers } from './support/sampleAnswers'
import {
  STAFF_CREDENTIALS,
  callOk,
  createStaff,
  signInAs,
  signOutAll
} from './support/staffSessions'

/** scrypt at the app's cost takes about a tenth of a second, and some calls sign in again. */
const SLOW = 120_000

const CALLER_ROLES = ['signed-out', 'patient', 'front-desk', 'clinician', 'administrator'] as const

/**
 * Who may call what, one column per caller role in the order of
 * {@link CALLER_ROLES}: `Y` may call it, `-` is refused as forbidden.
 *
 *                              signed-out
 *                              | patient
 *                              | | front-desk
 *                              | | | clinician
 *                              | | | | administrator
 */
const EXPECTED_ACCESS: Readonly<Record<string, string>> = {
  getAppInfo: '- - Y Y Y',
  createDraft: '- - Y Y Y',
  saveDraft: '- Y Y Y Y',
  submitIntake: '- Y Y Y Y',
  amendIntake: '- - - Y Y',
  findReturningPatients: '- - Y Y Y',
  startFollowUp: '- - Y Y Y',
  getIntake: '- Y Y Y Y',
  listIntakes: '- - Y Y Y',
  listUnfinished: '- - Y Y Y',
  discardDraft: '- - Y Y Y',
  listQueue: '- - Y Y Y',
  searchIntakes: '- - - Y Y',
  getSession: 'Y Y Y Y Y',
  createFirstAdministrator: 'Y - - - -',
  signIn: 'Y - - - -',
  signOut: '- - Y Y Y',
  keepSignedIn: '- - Y Y Y',
  changeOwnSecret: '- - Y Y Y',
  listStaff: '- - - - Y',
  addStaff: '- - - - Y',
  updateStaff: '- - - - Y',
  resetStaffSecret: '- - - - Y',
  getSecuritySettings: '- - Y Y Y',
  setSecuritySettings: '- - - - Y',
  startPatientMode: '- - Y Y Y',
  exitPatientMode: '- Y - - -',
  confirmFlushed: 'Y Y Y Y Y',
  getClinicDetails: '- Y Y Y Y',
  setClinicDetails: '- - - - Y',
  getPrivacyNotice: '- Y Y Y Y',
  setPrivacyNotice: '- - - - Y',
  exportSummaryPdf: '- - - Y Y',
  printSummary: '- - Y Y Y',
  exportDaySummaries: '- - - Y Y',
  cancelDayExport: '- - - Y Y',
  getPdfSettings: '- - Y Y Y',
  setPdfSettings: '- - - - Y',
  exportFhir: '- - - Y Y',
  listAuditEvents: '- - - - Y',
  verifyAuditTrail: '- - - - Y',
  getDataHealth: '- - Y Y Y',
  runIntegrityCheck: '- - - - Y',
  getBackupSettings: '- - - - Y',
  setBackupSettings: '- - - - Y',
  chooseBackupFolder: '- - - - Y',
  backupNow: '- - - - Y',
  listBackups: '- - - - Y',
  restoreBackup: '- - - - Y',
  recordTriage: '- - - Y Y'
}

/** Whether the table lets `role` call `method`; fails when the method has no row. */
function allowed(method: ApiMethod, role: CallerRole): boolean {
  const row = EXPECTED_ACCESS[method]
  if (row === undefined) throw new Error(`${method} has no row in EXPECTED_ACCESS`)
  const cells = row.split(' ')
  if (cells.length !== CALLER_ROLES.length || cells.some((cell) => cell !== 'Y' && cell !== '-')) {
    throw new Error(`the row of ${method} is malformed: "${row}"`)
  }
  return cells[CALLER_ROLES.indexOf(role as (typeof CALLER_ROLES)[number])] === 'Y'
}

/** What the arguments of a call may refer to. */
interface Fixture {
  /** A draft only this call uses; in patient mode, the intake the patient holds. */
  readonly draft: string
  /** That draft's revision now (the patient's may have been saved by an earlier call). */
  readonly draftRevision: number
  /** A submitted intake. */
  readonly submitted: string
  /** An account that is not any role's own, for the staff-management calls. */
  readonly spare: string
  /** The caller's own sign-in (a front-desk account's for callers with none). */
  readonly self: Credentials
  /** A folder outside the data folder, for the backup settings. */
  readonly backupFolder: string
  /** A number unique to this call, for names that must not repeat. */
  readonly serial: number
}

const TODAY = '2026-11-20'

/** Valid-looking arguments for every method: a gap here is a compile error. */
const ARGS: { readonly [M in ApiMethod]: (fixture: Fixture) => ApiArgs<M> } = {
  getAppInfo: () => ({}),
  createDraft: () => ({ answers: { 'patient.givenName': 'Maya' }, entryMode: 'staff' }),
  saveDraft: ({ draft, draftRevision }) => ({
    id: draft,
    revision: draftRevision,
    answers: { 'patient.givenName': 'Maya' }
  }),
  submitIntake: ({ draft, draftRevision }) => ({
    id: draft,
    revision: draftRevision,
    answers: completeAnswers()
  }),
  // Created, then submitted: revision 2. The new pain score differs from the one submitted.
  amendIntake: ({ submitted }) => ({
    id: submitted,
    revision: 2,
    changes: [{ itemId: 'pain.now', value: 1 }],
    reason: 'The patient corrected the score.'
  }),
  findReturningPatients: () => ({
    givenName: 'Maya',
    familyName: 'Okafor',
    dateOfBirth: '1990-04-12'
  }),
  // Nobody has this id: an allowed call can only be told so.
  startFollowUp: () => ({ patientId: '00000000-0000-4000-8000-000000000000', entryMode: 'staff' }),
  getIntake: ({ draft }) => ({ id: draft }),
  listIntakes: () => ({ status: 'draft', limit: 20 }),
  listUnfinished: () => ({}),
  discardDraft: ({ draft }) => ({ id: draft }),
  listQueue: () => ({ fromDate: TODAY, toDate: TODAY }),
  searchIntakes: () => ({ text: 'Maya deadlift', status: 'submitted', limit: 20 }),
  getSession: () => ({}),
  createFirstAdministrator: () => ({ name: 'Mallory Quinn', secret: 'a takeover attempt' }),
  signIn: () => STAFF_CREDENTIALS['front-desk'],
  signOut: () => ({ reason: 'sign-out' }),
  keepSignedIn: () => ({}),
  // The current secret again as the new one: allowed, and every later sign-in still works.
  changeOwnSecret: ({ self }) => ({ currentSecret: self.secret, newSecret: self.secret }),
  listStaff: () => ({}),
  addStaff: ({ serial }) => ({
    name: `New Starter ${serial}`,
    role: 'front-desk',
    secret: '805316'
  }),
  updateStaff: ({ spare }) => ({ id: spare, role: 'front-desk', active: true }),
  resetStaffSecret: ({ spare }) => ({ id: spare, secret: 'spare account secret' }),
  getSecuritySettings: () => ({}),
  setSecuritySettings: () => ({ idleLockMinutes: 5 }),
  startPatientMode: ({ draft }) => ({ intakeId: draft }),
  exitPatientMode: () => STAFF_CREDENTIALS['front-desk'],
  confirmFlushed: () => ({}),
  getClinicDetails: () => ({}),
  setClinicDetails: () => ({ name: 'Riverside Physiotherapy', address: '', phone: '' }),
  getPrivacyNotice: () => ({}),
  setPrivacyNotice: () => ({ en: '', zh: '', es: '' }),
  exportSummaryPdf: ({ submitted }) => ({ id: submitted }),
  printSummary: ({ submitted }) => ({ id: submitted }),
  exportDaySummaries: () => ({ date: TODAY }),
  cancelDayExport: () => ({}),
  getPdfSettings: () => ({}),
  setPdfSettings: () => ({ pageSize: 'A4', includeContactDetails: false }),
  exportFhir: ({ submitted }) => ({ ids: [submitted] }),
  listAuditEvents: () => ({ limit: 10 }),
  verifyAuditTrail: () => ({}),
  getDataHealth: () => ({}),
  runIntegrityCheck: () => ({}),
  getBackupSettings: () => ({}),
  setBackupSettings: ({ backupFolder }) => ({ folder: backupFolder, keep: 3, daily: false }),
  chooseBackupFolder: () => ({}),
  backupNow: () => ({}),
  listBackups: () => ({}),
  // The submitted intake raises no flag, so there is nothing to acknowledge; each role's core
  // is its own, so version 0 is the latest wherever the call is allowed.
  recordTriage: ({ submitted }) => ({
    intakeId: submitted,
    decision: 'proceed',
    notes: 'Seen; no concerns.',
    acknowledgedFlags: [],
    expectedVersion: 0
  }),
  // A backup name the folder does not hold: restoring it can only be refused.
  restoreBackup: () => ({ fileName: 'back-intake-2001-01-01-000000.sqlite3' })
}

/**
 * What an allowed call answers when it is not `ok`: a refusal for a reason
 * other than the role, which the arguments above make certain.
 */
const ALLOWED_OUTCOME: Partial<Record<ApiMethod, AppErrorCode>> = {
  // The accounts exist already.
  createFirstAdministrator: 'conflict',
  // No such backup in the folder.
  restoreBackup: 'not-found',
  // No such patient.
  startFollowUp: 'not-found'
}

/** A PDF worker that answers every request at once with a few bytes. */
const STUB_PDF_WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', (request) => {
  parentPort.postMessage({ id: request.id, ok: true, bytes: new Uint8Array([37, 80, 68, 70]) })
})
`

/** A core of its own, with one account per role, a spare account and a submitted intake. */
async function buildCore(dir: string): Promise<{
  core: AppCore
  spare: string
  submitted: string
  logged: { context: string; error: unknown }[]
}> {
  const workerFile = path.join(dir, 'stub-pdf-worker.mjs')
  fs.writeFileSync(workerFile, STUB_PDF_WORKER)
  const logged: { context: string; error: unknown }[] = []
  // A clock that stands still: no session locks itself while the test runs.
  const now = new Date('2026-11-20T10:00:00.000Z')
  const core = await createAppCore({
    dataDir: path.join(dir, 'data'),
    version: '0.0.0-roles',
    transport: 'web',
    now: () => now,
    pdf: { workerFile },
    saveFile: (request) =>
      Promise.resolve({
        saved: true,
        fileName: request.suggestedName,
        path: path.join(dir, request.suggestedName)
      }),
    summaryOutput: {
      chooseFolder: () => Promise.resolve(null),
      print: () => Promise.resolve(true)
    },
    chooseFolder: () => Promise.resolve(null),
    logError: (context, error) => logged.push({ context, error })
  })
  await createStaff(core.dispatch)
  const spare = await callOk(core.dispatch, 'addStaff', {
    name: 'Spare Account',
    role: 'front-desk',
    secret: '916402'
  })
  const { id: submitted } = await callOk(core.dispatch, 'createDraft', {
    answers: {},
    entryMode: 'staff'
  })
  await callOk(core.dispatch, 'submitIntake', {
    id: submitted,
    revision: 1,
    answers: completeAnswers()
  })
  return { core, spare: spare.id, submitted, logged }
}

/** Makes `role` the caller; patient mode starts on a fresh draft. Returns the patient's intake. */
async function become(core: AppCore, role: CallerRole): Promise<string | null> {
  const state = await callOk(core.dispatch, 'getSession', {})
  if (role === 'patient') {
    if (state.role === 'patient') return state.intakeId
    await signInAs(core.dispatch, 'front-desk')
    const { id } = await callOk(core.dispatch, 'createDraft', { answers: {}, entryMode: 'patient' })
    await callOk(core.dispatch, 'startPatientMode', { intakeId: id })
    return id
  }
  if (role === 'signed-out') await signOutAll(core.dispatch)
  else await signInAs(core.dispatch, role)
  return null
}

function outcomeOf(result: Result<unknown>): 'ok' | AppErrorCode {
  return result.ok ? 'ok' : result.error.code
}

describe('the expected-access table', () => {
  it('has one well-formed row for every contract method, and none for a method that does not exist', () => {
    for (const method of API_METHODS) {
      for (const role of CALLER_ROLES) expect(() => allowed(method, role)).not.toThrow()
    }
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual([...API_METHODS].sort())
  })

  it('fails for a method it does not know', () => {
    expect(() => allowed('noSuchMethod' as ApiMethod, 'administrator')).toThrow(/no row/)
  })
})

describe.each(CALLER_ROLES)('every method as %s', (role) => {
  let dir: string
  let built: Awaited<ReturnType<typeof buildCore>>

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `role-access-${role}-`))
    built = await buildCore(dir)
  }, SLOW)

  afterAll(() => {
    built.core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it(
    'answers forbidden exactly where the table says the role may not call the method',
    async () => {
      const { core, spare, submitted, logged } = built
      const backupFolder = path.join(dir, 'backups')
      fs.mkdirSync(backupFolder, { recursive: true })
      const mismatches: string[] = []
      const outcomes: Record<string, string> = {}
      let serial = 0
      // A draft of its own for each call, made before the role is taken up.
      await signInAs(core.dispatch, 'administrator')
      const drafts = new Map<ApiMethod, string>()
      for (const method of API_METHODS) {
        const { id } = await callOk(core.dispatch, 'createDraft', {
          answers: {},
          entryMode: 'staff'
        })
        drafts.set(method, id)
      }

      for (const method of API_METHODS) {
        const fresh = drafts.get(method) ?? ''
        // Taken up again before each call: signOut, startPatientMode and the like leave it.
        const locked = await become(core, role)
        const session = await callOk(core.dispatch, 'getSession', {})
        expect({ method, role: session.role }).toEqual({ method, role })

        const fixture: Fixture = {
          draft: locked ?? fresh,
          draftRevision:
            locked === null
              ? 1
              : (await callOk(core.dispatch, 'getIntake', { id: locked })).revision,
          submitted,
          spare,
          self:
            role === 'signed-out' || role === 'patient'
              ? STAFF_CREDENTIALS['front-desk']
              : STAFF_CREDENTIALS[role],
          backupFolder,
          serial: serial++
        }
        const makeArgs = ARGS[method] as (fixture: Fixture) => unknown
        const outcome = outcomeOf(await core.dispatch(method, makeArgs(fixture)))
        outcomes[method] = outcome

        const mayCall = allowed(method, role)
        const expected = ALLOWED_OUTCOME[method] ?? 'ok'
        if (mayCall && outcome !== expected) {
          mismatches.push(
            `${method}: the table allows ${role}; expected ${expected}, answered ${outcome}`
          )
        }
        if (!mayCall && outcome !== 'forbidden') {
          mismatches.push(`${method}: the table refuses ${role}, but the call answered ${outcome}`)
        }
      }

      expect(mismatches).toEqual([])
      expect(Object.keys(outcomes)).toEqual([...API_METHODS])
      // Nothing unexpected reached the log.
      expect(logged).toEqual([])
    },
    SLOW
  )
})

describe('intakes by role', () => {
  let dir: string
  let built: Awaited<ReturnType<typeof buildCore>>

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-access-intakes-'))
    built = await buildCore(dir)
  }, SLOW)

  afterAll(() => {
    built.core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it(
    'lets the front desk open a draft but not a submitted intake; clinicians open both',
    async () => {
      const { core, submitted } = built
      await signInAs(core.dispatch, 'front-desk')
      const { id: draft } = await callOk(core.dispatch, 'createDraft', {
        answers: {},
        entryMode: 'staff'
      })

      expect(outcomeOf(await core.dispatch('getIntake', { id: draft }))).toBe('ok')
      expect(outcomeOf(await core.dispatch('getIntake', { id: submitted }))).toBe('forbidden')
      // The front desk prints the summary for the consultation, but does not export it.
      expect(outcomeOf(await core.dispatch('printSummary', { id: submitted }))).toBe('ok')
      expect(outcomeOf(await core.dispatch('exportSummaryPdf', { id: submitted }))).toBe(
        'forbidden'
      )

      for (const role of ['clinician', 'administrator'] as const) {
        await signInAs(core.dispatch, role)
        expect({
          role,
          outcome: outcomeOf(await core.dispatch('getIntake', { id: submitted }))
        }).toEqual({
          role,
          outcome: 'ok'
        })
        expect(outcomeOf(await core.dispatch('getIntake', { id: draft }))).toBe('ok')
      }
    },
    SLOW
  )

  it(
    'keeps the patient to the intake handed over: another one is forbidden, read or written',
    async () => {
      const { core, submitted } = built
      await signInAs(core.dispatch, 'front-desk')
      const { id: other } = await callOk(core.dispatch, 'createDraft', {
        answers: { 'patient.givenName': 'Otherperson' },
        entryMode: 'staff'
      })
      const locked = await become(core, 'patient')
      if (locked === null) throw new Error('not in patient mode')

      for (const [method, args] of [
        ['getIntake', { id: other }],
        ['getIntake', { id: submitted }],
        ['saveDraft', { id: other, revision: 1, answers: { 'patient.givenName': 'Overwritten' } }],
        ['submitIntake', { id: other, revision: 1, answers: completeAnswers() }],
        ['discardDraft', { id: other }],
        ['startPatientMode', { intakeId: other }]
      ] as const) {
        const result = await core.dispatch(method, args)
        expect({ method, outcome: outcomeOf(result) }).toEqual({ method, outcome: 'forbidden' })
        expect(JSON.stringify(result)).not.toContain('Otherperson')
      }

      expect(outcomeOf(await core.dispatch('getIntake', { id: locked }))).toBe('ok')
      expect(
        outcomeOf(
          await core.dispatch('saveDraft', {
            id: locked,
            revision: 1,
            answers: { 'patient.givenName': 'Maya' }
          })
        )
      ).toBe('ok')

      await signInAs(core.dispatch, 'front-desk')
      const untouched = await callOk(core.dispatch, 'getIntake', { id: other })
      expect(untouched.answers['patient.givenName']).toBe('Otherperson')
      expect(untouched.status).toBe('draft')
    },
    SLOW
  )
})
