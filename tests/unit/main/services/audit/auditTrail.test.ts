/**
 * The audit trail on a real, migrated SQLite file: appending, listing with
 * filters and pages, the append-only triggers, and verification of the hash
 * chain after the file has been edited behind the app's back by a second
 * connection (the way someone with a SQLite tool would).
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntryInput, AuditPage } from '../../../../../src/domain'
import {
  AUDIT_PAGE_MAX_LIMIT,
  auditEntryHash,
  canonicalDetail,
  createAuditTrail,
  DETAIL_STRING_MAX_LENGTH,
  GENESIS_HASH,
  type AuditTrail
} from '../../../../../electron/main/services/audit/auditTrail'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('audit-trail')

const ANA = {
  staffId: '0b8f0c7e-3f55-4c3e-9d4a-1f6f1d2c3a41',
  name: 'Ana Ruiz',
  role: 'administrator'
} as const
const BEN = {
  staffId: '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  name: 'Ben Okafor',
  role: 'front-desk'
} as const
const NOBODY = { staffId: null, name: null, role: 'signed-out' } as const
const INTAKE_A = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const INTAKE_B = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

let file: string
let db: Database.Database
let trail: AuditTrail
/** The trail's clock: each append takes `clock` and moves it on a second. */
let clock: number

beforeEach(() => {
  file = path.join(tempDir(), 'intake.sqlite')
  db = openDatabase(file)
  clock = Date.parse('2026-11-20T10:00:00.000Z')
  trail = createAuditTrail(db, {
    now: () => {
      const at = new Date(clock)
      clock += 1000
      return at
    }
  })
  return () => db.close()
})

function appendMany(count: number, make: (index: number) => AuditEntryInput): void {
  // One outer transaction: a commit per entry would be one disk flush each
  // (synchronous=FULL). It also shows append nesting as a savepoint.
  db.transaction(() => {
    for (let index = 0; index < count; index++) trail.append(make(index))
  })()
}

function thrown(work: () => unknown): ServiceError {
  try {
    work()
  } catch (error) {
    if (error instanceof ServiceError) return error
    throw new Error(`expected a ServiceError, got ${String(error)}`, { cause: error })
  }
  throw new Error('expected a ServiceError, nothing was thrown')
}

function seqs(page: AuditPage): number[] {
  return page.entries.map((entry) => entry.seq)
}

/**
 * A second connection to the same file, as another program would open it;
 * closed after `work` whatever happens.
 */
function behindTheAppsBack(work: (other: Database.Database) => void): void {
  const other = new Database(file)
  try {
    work(other)
  } finally {
    other.close()
  }
}

