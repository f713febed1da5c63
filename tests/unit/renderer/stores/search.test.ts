/**
 * The search store against a fake `window.api` whose answers the test
 * releases in any order: the debounce while typing, what a query sends, that
 * an older answer arriving after a newer one is dropped, errors, that
 * forgetting patient data drops an answer still on its way, and that the
 * search on screen runs again by itself when the main process reports a
 * change (events the test pushes as the main process would).
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  AppApi,
  AppError,
  IntakesChanged,
  QueueItem,
  Result,
  SearchQuery,
  SearchResults
} from '../../../../src/domain'
import type * as SearchStoreModule from '../../../../src/stores/search'
import type * as SessionStoreModule from '../../../../src/stores/session'
import { IntakesChangedApi } from '../support/intakesChangedApi'

function item(id: string, familyName: string): QueueItem {
  return {
    id,
    status: 'submitted',
    kind: 'initial',
    givenName: 'Maya',
    familyName,
    dateOfBirth: '1996-03-14',
    age: 30,
    concern: 'none',
    flags: [],
    createdAt: '2026-11-20T09:00:00.000Z',
    submittedAt: '2026-11-20T09:10:00.000Z',
    updatedAt: '2026-11-20T09:10:00.000Z',
    triage: null
  }
}

interface Pending {
  readonly query: SearchQuery
  answer(result: Result<SearchResults>): void
}

/** Every search waits until the test answers it, so answers can come back in any order. */
class FakeSearchApi extends IntakesChangedApi {
  readonly pending: Pending[] = []

  constructor() {
    super('the search store')
  }

  override searchIntakes(query: SearchQuery): ReturnType<AppApi['searchIntakes']> {
    return new Promise((resolve) => this.pending.push({ query, answer: resolve }))
  }
}

const found = (...items: QueueItem[]): Result<SearchResults> => ({
  ok: true,
  value: { items, more: false }
})

let fake: FakeSearchApi
let searchModule: typeof SearchStoreModule
let sessionModule: typeof SessionStoreModule

beforeEach(async () => {
  vi.useFakeTimers()
  fake = new FakeSearchApi()
  // src/api.ts reads window.api once, at import: stub first, then load fresh modules.
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  searchModule = await import('../../../../src/stores/search')
  sessionModule = await import('../../../../src/stores/session')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** Lets the store's awaits run after an answer. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
}

describe('search store', () => {
  it('searches once typing pauses, with only what the form has', async () => {
    const search = searchModule.useSearchStore()
    for (const text of ['n', 'nu', 'nun']) {
      search.form.text = text
      search.searchSoon()
      await vi.advanceTimersByTimeAsync(searchModule.SEARCH_DEBOUNCE_MS - 1)
    }
    expect(fake.pending).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.pending.map((call) => call.query)).toEqual([{ text: 'nun' }])

    search.form = {
      ...searchModule.emptySearchForm(),
      text: '  nunez  ',
      dateOfBirth: '1961-07-30',
      status: 'reviewed',
      decision: 'proceed'
    }
    void search.search()
    expect(fake.pending.at(-1)?.query).toEqual({
      text: 'nunez',
      dateOfBirth: '1961-07-30',
      status: 'reviewed',
      decision: 'proceed'
    })
    expect(fake.notFakedCalls).toEqual([])
  })

  it('never lets an older, slower answer replace a newer one', async () => {
    const search = searchModule.useSearchStore()
    search.form.text = 'n'
    void search.search()
    search.form.text = 'nunez'
    void search.search()
    const [older, newer] = fake.pending
    newer?.answer(found(item('b', 'Núñez')))
    await settle()
    expect(search.items.map((row) => row.familyName)).toEqual(['Núñez'])
    expect(search.loading).toBe(false)

    older?.answer(found(item('a', 'Nash'), item('b', 'Núñez'), item('c', 'Nuno')))
    await settle()
    expect(search.items.map((row) => row.familyName)).toEqual(['Núñez'])
    expect(search.searched).toBe(true)
  })

  it('shows an error instead of results for another query, and an empty form shows nothing', async () => {
    const search = searchModule.useSearchStore()
    search.form.text = 'maya'
    void search.search()
    fake.pending[0]?.answer(found(item('a', 'Okafor')))
    await settle()
    const refused: AppError = {
      code: 'invalid-argument',
      message: 'The first day must not be after the last day.'
    }
    search.form.fromDate = '2026-11-21'
    search.form.toDate = '2026-11-20'
    void search.search()
    fake.pending[1]?.answer({ ok: false, error: refused })
    await settle()
    expect(search.error).toEqual(refused)
    expect(search.items).toEqual([])

    search.reset()
    await settle()
    expect(fake.pending).toHaveLength(2)
    expect(search.error).toBeNull()
    expect(search.searched).toBe(false)
  })

  it('forgets the form and drops an answer on its way when patient data is forgotten', async () => {
    const search = searchModule.useSearchStore()
    search.form.text = 'maya'
    void search.search()
    search.form.text = 'maya okafor'
    search.searchSoon()
    sessionModule.useSessionStore().forgetPatientData()
    fake.pending[0]?.answer(found(item('a', 'Okafor')))
    await vi.advanceTimersByTimeAsync(searchModule.SEARCH_DEBOUNCE_MS * 2)
    expect(search.items).toEqual([])
    expect(search.form).toEqual(searchModule.emptySearchForm())
    // The search waiting for typing to pause was cancelled too.
    expect(fake.pending).toHaveLength(1)
  })
})

