/**
 * Staff accounts and sign-ins for tests that drive the real app core through
 * its dispatcher: the app starts signed out, so every such test first creates
 * the first administrator (and, when it needs them, one account per role) and
 * then signs in as the role it tests.
 */
import type {
  ApiArgs,
  ApiMethod,
  ApiResult,
  Credentials,
  SessionState,
  StaffRole
} from '../../../../src/domain'
import type { Dispatch } from '../../../../electron/main/ipc'

/** One account per role; the administrator is the first account. */
export const STAFF_CREDENTIALS: Readonly<Record<StaffRole, Credentials>> = {
  administrator: { name: 'Ana Ruiz', secret: 'correct horse battery' },
  clinician: { name: 'Cleo Park', secret: 'clinician password 7' },
  'front-desk': { name: 'Ben Okafor', secret: '274951' }
}

/** A typed call that must succeed. */
export async function callOk<M extends ApiMethod>(
  dispatch: Dispatch,
  method: M,
  args: ApiArgs<M>
): Promise<ApiResult<M>> {
  const result = await dispatch(method, args)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value as ApiResult<M>
}

/** Creates the first administrator, who is then signed in. */
export async function createAdministrator(dispatch: Dispatch): Promise<SessionState> {
  return callOk(dispatch, 'createFirstAdministrator', STAFF_CREDENTIALS.administrator)
}

/**
 * Creates the first administrator and a clinician and a front-desk account;
 * the administrator stays signed in. Returns each role's account id.
 */
export async function createStaff(dispatch: Dispatch): Promise<Record<StaffRole, string>> {
  const admin = await createAdministrator(dispatch)
  const clinician = await callOk(dispatch, 'addStaff', {
    ...STAFF_CREDENTIALS.clinician,
    role: 'clinician'
  })
  const desk = await callOk(dispatch, 'addStaff', {
    ...STAFF_CREDENTIALS['front-desk'],
    role: 'front-desk'
  })
  return { administrator: admin.staff?.id ?? '', clinician: clinician.id, 'front-desk': desk.id }
}

/**
 * Leaves whatever session there is (patient mode is ended by the
 * administrator, then signed out) so that nobody is signed in.
 */
export async function signOutAll(dispatch: Dispatch): Promise<void> {
  let state = await callOk(dispatch, 'getSession', {})
  if (state.role === 'patient') {
    state = await callOk(dispatch, 'exitPatientMode', STAFF_CREDENTIALS.administrator)
  }
  if (state.role !== 'signed-out') await callOk(dispatch, 'signOut', { reason: 'sign-out' })
}

/** Signs in as the account of `role` (signing anyone else out first); a no-op when already so. */
export async function signInAs(dispatch: Dispatch, role: StaffRole): Promise<SessionState> {
  const state = await callOk(dispatch, 'getSession', {})
  if (state.role === role && state.staff?.name === STAFF_CREDENTIALS[role].name) return state
  await signOutAll(dispatch)
  return callOk(dispatch, 'signIn', STAFF_CREDENTIALS[role])
}

/**
 * A clock that moves one millisecond at each reading: every write has its own
 * time, and the readings of a test's calls never add up to the idle lock (a
 * clock stepping a second per reading would lock a session after about 390).
 */
export function millisecondClock(start = '2026-11-20T10:00:00.000Z'): () => Date {
  let next = Date.parse(start)
  return () => new Date(next++)
}
