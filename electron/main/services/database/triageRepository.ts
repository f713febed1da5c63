/**
 * SQL for the `triage_decisions` table (migration 0008), and the one place
 * its rows become the domain's `TriageVersion`. Whether a decision may be
 * recorded is decided by the triage service; this module only appends and
 * reads, inside whatever transaction the caller holds.
 *
 * The table's own checks are looser than the domain (the acknowledged flags
 * are only checked to be a JSON array), and the file can be changed by other
 * tools or a failing disk, so every row read is checked against the domain.
 * A row that fails is left out and named in `problems`, never repaired or
 * guessed at: the record then shows as damaged.
 */
import type { Database } from 'better-sqlite3'
import {
  FLAG_CONDITIONS,
  isControlExceptLineFeed,
  TRIAGE_DECISIONS,
  TRIAGE_NOTES_MAX_LENGTH,
  type FlagCondition,
  type TriageDecision,
  type TriageVersion
} from '../../../../src/domain'
import { oneOf } from './storedJson'

/** One version as the service writes it (already checked and normalised). */
export interface NewTriageVersion {
  readonly intakeId: string
  readonly version: number
  readonly decision: TriageDecision
  readonly notes: string
  readonly acknowledgedFlags: readonly FlagCondition[]
  readonly staffId: string
  readonly staffName: string
  readonly decidedAt: string
}

/** An intake's decisions as read: those that passed their checks, and what was wrong with the rest. */
export interface StoredTriage {
  /** Oldest first. */
  readonly versions: readonly TriageVersion[]
  /** One plain sentence per row that could not be read; empty when every row is sound. */
  readonly problems: readonly string[]
}

/** The latest row's number and author as stored, for the message of a conflict. */
export interface LatestTriage {
  readonly version: number
  readonly decidedAt: string
  readonly staffName: string
}

export interface TriageRepository {
  append(version: NewTriageVersion): void
  /**
   * The highest version stored for an intake (0 for none), counted by SQLite
   * itself so a row too damaged to read still counts: a new version must
   * never take its number.
   */
  latest(intakeId: string): LatestTriage | null
  listForIntake(intakeId: string): StoredTriage
}

interface TriageRow {
  version: unknown
  decision: unknown
  notes: unknown
  acknowledged_flags: unknown
  staff_id: unknown
  staff_name: unknown
  decided_at: unknown
}

/** The longest staff id and name the table accepts (see migration 0008). */
const MAX_STAFF_ID_LENGTH = 100
const MAX_STAFF_NAME_LENGTH = 200
/** What `Date.prototype.toISOString` writes: the only form the service stores. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Whether `text` holds a control character other than the line feed notes may have. */
function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    if (isControlExceptLineFeed(character.codePointAt(0) ?? 0)) return true
  }
  return false
}

/** Creates the repository over an open, migrated connection; statements are prepared once. */
export function createTriageRepository(db: Database): TriageRepository {
  const insertStatement = db.prepare<[NewTriageRow]>(`
    INSERT INTO triage_decisions (
      intake_id, version, decision, notes, acknowledged_flags, staff_id, staff_name, decided_at
    ) VALUES (
      @intake_id, @version, @decision, @notes, @acknowledged_flags, @staff_id, @staff_name,
      @decided_at
    )`)
  const latestStatement = db.prepare<
    [string],
    { version: number; decided_at: unknown; staff_name: unknown }
  >(`
    SELECT version, decided_at, staff_name FROM triage_decisions
    WHERE intake_id = ? ORDER BY version DESC LIMIT 1`)
  const listStatement = db.prepare<[string], TriageRow>(`
    SELECT version, decision, notes, acknowledged_flags, staff_id, staff_name, decided_at
    FROM triage_decisions WHERE intake_id = ? ORDER BY version, rowid`)

  return {
    append(version) {
      insertStatement.run({
        intake_id: version.intakeId,
        version: version.version,
        decision: version.decision,
        notes: version.notes,
        acknowledged_flags: JSON.stringify(version.acknowledgedFlags),
        staff_id: version.staffId,
        staff_name: version.staffName,
        decided_at: version.decidedAt
      })
    },
    latest(intakeId) {
      const row = latestStatement.get(intakeId)
      if (row === undefined) return null
      return {
        version: row.version,
        decidedAt: typeof row.decided_at === 'string' ? row.decided_at : '',
        staffName: typeof row.staff_name === 'string' ? row.staff_name : ''
      }
    },
    listForIntake(intakeId) {
      const versions: TriageVersion[] = []
      const problems: string[] = []
      for (const [index, row] of listStatement.all(intakeId).entries()) {
        const version = toVersion(row, index + 1)
        if (version !== null) versions.push(version)
        else {
          problems.push(
            `Triage decision ${index + 1} of this record could not be read (it may be damaged) and is not shown, ` +
              'so the decision shown as current may not be the latest. Restore a backup, or ask an administrator.'
          )
        }
      }
      return { versions, problems }
    }
  }
}

interface NewTriageRow {
  intake_id: string
  version: number
  decision: string
  notes: string
  acknowledged_flags: string
  staff_id: string
  staff_name: string
  decided_at: string
}

/**
 * A row as a version, or null when any field fails the domain's checks.
 * `position` is where the row sits (1, 2, 3…): versions are numbered without
 * gaps (the insert trigger sees to it), so a number out of place means a row
 * was changed or lost outside the app.
 */
function toVersion(row: TriageRow, position: number): TriageVersion | null {
  if (row.version !== position) return null
  if (!oneOf(TRIAGE_DECISIONS, row.decision)) return null
  const notes = row.notes
  if (
    typeof notes !== 'string' ||
    [...notes].length > TRIAGE_NOTES_MAX_LENGTH ||
    notes !== notes.trim() ||
    hasControlCharacter(notes)
  ) {
    return null
  }
  const flags = acknowledgedFlags(row.acknowledged_flags)
  if (flags === null) return null
  const staffId = row.staff_id
  const staffName = row.staff_name
  if (
    typeof staffId !== 'string' ||
    staffId === '' ||
    staffId.length > MAX_STAFF_ID_LENGTH ||
    typeof staffName !== 'string' ||
    staffName.trim() === '' ||
    [...staffName].length > MAX_STAFF_NAME_LENGTH ||
    hasControlCharacter(staffName)
  ) {
    return null
  }
  const decidedAt = row.decided_at
  if (
    typeof decidedAt !== 'string' ||
    !ISO_INSTANT.test(decidedAt) ||
    Number.isNaN(Date.parse(decidedAt))
  ) {
    return null
  }
  return {
    version: position,
    decision: row.decision,
    notes,
    acknowledgedFlags: flags,
    decidedBy: { staffId, name: staffName },
    decidedAt
  }
}

/** The stored JSON array of conditions, each known and none twice; null when it is anything else. */
function acknowledgedFlags(stored: unknown): FlagCondition[] | null {
  if (typeof stored !== 'string') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return null
  }
  if (!Array.isArray(parsed)) return null
  const flags: FlagCondition[] = []
  for (const entry of parsed) {
    if (!oneOf(FLAG_CONDITIONS, entry) || flags.includes(entry)) return null
    flags.push(entry)
  }
  return flags
}
