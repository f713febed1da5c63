/**
 * IPC fuzzing through the real app core (SQLite in a temp folder, the real
 * dispatcher, handlers and services): for every contract method, as staff and
 * as a patient, random payloads — near-valid ones, arbitrary nested data,
 * oversized lists, strings and objects, prototype-pollution keys, lone
 * surrogates, deep nesting and cycles. Every call must come back, as `ok` or
 * as a typed error with a known code and a bounded size; no unexpected error
 * may reach the log; and a refused call must leave the records unchanged.
 *
 * The only stand-in is the PDF worker: a stub that answers every request with
 * a few bytes, so the export and print methods run their whole path in
 * milliseconds instead of laying out a PDF (the real worker has its own tests).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_METHODS,
  CATALOGUE,
  type ApiMethod,
  type AppErrorCode,
  type CatalogueItem,
  type Result,
  type ValidationIssue
} from '../../../src/domain'
import { createAppCore, type AppCore } from '../../../electron/main/appCore'
import { MAX_ISSUES, PayloadRefusedError } from '../../../electron/main/ipc'
import { largestAnswers } from './support/largestIntake'
import { completeAnswers } from './support/sampleAnswers'

/**
 * At least 1,000 payloads per method and role, as issue 9 asks. The whole file
 * (48,000 calls) takes about 20 s on two cores; see the note at the end.
 */
const RUNS_PER_METHOD = 1000
const PIN = '86420931'

/** Exhaustive by type: a code added to the contract must be added here. */
const ERROR_CODES: Readonly<Record<AppErrorCode, true>> = {
  'invalid-argument': true,
  'not-found': true,
  conflict: true,
  forbidden: true,
  storage: true,
  internal: true
}
const ISSUE_CODES: Readonly<Record<ValidationIssue['code'], true>> = {
  'not-an-object': true,
  'unknown-item': true,
  'wrong-type': true,
  'unknown-code': true,
  'duplicate-code': true,
  'out-of-range': true,
  'invalid-date': true,
  'future-date': true,
  'birth-in-future': true,
  'age-out-of-range': true,
  'before-birth': true,
  'too-long': true,
  'invalid-email': true,
  'invalid-signature': true,
  'age-band-above-age': true,
  required: true,
  'must-be-true': true
}

// ---------------------------------------------------------------------------
// Payloads

/** An object with exactly these own, enumerable keys: `__proto__` included, as JSON.parse would make it. */
function objectFrom(
  entries: readonly (readonly [string, unknown])[],
  nullPrototype = false
): Record<string, unknown> {
  const target: Record<string, unknown> = nullPrototype
    ? (Object.create(null) as Record<string, unknown>)
    : {}
  for (const [key, value] of entries) {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return target
}

const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__'
]
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00z', '😀\uD83D']
/** Every key any method's arguments know, so near-valid payloads mix them up. */
const CONTRACT_KEYS = [
  'id',
  'answers',
  'entryMode',
  'intakeId',
  'pin',
  'currentPin',
  'newPin',
  'status',
  'search',
  'limit',
  'cursor',
  'name',
  'address',
  'phone',
  'en',
  'zh',
  'es',
  'date',
  'ids',
  'pageSize',
  'includeContactDetails'
]

/** Built once and reused: generating these per run would dominate the run time. */
const BIG = {
  overIntakeCap: 'x'.repeat(1_000_001),
  overDefaultCap: 'y'.repeat(200_001),
  overSignature: 'M 1 2 L 3 4 '.repeat(20_000),
  overText: 'z'.repeat(2001),
  qualityList: Array.from({ length: 123_435 }, (_, i) => `quality-${i}`),
  longCodeList: Array.from({ length: 300 }, () => 'sharp'),
  sparseList: Object.assign([], { length: 1_000_000 }) as unknown[],
  wideObject: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
  justOverKeys: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`unknown.${i}`, i])),
  deep: (() => {
    let nested: unknown = 'bottom'
    for (let level = 0; level < 60; level++) nested = { [`level${level}`]: [nested] }
    return nested
  })(),
  cyclic: (() => {
    const cyclic: Record<string, unknown> = { id: '5b0d7c1e-2f43-4c8e-9a61-3e2f1d0c9b8a' }
    cyclic['answers'] = cyclic
    return cyclic
  })(),
  pollutedJson: JSON.parse(
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'
  ) as unknown,
  binary: new Uint8Array(5_000_000)
}

