/**
 * The one intake record open on the clinician's screen, read through the
 * contract like every other view's data, with the patient's earlier intakes
 * beside it.
 *
 * Opening records quickly one after another (the queue, a search result, the
 * back button) can answer out of order: only the answer to the latest
 * `load` is kept, so the screen never shows one patient's record under
 * another's URL. The record is a patient's whole intake, so `clear()` forgets
 * it on sign-out and before the device is handed to a patient, and an answer
 * still on its way then is dropped.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { onForgetPatientData } from './session'
import type { IntakeRecord, IntakeSummary, TriageVersion } from '../domain'

/** How many same-name intakes are looked through for the patient's earlier ones. */
const EARLIER_SEARCH_LIMIT = 50

export const useIntakeRecordStore = defineStore('intakeRecord', () => {
  const record = ref<IntakeRecord | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  /**
   * Other intakes of the same patient (same family name and date of birth),
   * newest first; empty until found or when there are none.
   */
  const earlier = ref<readonly IntakeSummary[]>([])
  /** Bumped by every `load` and by `clear()`: an answer to an older request is dropped. */
  let generation = 0

  /** Reads one record; resolves once it (or its error) is on screen or superseded. */
  async function load(id: string): Promise<void> {
    generation += 1
    const started = generation
    loading.value = true
    // Another record's data never stays on screen under this id while it loads.
    if (record.value?.id !== id) {
      record.value = null
      earlier.value = []
    }
    const result = await api.getIntake({ id })
    if (started !== generation) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error.message
      return
    }
    record.value = result.value
    error.value = null
    await loadEarlier(result.value, started)
  }

  /**
   * The records do not carry a patient's other intakes, so they are found as
   * front desk would: by family name, kept only when the date of birth
   * matches too (a common surname alone is not the same person).
   */
  async function loadEarlier(current: IntakeRecord, started: number): Promise<void> {
    const family = current.answers['patient.familyName']
    const dateOfBirth = current.answers['patient.dateOfBirth']
    if (typeof family !== 'string' || typeof dateOfBirth !== 'string' || family.trim() === '') {
      earlier.value = []
      return
    }
    const result = await api.listIntakes({ search: family.trim(), limit: EARLIER_SEARCH_LIMIT })
    if (started !== generation) return
    // Not finding them only leaves the list out; the record itself is on screen.
    earlier.value = result.ok
      ? result.value.items.filter(
          (item) => item.id !== current.id && item.dateOfBirth === dateOfBirth
        )
      : []
  }

  /** A decision just recorded: the versions come back with it, so the record need not be read again. */
  function triageRecorded(versions: readonly TriageVersion[]): void {
    if (record.value !== null) record.value = { ...record.value, triage: versions }
  }

  function clear(): void {
    generation += 1
    record.value = null
    earlier.value = []
    error.value = null
    loading.value = false
  }
  onForgetPatientData(clear)

  return { record, error, loading, earlier, load, triageRecorded, clear }
})
