/**
 * Staff accounts: creating them, checking a sign-in, and the lockout that
 * slows guessing. The session service decides who is signed in; this module
 * only answers "is this the person they say they are".
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import {
  lockoutAfterFailures,
  normaliseStaffName,
  secretIssues,
  secretKindOf,
  staffNameIssues,
  staffNameKey,
  type StaffIdentity,
  type StaffMember,
  type StaffRole,
  type ValidationIssue
} from '../../../../src/domain'
import { createStaffRepository, type StoredStaff } from '../database/staffRepository'
import { ServiceError } from '../serviceError'
import { decoyHash, hashSecret, verifySecret } from './secretHash'

export interface Credentials {
  readonly name: string
  readonly secret: string
}

/** Why a sign-in failed, for the audit trail (the person hears one message for all of them). */
export type SignInFailure = 'unknown-name' | 'wrong-secret' | 'locked' | 'inactive'

export class SignInRefused extends ServiceError {
  constructor(
    message: string,
    readonly reason: SignInFailure,
    readonly staffId: string | null
  ) {
    super('forbidden', message)
  }
}

export interface StaffAccounts {
  count(): number
  list(): StaffMember[]
  find(id: string): StaffMember | null
  /**
   * Creates an account (validated: name, role, secret). The first one must be
   * an administrator; `firstOnly` refuses it unless no account exists at the
   * moment it is written.
   */
  add(
    input: { name: string; role: StaffRole; secret: string },
    options?: { firstOnly?: boolean }
  ): Promise<StaffMember>
  update(id: string, changes: { role?: StaffRole; active?: boolean }): StaffMember
  setSecret(id: string, secret: string): Promise<StaffMember>
  /** Checks a sign-in, one at a time; throws SignInRefused. */
  verify(credentials: Credentials): Promise<StaffIdentity>
}

const WRONG = 'That name and password or PIN do not match an account.'
/** Names nobody has: their failures are remembered in memory only, and only so many. */
const MAX_UNKNOWN_NAMES = 500

function identityOf(staff: StaffMember): StaffIdentity {
  return { id: staff.id, name: staff.name, role: staff.role }
}

function publicView(staff: StoredStaff): StaffMember {
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role,
    active: staff.active,
    secretKind: staff.secretKind,
    createdAt: staff.createdAt,
    lastSignInAt: staff.lastSignInAt
  }
}

function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  const when = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
  return `Too many wrong attempts for this name. Try again in ${when}.`
}

function invalid(issues: readonly ValidationIssue[]): ServiceError {
  return new ServiceError('invalid-argument', issues[0]?.message ?? 'Check the details.', {
    issues
  })
}