const weirdString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...LONE_SURROGATES),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...LONE_SURROGATES), fc.string())
    .map(([before, lone, after]) => `${before}${lone}${after}`),
  fc.constantFrom(BIG.overIntakeCap, BIG.overDefaultCap, BIG.overSignature, BIG.overText, ''),
  fc.constantFrom(...CATALOGUE.map((entry) => entry.id)),
  fc.uuid()
)

const keyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS),
  fc.constantFrom(...CONTRACT_KEYS),
  fc.constantFrom(...CATALOGUE.map((entry) => entry.id)),
  weirdString
)

const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  weirdString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date(),
  fc.constantFrom<unknown>(
    new Map([['id', 'x']]),
    new Set([1]),
    /regex/,
    new Error('sent as data'),
    BIG.binary,
    Symbol('not cloneable'),
    () => 'not cloneable'
  )
)

/** Arbitrary nested data: lists and objects (some without a prototype) down to about 12 levels. */
const { value: anyValue } = fc.letrec<{ value: unknown; list: unknown[]; object: unknown }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 12 }, leafArb, tie('list'), tie('object')),
    list: fc.array(tie('value'), { maxLength: 6 }),
    object: fc
      .tuple(fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 6 }), fc.boolean())
      .map(([entries, bare]) => objectFrom(entries, bare))
  })
)

const oversizedArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  BIG.qualityList,
  BIG.longCodeList,
  BIG.sparseList,
  BIG.wideObject,
  BIG.justOverKeys,
  BIG.deep,
  BIG.cyclic,
  BIG.pollutedJson,
  BIG.overIntakeCap,
  BIG.overDefaultCap
)

function answerValueArb(entry: CatalogueItem): fc.Arbitrary<unknown> {
  const codes = (entry.codes ?? []).map((option) => option.code)
  switch (entry.type) {
    case 'text':
      return fc.oneof(fc.string({ maxLength: 30 }), weirdString)
    case 'date':
      return fc.oneof(
        fc.constantFrom('1990-04-23', '2026-02-29', '2024-02-29', '0000-01-01'),
        weirdString
      )
    case 'choice':
    case 'ynu':
      return fc.oneof(fc.constantFrom(...codes), weirdString)
    case 'multi':
      return fc.oneof(
        fc.subarray(codes),
        fc.array(fc.oneof(fc.constantFrom(...codes), leafArb), { maxLength: 30 }),
        oversizedArb
      )
    case 'scale':
      return fc.oneof(fc.integer({ min: -1, max: 11 }), leafArb)
    case 'boolean':
      return fc.oneof(fc.boolean(), leafArb)
  }
}

/** A value the item accepts under the draft rules. */
function validAnswerArb(entry: CatalogueItem): fc.Arbitrary<unknown> {
  const codes = (entry.codes ?? []).map((option) => option.code)
  switch (entry.type) {
    case 'text':
      return entry.id === 'consent.signature'
        ? fc.constant('M 10 10 L 20 20')
        : entry.id === 'patient.email'
          ? fc.constant('maya@example.org')
          : fc.string({ minLength: 1, maxLength: 30 })
    case 'date':
      return fc.constantFrom('1990-04-23', '2024-02-29')
    case 'choice':
    case 'ynu':
      return fc.constantFrom(...codes)
    case 'multi':
      return fc.subarray(codes)
    case 'scale':
      return fc.integer({ min: 0, max: 10 })
    case 'boolean':
      return fc.boolean()
  }
}

