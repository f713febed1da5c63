/**
 * The clinic's own name, address and phone number: edited by staff in
 * Settings, read by the patient's emergency screen for the phone. They are not
 * patient data, so handing the device to a patient keeps them (the session
 * store clears only what belongs to other patients).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { EMPTY_CLINIC_DETAILS, type AppError, type ClinicDetails } from '../domain'

export const useClinicStore = defineStore('clinic', () => {
  const details = ref<ClinicDetails>(EMPTY_CLINIC_DETAILS)
  /** Whether `details` holds what the main process last answered (not just the empty default). */
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  let pending: Promise<AppError | null> | null = null
  // Bumped by every save, so a read that started before a save cannot undo it when it lands.
  let saves = 0

  /** Reads the details from the main process; callers at the same moment share one call. */
  function load(): Promise<AppError | null> {
    pending ??= (async () => {
      const savesBefore = saves
      const result = await api.getClinicDetails({})
      pending = null
      if (savesBefore !== saves) return null
      if (!result.ok) {
        error.value = result.error
        return result.error
      }
      details.value = result.value
      loaded.value = true
      error.value = null
      return null
    })()
    return pending
  }

  /** Loads the details unless they already are (the emergency screen must not wait twice). */
  async function ensureLoaded(): Promise<AppError | null> {
    return loaded.value ? null : load()
  }

  /**
   * Saves new details. On success the store holds them as the main process
   * stored them (trimmed, normalised); on failure it keeps the old ones and
   * returns the error, whose `issues` name the fields at fault.
   */
  async function save(next: ClinicDetails): Promise<AppError | null> {
    saves += 1
    const result = await api.setClinicDetails({
      name: next.name,
      address: next.address,
      phone: next.phone
    })
    if (!result.ok) return result.error
    details.value = result.value
    loaded.value = true
    error.value = null
    return null
  }

  return { details, loaded, error, load, ensureLoaded, save }
})
