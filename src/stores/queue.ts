/**
 * The queue as the queue screen shows it: the days chosen (today unless
 * changed), the intakes of those days in queue order, and the counts per
 * concern. While a screen follows it, every `intakesChanged` event from the
 * main process reloads it, so a new intake appears without anyone asking.
 *
 * Loads can overlap (an event arrives while the days are being changed): each
 * one is numbered, and only the answer to the latest is kept, so an older
 * answer arriving late never replaces a newer list. The queue names patients,
 * so `clear()` forgets it on sign-out and before the device goes to a patient.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { todayIso, type AppError, type Queue } from '../domain'
import { onForgetPatientData } from './session'

export const useQueueStore = defineStore('queue', () => {
  /** The days as chosen (`YYYY-MM-DD`, inclusive). */
  const fromDate = ref(todayIso(new Date()))
  const toDate = ref(fromDate.value)
  /** The queue last loaded; null before the first answer and after `clear()`. */
  const queue = ref<Queue | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** When the queue on screen was read (for "Updated at …"). */
  const loadedAt = ref<Date | null>(null)

  /** Bumped by every load and by `clear()`: an answer to anything older is dropped. */
  let latest = 0

  async function load(): Promise<void> {
    const request = ++latest
    loading.value = true
    const result = await api.listQueue({ fromDate: fromDate.value, toDate: toDate.value })
    if (request !== latest) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    queue.value = result.value
    loadedAt.value = new Date()
  }

  /** Shows other days (the form's "Show these days"). */
  function showDays(from: string, to: string): Promise<void> {
    fromDate.value = from
    toDate.value = to
    return load()
  }

  /** Back to today, which moves on at midnight while the screen stays open. */
  function showToday(): Promise<void> {
    const today = todayIso(new Date())
    return showDays(today, today)
  }

  /**
   * Reloads at every change the main process reports, until the returned
   * function is called (when the queue screen closes): the queue is never
   * polled.
   */
  function follow(): () => void {
    return api.on('intakesChanged', () => void load())
  }

  function clear(): void {
    latest++
    const today = todayIso(new Date())
    fromDate.value = today
    toDate.value = today
    queue.value = null
    loading.value = false
    error.value = null
    loadedAt.value = null
  }

  onForgetPatientData(clear)

  return {
    fromDate,
    toDate,
    queue,
    loading,
    error,
    loadedAt,
    load,
    showDays,
    showToday,
    follow,
    clear
  }
})
