/**
 * Who is at the keyboard, as the main process enforces it (signed out, a
 * member of staff with a role, or patient mode locked to one intake),
 * mirrored here so the UI shows only what the role can reach. Signing out,
 * locking and handing the device to a patient all forget every patient's data
 * the renderer holds.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  roleIncludes,
  type AppError,
  type AppInfo,
  type SessionState,
  type StaffRole
} from '../domain'
import { useIntakeDraftStore } from './intakeDraft'
import { useIntakeListStore } from './intakeList'
import { useSummaryExportStore } from './summaryExport'

const SIGNED_OUT: SessionState = {
  role: 'signed-out',
  staff: null,
  intakeId: null,
  needsFirstAdministrator: false,
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES
}

/** Other stores that hold patient data register how to forget it (audit, data safety). */
const forgetters = new Set<() => void>()
export function onForgetPatientData(forget: () => void): void {
  forgetters.add(forget)
}

export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>(SIGNED_OUT)
  const appInfo = ref<AppInfo | null>(null)
  const isPatientMode = computed(() => state.value.role === 'patient')
  const isSignedIn = computed(() => state.value.staff !== null && state.value.role !== 'patient')
  /** Why the app last locked itself, shown on the sign-in screen ("locked after 5 minutes…"). */
  const lockedBecause = ref<'idle' | null>(null)
  /**
   * Where the person was when the app locked itself, and who they were: the
   * same person signing back in returns there (their draft reloads from the
   * database); anyone else starts at the start screen.
   */
  const returnTo = ref<{ path: string; staffId: string } | null>(null)

  function rememberReturnPath(path: string): void {
    const staffId = state.value.staff?.id
    returnTo.value = staffId ? { path, staffId } : null
  }

  /** The path to go back to after signing in, once; null when it does not apply. */
  function consumeReturnPath(): string | null {
    const saved = returnTo.value
    returnTo.value = null
    return saved !== null && saved.staffId === state.value.staff?.id ? saved.path : null
  }
  /** The intake staff took back from patient mode, so it can be handed back where it was. */
  const takenBackFrom = ref<string | null>(null)
  /**
   * Per intake, the emergency answers a member of staff has already seen and
   * dealt with before handing the device back: the patient's pause does not
   * come back for them, only for a new emergency answer.
   */
  const acknowledgedEmergencies = ref<Readonly<Record<string, string>>>({})

  function can(needed: StaffRole): boolean {
    return roleIncludes(state.value.role, needed)
  }

  function acknowledgeEmergency(intakeId: string, emergencyKey: string): void {
    acknowledgedEmergencies.value = { ...acknowledgedEmergencies.value, [intakeId]: emergencyKey }
  }

  /**
   * Empties every store that holds other patients' data (lists, the audit
   * trail, staff accounts); `everything` also empties the open intake.
   */
  function forgetPatientData(everything = true): void {
    useIntakeListStore().clear()
    useSummaryExportStore().clear()
    for (const forget of forgetters) forget()
    appInfo.value = null
    if (!everything) return
    useIntakeDraftStore().reset()
    takenBackFrom.value = null
    acknowledgedEmergencies.value = {}
  }

  /**
   * Takes a session state from the main process (a call's answer or a pushed
   * event; the same state twice changes nothing). Signed out, the screen
   * forgets everything; handed to a patient, it forgets all but the patient's
   * own intake; a member of staff taking the device back keeps that intake
   * on screen to carry on with.
   */
  function adopt(next: SessionState): void {
    state.value = next
    if (next.role === 'signed-out') forgetPatientData()
    else if (next.role === 'patient') forgetPatientData(false)
    else lockedBecause.value = null
  }

  async function refresh(): Promise<AppError | null> {
    const session = await api.getSession({})
    if (!session.ok) return session.error
    adopt(session.value)
    if (roleIncludes(session.value.role, 'front-desk')) {
      const info = await api.getAppInfo({})
      appInfo.value = info.ok ? info.value : null
    }
    return null
  }

  async function adoptResult(
    result: Awaited<ReturnType<typeof api.signIn>>
  ): Promise<AppError | null> {
    if (!result.ok) return result.error
    adopt(result.value)
    const info = await api.getAppInfo({})
    appInfo.value = info.ok ? info.value : null
    return null
  }

  async function signIn(name: string, secret: string): Promise<AppError | null> {
    return adoptResult(await api.signIn({ name, secret }))
  }

  async function createFirstAdministrator(name: string, secret: string): Promise<AppError | null> {
    return adoptResult(await api.createFirstAdministrator({ name, secret }))
  }

  /**
   * Signs out, saving the open draft first so nothing typed is lost; `idle`
   * when the app locks itself.
   */
  async function signOut(reason: 'sign-out' | 'idle'): Promise<void> {
    await useIntakeDraftStore().flush()
    const result = await api.signOut({ reason })
    lockedBecause.value = reason === 'idle' ? 'idle' : null
    // Even if the main process had already locked the session, the screen forgets everything.
    adopt(
      result.ok ? result.value : { ...SIGNED_OUT, idleLockMinutes: state.value.idleLockMinutes }
    )
  }

  /** The person is still there: the idle time starts again in the main process too. */
  async function keepSignedIn(): Promise<void> {
    const result = await api.keepSignedIn({})
    if (result.ok) adopt(result.value)
    else if (result.error.code === 'forbidden') await refresh()
  }

  async function startPatientMode(intakeId: string): Promise<AppError | null> {
    const result = await api.startPatientMode({ intakeId })
    if (!result.ok) return result.error
    // Nothing about other patients stays in the renderer while the patient holds the device.
    takenBackFrom.value = null
    adopt(result.value)
    return null
  }

  async function exitPatientMode(name: string, secret: string): Promise<AppError | null> {
    const result = await api.exitPatientMode({ name, secret })
    if (!result.ok) return result.error
    const from = state.value.intakeId
    adopt(result.value)
    takenBackFrom.value = from
    const info = await api.getAppInfo({})
    appInfo.value = info.ok ? info.value : null
    return null
  }

  return {
    state,
    appInfo,
    isPatientMode,
    isSignedIn,
    lockedBecause,
    rememberReturnPath,
    consumeReturnPath,
    takenBackFrom,
    acknowledgedEmergencies,
    can,
    acknowledgeEmergency,
    forgetPatientData,
    adopt,
    refresh,
    signIn,
    createFirstAdministrator,
    signOut,
    keepSignedIn,
    startPatientMode,
    exitPatientMode
  }
})
