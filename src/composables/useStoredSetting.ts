/**
 * One clinic setting held in a store: read from the main process, saved back,
 * with the two races a settings screen meets handled once. Callers reading at
 * the same moment share one call, and a read that started before a save
 * cannot overwrite the saved value when it lands.
 */
import { ref, type Ref } from 'vue'
import type { AppError, Result } from '../domain'

export interface StoredSetting<T> {
  readonly value: Ref<T>
  /** Whether `value` holds what the main process last answered (not just the default). */
  readonly loaded: Ref<boolean>
  readonly error: Ref<AppError | null>
  /** Reads the setting; callers at the same moment share one call. */
  load(): Promise<AppError | null>
  /** Loads the setting unless it already is. */
  ensureLoaded(): Promise<AppError | null>
  /**
   * Saves a new value. On success the store holds it as the main process
   * stored it (normalised); on failure it keeps the old one and returns the
   * error, whose `issues` name the fields at fault.
   */
  save(next: T): Promise<AppError | null>
}

export function useStoredSetting<T>(
  initial: T,
  read: () => Promise<Result<T>>,
  write: (next: T) => Promise<Result<T>>
): StoredSetting<T> {
  const value = ref(initial) as Ref<T>
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  let pending: Promise<AppError | null> | null = null
  let saves = 0

  function adopt(next: T): null {
    value.value = next
    loaded.value = true
    error.value = null
    return null
  }

  function load(): Promise<AppError | null> {
    pending ??= (async () => {
      const savesBefore = saves
      const result = await read()
      pending = null
      if (savesBefore !== saves) return null
      if (!result.ok) {
        error.value = result.error
        return result.error
      }
      return adopt(result.value)
    })()
    return pending
  }

  async function save(next: T): Promise<AppError | null> {
    saves += 1
    const result = await write(next)
    return result.ok ? adopt(result.value) : result.error
  }

  return {
    value,
    loaded,
    error,
    load,
    ensureLoaded: async () => (loaded.value ? null : load()),
    save
  }
}
