/**
 * IPC fuzzing through the real app core (SQLite in a temp folder, the real
 * dispatcher, handlers and services): for every contract method, under every
 * caller role (signed out, patient, front desk, clinician, administrator),
 * random payloads — near-valid ones, arbitrary nested data, oversized lists,
 * strings and objects, prototype-pollution keys, lone surrogates, deep
 * nesting and cycles. Every call must come back, as `ok` or as a typed error
 * with a known code and a bounded size, never `internal` (which means a bug);
 * no unexpected error may reach the log; and a refused call must leave the
 * records (intakes, patients, red-flag history, staff accounts and settings)
 * unchanged.
 *
 * The stand-ins are the desktop's dialogs (a save that reports the file
 * saved without writing it, a folder dialog that is closed, a print dialog
 * that prints) and the two workers: a PDF worker that answers every request
 * with a few bytes, and an integrity worker that reports a sound file at once,
 * so the export, print and check methods run their whole path in
 * milliseconds (the real workers have their own tests).
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
  AUDIT_ACTIONS,
  CATALOGUE,
  FLAG_CONDITIONS,
  STAFF_ROLES,
  TRIAGE_DECISIONS,
  type ApiMethod,
  type AppErrorCode,
  type CallerRole,
  type CatalogueItem,
  type Credentials,
  type Result,
  type SessionState,
  type StaffRole,
  type ValidationIssue
} from '../../../src/domain'
import { createAppCore, type AppCore } from '../../../electron/main/appCore'
import { MAX_ISSUES, PayloadRefusedError } from '../../../electron/main/ipc'
import { largestAnswers } from './support/largestIntake'
import { completeAnswers } from './support/sampleAnswers'
import { STAFF_CREDENTIALS, createStaff } from './support/staffSessions'

/**
 * At least 1,000 payloads per method and role, as issue 9 asks: 44 methods
 * under 5 roles make 220,000 calls. Most are refused by the role check before
 * anything else runs; the slow ones are those that check a password (scrypt,
 * a tenth of a second), which the name pool below keeps few by letting the
 * lockout do its work.
 */
const RUNS_PER_METHOD = 1000
const CALLER_ROLES = ['signed-out', 'patient', 'front-desk', 'clinician', 'administrator'] as const
const HOUR = 60 * 60 * 1000

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
  'not-in-form': true,
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
/** What a clinician might type into search, and what FTS5 or LIKE would read as syntax. */
const SEARCH_TEXTS = [
  'Maya',
  'núñez',
  '王',
  '小明',
  '腰痛三',
  'deadlift',
  'L4',
  '"',
  '""',
  '*',
  'NEAR(',
  'NEAR(a b, 2)',
  'OR',
  'AND',
  'NOT',
  '-',
  '^maya',
  'names:maya',
  '{names story}:x',
  '%',
  '_',
  '\\',
  "'; DROP TABLE intakes; --",
  'x'.repeat(201)
]

/** Every key any method's arguments know, so near-valid payloads mix them up. */
const CONTRACT_KEYS = [
  'id',
  'answers',
  'entryMode',
  'intakeId',
  'secret',
  'currentSecret',
  'newSecret',
  'reason',
  'role',
  'active',
  'idleLockMinutes',
  'action',
  'staffId',
  'fromDate',
  'toDate',
  'beforeSeq',
  // Not 'folder': a random object must never name a real folder for backups
  // (see fieldArb), or the fuzz would write backups there.
  'keep',
  'daily',
  'fileName',
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
  'includeContactDetails',
  'text',
  'dateOfBirth',
  'concern'
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

/**
 * Sign-in names: the accounts' own (in other cases and spacing too) and one
 * nobody has, most of the time. A name sent again and again is locked after
 * five wrong secrets, so few calls pay for a password check; a random name
 * now and then is each a fresh unknown name, checked in full.
 */
const NAME_POOL = [
  ...STAFF_ROLES.map((role) => STAFF_CREDENTIALS[role].name),
  'Spare Account',
  '  ana   RUIZ ',
  'Nobody Here',
  // Nothing typed in the name field.
  ''
]
/** Secrets: the accounts' own now and then, wrong ones more often, anything otherwise. */
const RIGHT_SECRETS = STAFF_ROLES.map((role) => STAFF_CREDENTIALS[role].secret)
const WRONG_SECRETS = ['583920', 'not the password', '123456', '', 'x']

const nameArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...NAME_POOL), weight: 12 },
  { arbitrary: weirdString, weight: 1 },
  { arbitrary: leafArb, weight: 1 }
)
const secretArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...RIGHT_SECRETS), weight: 1 },
  { arbitrary: fc.constantFrom(...WRONG_SECRETS), weight: 4 },
  { arbitrary: weirdString, weight: 1 },
  { arbitrary: leafArb, weight: 1 }
)