describe('audit trail: appending and listing', () => {
  it('numbers entries 1, 2, 3… and links each to the one before', () => {
    const first = trail.append({ actor: ANA, action: 'sign-in' })
    const second = trail.append({
      actor: BEN,
      action: 'intake-created',
      intakeId: INTAKE_A,
      detail: { entryMode: 'staff' }
    })

    expect(first).toEqual({
      seq: 1,
      at: '2026-11-20T10:00:00.000Z',
      actor: ANA,
      action: 'sign-in',
      intakeId: null,
      detail: {},
      hash: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    expect(second.seq).toBe(2)
    const rows = db
      .prepare<[], { seq: number; prev_hash: string; hash: string; detail: string }>(
        'SELECT seq, prev_hash, hash, detail FROM audit_log ORDER BY seq'
      )
      .all()
    expect(rows.map((row) => row.prev_hash)).toEqual([GENESIS_HASH, first.hash])
    expect(rows[1]?.detail).toBe('{"entryMode":"staff"}')
    expect(trail.list({}).entries).toEqual([second, first])
  })

  it('hashes the detail the same whatever order its keys were given in', () => {
    expect(canonicalDetail({ b: 1, a: 'x', 10: true, 2: null })).toBe(
      '{"10":true,"2":null,"a":"x","b":1}'
    )
    const input = {
      seq: 1,
      at: '2026-11-20T10:00:00.000Z',
      actor: ANA,
      action: 'pdf-exported',
      intakeId: null,
      prevHash: GENESIS_HASH
    }
    expect(auditEntryHash({ ...input, detail: { a: 1, b: 2 } })).toBe(
      auditEntryHash({ ...input, detail: { b: 2, a: 1 } })
    )
    expect(auditEntryHash({ ...input, detail: { a: 1 } })).not.toBe(
      auditEntryHash({ ...input, detail: { a: 2 } })
    )
  })

  it('filters by action, person and intake, newest first', () => {
    trail.append({ actor: ANA, action: 'sign-in' })
    trail.append({ actor: BEN, action: 'sign-in' })
    trail.append({ actor: BEN, action: 'intake-viewed', intakeId: INTAKE_A })
    trail.append({ actor: ANA, action: 'intake-viewed', intakeId: INTAKE_B })
    trail.append({ actor: NOBODY, action: 'sign-in-failed', detail: { reason: 'wrong secret' } })
    trail.append({ actor: ANA, action: 'pdf-exported', intakeId: INTAKE_A })

    expect(seqs(trail.list({}))).toEqual([6, 5, 4, 3, 2, 1])
    expect(seqs(trail.list({ action: 'sign-in' }))).toEqual([2, 1])
    expect(seqs(trail.list({ staffId: ANA.staffId }))).toEqual([6, 4, 1])
    expect(seqs(trail.list({ intakeId: INTAKE_A }))).toEqual([6, 3])
    expect(
      seqs(trail.list({ staffId: ANA.staffId, intakeId: INTAKE_A, action: 'pdf-exported' }))
    ).toEqual([6])
    expect(seqs(trail.list({ staffId: BEN.staffId, action: 'pdf-exported' }))).toEqual([])
    expect(trail.list({ action: 'sign-in-failed' }).entries[0]).toMatchObject({
      actor: NOBODY,
      detail: { reason: 'wrong secret' }
    })
  })

  it('pages backwards from the newest, keeping the filters, until the last page', () => {
    appendMany(250, (index) => ({
      actor: index % 2 === 0 ? ANA : BEN,
      action: 'intake-viewed',
      intakeId: INTAKE_A
    }))

    const first = trail.list({ limit: 100 })
    expect(first.entries).toHaveLength(100)
    expect(first.entries[0]?.seq).toBe(250)
    expect(first.nextBeforeSeq).toBe(151)
    const second = trail.list({ limit: 100, beforeSeq: first.nextBeforeSeq ?? 0 })
    expect(seqs(second)[0]).toBe(150)
    const third = trail.list({ limit: 100, beforeSeq: second.nextBeforeSeq ?? 0 })
    expect(seqs(third)).toHaveLength(50)
    expect(third.nextBeforeSeq).toBeNull()

    // The default page is 100; a filtered page pages within the filter.
    expect(trail.list({}).entries).toHaveLength(100)
    const bens = trail.list({ staffId: BEN.staffId, limit: 60 })
    expect(bens.entries.every((entry) => entry.actor.staffId === BEN.staffId)).toBe(true)
    const bensNext = trail.list({
      staffId: BEN.staffId,
      limit: 60,
      beforeSeq: bens.nextBeforeSeq ?? 0
    })
    expect(seqs(bensNext)).toHaveLength(60)
    expect(Math.max(...seqs(bensNext))).toBeLessThan(Math.min(...seqs(bens)))
    const bensLast = trail.list({
      staffId: BEN.staffId,
      limit: 60,
      beforeSeq: bensNext.nextBeforeSeq ?? 0
    })
    // Ben has every other entry (the even numbers): 125 of the 250.
    expect(seqs(bensLast)).toEqual([10, 8, 6, 4, 2])
    expect(bensLast.nextBeforeSeq).toBeNull()
    // An exactly full last page says there is no more.
    expect(trail.list({ limit: 250 }).nextBeforeSeq).toBeNull()
  })

  it('refuses a page size outside 1 to 500, a bad position and a bad date range', () => {
    expect(thrown(() => trail.list({ limit: 0 })).code).toBe('invalid-argument')
    expect(thrown(() => trail.list({ limit: AUDIT_PAGE_MAX_LIMIT + 1 })).code).toBe(
      'invalid-argument'
    )
    expect(thrown(() => trail.list({ limit: 2.5 })).code).toBe('invalid-argument')
    expect(thrown(() => trail.list({ beforeSeq: 0 })).code).toBe('invalid-argument')
    expect(thrown(() => trail.list({ fromDate: '2026-02-30' })).message).toMatch(/calendar day/)
    expect(thrown(() => trail.list({ fromDate: '2026-11-21', toDate: '2026-11-20' })).message).toBe(
      'The start date is after the end date.'
    )
    expect(trail.list({ limit: AUDIT_PAGE_MAX_LIMIT }).entries).toEqual([])
  })

  describe('dates are local calendar days, inclusive', () => {
    const savedZone = process.env.TZ
    afterEach(() => {
      if (savedZone === undefined) delete process.env.TZ
      else process.env.TZ = savedZone
    })

    it('includes the whole of each day in the clinic’s time zone, also the 25-hour day', () => {
      // Node re-reads TZ when it is assigned. New York: UTC-4 until 1 November 2026, UTC-5 after.
      process.env.TZ = 'America/New_York'
      const times = [
        '2026-11-01T03:59:00.000Z', // 31 Oct 23:59 EDT
        '2026-11-01T04:00:00.000Z', // 1 Nov 00:00 EDT
        '2026-11-02T04:30:00.000Z', // 1 Nov 23:30 EST: the day has 25 hours
        '2026-11-02T05:00:00.000Z', // 2 Nov 00:00 EST
        '2026-11-20T04:59:59.999Z', // 19 Nov 23:59 EST
        '2026-11-20T05:00:00.000Z', // 20 Nov 00:00 EST
        '2026-11-21T04:59:59.999Z', // 20 Nov 23:59 EST
        '2026-11-21T05:00:00.000Z' // 21 Nov 00:00 EST
      ]
      for (const at of times) {
        clock = Date.parse(at)
        trail.append({ actor: ANA, action: 'sign-in' })
      }

      expect(seqs(trail.list({ fromDate: '2026-11-01', toDate: '2026-11-01' }))).toEqual([3, 2])
      expect(seqs(trail.list({ fromDate: '2026-11-20', toDate: '2026-11-20' }))).toEqual([7, 6])
      expect(seqs(trail.list({ fromDate: '2026-11-02', toDate: '2026-11-20' }))).toEqual([
        7, 6, 5, 4
      ])
      expect(seqs(trail.list({ fromDate: '2026-11-20' }))).toEqual([8, 7, 6])
      expect(seqs(trail.list({ toDate: '2026-10-31' }))).toEqual([1])
    })
  })

  it('is part of the write that calls it: a failed write keeps no entry, and numbers stay consecutive', () => {
    trail.append({ actor: ANA, action: 'sign-in' })
    const failedWrite = db.transaction(() => {
      trail.append({ actor: ANA, action: 'settings-changed', detail: { setting: 'pdf' } })
      throw new Error('the write failed after its entry was appended')
    })
    expect(() => failedWrite.immediate()).toThrow(/write failed/)
    trail.append({ actor: ANA, action: 'sign-out' })

    expect(trail.list({}).entries.map((entry) => [entry.seq, entry.action])).toEqual([
      [2, 'sign-out'],
      [1, 'sign-in']
    ])
    expect(trail.verify()).toEqual({ ok: true, checked: 2, broken: null })
  })
})

describe('audit trail: what an entry may hold', () => {
  it('refuses a detail value that is not a string, number, boolean or null', () => {
    const refusedValues: unknown[] = [
      { nested: true },
      ['a', 'b'],
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      () => 'x',
      new Date()
    ]
    for (const value of refusedValues) {
      const input = { actor: ANA, action: 'pdf-exported', detail: { value } }
      const error = thrown(() => trail.append(input as unknown as AuditEntryInput))
      expect(error.code).toBe('internal')
      expect(error.message).toMatch(/could not be recorded in the audit trail/)
    }
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0)
  })

  it('refuses unknown actions, roles and detail keys that are not plain identifiers', () => {
    const bad: unknown[] = [
      { actor: ANA, action: 'intake-deleted' },
      { actor: { ...ANA, role: 'owner' }, action: 'sign-in' },
      { actor: ANA, action: 'sign-in', detail: { 'Maya Lee': 'name as key' } },
      { actor: ANA, action: 'sign-in', detail: null },
      { actor: { ...ANA, staffId: '' }, action: 'sign-in' }
    ]
    for (const input of bad) {
      expect(thrown(() => trail.append(input as AuditEntryInput)).code).toBe('internal')
    }
  })

  it('keeps at most 200 characters of a detail string, and plain values as given', () => {
    const entry = trail.append({
      actor: ANA,
      action: 'pdf-exported',
      detail: { fileName: 'x'.repeat(500), pages: 3, duplex: false, printer: null }
    })
    expect(entry.detail).toEqual({
      fileName: 'x'.repeat(DETAIL_STRING_MAX_LENGTH),
      pages: 3,
      duplex: false,
      printer: null
    })
    expect(trail.list({}).entries[0]?.detail).toEqual(entry.detail)
    expect(trail.verify().ok).toBe(true)
  })
})

describe('audit trail: append-only in the database itself', () => {
  beforeEach(() => {
    trail.append({ actor: ANA, action: 'sign-in' })
    trail.append({ actor: ANA, action: 'settings-changed', detail: { setting: 'clinic' } })
  })

  it('refuses UPDATE and DELETE through SQL', () => {
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run()).toThrow(
      /append-only: its entries cannot be changed/
    )
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(
      /append-only: its entries cannot be removed/
    )
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(trail.verify()).toEqual({ ok: true, checked: 2, broken: null })
  })

  it('refuses an insert that replaces an entry, skips a number or does not link to the last', () => {
    const row = db
      .prepare<[], Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = 2')
      .get()
    const insert = (values: Record<string, unknown>, verb = 'INSERT'): void => {
      db.prepare(
        `${verb} INTO audit_log (seq, at, actor_staff_id, actor_name, actor_role, action,
          intake_id, detail, prev_hash, hash)
        VALUES (@seq, @at, @actor_staff_id, @actor_name, @actor_role, @action,
          @intake_id, @detail, @prev_hash, @hash)`
      ).run({ ...row, ...values })
    }
    // REPLACE would otherwise delete entry 2 without firing the delete trigger.
    expect(() => insert({ detail: '{"setting":"none"}' }, 'INSERT OR REPLACE')).toThrow(
      /must follow the last one/
    )
    expect(() => insert({ seq: 4 })).toThrow(/must follow the last one/)
    expect(() => insert({ seq: 3, prev_hash: GENESIS_HASH })).toThrow(/must follow the last one/)
    expect(trail.verify()).toEqual({ ok: true, checked: 2, broken: null })
  })
})

