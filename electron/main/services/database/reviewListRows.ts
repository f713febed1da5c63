/**
 * What the clinician's two lists of intakes, the queue and search, read of
 * each intake besides the row itself: when it started waiting, and its
 * current triage decision as the domain knows it. Both lists show a row the
 * same way, so both read it through here.
 */
import {
  TRIAGE_DECISIONS,
  type ConcernLevel,
  type EntryMode,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakeStatus,
  type QueueItem
} from '../../../../src/domain'
import { contentDigest, rowDigest, SEALED_ROW_COLUMNS, type SealedRowFields } from './intakeDigest'
import { isConcernLevel, oneOf, parseStoredAnswers, parseStoredEvaluation } from './storedJson'

/**
 * The moment an intake starts waiting: its submission, or its creation while
 * it is a draft. Spelled exactly as migration 0010 indexes it, or SQLite
 * cannot use that index.
 */
export const WAITING_SINCE = 'coalesce(submitted_at, created_at)'

/** Every column the intake repository reads and checks, exactly as stored. */
export type StoredIntakeRow = Omit<SealedRowFields, 'content_digest'> & {
  readonly content_digest: string | null
  readonly row_digest: string | null
  readonly answers: string
  readonly evaluation: string | null
}

/** The SQL column list of {@link StoredIntakeRow}, each prefixed with `table.` when given. */
export function storedIntakeColumns(table?: string): string {
  const names = [
    ...SEALED_ROW_COLUMNS.split(',').map((column) => column.trim()),
    'content_digest',
    'row_digest',
    'answers',
    'evaluation'
  ]
  return names.map((column) => (table === undefined ? column : `${table}.${column}`)).join(', ')
}

/**
 * Whether the intake is a follow-up visit, as the column `follow_up` (1 or
 * 0): one probe of the primary key of `follow_ups` per row shown.
 */
export function followUpColumn(intakeId: string): string {
  return `EXISTS (SELECT 1 FROM follow_ups WHERE follow_ups.intake_id = ${intakeId}) AS follow_up`
}

/** The columns {@link latestTriageColumns} selects, as stored (other tools can change them). */
export interface LatestTriageRow {
  readonly triage_version: number | null
  readonly decision: unknown
  readonly decided_at: unknown
  readonly staff_name: unknown
}

/** The select list of {@link LatestTriageRow}, from the decision joined as `alias`. */
export function latestTriageColumns(alias: string): string {
  return `${alias}.version AS triage_version, ${alias}.decision, ${alias}.decided_at, ${alias}.staff_name`
}

/**
 * Joins each intake's latest decision as `alias`, found through the primary
 * key of `triage_decisions` (intake, version): one short probe per row.
 * `intakeId` is the SQL naming the intake's id in the query.
 */
export function latestTriageJoin(alias: string, intakeId: string): string {
  return `LEFT JOIN triage_decisions AS ${alias}
    ON ${alias}.intake_id = ${intakeId}
    AND ${alias}.version = (
      SELECT max(version) FROM triage_decisions AS newer WHERE newer.intake_id = ${intakeId}
    )`
}

/** Where an intake stands in review, from its latest decision. */
export interface ReviewState {
  /** Whether a triage decision exists, even one too damaged to read. */
  readonly reviewed: boolean
  /** The latest decision; null before review, and for a decision that cannot be read. */
  readonly triage: QueueItem['triage']
  /** Set when the latest decision exists but could not be read. */
  readonly triageProblem?: string
}

/** What the triage service stores: `Date.prototype.toISOString`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const TRIAGE_UNREADABLE =
  'The current triage decision could not be read; open the record to see its history.'

/**
 * The latest decision as the domain knows it. The file can be changed by
 * other tools or a failing disk, so the stored values are checked rather
 * than cast; one that fails still marks the intake as reviewed (a decision
 * was recorded) and is named as a problem instead of being guessed at.
 */
export function reviewStateOf(row: LatestTriageRow): ReviewState {
  if (row.triage_version === null) return { reviewed: false, triage: null }
  const { decision, decided_at: decidedAt, staff_name: decidedBy } = row
  if (
    oneOf(TRIAGE_DECISIONS, decision) &&
    typeof decidedAt === 'string' &&
    ISO_INSTANT.test(decidedAt) &&
    typeof decidedBy === 'string' &&
    decidedBy !== ''
  ) {
    return { reviewed: true, triage: { decision, decidedAt, decidedBy } }
  }
  return { reviewed: true, triage: null, triageProblem: TRIAGE_UNREADABLE }
}

/** A listed intake whose row passed every check: what its line in either list needs. */
export interface IntactIntake {
  readonly id: string
  readonly status: IntakeStatus
  readonly concern: ConcernLevel
  readonly givenName: string | null
  readonly familyName: string | null
  readonly dateOfBirth: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly submittedAt: string | null
  /** The snapshot taken at submission; null for a draft. */
  readonly evaluation: IntakeEvaluation | null
  /** A draft's answers, to evaluate; null for a submitted intake (its snapshot has the flags). */
  readonly answers: IntakeAnswers | null
}

const STATUSES: readonly IntakeStatus[] = ['draft', 'submitted']
const ENTRY_MODES: readonly EntryMode[] = ['staff', 'patient']

/**
 * The row's line fields when it passes every check the intake repository
 * makes of it (both check values, status, entry mode, concern, a readable
 * snapshot, and a draft's readable answers); `null` otherwise, for the caller
 * to read it in full so that damage is named and never trusted silently.
 * Names come from their columns, which the row digest covers; a submitted
 * intake's answers are not parsed, since its snapshot has the flags and the
 * content digest vouches for the text.
 */
export function intactIntake(row: StoredIntakeRow): IntactIntake | null {
  const sealedContent = row.content_digest
  if (sealedContent === null || row.row_digest === null) return null
  const { status, concern } = row
  if (!oneOf(STATUSES, status) || !oneOf(ENTRY_MODES, row.entry_mode) || !isConcernLevel(concern)) {
    return null
  }
  if (contentDigest(row.answers, row.evaluation) !== sealedContent) return null
  if (rowDigest({ ...row, content_digest: sealedContent }) !== row.row_digest) return null
  const evaluation = row.evaluation === null ? null : parseStoredEvaluation(row.evaluation)
  if (evaluation === null && (row.evaluation !== null || status === 'submitted')) return null
  const answers = status === 'draft' ? parseStoredAnswers(row.answers) : null
  if (status === 'draft' && answers === null) return null
  return {
    id: row.id,
    status,
    concern,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    evaluation,
    answers
  }
}