/** One field of a method's arguments: plausible values most of the time, anything otherwise. */
function fieldArb(key: string, ids: () => readonly string[]): fc.Arbitrary<unknown> {
  // Read when each payload is made: the patient's intake can change during a run.
  const idArb = fc.oneof(
    {
      arbitrary: fc.nat({ max: 99 }).map((index) => {
        const known = ids()
        return known[index % known.length]
      }),
      weight: 4
    },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: weirdString, weight: 1 }
  )
  switch (key) {
    case 'id':
    case 'intakeId':
    case 'staffId':
      return idArb
    case 'answers':
      return answersArb
    case 'entryMode':
      return fc.oneof(fc.constantFrom('staff', 'patient'), leafArb)
    case 'name':
      return nameArb
    case 'secret':
    case 'currentSecret':
    case 'newSecret':
      return secretArb
    case 'reason':
      // Mostly not a valid reason: each sign-out costs a sign-in to get the role back.
      return fc.oneof(
        { arbitrary: fc.constantFrom('sign-out', 'idle'), weight: 1 },
        { arbitrary: leafArb, weight: 4 }
      )
    case 'role':
      return fc.oneof(fc.constantFrom(...STAFF_ROLES, 'staff', 'patient'), leafArb)
    case 'active':
    case 'daily':
      return fc.oneof(fc.boolean(), leafArb)
    case 'idleLockMinutes':
    case 'keep':
    case 'beforeSeq':
      return fc.oneof(fc.integer({ min: -5, max: 400 }), leafArb)
    case 'action':
      return fc.oneof(fc.constantFrom(...AUDIT_ACTIONS), leafArb)
    case 'fromDate':
    case 'toDate':
      return fc.oneof(fc.constantFrom('2026-11-20', '2026-02-30', 'today'), leafArb)
    case 'folder':
      // Never an existing folder: a valid one would fill it with backups.
      return fc.oneof(
        fc.constantFrom('', '.', 'relative/backups', '/nonexistent/backups', BIG.overText),
        fc.integer(),
        fc.boolean(),
        fc.constant(null)
      )
    case 'fileName':
      return fc.oneof(
        fc.constantFrom(
          'back-intake-2001-01-01-000000.sqlite3',
          'back-intake.sqlite3',
          '../back-intake.sqlite3',
          '.sqlite3',
          '/etc/passwd'
        ),
        weirdString,
        leafArb
      )
    case 'status':
      return fc.oneof(fc.constantFrom('draft', 'submitted', 'reviewed'), leafArb)
    case 'text':
      // Search text: FTS5 and LIKE syntax, scripts without spaces, and more words than allowed.
      return fc.oneof(
        fc.constantFrom(...SEARCH_TEXTS),
        fc
          .array(fc.constantFrom(...SEARCH_TEXTS), { maxLength: 14 })
          .map((words) => words.join(' ')),
        weirdString,
        leafArb
      )
    case 'dateOfBirth':
      return fc.oneof(fc.constantFrom('1990-04-23', '2026-02-30', '0000-01-01'), leafArb)
    case 'concern':
      return fc.oneof(
        fc.constantFrom('none', 'review', 'urgent', 'emergency', 'EMERGENCY'),
        leafArb
      )
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
    case 'decision':
      return fc.oneof(fc.constantFrom(...TRIAGE_DECISIONS, 'referral', 'PROCEED'), leafArb)
    // Often valid, so the success path (a version recorded) is fuzzed too, not only refusals.
    case 'acknowledgedFlags':
      return fc.oneof(
        { arbitrary: fc.constant([]), weight: 3 },
        {
          arbitrary: fc.array(fc.constantFrom(...FLAG_CONDITIONS, 'not-a-flag'), { maxLength: 9 }),
          weight: 1
        },
        { arbitrary: oversizedArb, weight: 1 },
        { arbitrary: anyValue, weight: 1 }
      )
    case 'notes':
      return fc.oneof(
        {
          arbitrary: fc.constantFrom('', 'Seen; no concerns.', '  Line one\r\nline two\t'),
          weight: 3
        },
        { arbitrary: weirdString, weight: 1 },
        { arbitrary: leafArb, weight: 1 }
      )
    case 'expectedVersion':
      return fc.oneof(
        { arbitrary: fc.integer({ min: -1, max: 3 }), weight: 3 },
        { arbitrary: fc.double(), weight: 1 },
        { arbitrary: leafArb, weight: 1 }
      )
    default:
      return fc.oneof(weirdString, leafArb)
  }
}

