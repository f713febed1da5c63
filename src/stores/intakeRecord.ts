/**
 * The one intake record open on the clinician's screen, read through the
 * contract like every other view's data. The patient's other visits come
 * with the record itself (`record.visits`, by patient, exact), so opening a
 * record is one call.
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
import type { IntakeRecord, TriageVersion } from '../domain'

export const useIntakeRecordStore = defineStore('intakeRecord', () => {
  const record = ref<IntakeRecord | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  /** Bumped by every `load` and by `clear()`: an answer to an older request is dropped. */
  let generation = 0

  /** Reads one record; resolves once it (or its error) is on screen or superseded. */
  async function load(id: string): Promise<void> {
    generation += 1
    const started = generation
    loading.value = true
    // Another record's data never stays on screen under this id while it loads.
    if (record.value?.id !== id) record.value = null
    const result = await api.getIntake({ id })
    if (started !== generation) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error.message
      return
    }
    record.value = result.value
    error.value = null
  }

  /** A decision just recorded: the versions come back with it, so the record need not be read again. */
  function triageRecorded(versions: readonly TriageVersion[]): void {
    if (record.value !== null) record.value = { ...record.value, triage: versions }
  }

  /**
   * An amendment just saved: the amended record comes back with it. Only put
   * on screen while that record is still the one shown, and never over a
   * newer revision read meanwhile.
   */
  function amended(updated: IntakeRecord): void {
    const shown = record.value
    if (shown !== null && shown.id === updated.id && updated.revision >= shown.revision)
      record.value = updated
  }

  function clear(): void {
    generation += 1
    record.value = null
    error.value = null
    loading.value = false
  }
  onForgetPatientData(clear)

  return { record, error, loading, load, triageRecorded, amended, clear }
})
