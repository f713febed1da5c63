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
import { DEFAULT_PRIVACY_NOTICE, type AppError, type PrivacyNotice } from '../domain'

export const usePrivacyNoticeStore = defineStore('privacyNotice', () => {
  const notice = ref<PrivacyNotice>(DEFAULT_PRIVACY_NOTICE)
  /** Whether `notice` holds what the main process last answered (not just the defaults). */
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  /** Intake ids whose consent step has shown the notice. Not patient data: only ids. */
  const shownFor = ref<readonly string[]>([])
  let pending: Promise<AppError | null> | null = null
  // Bumped by every save, so a read that started before a save cannot undo it when it lands.
  let saves = 0

  /** Reads the notice from the main process; callers at the same moment share one call. */
  function load(): Promise<AppError | null> {
    pending ??= (async () => {
      const savesBefore = saves
      const result = await api.getPrivacyNotice({})
      pending = null
      if (savesBefore !== saves) return null
      if (!result.ok) {
        error.value = result.error
        return result.error
      }
      notice.value = result.value
      loaded.value = true
      error.value = null
      return null
    })()
    return pending
  }

  /** Loads the notice unless it already is. */
  async function ensureLoaded(): Promise<AppError | null> {
    return loaded.value ? null : load()
  }

  /**
   * Saves the clinic's texts ('' for a language returns it to the default). On
   * success the store holds them as the main process stored them; on failure it
   * keeps the old ones and returns the error, whose `issues` name the languages.
   */
  async function save(next: PrivacyNotice): Promise<AppError | null> {
    saves += 1
    const result = await api.setPrivacyNotice({ en: next.en, zh: next.zh, es: next.es })
    if (!result.ok) return result.error
    notice.value = result.value
    loaded.value = true
    error.value = null
    return null
  }

  /** Whether the notice has been opened on this intake's consent step. */
  function isShown(intakeId: string): boolean {
    return shownFor.value.includes(intakeId)
  }

  /** Records that this intake's consent step has shown the notice. */
  function markShown(intakeId: string): void {
    if (!isShown(intakeId)) shownFor.value = [...shownFor.value, intakeId]
  }

  return { notice, loaded, error, shownFor, load, ensureLoaded, save, isShown, markShown }
})