/** The keys of each method's arguments (the contract's shape, not its rules). */
const METHOD_KEYS: Readonly<Record<ApiMethod, readonly string[]>> = {
  getAppInfo: [],
  createDraft: ['answers', 'entryMode'],
  saveDraft: ['id', 'revision', 'answers'],
  submitIntake: ['id', 'revision', 'answers'],
  amendIntake: ['id', 'revision', 'changes', 'reason'],
  findReturningPatients: ['givenName', 'familyName', 'dateOfBirth'],
  startFollowUp: ['patientId', 'entryMode'],
  getIntake: ['id'],
  listIntakes: ['status', 'search', 'limit', 'cursor'],
  listUnfinished: [],
  discardDraft: ['id'],
  listQueue: ['fromDate', 'toDate'],
  searchIntakes: [
    'text',
    'dateOfBirth',
    'fromDate',
    'toDate',
    'concern',
    'status',
    'decision',
    'limit'
  ],
  getSession: [],
  createFirstAdministrator: ['name', 'secret'],
  signIn: ['name', 'secret'],
  signOut: ['reason'],
  keepSignedIn: [],
  changeOwnSecret: ['currentSecret', 'newSecret'],
  listStaff: [],
  addStaff: ['name', 'role', 'secret'],
  updateStaff: ['id', 'role', 'active'],
  resetStaffSecret: ['id', 'secret'],
  getSecuritySettings: [],
  setSecuritySettings: ['idleLockMinutes'],
  startPatientMode: ['intakeId'],
  exitPatientMode: ['name', 'secret'],
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
  exportFhir: ['ids', 'date'],
  listAuditEvents: ['action', 'staffId', 'intakeId', 'fromDate', 'toDate', 'beforeSeq', 'limit'],
  verifyAuditTrail: [],
  getDataHealth: [],
  runIntegrityCheck: [],
  getBackupSettings: [],
  setBackupSettings: ['folder', 'keep', 'daily'],
  chooseBackupFolder: [],
  backupNow: [],
  listBackups: [],
  restoreBackup: ['fileName'],
  recordTriage: ['intakeId', 'decision', 'notes', 'acknowledgedFlags', 'expectedVersion']
}