const validAnswersArb: fc.Arbitrary<unknown> = fc
  .subarray([...CATALOGUE], { maxLength: 12 })
  .chain((entries) =>
    fc
      .tuple(...entries.map(validAnswerArb))
      .map((values) => objectFrom(entries.map((entry, index) => [entry.id, values[index]])))
  )

const answersArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validAnswersArb, weight: 3 },
  fc
    .tuple(
      fc
        .subarray([...CATALOGUE], { maxLength: 12 })
        .chain((entries) =>
          fc
            .tuple(...entries.map(answerValueArb))
            .map((values) => entries.map((entry, index) => [entry.id, values[index]] as const))
        ),
      fc.array(fc.tuple(keyArb, anyValue), { maxLength: 3 })
    )
    .map(([known, extra]) => objectFrom([...known, ...extra])),
  fc.constantFrom<unknown>({}, completeAnswers(), largestAnswers()),
  oversizedArb,
  anyValue
)

/** One field of a method's arguments: plausible values most of the time, anything otherwise. */
function fieldArb(key: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  const idArb = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 4 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: weirdString, weight: 1 }
  )
  switch (key) {
    case 'id':
    case 'intakeId':
      return idArb
    case 'answers':
      return answersArb
    case 'entryMode':
      return fc.oneof(fc.constantFrom('staff', 'patient'), leafArb)
    case 'pin':
    case 'currentPin':
    case 'newPin':
      return fc.oneof(fc.stringMatching(/^\d{4,8}$/), leafArb)
    case 'status':
      return fc.oneof(fc.constantFrom('draft', 'submitted'), leafArb)
    case 'limit':
      return fc.oneof(fc.integer({ min: -5, max: 300 }), leafArb)
    case 'date':
      return fc.oneof(fc.constantFrom('2026-11-20', '2026-02-30', 'today'), leafArb)
    case 'ids':
      return fc.oneof(fc.array(idArb, { maxLength: 5 }), oversizedArb, anyValue)
    case 'pageSize':
      return fc.oneof(fc.constantFrom('A4', 'LETTER', 'a4'), leafArb)
    case 'includeContactDetails':
      return fc.oneof(fc.boolean(), leafArb)
    default:
      return fc.oneof(weirdString, leafArb)
  }
}

/** The keys of each method's arguments (the contract's shape, not its rules). */
const METHOD_KEYS: Readonly<Record<ApiMethod, readonly string[]>> = {
  getAppInfo: [],
  createDraft: ['answers', 'entryMode'],
  saveDraft: ['id', 'answers'],
  submitIntake: ['id', 'answers'],
  getIntake: ['id'],
  listIntakes: ['status', 'search', 'limit', 'cursor'],
  listUnfinished: [],
  discardDraft: ['id'],
  getSession: [],
  setStaffPin: ['currentPin', 'newPin'],
  startPatientMode: ['intakeId'],
  exitPatientMode: ['pin'],
  confirmFlushed: [],
  getClinicDetails: [],
  setClinicDetails: ['name', 'address', 'phone'],
  getPrivacyNotice: [],
  setPrivacyNotice: ['en', 'zh', 'es'],
  exportSummaryPdf: ['id'],
  printSummary: ['id'],
  exportDaySummaries: ['date'],
  cancelDayExport: [],
  getPdfSettings: [],
  setPdfSettings: ['pageSize', 'includeContactDetails'],
  exportFhir: ['ids', 'date']
}