describe('audit trail: verifying the chain after the file was edited behind the app’s back', () => {
  beforeEach(() => {
    appendMany(30, (index) => ({
      actor: index % 3 === 0 ? BEN : ANA,
      action: index % 2 === 0 ? 'intake-viewed' : 'pdf-exported',
      intakeId: index % 2 === 0 ? INTAKE_A : INTAKE_B,
      detail: { index, note: `entry ${index + 1}` }
    }))
  })

  it('finds nothing wrong with an untouched trail', () => {
    expect(trail.verify()).toEqual({ ok: true, checked: 30, broken: null })
  })

  it('names the entry whose detail was changed', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_update')
      other
        .prepare('UPDATE audit_log SET detail = ? WHERE seq = 17')
        .run('{"index":16,"note":"nothing to see"}')
    })

    expect(trail.verify()).toEqual({
      ok: false,
      checked: 16,
      broken: { seq: 17, reason: 'entry 17 was changed after it was written' }
    })
  })

  it('names the entry whose person or time was changed', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_update')
      other.prepare('UPDATE audit_log SET actor_name = ? WHERE seq = 5').run('Someone Else')
    })
    expect(trail.verify().broken).toEqual({
      seq: 5,
      reason: 'entry 5 was changed after it was written'
    })
  })

  it('names a missing entry when one in the middle was deleted', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_delete')
      other.prepare('DELETE FROM audit_log WHERE seq = 17').run()
    })

    expect(trail.verify()).toEqual({
      ok: false,
      checked: 16,
      broken: { seq: 17, reason: 'entry 17 is missing' }
    })
  })

  it('names the next entry when a changed entry was given a fresh hash of its own', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_update')
      const row = other
        .prepare<
          [],
          {
            seq: number
            at: string
            actor_staff_id: string | null
            actor_name: string | null
            actor_role: string
            action: string
            intake_id: string | null
            prev_hash: string
          }
        >('SELECT * FROM audit_log WHERE seq = 17')
        .get()
      if (row === undefined) throw new Error('entry 17 is not there')
      const detail = { index: 16, note: 'rewritten' }
      const hash = auditEntryHash({
        seq: row.seq,
        at: row.at,
        actor: { staffId: row.actor_staff_id, name: row.actor_name, role: row.actor_role },
        action: row.action,
        intakeId: row.intake_id,
        detail,
        prevHash: row.prev_hash
      })
      other
        .prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 17')
        .run(canonicalDetail(detail), hash)
    })

    expect(trail.verify()).toEqual({
      ok: false,
      checked: 17,
      broken: { seq: 18, reason: 'entry 18 does not follow entry 17' }
    })
  })

  it('reports a detail that is no longer JSON as a changed entry, and list names it instead of crashing', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_update')
      // The table's json_valid check would refuse it; another tool can switch checks off.
      other.pragma('ignore_check_constraints = ON')
      other.prepare("UPDATE audit_log SET detail = '{not json' WHERE seq = 3").run()
    })

    expect(trail.verify().broken).toEqual({
      seq: 3,
      reason: 'entry 3 was changed after it was written'
    })
    const error = thrown(() => trail.list({}))
    expect(error.code).toBe('storage')
    expect(error.message).toMatch(/^Entry 3 of the audit trail cannot be read/)
    // Pages that do not reach the damaged entry still read.
    expect(seqs(trail.list({ limit: 5 }))).toEqual([30, 29, 28, 27, 26])
  })

  it('names entry 1 when the start of the trail was replaced', () => {
    behindTheAppsBack((other) => {
      other.exec('DROP TRIGGER audit_log_no_update')
      const prevHash = 'f'.repeat(64)
      const row = other.prepare<[], { at: string }>('SELECT at FROM audit_log WHERE seq = 1').get()
      const hash = auditEntryHash({
        seq: 1,
        at: row?.at ?? '',
        actor: BEN,
        action: 'intake-viewed',
        intakeId: INTAKE_A,
        detail: { index: 0, note: 'entry 1' },
        prevHash
      })
      other
        .prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 1')
        .run(prevHash, hash)
    })
    expect(trail.verify().broken).toEqual({ seq: 1, reason: 'entry 1 does not start the trail' })
  })
})

describe('audit trail: verifying a long trail', () => {
  it('verifies 10,000 entries in well under a second', () => {
    appendMany(10_000, (index) => ({
      actor: index % 4 === 0 ? NOBODY : ANA,
      action: index % 4 === 0 ? 'sign-in-failed' : 'intake-viewed',
      intakeId: index % 4 === 0 ? null : INTAKE_A,
      detail: { index, fileName: `summary-${index}.pdf`, printed: index % 2 === 0 }
    }))

    trail.verify() // warm-up: statement preparation and the page cache
    const started = performance.now()
    const result = trail.verify()
    const elapsed = performance.now() - started

    console.log(`audit trail: verified 10,000 entries in ${elapsed.toFixed(1)} ms`)
    expect(result).toEqual({ ok: true, checked: 10_000, broken: null })
    expect(elapsed).toBeLessThan(1000)
  })
})
