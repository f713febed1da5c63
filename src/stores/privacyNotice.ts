/**
 * The clinic's privacy notice: the clinic's own text per language (edited by
 * staff in Settings, read on the consent step, patient mode included), and
 * for which intakes the notice has been opened in this run of the app, so the
 * privacy box stays available when the patient goes Back and Next again.
 *
 * The store holds the clinic's texts only (an empty text means the default);
 * the default wording lives with the rest of the messages in `src/i18n`.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { useStoredSetting } from '../composables/useStoredSetting'
import { DEFAULT_PRIVACY_NOTICE, type PrivacyNotice } from '../domain'

export const usePrivacyNoticeStore = defineStore('privacyNotice', () => {
  // '' for a language means its default wording.
  const setting = useStoredSetting<PrivacyNotice>(
    DEFAULT_PRIVACY_NOTICE,
    () => api.getPrivacyNotice({}),
    ({ en, zh, es }) => api.setPrivacyNotice({ en, zh, es })
  )
  const { loaded, error, load, ensureLoaded, save } = setting
  /** Intake ids whose consent step has shown the notice. Not patient data: only ids. */
  const shownFor = ref<readonly string[]>([])

  /** Whether the notice has been opened on this intake's consent step. */
  function isShown(intakeId: string): boolean {
    return shownFor.value.includes(intakeId)
  }

  /** Records that this intake's consent step has shown the notice. */
  function markShown(intakeId: string): void {
    if (!isShown(intakeId)) shownFor.value = [...shownFor.value, intakeId]
  }

  return {
    notice: setting.value,
    loaded,
    error,
    shownFor,
    load,
    ensureLoaded,
    save,
    isShown,
    markShown
  }
})
