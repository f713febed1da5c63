/** The staff list of intakes: one page at a time, filtered by status and name. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type { AppError, IntakeStatus, IntakeSummary, UnfinishedIntake } from '../domain'

export const useIntakeListStore = defineStore('intakeList', () => {
  const items = ref<readonly IntakeSummary[]>([])
  const unfinished = ref<readonly UnfinishedIntake[]>([])
  const nextCursor = ref<string | null>(null)
  const search = ref('')
  const status = ref<IntakeStatus | 'all'>('all')
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  async function load(append = false): Promise<void> {
    loading.value = true
    const query = {
      ...(status.value === 'all' ? {} : { status: status.value }),
      ...(search.value.trim() ? { search: search.value.trim() } : {}),
      ...(append && nextCursor.value ? { cursor: nextCursor.value } : {})
    }
    const result = await api.listIntakes(query)
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    items.value = append ? [...items.value, ...result.value.items] : result.value.items
    nextCursor.value = result.value.nextCursor
  }

  async function loadUnfinished(): Promise<void> {
    const result = await api.listUnfinished({})
    if (result.ok) unfinished.value = result.value
    else error.value = result.error
  }

  async function discard(id: string): Promise<AppError | null> {
    const result = await api.discardDraft({ id })
    if (!result.ok) return result.error
    unfinished.value = unfinished.value.filter((item) => item.id !== id)
    items.value = items.value.filter((item) => item.id !== id)
    return null
  }

  /** Forgets every listed intake (before the device is handed to a patient). */
  function clear(): void {
    items.value = []
    unfinished.value = []
    nextCursor.value = null
    search.value = ''
    error.value = null
  }

  return {
    items,
    unfinished,
    nextCursor,
    search,
    status,
    loading,
    error,
    load,
    loadUnfinished,
    discard,
    clear
  }
})
