import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  evaluateIntake,
  FORM_VERSION,
  type IntakeAnswers,
  type IntakeSummary
} from '../../../../../src/domain'
import {
  createIntakeRepository,
  INTAKE_LIST_QUERIES,
  UNFINISHED_QUERY,
  SEARCH_MATCH_PROBE,
  type IntakeListRequest,
  type IntakeRepository
} from '../../../../../electron/main/services/database/intakeRepository'
import {
  decodeListCursor,
  encodeListCursor
} from '../../../../../electron/main/services/database/listCursor'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { createPatientRepository } from '../../../../../electron/main/services/database/patientRepository'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { completeAnswers } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('intake-repository')

let db: Database
let repository: IntakeRepository
let sequence = 0

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
  repository = createIntakeRepository(db)
  sequence = 0
  return () => db.close()
})

/** Ids that sort in creation order, so expected orders are easy to write. */
function nextId(): string {
  sequence += 1
  return `intake-${String(sequence).padStart(4, '0')}`
}

function names(givenName?: string, familyName?: string): IntakeAnswers {
  return {
    ...(givenName === undefined ? {} : { 'patient.givenName': givenName }),
    ...(familyName === undefined ? {} : { 'patient.familyName': familyName })
  }
}

function draft(answers: IntakeAnswers, now: string): string {
  const id = nextId()
  repository.insertDraft({ id, entryMode: 'staff', formVersion: 1, answers, concern: 'none', now })
  return id
}

function submitted(answers: IntakeAnswers, now: string): string {
  const id = draft(answers, now)
  const full = completeAnswers(answers)
  const patient = createPatientRepository(db).findOrCreate(
    { givenName: 'P', familyName: 'Q', dateOfBirth: '1990-01-01' },
    { now, newId: () => `patient-${id}` }
  )
  const stored = repository.markSubmitted({
    id,
    expectedRevision: 1,
    patientId: patient.id,
    formVersion: FORM_VERSION,
    answers: full,
    evaluation: evaluateIntake(full, { asOf: '2026-11-20' }),
    now
  })
  expect(stored?.status).toBe('submitted')
  return id
}

/** Every page of a list request, following cursors to the end. */
function allPages(request: Omit<IntakeListRequest, 'after'>): IntakeSummary[][] {
  const pages: IntakeSummary[][] = []
  let cursor: string | null = null
  do {
    const after = cursor === null ? undefined : decodeListCursor(cursor)
    if (after === null) throw new Error('bad cursor')
    const page = repository.list({ ...request, ...(after === undefined ? {} : { after }) })
    pages.push([...page.items])
    cursor = page.nextCursor
  } while (cursor !== null && pages.length < 1000)
  return pages
}

/** Seconds after a fixed instant, as the ISO strings the service stores. */
function at(seconds: number): string {
  return new Date(Date.parse('2026-11-20T08:00:00.000Z') + seconds * 1000).toISOString()
}

describe('intakeRepository rows', () => {
  it('stores a draft and reads it back as the domain shape', () => {
    const answers = names('Maya', 'Okafor')
    const stored = repository.insertDraft({
      id: 'a',
      entryMode: 'patient',
      formVersion: 1,
      answers,
      concern: 'urgent',
      now: at(0)
    })
    expect(stored).toEqual({
      id: 'a',
      status: 'draft',
      entryMode: 'patient',
      formVersion: 1,
      answers,
      evaluation: null,
      patientId: null,
      concern: 'urgent',
      revision: 1,
      createdAt: at(0),
      updatedAt: at(0),
      submittedAt: null
    })
    expect(repository.findById('a')).toEqual(stored)
    expect(repository.findById('missing')).toBeNull()
    const row = db
      .prepare('SELECT concern_rank, given_name_search FROM intakes WHERE id = ?')
      .get('a')
    expect(row).toEqual({ concern_rank: 2, given_name_search: 'maya' })
  })

  it('refuses to update or delete a submitted intake through the draft statements', () => {
    const id = submitted(names('Maya', 'Okafor'), at(0))
    expect(
      repository.updateDraft({ id, expectedRevision: 2, answers: {}, concern: 'none', now: at(1) })
    ).toBeNull()
    expect(repository.deleteDraft(id)).toBe(false)
    expect(repository.findStatus(id)).toBe('submitted')
    expect(repository.findStatus('missing')).toBeNull()
  })

  it('returns a row whose JSON has the wrong shape with its problems, unrepaired', () => {
    const id = draft(names('Maya'), at(0))
    db.prepare("UPDATE intakes SET answers = '[1, 2]' WHERE id = ?").run(id)
    const read = repository.findById(id)
    expect(read?.answers).toEqual({})
    expect(read?.problems).toEqual([
      expect.stringMatching(/answers changed after the app saved them/),
      'The saved answers could not be read at all.'
    ])
    // Reading never writes: the damaged text is still there for a backup or support.
    expect(db.prepare('SELECT answers FROM intakes WHERE id = ?').pluck().get(id)).toBe('[1, 2]')
  })

  it('refuses to write over a row whose status cannot be read', () => {
    const id = draft(names('Maya'), at(0))
    db.pragma('ignore_check_constraints = ON')
    db.prepare("UPDATE intakes SET status = 'drafx' WHERE id = ?").run(id)
    expect(() => repository.findStatus(id)).toThrow(ServiceError)
    expect(repository.findById(id)?.problems).toContain(
      'Whether this record is unfinished or submitted could not be read.'
    )
  })
})

