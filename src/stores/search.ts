/**
 * The clinician's search: the form as typed, and the results of the latest
 * search. Typing searches as it goes (once typing pauses for
 * {@link SEARCH_DEBOUNCE_MS}); a filter searches at once.
 *
 * Answers can come back out of order (a short word that matches thousands of
 * intakes is slower than the longer word typed after it), so every search
 * takes a number and only the answer to the newest one is shown: an older,
 * slower answer never replaces a newer one. `clear()` (on sign-out, on
 * locking, before the device is handed to a patient) forgets the form and
 * the results, and drops any answer still on its way.
 *
 * While the search screen follows it, every `intakesChanged` event from the
 * main process (an intake created, saved, submitted, triaged or discarded
 * anywhere) runs the search on screen again after {@link LIVE_REFRESH_MS}, so
 * the results never go stale and nothing polls. A burst of events (autosave
 * while someone types) costs one search, and the answer to a refresh is
 * numbered like any other, so an older one never replaces a newer one.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type {
  AppError,
  ConcernLevel,
  QueueItem,
  ReviewStatus,
  SearchQuery,
  TriageDecision
} from '../domain'
import { onForgetPatientData } from './session'

/** The pause in typing after which a search runs: results follow the typing without a call per key. */
export const SEARCH_DEBOUNCE_MS = 150

/**
 * The wait after a change elsewhere before the search runs again: short enough
 * to feel immediate, long enough that the saves of one autosave burst (or a
 * submission and the decision after it) cost one search.
 */
export const LIVE_REFRESH_MS = 100

/** The form as typed: an empty string means "any". */
export interface SearchForm {
  text: string
  /** `YYYY-MM-DD`, as a date input gives it. */
  dateOfBirth: string
  fromDate: string
  toDate: string
  concern: ConcernLevel | ''
  status: ReviewStatus | ''
  decision: TriageDecision | ''
}

export function emptySearchForm(): SearchForm {
  return {
    text: '',
    dateOfBirth: '',
    fromDate: '',
    toDate: '',
    concern: '',
    status: '',
    decision: ''
  }
}

/** The query for the form: only what is filled in; `null` when nothing is. */
export function queryFor(form: SearchForm): SearchQuery | null {
  const text = form.text.trim()
  const query: SearchQuery = {
    ...(text === '' ? {} : { text }),
    ...(form.dateOfBirth === '' ? {} : { dateOfBirth: form.dateOfBirth }),
    ...(form.fromDate === '' ? {} : { fromDate: form.fromDate }),
    ...(form.toDate === '' ? {} : { toDate: form.toDate }),
    ...(form.concern === '' ? {} : { concern: form.concern }),
    ...(form.status === '' ? {} : { status: form.status }),
    ...(form.decision === '' ? {} : { decision: form.decision })
  }
  return Object.keys(query).length === 0 ? null : query
}

export const useSearchStore = defineStore('search', () => {
  const form = ref<SearchForm>(emptySearchForm())
  const items = ref<readonly QueueItem[]>([])
  /** More intakes matched than are shown. */
  const more = ref(false)
  /** Whether the results on screen answer a search (false before one, and for an empty form). */
  const searched = ref(false)
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  /** The number of the newest search; an answer carrying another number is stale. */
  let latest = 0
  /** A search waiting for typing to pause. */
  let timer: ReturnType<typeof setTimeout> | null = null
  /** A search waiting to run again after a change elsewhere. */
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  /** Stops following the main process's changes; null while not following. */
  let stopFollowing: (() => void) | null = null

  function cancelTimers(): void {
    if (timer !== null) clearTimeout(timer)
    if (refreshTimer !== null) clearTimeout(refreshTimer)
    timer = null
    refreshTimer = null
  }

  /** Searches now with the form as it stands; an empty form shows nothing. */
  function search(): Promise<void> {
    return run(false)
  }

  /**
   * One search. A refresh (`quiet`) leaves the results and the status line as
   * they are until its answer comes: results that merely gain a row should
   * not flash "Searching…" nor be announced twice by a screen reader.
   */
  async function run(quiet: boolean): Promise<void> {
    cancelTimers()
    const request = ++latest
    const query = queryFor(form.value)
    if (query === null) {
      items.value = []
      more.value = false
      searched.value = false
      loading.value = false
      error.value = null
      return
    }
    if (!quiet) loading.value = true
    const result = await api.searchIntakes(query)
    if (request !== latest) return
    loading.value = false
    searched.value = true
    if (!result.ok) {
      // Results for another query than the form shows would mislead.
      items.value = []
      more.value = false
      error.value = result.error
      return
    }
    error.value = null
    items.value = result.value.items
    more.value = result.value.more
  }

  /** Searches once typing pauses: each keystroke starts the wait again. */
  function searchSoon(): void {
    cancelTimers()
    timer = setTimeout(() => void search(), SEARCH_DEBOUNCE_MS)
  }

  /**
   * Runs the search on screen again once changes elsewhere pause. Nothing to
   * do for an empty form, nor while a search is already waiting to run (it
   * will read the changed data anyway).
   */
  function refreshSoon(): void {
    if (queryFor(form.value) === null || timer !== null || refreshTimer !== null) return
    refreshTimer = setTimeout(() => {
      refreshTimer = null
      void run(true)
    }, LIVE_REFRESH_MS)
  }

  /**
   * Searches again at every change the main process reports, until the
   * returned function is called (when the search screen closes) or patient
   * data is forgotten: the results are never polled.
   */
  function follow(): () => void {
    stopFollowing?.()
    const unsubscribe = api.on('intakesChanged', refreshSoon)
    const stop = (): void => {
      if (stopFollowing !== stop) return
      stopFollowing = null
      unsubscribe()
      if (refreshTimer !== null) clearTimeout(refreshTimer)
      refreshTimer = null
    }
    stopFollowing = stop
    return stop
  }

  /** Empties the form and the results. */
  function reset(): void {
    form.value = emptySearchForm()
    void search()
  }

  /** Forgets everything, including any answer still on its way. */
  function clear(): void {
    stopFollowing?.()
    cancelTimers()
    latest++
    form.value = emptySearchForm()
    items.value = []
    more.value = false
    searched.value = false
    loading.value = false
    error.value = null
  }
  // Results name patients and quote their words: they go when the session ends.
  onForgetPatientData(clear)

  return {
    form,
    items,
    more,
    searched,
    loading,
    error,
    search,
    searchSoon,
    follow,
    reset,
    clear
  }
})
