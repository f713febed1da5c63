/**
 * The queue store and the emergency banner's store against a fake
 * `window.api`: a queue held in memory, events the test pushes as the main
 * process would, and gates that hold an answer back to test the races.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiArgs, Queue, QueueItem, Result, SessionState } from '../../../../src/domain'
import type * as EmergencyStoreModule from '../../../../src/stores/emergencyAlerts'
import type * as QueueStoreModule from '../../../../src/stores/queue'
import type * as SessionStoreModule from '../../../../src/stores/session'
import { IntakesChangedApi } from '../support/intakesChangedApi'
import { CLINICIAN_SESSION, freshStores } from '../support/freshStores'

const EMERGENCY_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const OTHER_ID = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'
const SUBMITTED_ID = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    status: 'draft',
    kind: 'initial',
    givenName: 'Maya',
    familyName: 'Okafor',
    dateOfBirth: '1996-03-14',
    age: 30,
    concern: 'emergency',
    flags: [],
    createdAt: '2026-11-20T09:00:00.000Z',
    submittedAt: null,
    updatedAt: '2026-11-20T09:00:00.000Z',
    triage: null,
    ...overrides
  }
}

function queueOf(items: readonly QueueItem[], date = '2026-11-20'): Queue {
  const counts = { emergency: 0, urgent: 0, review: 0, none: 0 }
  for (const entry of items) counts[entry.concern] += 1
  return { fromDate: date, toDate: date, items, counts }
}

/** A gate an answer waits at until the test opens it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}

class FakeQueueApi extends IntakesChangedApi {
  readonly queries: ApiArgs<'listQueue'>[] = []
  items: QueueItem[] = []
  /** Answers wait at these, one per call, in order. */
  readonly gates: Promise<void>[] = []

  constructor() {
    super('the queue stores')
  }

  override async listQueue(args: ApiArgs<'listQueue'>): Promise<Result<Queue>> {
    this.queries.push(args)
    // Read now, answered later: a held-back answer carries the queue as it was when asked.
    const snapshot = queueOf([...this.items], args.fromDate)
    const waitFor = this.gates.shift()
    if (waitFor) await waitFor
    return { ok: true, value: snapshot }
  }
}

const CLINICIAN: SessionState = CLINICIAN_SESSION
const PATIENT: SessionState = { ...CLINICIAN, role: 'patient', staff: null, intakeId: OTHER_ID }
const SIGNED_OUT: SessionState = { ...CLINICIAN, role: 'signed-out', staff: null }

let fake: FakeQueueApi
let queueModule: typeof QueueStoreModule
let emergencyModule: typeof EmergencyStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  fake = new FakeQueueApi()
  sessionModule = await freshStores(fake, CLINICIAN)
  queueModule = await import('../../../../src/stores/queue')
  emergencyModule = await import('../../../../src/stores/emergencyAlerts')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Lets every pending promise callback run (a macrotask runs after all of them). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

describe('queue store', () => {
  it('reloads at every change while followed, and not once it stops following', async () => {
    const store = queueModule.useQueueStore()
    const stop = store.follow()
    await store.load()
    expect(store.queue?.items).toEqual([])

    fake.items = [item(EMERGENCY_ID)]
    fake.emit({ intakeId: EMERGENCY_ID, change: 'created', concern: 'emergency' })
    await settle()
    expect(store.queue?.items.map((entry) => entry.id)).toEqual([EMERGENCY_ID])
    expect(store.queue?.counts.emergency).toBe(1)

    stop()
    expect(fake.listenerCount()).toBe(0)
    fake.items = []
    fake.emit({ intakeId: EMERGENCY_ID, change: 'discarded', concern: 'emergency' })
    await settle()
    expect(fake.queries).toHaveLength(2)
  })

  it('keeps the answer to the latest load when an older one arrives after it', async () => {
    const store = queueModule.useQueueStore()
    const slow = gate()
    fake.gates.push(slow.promise)
    const first = store.load()
    fake.items = [item(EMERGENCY_ID)]
    await store.load()
    expect(store.queue?.items).toHaveLength(1)
    slow.open()
    await first
    // The first answer (an empty queue, as it was asked) came last and is dropped.
    expect(store.queue?.items).toHaveLength(1)
    expect(store.loading).toBe(false)
  })

  it('asks for the days chosen, and forgets the queue on sign-out even while a load is out', async () => {
    const store = queueModule.useQueueStore()
    await store.showDays('2026-11-18', '2026-11-20')
    expect(fake.queries.at(-1)).toEqual({ fromDate: '2026-11-18', toDate: '2026-11-20' })

    fake.items = [item(EMERGENCY_ID)]
    const slow = gate()
    fake.gates.push(slow.promise)
    const late = store.load()
    sessionModule.useSessionStore().adopt(SIGNED_OUT)
    slow.open()
    await late
    expect(store.queue).toBeNull()
    expect(store.fromDate).toBe(store.toDate)
    expect(JSON.stringify(store.$state)).not.toContain('Okafor')
  })
})

