/**
 * One intake as a line of the clinician's lists, the queue and search: both
 * show an intake the same way (the stored concern, the flags behind it, the
 * age on the day of the intake, the current decision, and any damage), so
 * both build it here.
 *
 * A line is built from one of two sources. An intake whose row passes its
 * check values and reads cleanly is built from the row alone, reading only
 * what the line shows; anything else is read in full by the intake
 * repository, which says what is wrong, and the line carries that damage.
 */
import {
  ageOn,
  evaluateIntake,
  todayIso,
  type Flag,
  type IntakeAnswers,
  type QueueItem
} from '../../../../src/domain'
import type { StoredIntake } from '../database/intakeRepository'
import {
  intactIntake,
  type IntactIntake,
  type ReviewState,
  type StoredIntakeRow
} from '../database/reviewListRows'

/**
 * What a line is made of, whichever way the intake was read: the fields of an
 * intact row (the search repository reads them the same way), and for a
 * record read in full, what is wrong with it. `evaluation` is null for a
 * draft and for a snapshot that cannot be read; `answers` are what to
 * evaluate when there is no snapshot, null when the snapshot has the flags.
 */
export interface QueueItemSource extends IntactIntake {
  /** What is wrong with the record; absent when it passed every check. */
  readonly problems?: readonly string[]
}

/** Where a listed intake stands: when it started waiting, and its latest decision. */
export interface ListedIntake extends ReviewState {
  /** Submitted, or created while a draft (ISO-8601 UTC). */
  readonly waitingSince: string
  /** A follow-up visit's short form rather than a first intake. */
  readonly followUp: boolean
}

/**
 * The line's source from a row as stored, when it passes every check (see
 * {@link intactIntake}); `null` otherwise, for the caller to read it in full
 * with {@link storedItemSource}.
 */
export function intactItemSource(row: StoredIntakeRow): QueueItemSource | null {
  return intactIntake(row)
}

/** The line's source from a record read in full: what could be read, and why not more. */
export function storedItemSource(stored: StoredIntake | null): QueueItemSource | null {
  if (stored === null) return null
  return {
    ...stored,
    givenName: textAnswer(stored.answers, 'patient.givenName'),
    familyName: textAnswer(stored.answers, 'patient.familyName'),
    dateOfBirth: textAnswer(stored.answers, 'patient.dateOfBirth')
  }
}

/**
 * One line as the lists show it: the stored concern (live for a draft, frozen
 * at submission), the flags behind it, the age on the day of the intake and
 * the current decision; a damaged record, or a decision that cannot be read,
 * says so, as on the record screen.
 */
export function toQueueItem(
  source: QueueItemSource,
  listed: ListedIntake,
  today: string
): QueueItem {
  const intakeDay = localDay(listed.waitingSince) ?? today
  const problems = [...(source.problems ?? [])]
  if (listed.triageProblem !== undefined) problems.push(listed.triageProblem)
  const { dateOfBirth } = source
  return {
    id: source.id,
    status: listed.reviewed ? 'reviewed' : source.status,
    kind: listed.followUp ? 'follow-up' : 'initial',
    givenName: source.givenName,
    familyName: source.familyName,
    dateOfBirth,
    age: dateOfBirth === null ? null : ageOn(dateOfBirth, intakeDay),
    concern: source.concern,
    flags: flagsOf(source, intakeDay, today).map(({ condition, level }) => ({ condition, level })),
    createdAt: source.createdAt,
    submittedAt: source.submittedAt,
    updatedAt: source.updatedAt,
    triage: listed.triage,
    ...(problems.length === 0 ? {} : { damage: { problems } })
  }
}

/**
 * The flags as the record screen shows them: the snapshot of a submitted
 * intake; for a draft, its answers evaluated today; for a submitted intake
 * whose snapshot cannot be read (already listed as damage), its readable
 * answers evaluated on the day it was submitted.
 */
function flagsOf(source: QueueItemSource, intakeDay: string, today: string): readonly Flag[] {
  const answers = source.answers ?? {}
  if (source.status === 'submitted') {
    return (source.evaluation ?? evaluateIntake(answers, { asOf: intakeDay })).flags
  }
  return evaluateIntake(answers, { asOf: today }).flags
}

function textAnswer(answers: IntakeAnswers, itemId: string): string | null {
  const value = answers[itemId]
  return typeof value === 'string' && value !== '' ? value : null
}

/** The clinic's local date of an instant, or null for a stored time too damaged to read. */
function localDay(instant: string): string | null {
  const at = new Date(instant)
  return Number.isNaN(at.getTime()) ? null : todayIso(at)
}
