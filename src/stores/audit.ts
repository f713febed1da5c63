/**
 * The audit trail screen (administrators): pages of entries, newest first,
 * under the filters last applied; the people the person filter offers; and
 * the result of checking the trail's hash chain.
 *
 * Entries name staff and intakes, so `clear()` forgets all of it (on sign-out
 * and before the device is handed to a patient), and an answer that arrives
 * after it is dropped rather than put back on screen.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { onForgetPatientData } from './session'
import type {
  AppError,
  AuditAction,
  AuditActor,
  AuditEntry,
  AuditQuery,
  AuditVerification,
  StaffMember
} from '../domain'

/** The filter form as typed: an empty string means "any". */
export interface AuditFilters {
  action: AuditAction | ''
  staffId: string
  intakeId: string
  /** `YYYY-MM-DD`, as a date input gives it. */
  fromDate: string
  toDate: string
}

/** Someone the person filter can choose. */
export interface AuditPerson {
  readonly id: string
  readonly name: string
  readonly role: AuditActor['role']
}

function emptyFilters(): AuditFilters {
  return { action: '', staffId: '', intakeId: '', fromDate: '', toDate: '' }
}

/** The query for the filters: only those filled in, trimmed. */
function queryFor(filters: AuditFilters): AuditQuery {
  const staffId = filters.staffId.trim()
  // Record ids are lower-case UUIDs; one pasted from elsewhere may not be.
  const intakeId = filters.intakeId.trim().toLowerCase()
  return {
    ...(filters.action === '' ? {} : { action: filters.action }),
    ...(staffId === '' ? {} : { staffId }),
    ...(intakeId === '' ? {} : { intakeId }),
    ...(filters.fromDate === '' ? {} : { fromDate: filters.fromDate }),
    ...(filters.toDate === '' ? {} : { toDate: filters.toDate })
  }
}

export const useAuditStore = defineStore('audit', () => {
  const entries = ref<readonly AuditEntry[]>([])
  const filters = ref<AuditFilters>(emptyFilters())
  /** Where the next older page starts; null when the last page is loaded. */
  const nextBeforeSeq = ref<number | null>(null)
  const verification = ref<AuditVerification | null>(null)
  /** Every staff account, for the person filter; empty until loaded (or if refused). */
  const staff = ref<readonly StaffMember[]>([])
  const loading = ref(false)
  const verifying = ref(false)
  /** Why the entries could not be read. */
  const error = ref<AppError | null>(null)
  /** Why the trail could not be checked (not a broken entry: that is `verification`). */
  const verifyError = ref<AppError | null>(null)

  /**
   * The query of the page on screen, so "Load older" continues the same list
   * even when the form has been changed but not applied.
   */
  let appliedQuery: AuditQuery = {}
  /**
   * Bumped by every new list and by `clear()`: an answer for an older one is
   * dropped, so a slow first page cannot replace a newer one, and nothing
   * comes back after the screen was cleared.
   */
  let listGeneration = 0
  let verifyGeneration = 0
  /** Bumped by `clear()` only, for answers that no new list replaces (the staff accounts). */
  let clears = 0

  /**
   * The staff accounts, then anyone else the loaded entries name (an account
   * the list does not hold, or all of them when it could not be read), by name.
   */
  const people = computed<readonly AuditPerson[]>(() => {
    const byId = new Map<string, AuditPerson>()
    for (const member of staff.value) {
      byId.set(member.id, { id: member.id, name: member.name, role: member.role })
    }
    for (const { actor } of entries.value) {
      if (actor.staffId !== null && !byId.has(actor.staffId)) {
        byId.set(actor.staffId, {
          id: actor.staffId,
          name: actor.name ?? actor.staffId,
          role: actor.role
        })
      }
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  })

  /** Applies the filters as they stand and loads the newest page. */
  async function load(): Promise<AppError | null> {
    const generation = ++listGeneration
    const query = queryFor(filters.value)
    loading.value = true
    const result = await api.listAuditEvents(query)
    if (generation !== listGeneration) return null
    loading.value = false
    appliedQuery = query
    if (!result.ok) {
      // A list under other filters than the form shows would mislead.
      entries.value = []
      nextBeforeSeq.value = null
      error.value = result.error
      return result.error
    }
    error.value = null
    entries.value = result.value.entries
    nextBeforeSeq.value = result.value.nextBeforeSeq
    return null
  }

  /** Adds the next older page under the filters of the list on screen. */
  async function loadOlder(): Promise<AppError | null> {
    const beforeSeq = nextBeforeSeq.value
    if (beforeSeq === null || loading.value) return null
    const generation = listGeneration
    loading.value = true
    const result = await api.listAuditEvents({ ...appliedQuery, beforeSeq })
    if (generation !== listGeneration) return null
    loading.value = false
    if (!result.ok) {
      // The entries shown are still right; the button stays for another try.
      error.value = result.error
      return result.error
    }
    error.value = null
    entries.value = [...entries.value, ...result.value.entries]
    nextBeforeSeq.value = result.value.nextBeforeSeq
    return null
  }

  /** Reads the staff accounts for the person filter; without them it offers the people listed. */
  async function loadStaff(): Promise<void> {
    const clearsBefore = clears
    const result = await api.listStaff({})
    if (clearsBefore === clears && result.ok) staff.value = result.value
  }

  /** Checks the whole trail's hash chain in the main process. */
  async function verify(): Promise<AppError | null> {
    const generation = ++verifyGeneration
    verifying.value = true
    verifyError.value = null
    const result = await api.verifyAuditTrail({})
    if (generation !== verifyGeneration) return null
    verifying.value = false
    if (!result.ok) {
      verification.value = null
      verifyError.value = result.error
      return result.error
    }
    verification.value = result.value
    return null
  }

  /** Empties the filter form (the list keeps its filters until `load`). */
  function resetFilters(): void {
    filters.value = emptyFilters()
  }

  /** Forgets everything: entries, filters, people, the check's result. */
  function clear(): void {
    clears++
    listGeneration++
    verifyGeneration++
    entries.value = []
    filters.value = emptyFilters()
    nextBeforeSeq.value = null
    verification.value = null
    staff.value = []
    loading.value = false
    verifying.value = false
    error.value = null
    verifyError.value = null
    appliedQuery = {}
  }
  // The trail names intakes and people: it goes with everything else when the session ends.
  onForgetPatientData(clear)

  return {
    entries,
    filters,
    nextBeforeSeq,
    verification,
    staff,
    people,
    loading,
    verifying,
    error,
    verifyError,
    load,
    loadOlder,
    loadStaff,
    verify,
    resetFilters,
    clear
  }
})
