/**
 * What the IPC handlers call for intakes. Every method is asynchronous even
 * though SQLite answers synchronously, so a server-backed implementation
 * (PostgreSQL is planned) can stand behind the same interface unchanged.
 *
 * Expected failures reject with a `ServiceError`: `not-found`, `conflict`
 * (the intake is no longer a draft), `invalid-argument` (with per-item
 * `issues` when answers are refused) and `storage`.
 */
import type {
  DraftSaved,
  EntryMode,
  IntakeAnswers,
  IntakePage,
  IntakeRecord,
  IntakeSummary,
  ListIntakesQuery,
  UnfinishedIntake,
  RedFlagActor
} from '../../../../src/domain'

export interface IntakeService {
  /**
   * Starts a draft with whatever has been answered so far (possibly nothing).
   * `actor` (here and below) is the role of the call, which the red-flag
   * history records against each red-flag answer change and raised alert,
   * written in the same transaction as the answers.
   */
  createDraft(
    input: { answers: IntakeAnswers; entryMode: EntryMode },
    actor: RedFlagActor
  ): Promise<IntakeRecord>
  /**
   * Replaces a draft's answers (validated with draft rules), refreshes its live
   * concern and bumps its revision. A submitted intake is a `conflict`.
   */
  saveDraft(input: { id: string; answers: IntakeAnswers }, actor: RedFlagActor): Promise<DraftSaved>
  /**
   * Validates with submission rules and, in one transaction, links the
   * patient (found or created), stores the answers and the evaluation computed
   * now as a snapshot. Submitting twice is a `conflict`.
   */
  submit(input: { id: string; answers: IntakeAnswers }, actor: RedFlagActor): Promise<IntakeRecord>
  /**
   * One intake: a draft with a fresh evaluation, a submitted one with its
   * snapshot; both with the whole red-flag history (staff see it; the caller
   * hides it from the patient).
   */
  get(id: string): Promise<IntakeRecord>
  /** One page of intakes, newest first, optionally filtered by status and name prefix. */
  list(query: ListIntakesQuery): Promise<IntakePage>
  /** Drafts not yet submitted, newest first, at most 50. */
  listUnfinished(): Promise<readonly UnfinishedIntake[]>
  /**
   * The intakes submitted on one calendar day (`YYYY-MM-DD`) of this
   * computer's clock, from midnight to midnight local time, in the order they
   * were submitted: what "the day's intakes" means at the clinic. A date that
   * is not a real day is an `invalid-argument`.
   */
  listSubmittedOn(date: string): Promise<readonly IntakeSummary[]>
  /** Deletes a draft. A submitted intake is a `conflict`: clinical records are not deleted. */
  discardDraft(id: string): Promise<void>
}