describe('search store following changes', () => {
  const saved: IntakesChanged = { intakeId: 'c', change: 'saved', concern: 'none' }

  /** A search for `text`, answered with `rows`. */
  async function searched(text: string, ...rows: QueueItem[]) {
    const search = searchModule.useSearchStore()
    search.form.text = text
    void search.search()
    fake.pending.at(-1)?.answer(found(...rows))
    await settle()
    return search
  }

  it('runs the search on screen again once changes pause, keeping the results meanwhile', async () => {
    const search = await searched('okafor', item('a', 'Okafor'))
    search.follow()
    // A burst (a submission, then a decision on it) costs one search.
    fake.emit({ intakeId: 'b', change: 'created', concern: 'none' })
    fake.emit({ intakeId: 'b', change: 'submitted', concern: 'none' })
    fake.emit({ intakeId: 'b', change: 'reviewed', concern: 'none' })
    await vi.advanceTimersByTimeAsync(searchModule.LIVE_REFRESH_MS - 1)
    expect(fake.pending).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.pending.map((call) => call.query)).toEqual([{ text: 'okafor' }, { text: 'okafor' }])
    // The old results stay on screen, without "Searching…", until the answer comes.
    expect(search.loading).toBe(false)
    expect(search.items.map((row) => row.id)).toEqual(['a'])

    fake.pending[1]?.answer(found(item('a', 'Okafor'), item('b', 'Okafor')))
    await settle()
    expect(search.items.map((row) => row.id)).toEqual(['a', 'b'])
    expect(fake.notFakedCalls).toEqual([])
  })

  it('never lets an older refresh answer replace a newer search', async () => {
    const search = await searched('maya', item('a', 'Okafor'))
    search.follow()
    fake.emit(saved)
    await vi.advanceTimersByTimeAsync(searchModule.LIVE_REFRESH_MS)
    const refresh = fake.pending[1]
    expect(refresh?.query).toEqual({ text: 'maya' })
    // The clinician types on while the refresh is out.
    search.form.text = 'maya okafor'
    void search.search()
    fake.pending[2]?.answer(found(item('b', 'Okafor')))
    await settle()
    refresh?.answer(found(item('a', 'Okafor'), item('c', 'Okafor')))
    await settle()
    expect(search.items.map((row) => row.id)).toEqual(['b'])
  })

  it('asks nothing for an empty form, nor twice while a typed search is waiting', async () => {
    const search = searchModule.useSearchStore()
    search.follow()
    fake.emit(saved)
    await vi.advanceTimersByTimeAsync(searchModule.LIVE_REFRESH_MS * 2)
    expect(fake.pending).toHaveLength(0)

    search.form.text = 'nu'
    search.searchSoon()
    fake.emit(saved)
    await vi.advanceTimersByTimeAsync(searchModule.SEARCH_DEBOUNCE_MS * 2)
    expect(fake.pending.map((call) => call.query)).toEqual([{ text: 'nu' }])
  })

  it('stops when the screen stops following, and when patient data is forgotten', async () => {
    const search = await searched('maya', item('a', 'Okafor'))
    const stop = search.follow()
    expect(fake.listenerCount()).toBe(1)
    fake.emit(saved)
    stop()
    expect(fake.listenerCount()).toBe(0)
    fake.emit(saved)
    // The refresh already waiting when the screen closed was cancelled too.
    await vi.advanceTimersByTimeAsync(searchModule.LIVE_REFRESH_MS * 2)
    expect(fake.pending).toHaveLength(1)

    search.follow()
    expect(fake.listenerCount()).toBe(1)
    fake.emit(saved)
    sessionModule.useSessionStore().forgetPatientData()
    expect(fake.listenerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(searchModule.LIVE_REFRESH_MS * 2)
    expect(fake.pending).toHaveLength(1)
    expect(search.items).toEqual([])
  })
})
