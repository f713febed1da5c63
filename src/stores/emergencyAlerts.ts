/**
 * Emergencies waiting to be seen, for the banner on every staff screen. An
 * `intakesChanged` event reporting concern `emergency` raises one for its
 * intake; it stays until that record is opened on this screen (or the draft
 * is discarded, or a clinician records a decision on it), and several stack.
 *
 * The event carries no name (the window may be in patient mode when it
 * arrives), so names are looked up through the queue, and only while a member
 * of staff is signed in. Like every store holding patient data, this one
 * forgets everything on sign-out and before the device goes to a patient.
 * So that an emergency still waits for whoever signs in next (after the app
 * locked itself, or when staff take the device back from a patient), signing
 * in raises every emergency of today that no clinician has decided on yet.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { todayIso, type IntakesChanged, type QueueItem, type ReviewStatus } from '../domain'
import { onForgetPatientData, useSessionStore } from './session'

/** One emergency on the banner. */
export interface EmergencyAlert {
  readonly intakeId: string
  /** Null until looked up, and when the intake is not in the recent queue or has no name yet. */
  readonly givenName: string | null
  readonly familyName: string | null
  /** Null until looked up: a draft is continued, a submitted record opened. */
  readonly status: ReviewStatus | null
}

/** How far back a name is looked for when the intake is not in today's queue. */
const LOOKBACK_DAYS = 7

type Found = Pick<EmergencyAlert, 'givenName' | 'familyName' | 'status'>

export const useEmergencyAlertsStore = defineStore('emergencyAlerts', () => {
  /** Intakes with an emergency not yet opened, in the order they were raised. */
  const waiting = ref<readonly string[]>([])
  /** What the queue said of each (patient data: forgotten with the rest). */
  const found = ref<Readonly<Record<string, Found>>>({})
  /**
   * Emergencies already seen: further saves of the same answers do not raise
   * them again; only a concern that dropped and came back is a new emergency.
   */
  const seen = new Set<string>()
  /** The record open on this screen: an emergency in it is in front of the person already. */
  let viewing: string | null = null
  /** Bumped by `forget()`: a lookup answered after it is dropped. */
  let generation = 0

  const alerts = computed<readonly EmergencyAlert[]>(() =>
    waiting.value.map((intakeId) => ({
      intakeId,
      givenName: found.value[intakeId]?.givenName ?? null,
      familyName: found.value[intakeId]?.familyName ?? null,
      status: found.value[intakeId]?.status ?? null
    }))
  )

  function dismiss(intakeId: string): void {
    waiting.value = waiting.value.filter((id) => id !== intakeId)
  }

  /**
   * Takes one change the main process reported. Signed out or in patient
   * mode it is ignored: nobody on staff is there, and signing in catches up.
   */
  function notice(change: IntakesChanged): void {
    if (!useSessionStore().isSignedIn) return
    const { intakeId } = change
    if (change.change === 'discarded') {
      dismiss(intakeId)
      seen.delete(intakeId)
      return
    }
    if (change.change === 'reviewed' || intakeId === viewing) {
      // A clinician decided on it, or it is open here: it has been seen.
      dismiss(intakeId)
      seen.add(intakeId)
      return
    }
    if (change.concern !== 'emergency') {
      seen.delete(intakeId)
      return
    }
    if (seen.has(intakeId) || waiting.value.includes(intakeId)) return
    waiting.value = [...waiting.value, intakeId]
    void lookUpNames()
  }

  /**
   * The person followed the banner's link: the emergency has been seen (the
   * front desk, who may not open a submitted record, is sent to the queue).
   */
  function acknowledge(intakeId: string): void {
    dismiss(intakeId)
    seen.add(intakeId)
  }

  /** The record `intakeId` is open on this screen (null: none is): its emergency goes. */
  function viewingRecord(intakeId: string | null): void {
    viewing = intakeId
    if (intakeId !== null) acknowledge(intakeId)
  }

  /** The queue of the last `days` days ending today, for the names it holds. */
  async function queueOf(days: number): Promise<readonly QueueItem[]> {
    const today = new Date()
    const from = new Date(today)
    from.setDate(today.getDate() - (days - 1))
    const result = await api.listQueue({ fromDate: todayIso(from), toDate: todayIso(today) })
    return result.ok ? result.value.items : []
  }

  /**
   * Finds the name and status of every waiting emergency not yet looked up:
   * today's queue first (an emergency is nearly always today's, and is at
   * the top), then the last week's for a draft begun earlier. Only for a
   * member of staff at the screen: in patient mode nothing is fetched.
   */
  async function lookUpNames(): Promise<void> {
    const session = useSessionStore()
    if (!session.isSignedIn) return
    const missing = () => waiting.value.filter((id) => found.value[id] === undefined)
    if (missing().length === 0) return
    const before = generation
    for (const days of [1, LOOKBACK_DAYS]) {
      const items = await queueOf(days)
      if (before !== generation) return
      const next = { ...found.value }
      for (const item of items) {
        if (waiting.value.includes(item.id)) {
          next[item.id] = {
            givenName: item.givenName,
            familyName: item.familyName,
            status: item.status
          }
        }
      }
      found.value = next
      if (missing().length === 0) return
    }
    // Not in the last week's queue (or nameless): the banner says so rather than asking again.
    const unknown = Object.fromEntries(
      missing().map((id) => [id, { givenName: null, familyName: null, status: null }])
    )
    found.value = { ...found.value, ...unknown }
  }

  /**
   * Raises every emergency of today's queue not yet decided on (except the
   * record open here), with its name: called when a member of staff signs in.
   */
  async function catchUp(): Promise<void> {
    if (!useSessionStore().isSignedIn) return
    const before = generation
    const items = await queueOf(1)
    if (before !== generation) return
    const raised = items.filter(
      (item) =>
        item.concern === 'emergency' &&
        item.status !== 'reviewed' &&
        item.id !== viewing &&
        !seen.has(item.id) &&
        !waiting.value.includes(item.id)
    )
    if (raised.length === 0) return
    const next = { ...found.value }
    for (const item of raised) {
      next[item.id] = {
        givenName: item.givenName,
        familyName: item.familyName,
        status: item.status
      }
    }
    found.value = next
    waiting.value = [...waiting.value, ...raised.map((item) => item.id)]
  }

  /**
   * Reports every emergency the main process raises until the returned
   * function is called (the app frame, for as long as the app runs).
   */
  function follow(): () => void {
    return api.on('intakesChanged', notice)
  }

  /** Forgets every waiting emergency and every name (which record is open stays: it is the route's). */
  function forget(): void {
    generation++
    waiting.value = []
    found.value = {}
    seen.clear()
  }

  onForgetPatientData(forget)

  return {
    waiting,
    found,
    alerts,
    notice,
    acknowledge,
    viewingRecord,
    lookUpNames,
    catchUp,
    follow,
    forget
  }
})
