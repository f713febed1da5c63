/**
 * Who is at the keyboard. Staff mode is the default; patient mode locks the
 * app to one draft intake until a staff PIN is entered. The lock is stored,
 * so quitting or crashing the app on the tablet does not hand the patient a
 * staff screen on restart.
 */
import type { SessionState } from '../../../../src/domain'
import type { CallContext } from '../../ipc'
import type { IntakeService } from '../intakes/intakeService'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from '../settings/settingsStore'
import { hashPin, verifyPin } from './pinHash'

const PIN_KEY = 'staffPinHash'
const LOCK_KEY = 'patientModeIntakeId'
const FAILURES_KEY = 'staffPinFailures'
const LOCKOUT_KEY = 'staffPinLockedOutUntil'
const MAX_FAILURES = 5
const LOCKOUT_MS = 30_000

export interface SessionService {
  /** The caller context the dispatcher checks on every call. */
  context(): CallContext
  state(): Promise<SessionState>
  setStaffPin(input: { currentPin?: string; newPin: string }): Promise<SessionState>
  startPatientMode(intakeId: string): Promise<SessionState>
  exitPatientMode(pin: string): Promise<SessionState>
}

export async function createSessionService(
  settings: SettingsStore,
  intakes: Pick<IntakeService, 'get'>,
  clock: { now: () => Date } = { now: () => new Date() },
  onChange: (state: SessionState) => void = () => undefined
): Promise<SessionService> {
  let lockedIntakeId = await settings.get(LOCK_KEY)
  // The wrong-PIN count and lockout are stored, so restarting the app on the
  // tablet does not hand out five fresh guesses.
  let failures = Number(await settings.get(FAILURES_KEY)) || 0
  let lockedOutUntil = Number(await settings.get(LOCKOUT_KEY)) || 0
  // PIN checks run one at a time: checked side by side, a batch of guesses
  // would all be compared before the fifth failure set the lockout.
  let pinQueue: Promise<unknown> = Promise.resolve()

  async function state(): Promise<SessionState> {
    return {
      role: lockedIntakeId ? 'patient' : 'staff',
      intakeId: lockedIntakeId,
      staffPinSet: (await settings.get(PIN_KEY)) !== null
    }
  }

  /** Checks a PIN, slowing down guessing: five wrong tries lock entry for 30 seconds. */
  function checkPin(pin: string): Promise<void> {
    const check = pinQueue.then(() => checkPinNow(pin))
    pinQueue = check.catch(() => undefined)
    return check
  }

  async function checkPinNow(pin: string): Promise<void> {
    const stored = await settings.get(PIN_KEY)
    if (stored === null) throw new ServiceError('conflict', 'No staff PIN has been set yet.')
    const now = clock.now().getTime()
    if (now < lockedOutUntil) {
      const seconds = Math.ceil((lockedOutUntil - now) / 1000)
      throw new ServiceError('forbidden', `Too many wrong PINs. Try again in ${seconds} seconds.`)
    }
    if (!(await verifyPin(pin, stored))) {
      failures += 1
      if (failures >= MAX_FAILURES) {
        failures = 0
        lockedOutUntil = now + LOCKOUT_MS
        await settings.set(LOCKOUT_KEY, String(lockedOutUntil))
      }
      await settings.set(FAILURES_KEY, String(failures))
      throw new ServiceError('forbidden', 'That PIN is not right.')
    }
    if (failures !== 0) await settings.set(FAILURES_KEY, null)
    failures = 0
  }

  return {
    context: () => ({ role: lockedIntakeId ? 'patient' : 'staff', lockedIntakeId }),
    state,
    async setStaffPin({ currentPin, newPin }) {
      if ((await settings.get(PIN_KEY)) !== null) {
        if (currentPin === undefined)
          throw new ServiceError('forbidden', 'Enter the current PIN to change it.')
        await checkPin(currentPin)
      }
      await settings.set(PIN_KEY, await hashPin(newPin))
      return state()
    },
    async startPatientMode(intakeId) {
      if ((await settings.get(PIN_KEY)) === null) {
        throw new ServiceError(
          'conflict',
          'Set a staff PIN in Settings before handing the device to a patient.'
        )
      }
      const intake = await intakes.get(intakeId)
      if (intake.status !== 'draft') {
        throw new ServiceError('conflict', 'This intake has already been submitted.')
      }
      await settings.set(LOCK_KEY, intakeId)
      lockedIntakeId = intakeId
      const next = await state()
      onChange(next)
      return next
    },
    async exitPatientMode(pin) {
      await checkPin(pin)
      await settings.set(LOCK_KEY, null)
      lockedIntakeId = null
      const next = await state()
      onChange(next)
      return next
    }
  }
}
