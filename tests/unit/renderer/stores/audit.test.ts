/**
 * The audit store against a fake `window.api` holding a trail in memory,
 * filtered and paged the way the main process does it (newest first, pages
 * before a number), with gates to hold an answer back and test the races.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  AppApi,
  AppError,
  AuditEntry,
  AuditPage,
  AuditQuery,
  AuditVerification,
  Result,
  StaffMember
} from '../../../../src/domain'
import type * as AuditStoreModule from '../../../../src/stores/audit'

const ANA_ID = '0b8f0c7e-3f55-4c3e-9d4a-1f6f1d2c3a41'
const BEN_ID = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'
const GONE_ID = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'
const INTAKE_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'

const STAFF: readonly StaffMember[] = [
  {
    id: BEN_ID,
    name: 'Ben Okafor',
    role: 'front-desk',
    active: true,
    secretKind: 'pin',
    createdAt: '2026-11-01T09:00:00.000Z',
    lastSignInAt: null
  },
  {
    id: ANA_ID,
    name: 'Ana Ruiz',
    role: 'administrator',
    active: true,
    secretKind: 'password',
    createdAt: '2026-11-01T08:00:00.000Z',
    lastSignInAt: '2026-11-20T08:00:00.000Z'
  }
]

/** Entry `seq` of the fake trail: Ana's on odd numbers, Ben's on even, every third about the intake. */
function entry(seq: number): AuditEntry {
  const ana = seq % 2 === 1
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 20, 8, 0, seq)).toISOString(),
    actor: ana
      ? { staffId: ANA_ID, name: 'Ana Ruiz', role: 'administrator' }
      : { staffId: BEN_ID, name: 'Ben Okafor', role: 'front-desk' },
    action: seq % 3 === 0 ? 'intake-viewed' : 'sign-in',
    intakeId: seq % 3 === 0 ? INTAKE_ID : null,
    detail: {},
    hash: seq.toString(16).padStart(64, '0')
  }
}

type UsedApi = Pick<AppApi, 'listAuditEvents' | 'verifyAuditTrail' | 'listStaff'>

/** A gate an answer waits at until the test opens it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}

class FakeAuditApi implements UsedApi {
  readonly queries: AuditQuery[] = []
  trail: AuditEntry[] = Array.from({ length: 7 }, (_, index) => entry(index + 1))
  staff: readonly StaffMember[] = STAFF
  verification: AuditVerification = { ok: true, checked: 7, broken: null }
  listFailure: AppError | null = null
  staffFailure: AppError | null = null
  verifyFailure: AppError | null = null
  /** While set, the next list answer waits for it (a slow page). */
  listGate: Promise<void> | null = null
  verifyGate: Promise<void> | null = null

  async listAuditEvents(query: AuditQuery): Promise<Result<AuditPage>> {
    this.queries.push(query)
    const waitFor = this.listGate
    this.listGate = null
    const failure = this.listFailure
    const snapshot = [...this.trail]
    if (waitFor) await waitFor
    if (failure) return { ok: false, error: failure }
    const limit = query.limit ?? 3
    const matching = snapshot
      .filter(
        (item) =>
          (query.action === undefined || item.action === query.action) &&
          (query.staffId === undefined || item.actor.staffId === query.staffId) &&
          (query.intakeId === undefined || item.intakeId === query.intakeId) &&
          (query.beforeSeq === undefined || item.seq < query.beforeSeq)
      )
      .sort((a, b) => b.seq - a.seq)
    const entries = matching.slice(0, limit)
    const more = matching.length > limit
    return {
      ok: true,
      value: { entries, nextBeforeSeq: more ? (entries.at(-1)?.seq ?? null) : null }
    }
  }

  async verifyAuditTrail(): Promise<Result<AuditVerification>> {
    const waitFor = this.verifyGate
    this.verifyGate = null
    if (waitFor) await waitFor
    if (this.verifyFailure) return { ok: false, error: this.verifyFailure }
    return { ok: true, value: this.verification }
  }

  async listStaff(): Promise<Result<readonly StaffMember[]>> {
    if (this.staffFailure) return { ok: false, error: this.staffFailure }
    return { ok: true, value: this.staff }
  }
}

