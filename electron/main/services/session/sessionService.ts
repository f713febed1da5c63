/**
 * Who is at the keyboard. The app opens signed out; a member of staff signs
 * in with a name and password or PIN and works with their role's rights until
 * they sign out, the app locks after the idle time, or they hand the device to
 * a patient. Patient mode locks the app to one draft intake until a member of
 * staff signs in; that lock is stored, so quitting or crashing the app on the
 * tablet never hands the patient a staff screen on restart.
 */
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  MAX_IDLE_LOCK_MINUTES,
  MIN_IDLE_LOCK_MINUTES,
  normaliseStaffName,
  type AuditAction,
  type AuditEntryInput,
  type SecuritySettings,
  type SessionState,
  type StaffIdentity
} from '../../../../src/domain'
import type { CallContext } from '../../ipc'
import type { IntakeService } from '../intakes/intakeService'
import { ServiceError } from '../serviceError'
import type { SettingsStore } from '../settings/settingsStore'
import { SignInRefused, type Credentials, type StaffAccounts } from './staffAccounts'

const LOCK_KEY = 'patientModeIntakeId'
const IDLE_KEY = 'idleLockMinutes'
/**
 * The renderer locks the screen at the idle time itself and reports activity
 * at most once a minute; the main process locks a session that has heard
 * nothing for this much longer than the idle time, whatever the renderer does.
 */
const MAIN_PROCESS_GRACE_MS = 90_000

export interface SessionService {
  /** The caller context the dispatcher checks on every call (locks an idle session first). */
  context(): CallContext
  state(): SessionState
  createFirstAdministrator(credentials: Credentials): Promise<SessionState>
  signIn(credentials: Credentials): Promise<SessionState>
  signOut(reason: 'sign-out' | 'idle'): SessionState
  keepSignedIn(): SessionState
  startPatientMode(intakeId: string): Promise<SessionState>
  exitPatientMode(credentials: Credentials): Promise<SessionState>
  getSecuritySettings(): SecuritySettings
  setSecuritySettings(settings: SecuritySettings): Promise<SecuritySettings>
}

export interface SessionServiceOptions {
  readonly settings: SettingsStore
  readonly accounts: StaffAccounts
  readonly intakes: Pick<IntakeService, 'get'>
  readonly now: () => Date
  /** Appends to the audit trail (sign-in, sign-out, failures, locks, patient mode). */
  readonly audit: (entry: AuditEntryInput) => void
  /** Told of every change the caller did not ask for as well as those it did. */
  readonly onChange?: (state: SessionState) => void
}

function actorFor(staff: StaffIdentity): AuditEntryInput['actor'] {
  return { staffId: staff.id, name: staff.name, role: staff.role }
}

