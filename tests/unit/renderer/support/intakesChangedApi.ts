/**
 * The base of the fakes for stores that listen to the main process's
 * `intakesChanged` event: listening is recorded, and the test pushes a change
 * as the main process does after a save. Every other method answers "not
 * faked", as in {@link NotFakedApi}.
 */
import type { AppApi, IntakesChanged } from '../../../../src/domain'
import { NotFakedApi } from './notFakedApi'

export class IntakesChangedApi extends NotFakedApi {
  private readonly listeners = new Set<(change: IntakesChanged) => void>()

  override readonly on: AppApi['on'] = (event, listener) => {
    if (event !== 'intakesChanged') return () => undefined
    const typed = listener as (change: IntakesChanged) => void
    this.listeners.add(typed)
    return () => {
      this.listeners.delete(typed)
    }
  }

  /** What the main process does after a save: tell every listener. */
  emit(change: IntakesChanged): void {
    for (const listener of this.listeners) listener(change)
  }

  /** How many listeners are still attached (a store that stops listening leaves none). */
  listenerCount(): number {
    return this.listeners.size
  }
}