function payloadArb(method: ApiMethod, ids: () => readonly string[]): fc.Arbitrary<unknown> {
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
  if (keys === 'code,currentRevision,message') {
    // Only a conflict over a revision names the one stored now.
    if (error['code'] !== 'conflict' || !Number.isInteger(error['currentRevision'])) {
      fail('a current revision outside a conflict')
    }
  } else if (keys !== 'code,message' && keys !== 'code,issues,message') {
    fail(`extra fields ${keys}`)
  }
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

const STUB_PDF_WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.on('message', (request) => {
  parentPort.postMessage({ id: request.id, ok: true, bytes: new Uint8Array([37, 80, 68, 70]) })
})
`
const STUB_INTEGRITY_WORKER = `
import { parentPort } from 'node:worker_threads'
parentPort.postMessage({ kind: 'result', ok: true, problems: [] })
`

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
const timings: string[] = []

/** Own, plain reading of one field of a payload the dispatcher accepted. */
function field(payload: unknown, key: string): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined
  return Object.prototype.hasOwnProperty.call(payload, key)
    ? (payload as Record<string, unknown>)[key]
    : undefined
}

describe.each(CALLER_ROLES)('IPC fuzzing as %s', (role: CallerRole) => {
  let dir: string
  let core: AppCore
  let reader: Database.Database
  let staffIds: Record<StaffRole, string>
  /** Each account's secret as it is now (a fuzzed call may change the caller's own). */
  const secrets = new Map<string, string>()
  /** Submitted intakes, and for the patient the intake patient mode is locked to. */
  let submitted: string[]
  let locked: string | null = null
  /** The core's clock: it stands still, so a lockout lasts until the test moves it on. */
  let clockMs = Date.parse('2026-11-20T10:00:00.000Z')
  const unexpected: { method: string; error: unknown }[] = []

  /**
   * A content hash of what a refused call must never change, read over its
   * own connection: intakes, patients, red-flag history, settings and the
   * staff accounts (all but their sign-in counters, which a refused sign-in
   * rightly moves on).
   */
  let lastDataVersion = -1
  let lastHash = ''
  const HASHED = [
    'SELECT * FROM intakes ORDER BY rowid',
    'SELECT * FROM patients ORDER BY rowid',
    'SELECT * FROM red_flag_events ORDER BY rowid',
    'SELECT * FROM intake_amendments ORDER BY rowid',
    'SELECT * FROM follow_ups ORDER BY rowid',
    'SELECT * FROM settings ORDER BY key',
    'SELECT id, name, name_key, role, secret_hash, secret_kind, active FROM staff ORDER BY id'
  ]
  function recordsHash(): string {
    // data_version changes when another connection commits: no commit, same content.
    const version = Number(reader.pragma('data_version', { simple: true }))
    if (version === lastDataVersion) return lastHash
    const hash = createHash('sha256')
    for (const sql of HASHED) {
      for (const row of reader.prepare(sql).raw().iterate()) {
        hash.update(JSON.stringify(row))
        hash.update('\n')
      }
      hash.update(`-- ${sql}\n`)
    }
    lastDataVersion = version
    lastHash = hash.digest('hex')
    return lastHash
  }

  async function ok(method: ApiMethod, args: unknown): Promise<unknown> {
    const result = await core.dispatch(method, args)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
    return result.value
  }

  async function session(): Promise<SessionState> {
    return (await ok('getSession', {})) as SessionState
  }

  function credentialsOf(staffRole: StaffRole): Credentials {
    const id = staffIds[staffRole]
    return { name: STAFF_CREDENTIALS[staffRole].name, secret: secrets.get(id) ?? '' }
  }

  /** Whether the session is the role under test (as that role's own account). */
  function isRoleUnderTest(state: SessionState): boolean {
    if (state.role !== role) return false
    if (role === 'signed-out' || role === 'patient') return true
    return state.staff?.id === staffIds[role]
  }

  async function newDraft(name: string): Promise<string> {
    const draft = await ok('createDraft', {
      answers: { 'patient.givenName': name },
      entryMode: 'staff'
    })
    return (draft as { id: string }).id
  }

  /**
   * Signs in (or ends patient mode) with `credentials`; when a fuzzed call
   * has locked the account, moves the clock past the lockout and tries again.
   * Nobody is signed in at that moment, so no session locks itself meanwhile.
   */
  async function signInPastLockout(
    method: 'signIn' | 'exitPatientMode',
    credentials: Credentials
  ): Promise<SessionState> {
    let result = await core.dispatch(method, credentials)
    if (!result.ok && result.error.code === 'forbidden') {
      clockMs += HOUR
      result = await core.dispatch(method, credentials)
    }
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
    return result.value as SessionState
  }

  /**
   * Brings the session back to the role under test after a call that left it
   * (a sign-in, a sign-out, patient mode started or ended).
   */
  async function restoreRole(): Promise<void> {
    let state = await session()
    if (isRoleUnderTest(state)) return
    if (state.role === 'patient') {
      // A staff role takes the device back itself; otherwise the administrator does.
      const who = role === 'signed-out' || role === 'patient' ? 'administrator' : role
      state = await signInPastLockout('exitPatientMode', credentialsOf(who))
      if (isRoleUnderTest(state)) return
    }
    if (role === 'patient') {
      if (state.role === 'signed-out') {
        state = await signInPastLockout('signIn', credentialsOf('front-desk'))
      }
      // The patient's intake may have been submitted meanwhile: hand over a fresh draft.
      locked = await newDraft('Patient')
      await ok('startPatientMode', { intakeId: locked })
    } else {
      if (state.role !== 'signed-out') await ok('signOut', { reason: 'sign-out' })
      if (role !== 'signed-out') await signInPastLockout('signIn', credentialsOf(role))
    }
    const after = await session()
    if (!isRoleUnderTest(after)) {
      throw new Error(`could not return to ${role}: ${JSON.stringify(after)}`)
    }
  }

  /** Keeps track of a secret a successful call changed, so the role can sign in again. */
  function noteSecretChange(method: ApiMethod, payload: unknown, state: SessionState): void {
    if (method === 'changeOwnSecret' && state.staff !== null) {
      const secret = field(payload, 'newSecret')
      if (typeof secret === 'string') secrets.set(state.staff.id, secret)
    }
    if (method === 'resetStaffSecret') {
      const id = field(payload, 'id')
      const secret = field(payload, 'secret')
      if (typeof id === 'string' && typeof secret === 'string') secrets.set(id, secret)
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `ipc-fuzz-${role}-`))
    const workerFile = path.join(dir, 'stub-pdf-worker.mjs')
    fs.writeFileSync(workerFile, STUB_PDF_WORKER)
    const integrityWorkerFile = path.join(dir, 'stub-integrity-worker.mjs')
    fs.writeFileSync(integrityWorkerFile, STUB_INTEGRITY_WORKER)
    core = await createAppCore({
      dataDir: path.join(dir, 'data'),
      version: '0.0.0-fuzz',
      transport: 'web',
      pdf: { workerFile },
      integrityWorkerFile,
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
      now: () => new Date(clockMs),
      logError: (method, error) => {
        if (!(error instanceof PayloadRefusedError)) unexpected.push({ method, error })
      }
    })
    staffIds = await createStaff(core.dispatch)
    for (const staffRole of STAFF_ROLES) {
      secrets.set(staffIds[staffRole], STAFF_CREDENTIALS[staffRole].secret)
    }
    const spare = (await ok('addStaff', {
      name: 'Spare Account',
      role: 'front-desk',
      secret: '916402'
    })) as { id: string }
    secrets.set(spare.id, '916402')
    submitted = []
    for (let i = 0; i < 2; i++) {
      const id = await newDraft(`Submitted${i}`)
      await ok('submitIntake', {
        id,
        revision: 1,
        answers: completeAnswers({ 'patient.givenName': `Submitted${i}` })
      })
      submitted.push(id)
    }
    reader = new Database(core.databasePath, { readonly: true, fileMustExist: true })

    // Self-check: the hash sees a committed change.
    const draft = await newDraft('Draft')
    const before = recordsHash()
    await ok('saveDraft', { id: draft, revision: 1, answers: { 'patient.givenName': 'Changed' } })
    expect(recordsHash()).not.toBe(before)

    await restoreRole()
    expect(isRoleUnderTest(await session())).toBe(true)
  }, 60_000)

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
      // Staff ids are in the pool too, for the staff-management methods.
      let ids: readonly string[]
      if (role === 'patient' || role === 'signed-out') {
        ids = [...submitted, ...Object.values(staffIds)]
      } else {
        const fresh = [await newDraft('Fresh'), await newDraft('Fresh')]
        ids = [...fresh, ...submitted, ...Object.values(staffIds)]
      }
      const currentIds = (): readonly string[] =>
        role === 'patient' && locked !== null ? [locked, locked, locked, locked, ...ids] : ids
      const started = performance.now()
      const counts: Record<string, number> = {}
      await fc.assert(
        fc.asyncProperty(payloadArb(method, currentIds), async (payload) => {
          const before = recordsHash()
          const result: unknown = await core.dispatch(method, payload)
          assertTyped(result)
          const outcome = result.ok ? 'ok' : result.error.code
          counts[outcome] = (counts[outcome] ?? 0) + 1
          if (!result.ok && recordsHash() !== before) {
            throw new Error(`a refused call (${result.error.code}) changed the records`)
          }
          // Every expected failure has its own code: `internal` is a bug somewhere.
          if (outcome === 'internal') {
            throw new Error(
              `internal error: ${describeResult(result)} for ${describeResult(payload)}`
            )
          }
          const now = await session()
          if (result.ok) noteSecretChange(method, payload, now)
          // Keep the role under test: a valid sign-in, sign-out or patient-mode call leaves it.
          if (!isRoleUnderTest(now)) await restoreRole()
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
    // About 20 s at most on an idle machine; room for a busy one.
    120_000
  )
})

afterAll(() => {
  if (process.env['IPC_FUZZ_TIMINGS']) console.log(timings.join('\n'))
})