describe('emergency alerts store', () => {
  it('raises an emergency with the name the queue gives, once however often it is saved', async () => {
    const alerts = emergencyModule.useEmergencyAlertsStore()
    fake.items = [item(EMERGENCY_ID), item(OTHER_ID, { concern: 'none', familyName: 'Calm' })]
    alerts.follow()
    fake.emit({ intakeId: OTHER_ID, change: 'saved', concern: 'none' })
    fake.emit({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    fake.emit({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    await settle()
    expect(alerts.alerts).toEqual([
      { intakeId: EMERGENCY_ID, givenName: 'Maya', familyName: 'Okafor', status: 'draft' }
    ])
  })

  it('stacks several, and each goes when its record is opened, not before', async () => {
    const alerts = emergencyModule.useEmergencyAlertsStore()
    fake.items = [
      item(EMERGENCY_ID),
      item(SUBMITTED_ID, { status: 'submitted', familyName: 'Second' })
    ]
    alerts.notice({ intakeId: EMERGENCY_ID, change: 'created', concern: 'emergency' })
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'submitted', concern: 'emergency' })
    await settle()
    expect(alerts.alerts.map((alert) => alert.familyName)).toEqual(['Okafor', 'Second'])

    alerts.viewingRecord(OTHER_ID)
    alerts.viewingRecord(null)
    expect(alerts.alerts).toHaveLength(2)

    alerts.viewingRecord(SUBMITTED_ID)
    expect(alerts.alerts.map((alert) => alert.intakeId)).toEqual([EMERGENCY_ID])
    // Seen: saving the same emergency again does not raise it again…
    alerts.viewingRecord(null)
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'saved', concern: 'emergency' })
    expect(alerts.alerts).toHaveLength(1)
    // …but an emergency that went away and came back is a new one.
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'saved', concern: 'urgent' })
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'saved', concern: 'emergency' })
    expect(alerts.alerts.map((alert) => alert.intakeId)).toEqual([EMERGENCY_ID, SUBMITTED_ID])
  })

  it('does not raise the record already open, and lets a decision or a discard end an alert', async () => {
    const alerts = emergencyModule.useEmergencyAlertsStore()
    fake.items = [item(EMERGENCY_ID), item(OTHER_ID)]
    alerts.viewingRecord(EMERGENCY_ID)
    alerts.notice({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    alerts.notice({ intakeId: OTHER_ID, change: 'saved', concern: 'emergency' })
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'submitted', concern: 'emergency' })
    await settle()
    expect(alerts.alerts.map((alert) => alert.intakeId)).toEqual([OTHER_ID, SUBMITTED_ID])
    // Not in the last week's queue: named as unknown, and not looked up again and again.
    expect(alerts.alerts[1]).toMatchObject({ givenName: null, familyName: null, status: null })
    const lookups = fake.queries.length
    await alerts.lookUpNames()
    expect(fake.queries).toHaveLength(lookups)

    alerts.notice({ intakeId: OTHER_ID, change: 'discarded', concern: 'emergency' })
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'reviewed', concern: 'emergency' })
    expect(alerts.alerts).toEqual([])
  })

  it('lets the front desk mark an emergency seen by following its link to the queue', async () => {
    const alerts = emergencyModule.useEmergencyAlertsStore()
    fake.items = [item(SUBMITTED_ID, { status: 'submitted' })]
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'submitted', concern: 'emergency' })
    await settle()
    expect(alerts.alerts).toHaveLength(1)
    alerts.acknowledge(SUBMITTED_ID)
    alerts.notice({ intakeId: SUBMITTED_ID, change: 'saved', concern: 'emergency' })
    expect(alerts.alerts).toEqual([])
  })

  it('ignores changes signed out or in patient mode, forgets on sign-out, and catches up on sign-in', async () => {
    const session = sessionModule.useSessionStore()
    const alerts = emergencyModule.useEmergencyAlertsStore()
    fake.items = [
      item(EMERGENCY_ID),
      item(OTHER_ID, { status: 'reviewed', familyName: 'Decided' }),
      item(SUBMITTED_ID, { concern: 'urgent', familyName: 'Urgent' })
    ]
    alerts.notice({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    await settle()
    expect(alerts.alerts).toHaveLength(1)

    session.adopt(PATIENT)
    expect(alerts.alerts).toEqual([])
    alerts.notice({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    session.adopt(SIGNED_OUT)
    alerts.notice({ intakeId: EMERGENCY_ID, change: 'saved', concern: 'emergency' })
    await settle()
    expect(alerts.alerts).toEqual([])
    expect(JSON.stringify(alerts.$state)).not.toContain(EMERGENCY_ID)

    session.adopt(CLINICIAN)
    await alerts.catchUp()
    // Only today's emergencies nobody has decided on.
    expect(alerts.alerts).toEqual([
      { intakeId: EMERGENCY_ID, givenName: 'Maya', familyName: 'Okafor', status: 'draft' }
    ])
  })
})