describe('intakeRepository list', () => {
  it('orders newest first, breaking ties on the id, and filters by status', () => {
    const a = draft(names('A'), at(1))
    const b = submitted(names('B'), at(3))
    const c = draft(names('C'), at(3)) // same time as b: the larger id comes first
    const d = submitted(names('D'), at(2))
    expect(repository.list({ limit: 50 }).items.map((item) => item.id)).toEqual([c, b, d, a])
    expect(repository.list({ limit: 50, status: 'draft' }).items.map((item) => item.id)).toEqual([
      c,
      a
    ])
    expect(
      repository.list({ limit: 50, status: 'submitted' }).items.map((item) => item.id)
    ).toEqual([b, d])
  })

  it('pages with the cursor through every row exactly once, in order', () => {
    const ids: string[] = []
    // 57 rows, many sharing a timestamp, so pages split inside a run of ties.
    for (let i = 0; i < 57; i++) ids.push(draft(names(`Person${i}`), at(Math.floor(i / 4))))
    const expected = ids.slice().reverse()

    const pages = allPages({ limit: 10 })

    expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 10, 10, 7])
    expect(pages.flat().map((item) => item.id)).toEqual(expected)
  })

  it('ends without an empty page when the rows fill the last page exactly', () => {
    for (let i = 0; i < 20; i++) draft(names(`Person${i}`), at(i))
    expect(allPages({ limit: 10 }).map((page) => page.length)).toEqual([10, 10])
    expect(repository.list({ limit: 20 }).nextCursor).toBeNull()
  })
})

describe('intakeRepository search', () => {
  let ids: Record<string, string>

  beforeEach(() => {
    ids = {
      sofia: draft(names('Sofía', 'Ñúñez'), at(1)),
      tomas: submitted(names('Tomás', 'Núñez'), at(2)),
      maya: submitted(names('Maya', 'Okafor'), at(3)),
      maria: draft(names('MARÍA', 'Martínez'), at(4)),
      fang: submitted(names('芳', '王'), at(5)),
      elodie: draft(names('ÉLODIE', 'Dubois'), at(6)),
      astral: draft(names('Nu𠀋ra', 'Star'), at(7)),
      nameless: draft({}, at(8))
    }
  })

  const found = (search: string, status?: 'draft' | 'submitted'): string[] =>
    repository
      .list({ limit: 50, search, ...(status === undefined ? {} : { status }) })
      .items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id) ?? item.id)

  it('matches the start of the given or family name, ignoring case', () => {
    expect(found('okafor')).toEqual(['maya'])
    expect(found('OKA')).toEqual(['maya'])
    expect(found('maya')).toEqual(['maya'])
    expect(found('ma')).toEqual(['maria', 'maya'])
    expect(found('kafor')).toEqual([])
    expect(found('ez')).toEqual([])
  })

  it('matches non-ASCII names in any case, with or without accents', () => {
    expect(found('Ñúñez')).toEqual(['tomas', 'sofia'])
    expect(found('ñÚÑ')).toEqual(['tomas', 'sofia'])
    expect(found('nunez')).toEqual(['tomas', 'sofia'])
    expect(found('élo')).toEqual(['elodie'])
    expect(found('ELO')).toEqual(['elodie'])
    expect(found('maría')).toEqual(['maria'])
    expect(found('王')).toEqual(['fang'])
  })

  it('finds names whose next character is outside the Basic Multilingual Plane', () => {
    expect(found('nu')).toEqual(['astral', 'tomas', 'sofia'])
  })

  it('combines search with the status filter', () => {
    expect(found('nu', 'draft')).toEqual(['astral', 'sofia'])
    expect(found('nu', 'submitted')).toEqual(['tomas'])
  })

  it('returns the same pages whichever plan the match count selects', () => {
    const walking = createIntakeRepository(db, { denseSearchThreshold: 1 })
    const sorting = createIntakeRepository(db, { denseSearchThreshold: 1_000_000 })
    for (let i = 0; i < 30; i++)
      draft(names(`Nadia${i}`, i % 2 === 0 ? 'Nunes' : 'Smith'), at(10 + Math.floor(i / 3)))
    for (const request of [
      { search: 'n' },
      { search: 'nu' },
      { search: 'nad', status: 'draft' as const }
    ]) {
      const pages = (repo: IntakeRepository): string[] => {
        const seen: string[] = []
        let after: ReturnType<typeof decodeListCursor> = null
        for (;;) {
          const page = repo.list({ ...request, limit: 4, ...(after === null ? {} : { after }) })
          seen.push(...page.items.map((item) => item.id))
          if (page.nextCursor === null) return seen
          after = decodeListCursor(page.nextCursor)
        }
      }
      const viaWalk = pages(walking)
      expect(viaWalk.length).toBeGreaterThan(4)
      expect(pages(sorting)).toEqual(viaWalk)
      expect(new Set(viaWalk).size).toBe(viaWalk.length)
    }
  })
})