export async function createSessionService(
  options: SessionServiceOptions
): Promise<SessionService> {
  const { settings, accounts, audit, now } = options
  let lockedIntakeId = await settings.get(LOCK_KEY)
  if (lockedIntakeId !== null && accounts.count() === 0) {
    // A lock left by a version before staff accounts, which nobody could now
    // lift: the app opens on the first-run screen instead.
    await settings.set(LOCK_KEY, null)
    lockedIntakeId = null
  }
  let idleLockMinutes = readIdleMinutes(await settings.get(IDLE_KEY))
  let signedIn: StaffIdentity | null = null
  let lastActivity = 0

  function state(): SessionState {
    return {
      role: lockedIntakeId !== null ? 'patient' : (signedIn?.role ?? 'signed-out'),
      staff: lockedIntakeId !== null ? null : signedIn,
      intakeId: lockedIntakeId,
      needsFirstAdministrator: accounts.count() === 0,
      idleLockMinutes
    }
  }

  function changed(): SessionState {
    const next = state()
    options.onChange?.(next)
    return next
  }

  function record(staff: StaffIdentity, action: AuditAction, detail?: AuditEntryInput['detail']) {
    audit({ actor: actorFor(staff), action, ...(detail ? { detail } : {}) })
  }

  /** Locks a signed-in session that has been idle past the idle time and the grace. */
  function lockIfIdle(): void {
    if (signedIn === null || lockedIntakeId !== null) return
    const limit = idleLockMinutes * 60_000 + MAIN_PROCESS_GRACE_MS
    if (now().getTime() - lastActivity <= limit) return
    const staff = signedIn
    signedIn = null
    record(staff, 'lock', { reason: 'idle' })
    changed()
  }

  async function verified(credentials: Credentials): Promise<StaffIdentity> {
    try {
      return await accounts.verify(credentials)
    } catch (error) {
      if (error instanceof SignInRefused) {
        audit({
          // The name as typed (tidied, at most 80 characters, none when empty): who was tried.
          actor: { staffId: error.staffId, name: typedName(credentials.name), role: 'signed-out' },
          action: 'sign-in-failed',
          detail: { reason: error.reason }
        })
      }
      throw error
    }
  }

  function begin(staff: StaffIdentity): void {
    signedIn = staff
    lastActivity = now().getTime()
    record(staff, 'sign-in')
  }

  return {
    context() {
      lockIfIdle()
      const current = state()
      return { role: current.role, staff: current.staff, lockedIntakeId }
    },
    state,
    async createFirstAdministrator(credentials) {
      if (accounts.count() > 0) {
        throw new ServiceError('conflict', 'An administrator already exists. Sign in instead.')
      }
      const created = await accounts.add(
        { ...credentials, role: 'administrator' },
        { firstOnly: true }
      )
      record(
        { id: created.id, name: created.name, role: created.role },
        'first-administrator-created',
        { staffId: created.id }
      )
      // Signed in the ordinary way, so the account shows its first sign-in like any other.
      begin(await accounts.verify(credentials))
      return changed()
    },
    async signIn(credentials) {
      begin(await verified(credentials))
      return changed()
    },
    signOut(reason) {
      const staff = signedIn
      if (staff !== null) {
        signedIn = null
        record(
          staff,
          reason === 'idle' ? 'lock' : 'sign-out',
          reason === 'idle' ? { reason: 'idle' } : undefined
        )
      }
      return changed()
    },
    keepSignedIn() {
      lastActivity = now().getTime()
      return state()
    },
    async startPatientMode(intakeId) {
      const staff = signedIn
      if (staff === null) throw new ServiceError('forbidden', 'Sign in first.')
      const intake = await options.intakes.get(intakeId)
      if (intake.status !== 'draft') {
        throw new ServiceError('conflict', 'This intake has already been submitted.')
      }
      await settings.set(LOCK_KEY, intakeId)
      lockedIntakeId = intakeId
      // The patient holds the device now: nothing of the staff member's session stays open.
      signedIn = null
      audit({ actor: actorFor(staff), action: 'patient-mode-started', intakeId })
      return changed()
    },
    async exitPatientMode(credentials) {
      const staff = await verified(credentials)
      const intakeId = lockedIntakeId
      await settings.set(LOCK_KEY, null)
      lockedIntakeId = null
      audit({ actor: actorFor(staff), action: 'patient-mode-ended', intakeId })
      begin(staff)
      return changed()
    },
    getSecuritySettings: () => ({ idleLockMinutes }),
    async setSecuritySettings({ idleLockMinutes: minutes }) {
      if (
        !Number.isInteger(minutes) ||
        minutes < MIN_IDLE_LOCK_MINUTES ||
        minutes > MAX_IDLE_LOCK_MINUTES
      ) {
        throw new ServiceError(
          'invalid-argument',
          `The idle time must be ${MIN_IDLE_LOCK_MINUTES} to ${MAX_IDLE_LOCK_MINUTES} minutes.`,
          {
            issues: [
              {
                itemId: 'idleLockMinutes',
                code: 'out-of-range',
                message: `The idle time must be ${MIN_IDLE_LOCK_MINUTES} to ${MAX_IDLE_LOCK_MINUTES} minutes.`
              }
            ]
          }
        )
      }
      await settings.set(IDLE_KEY, String(minutes))
      idleLockMinutes = minutes
      changed()
      return { idleLockMinutes }
    }
  }
}

/** A typed sign-in name for the audit trail: normalised, cut to 80 characters, null when empty. */
function typedName(name: string): string | null {
  const tidy = Array.from(normaliseStaffName(name.slice(0, 400)))
    .slice(0, 80)
    .join('')
  return tidy === '' ? null : tidy
}

/** The stored idle time, or the default when it is missing or damaged. */
function readIdleMinutes(stored: string | null): number {
  const minutes = Number(stored)
  return stored !== null &&
    Number.isInteger(minutes) &&
    minutes >= MIN_IDLE_LOCK_MINUTES &&
    minutes <= MAX_IDLE_LOCK_MINUTES
    ? minutes
    : DEFAULT_IDLE_LOCK_MINUTES
}