const FORBIDDEN: AppError = {
  code: 'forbidden',
  message: 'Only an administrator can do this.'
}

let fake: FakeAuditApi
let auditModule: typeof AuditStoreModule

beforeEach(async () => {
  fake = new FakeAuditApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  auditModule = await import('../../../../src/stores/audit')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function seqsOf(entries: readonly AuditEntry[]): number[] {
  return entries.map((item) => item.seq)
}

describe('audit store: the list', () => {
  it('loads the newest page, then older pages until there are no more', async () => {
    const audit = auditModule.useAuditStore()

    expect(await audit.load()).toBeNull()
    expect(seqsOf(audit.entries)).toEqual([7, 6, 5])
    expect(audit.nextBeforeSeq).toBe(5)
    expect(audit.loading).toBe(false)

    await audit.loadOlder()
    await audit.loadOlder()
    expect(seqsOf(audit.entries)).toEqual([7, 6, 5, 4, 3, 2, 1])
    expect(audit.nextBeforeSeq).toBeNull()

    // Nothing older: no call at all.
    const calls = fake.queries.length
    await audit.loadOlder()
    expect(fake.queries).toHaveLength(calls)
  })

  it('sends only the filters filled in, trimmed, and pages on with the filters applied', async () => {
    const audit = auditModule.useAuditStore()
    audit.filters = {
      action: '',
      staffId: ` ${ANA_ID} `,
      intakeId: '',
      fromDate: '2026-11-20',
      toDate: ''
    }

    await audit.load()
    expect(fake.queries.at(-1)).toEqual({ staffId: ANA_ID, fromDate: '2026-11-20' })
    expect(audit.entries.every((item) => item.actor.staffId === ANA_ID)).toBe(true)

    // Changing the form without applying it does not change the list being paged.
    audit.filters.staffId = BEN_ID
    audit.filters.intakeId = INTAKE_ID.toUpperCase()
    await audit.loadOlder()
    expect(fake.queries.at(-1)).toEqual({
      staffId: ANA_ID,
      fromDate: '2026-11-20',
      beforeSeq: 3
    })
    expect(seqsOf(audit.entries)).toEqual([7, 5, 3, 1])

    await audit.load()
    expect(fake.queries.at(-1)).toEqual({
      staffId: BEN_ID,
      intakeId: INTAKE_ID,
      fromDate: '2026-11-20'
    })
    expect(seqsOf(audit.entries)).toEqual([6])
  })

  it('empties the filter form on reset, leaving the list until it is loaded again', async () => {
    const audit = auditModule.useAuditStore()
    audit.filters.action = 'intake-viewed'
    await audit.load()
    expect(seqsOf(audit.entries)).toEqual([6, 3])

    audit.resetFilters()
    expect(audit.filters).toEqual({
      action: '',
      staffId: '',
      intakeId: '',
      fromDate: '',
      toDate: ''
    })
    expect(seqsOf(audit.entries)).toEqual([6, 3])
    await audit.load()
    expect(fake.queries.at(-1)).toEqual({})
  })

  it('shows a refused list as an error with no entries under it', async () => {
    const audit = auditModule.useAuditStore()
    await audit.load()
    fake.listFailure = FORBIDDEN

    expect(await audit.load()).toEqual(FORBIDDEN)
    expect(audit.error).toEqual(FORBIDDEN)
    expect(audit.entries).toEqual([])
    expect(audit.nextBeforeSeq).toBeNull()

    fake.listFailure = null
    await audit.load()
    expect(audit.error).toBeNull()
    expect(audit.entries).toHaveLength(3)
  })

  it('keeps the entries shown when an older page fails, so it can be tried again', async () => {
    const audit = auditModule.useAuditStore()
    await audit.load()
    fake.listFailure = { code: 'storage', message: 'The database is busy.' }

    expect((await audit.loadOlder())?.code).toBe('storage')
    expect(seqsOf(audit.entries)).toEqual([7, 6, 5])
    expect(audit.nextBeforeSeq).toBe(5)

    fake.listFailure = null
    await audit.loadOlder()
    expect(seqsOf(audit.entries)).toEqual([7, 6, 5, 4, 3, 2])
    expect(audit.error).toBeNull()
  })

  it('does not let a slow earlier list replace a newer one', async () => {
    const audit = auditModule.useAuditStore()
    const slow = gate()
    fake.listGate = slow.promise

    const first = audit.load()
    audit.filters.action = 'intake-viewed'
    await audit.load()
    slow.open()
    await first

    expect(seqsOf(audit.entries)).toEqual([6, 3])
    expect(audit.loading).toBe(false)
  })
})

describe('audit store: the people to filter by', () => {
  it('offers the staff accounts by name, and anyone else the entries name', async () => {
    fake.trail = [
      ...fake.trail,
      {
        ...entry(8),
        actor: { staffId: GONE_ID, name: 'Cara Former', role: 'clinician' }
      }
    ]
    const audit = auditModule.useAuditStore()
    await Promise.all([audit.load(), audit.loadStaff()])

    expect(audit.people).toEqual([
      { id: ANA_ID, name: 'Ana Ruiz', role: 'administrator' },
      { id: BEN_ID, name: 'Ben Okafor', role: 'front-desk' },
      { id: GONE_ID, name: 'Cara Former', role: 'clinician' }
    ])
  })

  it('falls back to the people in the entries when the staff list is refused', async () => {
    fake.staffFailure = FORBIDDEN
    const audit = auditModule.useAuditStore()
    await audit.loadStaff()
    await audit.load()

    expect(audit.staff).toEqual([])
    expect(audit.people.map((person) => person.name)).toEqual(['Ana Ruiz', 'Ben Okafor'])
  })
})

describe('audit store: verifying the trail', () => {
  it('holds the result: all sound, or the first broken entry', async () => {
    const audit = auditModule.useAuditStore()
    const slow = gate()
    fake.verifyGate = slow.promise

    const checking = audit.verify()
    expect(audit.verifying).toBe(true)
    slow.open()
    expect(await checking).toBeNull()
    expect(audit.verifying).toBe(false)
    expect(audit.verification).toEqual({ ok: true, checked: 7, broken: null })

    const broken: AuditVerification = {
      ok: false,
      checked: 16,
      broken: { seq: 17, reason: 'entry 17 was changed after it was written' }
    }
    fake.verification = broken
    await audit.verify()
    expect(audit.verification).toEqual(broken)
  })

  it('shows a failed check as an error, not as a result', async () => {
    const audit = auditModule.useAuditStore()
    await audit.verify()
    fake.verifyFailure = FORBIDDEN

    expect(await audit.verify()).toEqual(FORBIDDEN)
    expect(audit.verifyError).toEqual(FORBIDDEN)
    expect(audit.verification).toBeNull()
    expect(audit.verifying).toBe(false)
  })
})

describe('audit store: clear', () => {
  it('forgets entries, filters, people and the check', async () => {
    const audit = auditModule.useAuditStore()
    audit.filters.staffId = ANA_ID
    await Promise.all([audit.load(), audit.loadStaff(), audit.verify()])
    fake.listFailure = FORBIDDEN
    await audit.loadOlder()

    audit.clear()

    expect(audit.entries).toEqual([])
    expect(audit.filters.staffId).toBe('')
    expect(audit.nextBeforeSeq).toBeNull()
    expect(audit.staff).toEqual([])
    expect(audit.people).toEqual([])
    expect(audit.verification).toBeNull()
    expect(audit.error).toBeNull()
    expect(audit.loading).toBe(false)
  })

  it('drops answers that arrive after it, so nothing comes back on screen', async () => {
    const audit = auditModule.useAuditStore()
    const slowList = gate()
    const slowCheck = gate()
    fake.listGate = slowList.promise
    fake.verifyGate = slowCheck.promise

    const listing = audit.load()
    const staffing = audit.loadStaff()
    const checking = audit.verify()
    audit.clear()
    slowList.open()
    slowCheck.open()
    await Promise.all([listing, staffing, checking])

    expect(audit.entries).toEqual([])
    expect(audit.staff).toEqual([])
    expect(audit.verification).toBeNull()
    expect(audit.loading).toBe(false)
    expect(audit.verifying).toBe(false)
  })
})
