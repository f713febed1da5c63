/**
 * SQL for `intake_amendments` and `follow_ups` (migration 0011), and the one
 * place their rows become domain shapes. A row that fails its checks on read
 * is reported as a problem of the record, never skipped in silence.
 */
import type { Database } from 'better-sqlite3'
import {
  isControlExceptLineFeed,
  type AnswerValue,
  type FollowUpLink,
  type IntakeEvaluation
} from '../../../../src/domain'
import type { StoredAmendment } from '../intakes/intakeStore'
import { parseStoredAnswers, parseStoredEvaluation } from './storedJson'

export interface AmendmentRepository {
  /** Appends the intake's next amendment; the table refuses any other version. */
  append(intakeId: string, amendment: Omit<StoredAmendment, 'version'>): void
  /** Oldest first, with a sentence for each row that could not be read. */
  listForIntake(intakeId: string): {
    readonly amendments: readonly StoredAmendment[]
    readonly problems: readonly string[]
  }
}

export interface FollowUpRepository {
  link(intakeId: string, link: FollowUpLink, now: string): void
  find(intakeId: string): FollowUpLink | null
}

interface AmendmentRow {
  version: number
  reason: string
  changes: string
  answers_before: string
  evaluation_before: string
  evaluation_after: string
  staff_id: string
  staff_name: string
  amended_at: string
}

/**
 * Creates the repository over an open connection. Statements are prepared on
 * first use, once: tools and tests that open a database before migration 0011
 * can still build the intake service as long as they never amend.
 */
export function createAmendmentRepository(db: Database): AmendmentRepository {
  const insert = once(() =>
    db.prepare<[Record<string, unknown>]>(`
    INSERT INTO intake_amendments (
      intake_id, version, reason, changes, answers_before, evaluation_before, evaluation_after,
      staff_id, staff_name, amended_at
    ) VALUES (
      @intake_id,
      (SELECT coalesce(max(version), 0) + 1 FROM intake_amendments WHERE intake_id = @intake_id),
      @reason, @changes, @answers_before, @evaluation_before, @evaluation_after,
      @staff_id, @staff_name, @amended_at
    )`)
  )
  const list = once(() =>
    !hasTable(db, 'intake_amendments')
      ? null
      : db.prepare<[string], AmendmentRow>(`
    SELECT version, reason, changes, answers_before, evaluation_before, evaluation_after,
      staff_id, staff_name, amended_at
    FROM intake_amendments WHERE intake_id = ? ORDER BY version`)
  )

  return {
    append(intakeId, amendment) {
      insert().run({
        intake_id: intakeId,
        reason: amendment.reason,
        changes: JSON.stringify(amendment.changes),
        answers_before: JSON.stringify(amendment.answersBefore),
        evaluation_before: JSON.stringify(amendment.evaluationBefore),
        evaluation_after: JSON.stringify(amendment.evaluationAfter),
        staff_id: amendment.amendedBy.staffId,
        staff_name: amendment.amendedBy.name,
        amended_at: amendment.amendedAt
      })
    },

    listForIntake(intakeId) {
      const amendments: StoredAmendment[] = []
      const problems: string[] = []
      // A database from before migration 0011 has no amendments.
      for (const row of list()?.all(intakeId) ?? []) {
        const amendment = toAmendment(row)
        if (amendment !== null) amendments.push(amendment)
        else {
          problems.push(
            `Amendment ${row.version} of this record could not be read (it may be damaged) and is not shown, ` +
              'so the answers shown may differ from what the amendment history explains. Restore a backup, or ask an administrator.'
          )
        }
      }
      return { amendments, problems }
    }
  }
}

/** Creates the follow-up link repository; statements are prepared on first use, as above. */
export function createFollowUpRepository(db: Database): FollowUpRepository {
  const insert = once(() =>
    db.prepare<[Record<string, unknown>]>(`
    INSERT INTO follow_ups (
      intake_id, patient_id, previous_intake_id, confirmed_by_id, confirmed_by_name, created_at
    ) VALUES (
      @intake_id, @patient_id, @previous_intake_id, @confirmed_by_id, @confirmed_by_name, @created_at
    )`)
  )
  const find = once(() =>
    !hasTable(db, 'follow_ups')
      ? null
      : db.prepare<
          [string],
          {
            patient_id: string
            previous_intake_id: string
            confirmed_by_id: string
            confirmed_by_name: string
          }
        >(`SELECT patient_id, previous_intake_id, confirmed_by_id, confirmed_by_name
     FROM follow_ups WHERE intake_id = ?`)
  )

  return {
    link(intakeId, link, now) {
      insert().run({
        intake_id: intakeId,
        patient_id: link.patientId,
        previous_intake_id: link.previousIntakeId,
        confirmed_by_id: link.confirmedBy.id,
        confirmed_by_name: link.confirmedBy.name,
        created_at: now
      })
    },

    find(intakeId) {
      // A database from before migration 0011 has no follow-ups.
      const row = find()?.get(intakeId)
      if (row === undefined) return null
      return {
        patientId: row.patient_id,
        previousIntakeId: row.previous_intake_id,
        confirmedBy: { id: row.confirmed_by_id, name: row.confirmed_by_name }
      }
    }
  }
}

function hasTable(db: Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  )
}

/** The value `make` returns, made on the first call only. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | null = null
  return () => (made ??= { value: make() }).value
}

function toAmendment(row: AmendmentRow): StoredAmendment | null {
  const changes = parseChanges(row.changes)
  const answersBefore = parseStoredAnswers(row.answers_before)
  const evaluationBefore = parseStoredEvaluation(row.evaluation_before)
  const evaluationAfter = parseStoredEvaluation(row.evaluation_after)
  if (
    changes === null ||
    answersBefore === null ||
    evaluationBefore === null ||
    evaluationAfter === null ||
    !isPlainText(row.reason) ||
    !isPlainText(row.staff_name) ||
    Number.isNaN(new Date(row.amended_at).getTime())
  ) {
    return null
  }
  return {
    version: row.version,
    reason: row.reason,
    changes,
    answersBefore,
    evaluationBefore: evaluationBefore satisfies IntakeEvaluation,
    evaluationAfter,
    amendedBy: { staffId: row.staff_id, name: row.staff_name },
    amendedAt: row.amended_at
  }
}

function isPlainText(text: string): boolean {
  for (const character of text) {
    if (isControlExceptLineFeed(character.codePointAt(0) ?? 0)) return false
  }
  return true
}

function parseChanges(text: string): StoredAmendment['changes'] | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(value)) return null
  const changes: Array<StoredAmendment['changes'][number]> = []
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null
    const { itemId, before, after } = entry as Record<string, unknown>
    if (typeof itemId !== 'string' || !isAnswer(before) || !isAnswer(after)) return null
    changes.push({ itemId, before, after })
  }
  return changes
}

function isAnswer(value: unknown): value is AnswerValue | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  return Array.isArray(value) && value.every((code) => typeof code === 'string')
}