describe('intakeRepository query plans', () => {
  const planOf = (sql: string): string[] =>
    db
      .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all({
        after_updated_at: 'z',
        after_id: '',
        status: 'draft',
        low: 'ma',
        high: 'mb',
        limit: 51,
        cap: 500
      })
      .map((row) => row.detail)

  // A full table scan reads as "SCAN intakes"; walking an index reads "SCAN/SEARCH intakes USING ... INDEX".
  const fullScan = /\bSCAN intakes\b(?! USING)/

  beforeEach(() => {
    // One transaction: 300 separate commits would each wait for an fsync.
    db.transaction(() => {
      for (let i = 0; i < 300; i++) draft(names(`Given${i % 37}`, `Family${i % 53}`), at(i))
    })()
  })

  it('reads the first page of the list from an index, without sorting', () => {
    const all = planOf(INTAKE_LIST_QUERIES.all)
    expect(all.join('\n')).toMatch(/SEARCH intakes USING (COVERING )?INDEX intakes_updated/)
    const byStatus = planOf(INTAKE_LIST_QUERIES.byStatus)
    expect(byStatus.join('\n')).toMatch(
      /SEARCH intakes USING (COVERING )?INDEX intakes_status_updated \(status=\?/
    )
    for (const plan of [all, byStatus]) {
      expect(plan.join('\n')).not.toMatch(fullScan)
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('lists unfinished intakes by concern from their own index, without sorting', () => {
    const plan = db
      .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${UNFINISHED_QUERY}`)
      .all(50)
      .map((row) => row.detail)
      .join('\n')
    expect(plan).toMatch(/SCAN intakes USING INDEX intakes_unfinished_by_concern/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })

  it('searches through the name indexes when matches are few', () => {
    for (const sql of [INTAKE_LIST_QUERIES.sparseAll, INTAKE_LIST_QUERIES.sparseByStatus]) {
      const plan = planOf(sql).join('\n')
      expect(plan).toMatch(/MULTI-INDEX OR/)
      expect(plan).toMatch(
        /INDEX intakes_given_name_search \(given_name_search>\? AND given_name_search<\?\)/
      )
      expect(plan).toMatch(
        /INDEX intakes_family_name_search \(family_name_search>\? AND family_name_search<\?\)/
      )
      expect(plan).not.toMatch(fullScan)
    }
  })

  it('walks the list index in order when matches are many', () => {
    expect(planOf(INTAKE_LIST_QUERIES.walkAll).join('\n')).toMatch(
      /SEARCH intakes USING INDEX intakes_updated/
    )
    expect(planOf(INTAKE_LIST_QUERIES.walkByStatus).join('\n')).toMatch(
      /SEARCH intakes USING INDEX intakes_status_updated/
    )
    for (const sql of [INTAKE_LIST_QUERIES.walkAll, INTAKE_LIST_QUERIES.walkByStatus]) {
      expect(planOf(sql).join('\n')).not.toMatch(/TEMP B-TREE/)
      expect(planOf(sql).join('\n')).not.toMatch(fullScan)
    }
  })

  it('counts matches from the name indexes alone', () => {
    const plan = planOf(SEARCH_MATCH_PROBE).join('\n')
    expect(plan).toMatch(/COVERING INDEX intakes_given_name_search/)
    expect(plan).toMatch(/COVERING INDEX intakes_family_name_search/)
    expect(plan).not.toMatch(fullScan)
  })
})

describe('listCursor', () => {
  it('round-trips a position as a URL-safe string', () => {
    const position = {
      updatedAt: '2026-11-20T10:00:00.000Z',
      id: '4f7c1d2e-0000-4000-8000-000000000000'
    }
    const cursor = encodeListCursor(position)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(cursor.length).toBeLessThanOrEqual(200)
    expect(decodeListCursor(cursor)).toEqual(position)
  })

  it('rejects anything it did not make', () => {
    const encode = (value: unknown): string =>
      Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const bad of [
      '',
      'not base64!',
      encode({ a: 1 }),
      encode(['t']),
      encode([1, 'id']),
      encode(['', 'id'])
    ]) {
      expect(decodeListCursor(bad)).toBeNull()
    }
  })
})
