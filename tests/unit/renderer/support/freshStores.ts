/**
 * Loads the renderer's stores afresh over a fake `window.api`, with a session
 * already adopted: `src/api.ts` reads `window.api` once, at import, so the
 * fake is installed first and every store module is loaded again after it.
 * A test imports its own store module after this returns (the same fresh
 * module registry, so it shares this session store).
 */
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import type { AppApi, SessionState } from '../../../../src/domain'
import type * as SessionStoreModule from '../../../../src/stores/session'

/** A clinician signed in: the session most store tests start from. */
export const CLINICIAN_SESSION: SessionState = {
  role: 'clinician',
  staff: { id: 'staff-1', name: 'Cleo Park', role: 'clinician' },
  intakeId: null,
  needsFirstAdministrator: false,
  idleLockMinutes: 5
}

export async function freshStores(
  api: AppApi,
  session: SessionState = CLINICIAN_SESSION
): Promise<typeof SessionStoreModule> {
  vi.stubGlobal('window', { api })
  vi.resetModules()
  const sessionModule = await import('../../../../src/stores/session')
  setActivePinia(createPinia())
  sessionModule.useSessionStore().adopt(session)
  return sessionModule
}
