/**
 * PDF summaries from the staff screens: export or print one intake's, and a
 * day's export to a folder with its progress (pushed by the main process as
 * `dayExportProgress`) and a Cancel. The PDF never reaches the renderer: the
 * main process writes or prints it and reports what happened.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type { DayExportProgress, DayExportResult } from '../domain'

/** What the last export or print of one summary came to; the view words it. */
export type SummaryOutcome =
  | { readonly kind: 'making' }
  | { readonly kind: 'saved'; readonly fileName: string }
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'printed' }
  | { readonly kind: 'not-printed' }

export const useSummaryExportStore = defineStore('summaryExport', () => {
  /** The intake whose summary is being made, exported or printed. */
  const busyId = ref<string | null>(null)
  const outcome = ref<SummaryOutcome | null>(null)
  /** The intake `outcome` and `error` are about, so another record's page does not show them. */
  const outcomeFor = ref<string | null>(null)
  const error = ref<string | null>(null)
  const dayRunning = ref(false)
  const dayProgress = ref<DayExportProgress | null>(null)
  const dayResult = ref<DayExportResult | null>(null)

  function reset(id: string | null): void {
    busyId.value = id
    outcomeFor.value = id
    outcome.value = id === null ? null : { kind: 'making' }
    error.value = null
  }

  /** Saves one intake's summary through the save dialog. */
  async function exportOne(id: string): Promise<void> {
    reset(id)
    const result = await api.exportSummaryPdf({ id })
    busyId.value = null
    if (!result.ok) {
      outcome.value = null
      error.value = result.error.message
      return
    }
    outcome.value = result.value.saved
      ? { kind: 'saved', fileName: result.value.fileName }
      : { kind: 'not-saved' }
  }

  /** Opens the print dialog with the same summary. */
  async function print(id: string): Promise<void> {
    reset(id)
    const result = await api.printSummary({ id })
    busyId.value = null
    if (!result.ok) {
      outcome.value = null
      error.value = result.error.message
      return
    }
    outcome.value = { kind: result.value.printed ? 'printed' : 'not-printed' }
  }

  /** Exports every summary submitted on `date` into a folder, following the main process's progress. */
  async function exportDay(date: string): Promise<void> {
    dayRunning.value = true
    dayProgress.value = null
    dayResult.value = null
    error.value = null
    const stop = api.on('dayExportProgress', (progress) => {
      if (progress.date === date) dayProgress.value = progress
    })
    try {
      const result = await api.exportDaySummaries({ date })
      if (result.ok) dayResult.value = result.value
      else error.value = result.error.message
    } finally {
      stop()
      dayRunning.value = false
    }
  }

  /** Asks the running day's export to stop after the file it is writing. */
  async function cancelDay(): Promise<void> {
    await api.cancelDayExport({})
  }

  /** Forgets what was shown (before the device is handed to a patient). */
  function clear(): void {
    reset(null)
    dayProgress.value = null
    dayResult.value = null
  }

  return {
    busyId,
    outcome,
    outcomeFor,
    error,
    dayRunning,
    dayProgress,
    dayResult,
    exportOne,
    print,
    exportDay,
    cancelDay,
    clear
  }
})
