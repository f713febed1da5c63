/**
 * SQL for the `staff` table (migration 0006), and the one place its rows
 * become the domain's `StaffMember`. Rules (who may change what, lockouts)
 * belong to the staff service; this module only reads and writes rows.
 */
import type { Database } from 'better-sqlite3'
import {
  STAFF_ROLES,
  type SecretKind,
  type StaffMember,
  type StaffRole
} from '../../../../src/domain'
import { ServiceError } from '../serviceError'

/** A staff row with what only the service may see: the hash and the lockout state. */
export interface StoredStaff extends StaffMember {
  readonly secretHash: string
  readonly failedAttempts: number
  /** Epoch milliseconds until which sign-in is refused; 0 when not locked. */
  readonly lockedUntil: number
}

export interface NewStaffRow {
  readonly id: string
  readonly name: string
  readonly nameKey: string
  readonly role: StaffRole
  readonly secretHash: string
  readonly secretKind: SecretKind
  readonly createdAt: string
}

export interface StaffRepository {
  count(): number
  countActiveAdministrators(): number
  list(): StoredStaff[]
  findById(id: string): StoredStaff | null
  findByNameKey(nameKey: string): StoredStaff | null
  insert(row: NewStaffRow): void
  update(
    id: string,
    changes: { role?: StaffRole; active?: boolean; secretHash?: string; secretKind?: SecretKind }
  ): void
  recordFailure(id: string, failedAttempts: number, lockedUntil: number): void
  recordSignIn(id: string, at: string): void
}

interface StaffRow {
  id: string
  name: string
  role: string
  secret_hash: string
  secret_kind: string
  active: number
  failed_attempts: number
  locked_until: number
  created_at: string
  last_sign_in_at: string | null
}

const COLUMNS = `id, name, role, secret_hash, secret_kind, active, failed_attempts, locked_until,
  created_at, last_sign_in_at`

export function createStaffRepository(db: Database): StaffRepository {
  const countStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff')
  const countAdmins = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM staff WHERE role = 'administrator' AND active = 1"
  )
  const listStatement = db.prepare<[], StaffRow>(
    `SELECT ${COLUMNS} FROM staff ORDER BY active DESC, name COLLATE NOCASE`
  )
  const byId = db.prepare<[string], StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`)
  const byNameKey = db.prepare<[string], StaffRow>(
    `SELECT ${COLUMNS} FROM staff WHERE name_key = ?`
  )
  const insertStatement = db.prepare<[NewStaffRow]>(`
    INSERT INTO staff (id, name, name_key, role, secret_hash, secret_kind, created_at)
    VALUES (@id, @name, @nameKey, @role, @secretHash, @secretKind, @createdAt)`)
  const failureStatement = db.prepare<[number, number, string]>(
    'UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?'
  )
  const signInStatement = db.prepare<[string, string]>(
    'UPDATE staff SET failed_attempts = 0, locked_until = 0, last_sign_in_at = ? WHERE id = ?'
  )

  return {
    count: () => countStatement.get()?.n ?? 0,
    countActiveAdministrators: () => countAdmins.get()?.n ?? 0,
    list: () => listStatement.all().map(toStaff),
    findById: (id) => {
      const row = byId.get(id)
      return row ? toStaff(row) : null
    },
    findByNameKey: (nameKey) => {
      const row = byNameKey.get(nameKey)
      return row ? toStaff(row) : null
    },
    insert: (row) => {
      insertStatement.run(row)
    },
    update: (id, changes) => {
      const sets: string[] = []
      const values: (string | number)[] = []
      if (changes.role !== undefined) {
        sets.push('role = ?')
        values.push(changes.role)
      }
      if (changes.active !== undefined) {
        sets.push('active = ?')
        values.push(changes.active ? 1 : 0)
      }
      if (changes.secretHash !== undefined) {
        // A new secret also ends any lockout: the administrator has vouched for the person.
        sets.push('secret_hash = ?', 'failed_attempts = 0', 'locked_until = 0')
        values.push(changes.secretHash)
      }
      if (changes.secretKind !== undefined) {
        sets.push('secret_kind = ?')
        values.push(changes.secretKind)
      }
      if (sets.length === 0) return
      db.prepare(`UPDATE staff SET ${sets.join(', ')} WHERE id = ?`).run(...values, id)
    },
    recordFailure: (id, failedAttempts, lockedUntil) => {
      failureStatement.run(failedAttempts, lockedUntil, id)
    },
    recordSignIn: (id, at) => {
      signInStatement.run(at, id)
    }
  }
}

function toStaff(row: StaffRow): StoredStaff {
  const role = STAFF_ROLES.find((known) => known === row.role)
  if (role === undefined || (row.secret_kind !== 'password' && row.secret_kind !== 'pin')) {
    // The CHECK constraints make this unreachable unless the file was edited by hand.
    throw new ServiceError('storage', 'A staff account in the database is damaged.')
  }
  return {
    id: row.id,
    name: row.name,
    role,
    active: row.active === 1,
    secretKind: row.secret_kind,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    secretHash: row.secret_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until
  }
}
