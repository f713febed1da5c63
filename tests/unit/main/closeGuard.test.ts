import { describe, expect, it, vi } from 'vitest'
import { createCloseGuard, FLUSH_TIMEOUT_MS } from '../../../electron/main/closeGuard'

function closeEvent() {
  return { preventDefault: vi.fn() }
}

function guardWithFakeTimer() {
  const requestFlush = vi.fn()
  const close = vi.fn()
  let scheduled: { callback: () => void; ms: number } | null = null
  const clearTimer = vi.fn()
  const guard = createCloseGuard({
    requestFlush,
    close,
    setTimer: (callback, ms) => {
      scheduled = { callback, ms }
      return 'timer'
    },
    clearTimer
  })
  return {
    guard,
    requestFlush,
    close,
    clearTimer,
    fire: () => scheduled?.callback(),
    scheduled: () => scheduled
  }
}

describe('createCloseGuard', () => {
  it('holds the first close, asks the renderer to save, and closes when it confirms', () => {
    const { guard, requestFlush, close, clearTimer } = guardWithFakeTimer()
    const first = closeEvent()
    guard.onClose(first)

    expect(first.preventDefault).toHaveBeenCalledTimes(1)
    expect(requestFlush).toHaveBeenCalledTimes(1)
    expect(guard.waiting).toBe(true)
    expect(close).not.toHaveBeenCalled()

    guard.flushed()
    expect(close).toHaveBeenCalledTimes(1)
    expect(clearTimer).toHaveBeenCalledWith('timer')
    expect(guard.waiting).toBe(false)

    // The close that follows goes through untouched.
    const second = closeEvent()
    guard.onClose(second)
    expect(second.preventDefault).not.toHaveBeenCalled()
    expect(requestFlush).toHaveBeenCalledTimes(1)
  })

  it('closes anyway when the renderer does not answer within the time limit', () => {
    const { guard, close, fire, scheduled } = guardWithFakeTimer()
    guard.onClose(closeEvent())
    expect(scheduled()?.ms).toBe(FLUSH_TIMEOUT_MS)
    fire()
    expect(close).toHaveBeenCalledTimes(1)
    // A late confirmation changes nothing.
    guard.flushed()
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('asks once however often close is pressed while waiting', () => {
    const { guard, requestFlush } = guardWithFakeTimer()
    const repeated = [closeEvent(), closeEvent(), closeEvent()]
    for (const event of repeated) guard.onClose(event)
    expect(requestFlush).toHaveBeenCalledTimes(1)
    for (const event of repeated) expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it('ignores a confirmation that comes when no close is waiting', () => {
    const { guard, close } = guardWithFakeTimer()
    guard.flushed()
    expect(close).not.toHaveBeenCalled()
    const event = closeEvent()
    guard.onClose(event)
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })
})