export function createStaffAccounts(
  db: Database,
  options: { now: () => Date; newId?: () => string }
): StaffAccounts {
  const repository = createStaffRepository(db)
  const newId = options.newId ?? randomUUID
  const unknownNames = new Map<string, { failures: number; lockedUntil: number }>()
  let decoy: Promise<string> | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work)
    queue = next.catch(() => undefined)
    return next
  }

  function checkNewAccount(name: string, secret: string): ValidationIssue[] {
    return [...staffNameIssues(name), ...secretIssues(secret, name)]
  }

  async function verifyNow({ name, secret }: Credentials): Promise<StaffIdentity> {
    const now = options.now().getTime()
    const key = staffNameKey(name.slice(0, 400))
    const stored = key === '' ? null : repository.findByNameKey(key)
    if (stored === null) {
      // Spend the same time as a real check, and lock the name the same way,
      // so neither the delay nor the message says whether the name exists.
      const entry = unknownNames.get(key) ?? { failures: 0, lockedUntil: 0 }
      if (now < entry.lockedUntil) {
        throw new SignInRefused(waitMessage(entry.lockedUntil - now), 'locked', null)
      }
      decoy ??= decoyHash()
      await verifySecret(secret, await decoy)
      const failures = entry.failures + 1
      unknownNames.delete(key)
      if (unknownNames.size >= MAX_UNKNOWN_NAMES) {
        const oldest = unknownNames.keys().next().value
        if (oldest !== undefined) unknownNames.delete(oldest)
      }
      unknownNames.set(key, { failures, lockedUntil: now + lockoutAfterFailures(failures) })
      throw new SignInRefused(WRONG, 'unknown-name', null)
    }
    if (now < stored.lockedUntil) {
      throw new SignInRefused(waitMessage(stored.lockedUntil - now), 'locked', stored.id)
    }
    if (!(await verifySecret(secret, stored.secretHash))) {
      const failures = stored.failedAttempts + 1
      repository.recordFailure(stored.id, failures, now + lockoutAfterFailures(failures))
      throw new SignInRefused(WRONG, 'wrong-secret', stored.id)
    }
    if (!stored.active) {
      throw new SignInRefused(
        'This account has been turned off. Ask an administrator.',
        'inactive',
        stored.id
      )
    }
    repository.recordSignIn(stored.id, options.now().toISOString())
    return identityOf(stored)
  }

  return {
    count: () => repository.count(),
    list: () => repository.list().map(publicView),
    find: (id) => {
      const stored = repository.findById(id)
      return stored ? publicView(stored) : null
    },
    async add({ name, role, secret }, { firstOnly = false } = {}) {
      const issues = checkNewAccount(name, secret)
      if (issues.length > 0) throw invalid(issues)
      if (repository.count() === 0 && role !== 'administrator') {
        throw new ServiceError('conflict', 'The first account must be an administrator.')
      }
      const normalised = normaliseStaffName(name)
      const nameKey = staffNameKey(normalised)
      const secretHash = await hashSecret(secret)
      // Checked after hashing, so the checks and the insert are not split by an await:
      // two first-run requests at once cannot both create "the first" administrator.
      if (firstOnly && repository.count() > 0) {
        throw new ServiceError('conflict', 'An administrator already exists. Sign in instead.')
      }
      if (repository.findByNameKey(nameKey) !== null) {
        throw invalid([
          {
            itemId: 'name',
            code: 'duplicate-code',
            message: 'An account with this name already exists.'
          }
        ])
      }
      const id = newId()
      repository.insert({
        id,
        name: normalised,
        nameKey,
        role,
        secretHash,
        secretKind: secretKindOf(secret),
        createdAt: options.now().toISOString()
      })
      const created = repository.findById(id)
      if (created === null) throw new ServiceError('storage', 'The account could not be saved.')
      return publicView(created)
    },
    update(id, changes) {
      const stored = repository.findById(id)
      if (stored === null) throw new ServiceError('not-found', 'There is no such staff account.')
      const losesAdministrator =
        stored.role === 'administrator' &&
        stored.active &&
        ((changes.role !== undefined && changes.role !== 'administrator') ||
          changes.active === false)
      const apply = db.transaction(() => {
        if (losesAdministrator && repository.countActiveAdministrators() <= 1) {
          throw new ServiceError(
            'conflict',
            'This is the only active administrator. Make someone else an administrator first.'
          )
        }
        repository.update(id, changes)
      })
      apply.immediate()
      const updated = repository.findById(id)
      if (updated === null) throw new ServiceError('not-found', 'There is no such staff account.')
      return publicView(updated)
    },
    async setSecret(id, secret) {
      const stored = repository.findById(id)
      if (stored === null) throw new ServiceError('not-found', 'There is no such staff account.')
      const issues = secretIssues(secret, stored.name)
      if (issues.length > 0) throw invalid(issues)
      repository.update(id, {
        secretHash: await hashSecret(secret),
        secretKind: secretKindOf(secret)
      })
      const updated = repository.findById(id)
      if (updated === null) throw new ServiceError('not-found', 'There is no such staff account.')
      return publicView(updated)
    },
    verify: (credentials) => serially(() => verifyNow(credentials))
  }
}
