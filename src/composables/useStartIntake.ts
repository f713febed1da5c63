/**
 * Starting an intake from a front-desk screen and opening it: a new one or a
 * follow-up, kept by the member of staff or handed to the patient. The draft
 * store starts from nothing, the intake is made, patient mode is entered
 * when the device is handed over, and only then does the form open; a
 * failure at any step is said on the screen that asked, which stays.
 */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import type { EntryMode } from '../domain'
import { useIntakeDraftStore } from '../stores/intakeDraft'
import { useSessionStore } from '../stores/session'

type IntakeDraftStore = ReturnType<typeof useIntakeDraftStore>

export function useStartIntake() {
  const { t } = useI18n()
  const router = useRouter()
  const draft = useIntakeDraftStore()
  const session = useSessionStore()
  /** An intake is being started: the screen's start buttons wait. */
  const busy = ref(false)
  /** Why the last start failed, for an alert; the screen may set it for its own failures too. */
  const error = ref<string | null>(null)

  /**
   * Makes the intake with `create` (on a draft store just reset), hands the
   * device to the patient when `mode` says so, then opens the form.
   */
  async function startIntake(
    mode: EntryMode,
    create: (draft: IntakeDraftStore) => Promise<{ message: string } | null>
  ): Promise<void> {
    busy.value = true
    error.value = null
    draft.reset()
    const failed = await create(draft)
    if (failed || !draft.intakeId) {
      busy.value = false
      error.value = failed?.message ?? t('app.retry')
      return
    }
    if (mode === 'patient') {
      const refused = await session.startPatientMode(draft.intakeId)
      if (refused) {
        busy.value = false
        error.value = refused.message
        return
      }
    }
    busy.value = false
    await router.push(`/intake/${draft.intakeId}`)
  }

  return { busy, error, startIntake }
}
