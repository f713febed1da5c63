/**
 * The intake store over the local SQLite database: the adapter behind the
 * storage-independent intake service. Each write is one IMMEDIATE transaction
 * (the row, its red-flag history, its patient, its amendment or follow-up
 * link together, or none of them), and each checks the expected revision in
 * its UPDATE, so a write based on an older revision changes nothing.
 *
 * better-sqlite3 answers synchronously; the promises are there so a server
 * adapter can stand behind the same interface.
 */
import type { Database } from 'better-sqlite3'
import type { RedFlagEvent } from '../../../../src/domain'
import type {
  IntakeSnapshot,
  IntakeStore,
  PatientLink,
  StaleWrite,
  StoredPatient
} from '../intakes/intakeStore'
import { createAmendmentRepository, createFollowUpRepository } from './amendmentRepository'
import { createIntakeRepository } from './intakeRepository'
import { mapSqliteError } from './mapSqliteError'
import { createPatientRepository, type PatientWithVisits } from './patientRepository'
import { createRedFlagEventRepository } from './redFlagEventRepository'
import { createTriageRepository } from './triageRepository'

export interface SqliteIntakeStoreOptions {
  /**
   * Told of the red-flag history each write adds, inside the write's own
   * transaction (the audit trail records raised alerts there): if it throws,
   * the answers are not saved either.
   */
  readonly onRedFlagEvents?: (intakeId: string, events: readonly RedFlagEvent[]) => void
}

/** Creates the store over an open, migrated database. */
export function createSqliteIntakeStore(
  db: Database,
  options: SqliteIntakeStoreOptions = {}
): IntakeStore {
  const intakes = createIntakeRepository(db)
  const patients = createPatientRepository(db)
  const history = createRedFlagEventRepository(db)
  const triage = createTriageRepository(db)
  const amendments = createAmendmentRepository(db)
  const followUps = createFollowUpRepository(db)

  const appendHistory = (intakeId: string, events: readonly RedFlagEvent[]): void => {
    history.append(intakeId, events)
    if (events.length > 0) options.onRedFlagEvents?.(intakeId, events)
  }

  const stale = (id: string): StaleWrite => ({ stale: true, current: intakes.findState(id) })

  /** The row and everything shown with it, read in one transaction so they agree. */
  const snapshotOf = (id: string): IntakeSnapshot | null => {
    const stored = intakes.findById(id)
    if (stored === null) return null
    const followUp = followUps.find(id)
    const decisions = triage.listForIntake(id)
    const amended = amendments.listForIntake(id)
    return {
      stored,
      kind: followUp === null ? 'initial' : 'follow-up',
      followUp,
      redFlagHistory: history.listForIntake(id),
      triage: decisions.versions,
      problems: [...decisions.problems, ...amended.problems],
      amendments: amended.amendments
    }
  }
  const read = db.transaction(snapshotOf)

  const linkPatient = (link: PatientLink, now: string): string => {
    if (link.kind === 'confirmed') return link.patientId
    return patients.findOrCreate(link.details, {
      now,
      newId: () => link.newPatientId,
      identity: link.identity
    }).id
  }

  const mustRead = (id: string): IntakeSnapshot => {
    const snapshot = snapshotOf(id)
    if (snapshot === null) throw new Error('A row just written could not be read back.')
    return snapshot
  }

  const insertDraft = db.transaction((write: Parameters<IntakeStore['insertDraft']>[0]) => {
    const stored = intakes.insertDraft(write)
    if (write.followUp !== null) followUps.link(stored.id, write.followUp, write.now)
    appendHistory(stored.id, write.events)
    return mustRead(stored.id)
  })

  const saveDraft = db.transaction((write: Parameters<IntakeStore['saveDraft']>[0]) => {
    const saved = intakes.updateDraft(write)
    if (saved === null) return stale(write.id)
    appendHistory(write.id, write.events)
    return saved
  })

  const submit = db.transaction((write: Parameters<IntakeStore['submit']>[0]) => {
    // The state is checked before the patient is written, so a stale
    // submission never creates a patient (the transaction would undo it anyway).
    const state = intakes.findState(write.id)
    if (state?.status !== 'draft' || state.revision !== write.expectedRevision) {
      return stale(write.id)
    }
    const stored = intakes.markSubmitted({
      ...write,
      patientId: linkPatient(write.patient, write.now)
    })
    if (stored === null) return stale(write.id)
    appendHistory(write.id, write.events)
    return mustRead(write.id)
  })

  const amend = db.transaction((write: Parameters<IntakeStore['amend']>[0]) => {
    const state = intakes.findById(write.id)
    if (
      state === null ||
      state.status !== 'submitted' ||
      state.revision !== write.expectedRevision ||
      state.patientId === null
    ) {
      return stale(write.id)
    }
    const patientId =
      write.patient === null
        ? state.patientId
        : linkPatient(write.patient, write.amendment.amendedAt)
    const stored = intakes.amendSubmitted({ ...write, patientId })
    if (stored === null) return stale(write.id)
    amendments.append(write.id, write.amendment)
    return mustRead(write.id)
  })

  const toStoredPatient = (patient: PatientWithVisits): StoredPatient => ({
    id: patient.id,
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    preferredLanguage: patient.preferredLanguage,
    visitCount: patient.visitCount,
    lastVisit: patient.lastVisit
  })

  const listVisits = db.transaction((patientId: string) => {
    const rows = intakes.listSubmittedForPatient(patientId)
    return rows.map((stored) => ({
      intakeId: stored.id,
      kind: followUps.find(stored.id) === null ? ('initial' as const) : ('follow-up' as const),
      submittedAt: stored.submittedAt ?? stored.updatedAt,
      // A row that failed its checks is left out of the chart rather than drawn from doubtful data.
      evaluation: stored.problems === undefined ? stored.evaluation : null,
      answers: stored.answers
    }))
  })

  return {
    insertDraft: (write) => attempt(() => insertDraft.immediate(write)),
    saveDraft: (write) => attempt(() => saveDraft.immediate(write)),
    submit: (write) => attempt(() => submit.immediate(write)),
    amend: (write) => attempt(() => amend.immediate(write)),
    read: (id) => attempt(() => read(id)),
    readState: (id) => attempt(() => intakes.findState(id)),
    deleteDraft: (id) => attempt(() => intakes.deleteDraft(id)),
    list: (request) => attempt(() => intakes.list(request)),
    listUnfinished: (limit) =>
      attempt(() =>
        // At most 50 drafts: one look-up each says which are follow-ups.
        intakes.listUnfinished(limit).map((draft) => ({
          ...draft,
          kind: followUps.find(draft.summary.id) === null ? 'initial' : 'follow-up'
        }))
      ),
    listSubmittedBetween: (from, to) => attempt(() => intakes.listSubmittedBetween(from, to)),
    findPatients: (identity) =>
      attempt(() => patients.listByIdentity(identity).map(toStoredPatient)),
    findPatient: (id) =>
      attempt(() => {
        const found = patients.findWithVisits(id)
        return found === null ? null : toStoredPatient(found)
      }),
    listVisits: (patientId) => attempt(() => listVisits(patientId))
  }
}

/**
 * Runs synchronous SQLite work and settles a promise with its outcome, so a
 * thrown error becomes a rejection and SQLite errors become `ServiceError`s
 * (no SQL reaches the caller).
 */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(mapSqliteError(error))
  }
}
