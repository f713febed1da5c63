/**
 * The role the main process enforces (staff, or patient mode locked to one
 * intake), mirrored here so the UI can hide what the role cannot reach.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import type { AppError, AppInfo, SessionState } from '../domain'
import { useIntakeListStore } from './intakeList'

export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>({ role: 'staff', intakeId: null, staffPinSet: false })
  const appInfo = ref<AppInfo | null>(null)
  const isPatientMode = computed(() => state.value.role === 'patient')
  /** The intake staff took back from patient mode, so it can be handed back where it was. */
  const takenBackFrom = ref<string | null>(null)
  /**
   * Per intake, the emergency answers a member of staff has already seen and
   * dealt with before handing the device back: the patient's pause does not
   * come back for them, only for a new emergency answer.
   */
  const acknowledgedEmergencies = ref<Readonly<Record<string, string>>>({})

  function acknowledgeEmergency(intakeId: string, emergencyKey: string): void {
    acknowledgedEmergencies.value = { ...acknowledgedEmergencies.value, [intakeId]: emergencyKey }
  }

  async function refresh(): Promise<AppError | null> {
    const [session, info] = await Promise.all([api.getSession({}), api.getAppInfo({})])
    // Patient mode is refused the app info (its data folder): forget any earlier copy too.
    appInfo.value = info.ok ? info.value : null
    if (!session.ok) return session.error
    state.value = session.value
    return null
  }

  async function startPatientMode(intakeId: string): Promise<AppError | null> {
    const result = await api.startPatientMode({ intakeId })
    if (!result.ok) return result.error
    // Nothing about other patients stays in the renderer while the patient holds the device.
    useIntakeListStore().clear()
    appInfo.value = null
    takenBackFrom.value = null
    state.value = result.value
    return null
  }

  async function exitPatientMode(pin: string): Promise<AppError | null> {
    const result = await api.exitPatientMode({ pin })
    if (!result.ok) return result.error
    takenBackFrom.value = state.value.intakeId
    state.value = result.value
    return null
  }

  async function setStaffPin(newPin: string, currentPin?: string): Promise<AppError | null> {
    const result = await api.setStaffPin(
      currentPin === undefined ? { newPin } : { newPin, currentPin }
    )
    if (!result.ok) return result.error
    state.value = result.value
    return null
  }

  return {
    state,
    appInfo,
    isPatientMode,
    takenBackFrom,
    acknowledgedEmergencies,
    acknowledgeEmergency,
    refresh,
    startPatientMode,
    exitPatientMode,
    setStaffPin
  }
})
