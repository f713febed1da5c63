/**
 * Holds a window's close (or the app's quit) until the renderer has saved
 * what is on screen, with a time limit so a hung renderer never keeps the app
 * open. The last answer given before someone closes the lid or presses
 * Alt+F4 is otherwise lost: the draft saves text after a typing pause.
 *
 * Free of Electron so it can be tested alone; `window.ts` wires it to a
 * BrowserWindow and the web test transport to a browser page.
 */

/** How long a close waits for the renderer's confirmation before it goes ahead. */
export const FLUSH_TIMEOUT_MS = 3_000

export interface CloseGuardOptions {
  /** Asks the renderer to save now (it answers through {@link CloseGuard.flushed}). */
  readonly requestFlush: () => void
  /** Closes for real once the renderer has answered or the time is up. */
  readonly close: () => void
  readonly timeoutMs?: number
  readonly setTimer?: (callback: () => void, ms: number) => unknown
  readonly clearTimer?: (timer: unknown) => void
}

export interface CloseGuard {
  /**
   * Called with the window's close event: the first close is held while the
   * renderer saves; the close that follows its answer goes through.
   */
  onClose(event: { preventDefault(): void }): void
  /** The renderer has saved (or had nothing to save). */
  flushed(): void
  /** Whether a close is held, waiting for the renderer. */
  readonly waiting: boolean
}

export function createCloseGuard(options: CloseGuardOptions): CloseGuard {
  const timeoutMs = options.timeoutMs ?? FLUSH_TIMEOUT_MS
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms))
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  let state: 'open' | 'waiting' | 'closing' = 'open'
  let timer: unknown = null

  function release(): void {
    if (state !== 'waiting') return
    state = 'closing'
    if (timer !== null) clearTimer(timer)
    timer = null
    options.close()
  }

  return {
    onClose(event) {
      if (state === 'closing') return
      event.preventDefault()
      if (state === 'waiting') return
      state = 'waiting'
      timer = setTimer(release, timeoutMs)
      options.requestFlush()
    },
    flushed: release,
    get waiting() {
      return state === 'waiting'
    }
  }
}