function payloadArb(method: ApiMethod, ids: readonly string[]): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(METHOD_KEYS[method].map((key) => [key, fieldArb(key, ids)]))
  const nearValid = fc
    .tuple(
      fc.oneof(fc.record(fields), fc.record(fields, { requiredKeys: [] })),
      fc.array(fc.tuple(keyArb, anyValue), { maxLength: 2 }),
      fc.boolean()
    )
    .map(([base, extra, bare]) => objectFrom([...Object.entries(base), ...extra], bare))
  const wrapped = fc
    .tuple(fc.constantFrom(...METHOD_KEYS[method], ...POLLUTION_KEYS), oversizedArb)
    .map(([key, big]) => objectFrom([[key, big]]))
  return fc.oneof(
    { arbitrary: nearValid, weight: 5 },
    { arbitrary: anyValue, weight: 2 },
    { arbitrary: wrapped, weight: 1 },
    { arbitrary: oversizedArb, weight: 1 }
  )
}

// ---------------------------------------------------------------------------
// Checks

function describeResult(result: unknown): string {
  try {
    return JSON.stringify(result).slice(0, 300)
  } catch {
    return String(result)
  }
}

/** `{ ok: true, value }` or a typed error of a known code, with at most 50 well-formed issues. */
function assertTyped(result: unknown): asserts result is Result<unknown> {
  const fail = (why: string): never => {
    throw new Error(`${why}: ${describeResult(result)}`)
  }
  if (typeof result !== 'object' || result === null) return fail('not an object')
  if (!('ok' in result)) return fail('no ok')
  if (result.ok === true) return
  if (result.ok !== false || !('error' in result)) return fail('neither ok nor an error')
  const error = result.error as Record<string, unknown>
  if (typeof error['code'] !== 'string' || !(error['code'] in ERROR_CODES)) fail('unknown code')
  if (typeof error['message'] !== 'string' || error['message'] === '') fail('no message')
  const keys = Object.keys(error).sort().join(',')
  if (keys !== 'code,message' && keys !== 'code,issues,message') fail(`extra fields ${keys}`)
  const issues = error['issues']
  if (issues === undefined) return
  if (!Array.isArray(issues) || issues.length === 0 || issues.length > MAX_ISSUES) {
    fail('issues not a list of 1..50')
  }
  for (const issue of issues as unknown[]) {
    const { itemId, code, message } = issue as Record<string, unknown>
    if (typeof itemId !== 'string' || itemId.length > 120) fail('bad itemId')
    if (typeof code !== 'string' || !(code in ISSUE_CODES)) fail('bad issue code')
    if (typeof message !== 'string' || message.length > 400) fail('bad issue message')
  }
  // Bounded whatever was sent: at most 50 issues of at most ~520 characters.
  if (JSON.stringify(result).length > 30_000) fail('error too large')
}

// ---------------------------------------------------------------------------
// The runs

