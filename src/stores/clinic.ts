/**
 * The clinic's own name, address and phone number: edited by staff in
 * Settings, read by the patient's emergency screen for the phone. They are not
 * patient data, so handing the device to a patient keeps them (the session
 * store clears only what belongs to other patients).
 */
import { defineStore } from 'pinia'
import { api } from '../api'
import { useStoredSetting } from '../composables/useStoredSetting'
import { EMPTY_CLINIC_DETAILS, type ClinicDetails } from '../domain'

export const useClinicStore = defineStore('clinic', () => {
  const setting = useStoredSetting<ClinicDetails>(
    EMPTY_CLINIC_DETAILS,
    () => api.getClinicDetails({}),
    // Exactly the three fields: a form object may carry more.
    ({ name, address, phone }) => api.setClinicDetails({ name, address, phone })
  )
  const { loaded, error, load, ensureLoaded, save } = setting
  return { details: setting.value, loaded, error, load, ensureLoaded, save }
})
