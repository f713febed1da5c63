/**
 * Saving intakes as a FHIR R4 bundle from a staff screen: one call to the
 * main process, which opens the save dialog and writes the file, and the
 * sentence to show afterwards (saved where, not saved, or why it failed).
 */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api'
import type { ApiArgs } from '../domain'

export function useFhirExport() {
  const { t } = useI18n()
  const busy = ref(false)
  /** What happened, for a polite status line; `null` before the first export. */
  const status = ref<string | null>(null)
  /** Why the last export failed, for an alert; `null` when it did not. */
  const error = ref<string | null>(null)

  async function run(args: ApiArgs<'exportFhir'>): Promise<void> {
    if (busy.value) return
    busy.value = true
    status.value = null
    error.value = null
    try {
      const result = await api.exportFhir(args)
      if (!result.ok) {
        error.value = result.error.message
        return
      }
      const { saved, fileName, intakeCount } = result.value
      status.value = saved
        ? t('staff.fhir.saved', { fileName, count: intakeCount }, intakeCount)
        : t('staff.fhir.notSaved')
    } finally {
      busy.value = false
    }
  }

  return {
    busy,
    status,
    error,
    /** One intake, from its record screen. */
    exportIntake: (id: string) => run({ ids: [id] }),
    /** Every intake submitted on a local calendar day (`YYYY-MM-DD`), from the list. */
    exportDay: (date: string) => run({ date })
  }
}