const STUB_WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', (request) => {
  parentPort.postMessage({ id: request.id, ok: true, bytes: new Uint8Array([37, 80, 68, 70]) })
})
`

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
const timings: string[] = []

describe.each(['staff', 'patient'] as const)('IPC fuzzing as %s', (role) => {
  let dir: string
  let core: AppCore
  let reader: Database.Database
  /** Submitted intakes, and for the patient the locked draft. */
  let submitted: string[]
  let locked: string | null = null
  /** The core's clock: it stands still, so a PIN lockout lasts until the test moves it on. */
  let clockMs = Date.parse('2026-11-20T10:00:00.000Z')
  const unexpected: { method: string; error: unknown }[] = []

  /** A content hash of the records (intakes, patients, red-flag history), read over its own connection. */
  let lastDataVersion = -1
  let lastHash = ''
  function recordsHash(): string {
    // data_version changes when another connection commits: no commit, same content.
    const version = Number(reader.pragma('data_version', { simple: true }))
    if (version === lastDataVersion) return lastHash
    const hash = createHash('sha256')
    for (const table of ['intakes', 'patients', 'red_flag_events']) {
      for (const row of reader.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) {
        hash.update(JSON.stringify(row))
        hash.update('\n')
      }
      hash.update(`-- ${table}\n`)
    }
    lastDataVersion = version
    lastHash = hash.digest('hex')
    return lastHash
  }

  async function session(): Promise<{ role: string; intakeId: string | null }> {
    const result = await core.dispatch('getSession', {})
    if (!result.ok) throw new Error(`getSession failed: ${result.error.message}`)
    return result.value as { role: string; intakeId: string | null }
  }

  async function ok(method: ApiMethod, args: unknown): Promise<unknown> {
    const result = await core.dispatch(method, args)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
    return result.value
  }

  async function newDraft(name: string): Promise<string> {
    const draft = await ok('createDraft', {
      answers: { 'patient.givenName': name },
      entryMode: 'staff'
    })
    return (draft as { id: string }).id
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `ipc-fuzz-${role}-`))
    const workerFile = path.join(dir, 'stub-pdf-worker.mjs')
    fs.writeFileSync(workerFile, STUB_WORKER)
    core = await createAppCore({
      dataDir: path.join(dir, 'data'),
      version: '0.0.0-fuzz',
      transport: 'web',
      pdf: { workerFile },
      now: () => new Date(clockMs),
      logError: (method, error) => {
        if (!(error instanceof PayloadRefusedError)) unexpected.push({ method, error })
      }
    })
    submitted = []
    for (let i = 0; i < 2; i++) {
      const id = await newDraft(`Submitted${i}`)
      await ok('submitIntake', {
        id,
        answers: completeAnswers({ 'patient.givenName': `Submitted${i}` })
      })
      submitted.push(id)
    }
    await ok('setStaffPin', { newPin: PIN })
    reader = new Database(core.databasePath, { readonly: true, fileMustExist: true })

    // Self-check: the hash sees a committed change.
    const draft = await newDraft('Draft')
    const before = recordsHash()
    await ok('saveDraft', { id: draft, answers: { 'patient.givenName': 'Changed' } })
    expect(recordsHash()).not.toBe(before)

    if (role === 'patient') {
      await ok('startPatientMode', { intakeId: draft })
      locked = draft
    }
  })

  afterAll(() => {
    reader.close()
    core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each([...API_METHODS])(
    `%s: ${RUNS_PER_METHOD.toLocaleString('en')} random payloads answered with ok or a typed error; refusals change no record`,
    async (method) => {
      // Fresh drafts for each method, so the success paths do not depend on
      // what earlier methods did to the seeded ones; the patient's calls name
      // the locked intake most of the time, or the lock would refuse them all.
      const ids =
        locked === null
          ? [await newDraft('Fresh'), await newDraft('Fresh'), ...submitted]
          : [locked, locked, locked, ...submitted]
      const started = performance.now()
      const counts: Record<string, number> = {}
      await fc.assert(
        fc.asyncProperty(payloadArb(method, ids), async (payload) => {
          const before = recordsHash()
          const result: unknown = await core.dispatch(method, payload)
          assertTyped(result)
          const outcome = result.ok ? 'ok' : result.error.code
          counts[outcome] = (counts[outcome] ?? 0) + 1
          if (!result.ok && recordsHash() !== before) {
            throw new Error(`a refused call (${result.error.code}) changed the records`)
          }
          // Keep the role under test: a valid startPatientMode would leave staff mode.
          const now = await session()
          if (now.role !== role) {
            if (role !== 'staff') throw new Error(`the patient left patient mode: ${method}`)
            // Past any lockout the fuzzed wrong PINs set.
            clockMs += 60 * 60 * 1000
            const back = await core.dispatch('exitPatientMode', { pin: PIN })
            if (!back.ok) throw new Error(`could not return to staff: ${back.error.message}`)
          }
        }),
        { numRuns: RUNS_PER_METHOD }
      )
      timings.push(
        `${role} ${method}: ${Math.round(performance.now() - started)} ms ${JSON.stringify(counts)}`
      )
      expect(unexpected).toEqual([])
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    },
    60_000
  )
})

afterAll(() => {
  if (process.env['IPC_FUZZ_TIMINGS']) console.log(timings.join('\n'))
})
