/**
 * A second backend for the intake service's shared suite: the whole
 * `IntakeStore` interface over plain maps. It exists to prove the service
 * depends on the interface alone (a clinic-server adapter will run the same
 * suite); it keeps the interface's promises (compare-and-set on the
 * revision, every write whole or not at all) and nothing SQLite-specific.
 */
import type { IntakeSummary, RedFlagEvent, TriageVersion } from '../../../../../src/domain'
import type {
  IntakeSnapshot,
  IntakeStore,
  PatientIdentity,
  PatientLink,
  StaleWrite,
  StoredAmendment,
  StoredIntake,
  StoredPatient
} from '../../../../../electron/main/services/intakes/intakeStore'

interface Row {
  stored: StoredIntake
  entryMode: 'staff' | 'patient'
  followUp: IntakeSnapshot['followUp']
  history: RedFlagEvent[]
  amendments: StoredAmendment[]
}

interface PatientRow {
  id: string
  identity: PatientIdentity
  givenName: string
  familyName: string
  dateOfBirth: string
  preferredLanguage: string | null
  createdAt: string
}

export function createMemoryIntakeStore(): IntakeStore {
  const rows = new Map<string, Row>()
  const patients = new Map<string, PatientRow>()
  const triage: readonly TriageVersion[] = []

  // Copies in and out, as a real store would serialise: callers never share objects with it.
  const copy = <T>(value: T): T => structuredClone(value)

  const snapshot = (row: Row): IntakeSnapshot =>
    copy({
      stored: row.stored,
      kind: row.followUp === null ? 'initial' : 'follow-up',
      followUp: row.followUp,
      redFlagHistory: row.history,
      triage,
      problems: [],
      amendments: row.amendments
    })

  const stale = (id: string): StaleWrite => {
    const row = rows.get(id)
    return {
      stale: true,
      current:
        row === undefined ? null : { status: row.stored.status, revision: row.stored.revision }
    }
  }

  const linkPatient = (link: PatientLink, now: string): string => {
    if (link.kind === 'confirmed') return link.patientId
    const same = [...patients.values()]
      .filter((patient) => sameIdentity(patient.identity, link.identity))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
    if (same !== undefined) return same.id
    patients.set(link.newPatientId, {
      id: link.newPatientId,
      identity: link.identity,
      givenName: link.details.givenName,
      familyName: link.details.familyName,
      dateOfBirth: link.details.dateOfBirth,
      preferredLanguage: link.details.preferredLanguage ?? null,
      createdAt: now
    })
    return link.newPatientId
  }

  const submittedOf = (patientId: string): Row[] =>
    [...rows.values()]
      .filter((row) => row.stored.status === 'submitted' && row.stored.patientId === patientId)
      .sort((a, b) => (a.stored.submittedAt ?? '').localeCompare(b.stored.submittedAt ?? ''))

  const storedPatient = (patient: PatientRow): StoredPatient => {
    const visits = submittedOf(patient.id)
    const last = visits[visits.length - 1]
    return {
      id: patient.id,
      givenName: patient.givenName,
      familyName: patient.familyName,
      dateOfBirth: patient.dateOfBirth,
      preferredLanguage: patient.preferredLanguage,
      visitCount: visits.length,
      lastVisit:
        last === undefined
          ? null
          : { intakeId: last.stored.id, submittedAt: last.stored.submittedAt ?? '' }
    }
  }

  const summary = (row: Row): IntakeSummary => {
    const text = (id: string): string | null => {
      const value = row.stored.answers[id]
      return typeof value === 'string' ? value : null
    }
    return {
      id: row.stored.id,
      status: row.stored.status,
      entryMode: row.entryMode,
      givenName: text('patient.givenName'),
      familyName: text('patient.familyName'),
      dateOfBirth: text('patient.dateOfBirth'),
      concern: row.stored.concern,
      createdAt: row.stored.createdAt,
      updatedAt: row.stored.updatedAt,
      submittedAt: row.stored.submittedAt
    }
  }

  const store: IntakeStore = {
    insertDraft: (write) =>
      settle(() => {
        const row: Row = {
          stored: {
            id: write.id,
            status: 'draft',
            entryMode: write.entryMode,
            formVersion: write.formVersion,
            answers: copy(write.answers),
            evaluation: null,
            patientId: null,
            concern: write.concern,
            revision: 1,
            createdAt: write.now,
            updatedAt: write.now,
            submittedAt: null
          },
          entryMode: write.entryMode,
          followUp: copy(write.followUp),
          history: copy([...write.events]),
          amendments: []
        }
        rows.set(write.id, row)
        return snapshot(row)
      }),

    saveDraft: (write) =>
      settle(() => {
        const row = rows.get(write.id)
        if (row?.stored.status !== 'draft' || row.stored.revision !== write.expectedRevision) {
          return stale(write.id)
        }
        const revision = row.stored.revision + 1
        row.stored = {
          ...row.stored,
          answers: copy(write.answers),
          concern: write.concern,
          revision,
          updatedAt: write.now
        }
        row.history.push(...copy([...write.events]))
        return { id: write.id, revision, updatedAt: write.now, concern: write.concern }
      }),

    submit: (write) =>
      settle(() => {
        const row = rows.get(write.id)
        if (row?.stored.status !== 'draft' || row.stored.revision !== write.expectedRevision) {
          return stale(write.id)
        }
        row.stored = {
          ...row.stored,
          status: 'submitted',
          formVersion: write.formVersion,
          answers: copy(write.answers),
          evaluation: copy(write.evaluation),
          patientId: linkPatient(write.patient, write.now),
          concern: write.evaluation.concern,
          revision: row.stored.revision + 1,
          updatedAt: write.now,
          submittedAt: write.now
        }
        row.history.push(...copy([...write.events]))
        return snapshot(row)
      }),

    amend: (write) =>
      settle(() => {
        const row = rows.get(write.id)
        if (
          row?.stored.status !== 'submitted' ||
          row.stored.revision !== write.expectedRevision ||
          row.stored.patientId === null
        ) {
          return stale(write.id)
        }
        const patientId =
          write.patient === null
            ? row.stored.patientId
            : linkPatient(write.patient, write.amendment.amendedAt)
        row.stored = {
          ...row.stored,
          answers: copy(write.answers),
          evaluation: copy(write.evaluation),
          patientId,
          concern: write.evaluation.concern,
          revision: row.stored.revision + 1
        }
        row.amendments.push({ ...copy(write.amendment), version: row.amendments.length + 1 })
        return snapshot(row)
      }),

    read: (id) =>
      settle(() => {
        const row = rows.get(id)
        return row === undefined ? null : snapshot(row)
      }),

    readState: (id) => settle(() => stale(id).current),

    deleteDraft: (id) => settle(() => rows.get(id)?.stored.status === 'draft' && rows.delete(id)),

    list: (request) =>
      settle(() => {
        const items = [...rows.values()]
          .filter((row) => request.status === undefined || row.stored.status === request.status)
          .sort((a, b) => b.stored.updatedAt.localeCompare(a.stored.updatedAt))
          .slice(0, request.limit)
          .map(summary)
        return { items, nextCursor: null }
      }),

    listUnfinished: (limit) =>
      settle(() =>
        [...rows.values()]
          .filter((row) => row.stored.status === 'draft')
          .slice(0, limit)
          .map((row) => ({
            summary: summary(row),
            answers: copy(row.stored.answers),
            kind: row.followUp === null ? ('initial' as const) : ('follow-up' as const)
          }))
      ),

    listSubmittedBetween: (from, to) =>
      settle(() =>
        [...rows.values()]
          .filter((row) => {
            const at = row.stored.submittedAt
            return at !== null && at >= from && at < to
          })
          .map(summary)
      ),

    findPatients: (identity) =>
      settle(() =>
        [...patients.values()]
          .filter((patient) => sameIdentity(patient.identity, identity))
          .map(storedPatient)
      ),

    findPatient: (id) =>
      settle(() => {
        const patient = patients.get(id)
        return patient === undefined ? null : storedPatient(patient)
      }),

    listVisits: (patientId) =>
      settle(() =>
        submittedOf(patientId).map((row) =>
          copy({
            intakeId: row.stored.id,
            kind: row.followUp === null ? ('initial' as const) : ('follow-up' as const),
            submittedAt: row.stored.submittedAt ?? '',
            evaluation: row.stored.evaluation,
            answers: row.stored.answers
          })
        )
      )
  }
  return store
}

function sameIdentity(a: PatientIdentity, b: PatientIdentity): boolean {
  return (
    a.givenNameKey === b.givenNameKey &&
    a.familyNameKey === b.familyNameKey &&
    a.dateOfBirth === b.dateOfBirth
  )
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}
