/**
 * Search over a real SQLite database (migrations 0009 and 0010): names with
 * and without accents and in Chinese, words of the patient's free text in
 * English and Chinese, every filter and their combinations, the order and the
 * limit, hostile text, both query plans, damaged rows, and the index kept in
 * step by the triggers and built by the migration for records that existed
 * before it.
 */
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CATALOGUE,
  type IntakeAnswers,
  type SearchQuery,
  type StaffIdentity,
  type TriageDecision
} from '../../../../../src/domain'
import {
  MIGRATIONS,
  type Migration
} from '../../../../../electron/main/services/database/migrations'
import {
  SEARCHED_TEXT_ITEMS,
  UNSEARCHED_TEXT_ITEMS
} from '../../../../../electron/main/services/database/migrations/0009-search'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import {
  DRIVING_LIMIT,
  ftsPhrase,
  likeContains
} from '../../../../../electron/main/services/database/searchRepository'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { createQueueService } from '../../../../../electron/main/services/review/queueService'
import {
  createSearchService,
  searchTermsOf,
  type SearchService
} from '../../../../../electron/main/services/review/searchService'
import {
  createTriageService,
  type TriageService
} from '../../../../../electron/main/services/review/triageService'
import { rejection } from '../../support/rejection'
import { completeAnswers } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { saveAtLatest, submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('search')
const savedTimeZone = process.env['TZ']
const CLINICIAN: StaffIdentity = { id: 'staff-1', name: 'Dr Ana Ruiz', role: 'clinician' }
const SEARCH_VERSION = MIGRATIONS.findIndex((migration) => migration.name === 'search') + 1

let db: Database
let intakes: IntakeService
let search: SearchService
let triage: TriageService
/** The clock every service reads; helpers move it on so each intake has its own time. */
let clock = Date.parse('2026-11-20T09:00:00.000Z')

/** Opens (creating) a database with `migrations` and the services over it (search from version 9). */
function open(file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  db = openDatabase(file, { migrations })
  intakes = createSqliteIntakeService(db, { now: () => new Date(clock) })
  triage = createTriageService(db, { intakes, now: () => new Date(clock) })
  if (migrations.length >= SEARCH_VERSION) {
    search = createSearchService(db, { now: () => new Date(clock) })
  }
}

beforeEach(() => {
  // Local days are the clinic's: UTC keeps the expected instants readable.
  process.env['TZ'] = 'UTC'
  clock = Date.parse('2026-11-20T09:00:00.000Z')
  open(path.join(tempDir(), 'back-intake.sqlite3'))
})

afterEach(() => {
  if (db.open) db.close()
  if (savedTimeZone === undefined) delete process.env['TZ']
  else process.env['TZ'] = savedTimeZone
})

/**
 * Answers for one person with free text of our own (the sample answers
 * mention deadlifts, which several tests search for).
 */
function person(
  given: string,
  family: string,
  overrides: Readonly<Record<string, IntakeAnswers[string] | undefined>> = {}
): IntakeAnswers {
  return completeAnswers({
    'patient.givenName': given,
    'patient.familyName': family,
    'complaint.description': 'Stiff after sitting.',
    'goals.text': 'Walk the dog.',
    ...overrides
  })
}

/** Creates an intake at the clock's time (a minute later each), submitted unless `draft`. */
async function add(answers: IntakeAnswers, options: { draft?: boolean } = {}): Promise<string> {
  clock += 60_000
  const created = await intakes.createDraft({ answers, entryMode: 'staff' }, 'staff')
  if (!options.draft) await submitAtLatest(intakes, { id: created.id, answers }, 'staff')
  return created.id
}

async function decide(id: string, decision: TriageDecision): Promise<void> {
  clock += 60_000
  const record = await intakes.get(id)
  await triage.record(
    {
      intakeId: id,
      decision,
      notes: '',
      acknowledgedFlags: record.evaluation.flags.map((flag) => flag.condition),
      expectedVersion: record.triage.length
    },
    CLINICIAN
  )
}

/** The ids a search finds, in order. */
async function found(query: SearchQuery): Promise<string[]> {
  return (await search.search(query)).items.map((item) => item.id)
}

/** The family names a search finds, in order. */
async function families(query: SearchQuery): Promise<(string | null)[]> {
  return (await search.search(query)).items.map((item) => item.familyName)
}

/** Checks both full-text indexes against the text table (FTS5's own integrity check). */
function indexesAgree(): void {
  for (const table of ['intake_search_words', 'intake_search_grams']) {
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()
  }
}

describe('what a typed word means', () => {
  it('sorts words by script and length, drops punctuation and repeats', () => {
    expect(searchTermsOf('  Núñez  deadl 王 小明 腰痛三 li L4 - * " Núñez ')).toEqual({
      wordPrefixes: ['Núñez', 'deadl'],
      substrings: ['腰痛三'],
      shortWords: [
        { nameKey: 'li', word: 'li' },
        { nameKey: 'l4', word: 'L4' }
      ],
      shortSubstrings: ['王', '小明']
    })
    expect(searchTermsOf('')).toEqual({
      wordPrefixes: [],
      substrings: [],
      shortWords: [],
      shortSubstrings: []
    })
  })

  it('quotes user text for FTS5 and escapes it for LIKE', () => {
    expect(ftsPhrase('say "hi" NEAR(')).toBe('"say ""hi"" NEAR("')
    expect(likeContains('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
  })

  it('refuses more than ten words', async () => {
    const error = await rejection(search.search({ text: 'a b c d e f g h i j k' }))
    expect(error.code).toBe('invalid-argument')
    expect(error.message).toBe('Search for at most 10 words at a time.')
  })
})

describe('names', () => {
  it('ignores accents and case, and matches the start of either name', async () => {
    const nunez = await add(person('María José', 'Núñez'))
    const garcia = await add(person('Élodie', 'GARCÍA'))
    await add(person('Nuno', 'Silva'))
    for (const text of ['nunez', 'NÚÑEZ', 'núñe', 'nuñe', 'Nunez María', 'jose']) {
      expect(await found({ text }), text).toEqual([nunez])
    }
    // Accents are ignored both ways: 'núñ' is 'nun', the start of Nuno too.
    expect(await families({ text: 'núñ' })).toEqual(['Silva', 'Núñez'])
    expect(await found({ text: 'garcia' })).toEqual([garcia])
    expect(await found({ text: 'ELODIE' })).toEqual([garcia])
    expect(await found({ text: 'el' })).toEqual([garcia])
    // Two letters: the start of a name, not of a word inside the free text.
    expect(await families({ text: 'nu' })).toEqual(['Silva', 'Núñez'])
    expect(await found({ text: 'unez' })).toEqual([])
  })

  it('finds a follow-up visit by the patient’s name, marked as one', async () => {
    const first = await add(person('Ada', 'Quint'))
    const { patientId } = await intakes.get(first)
    clock += 60_000
    const followUp = await intakes.startFollowUp(
      { patientId: patientId ?? '', entryMode: 'staff' },
      { id: 'staff-1', name: 'Front Desk' }
    )
    const items = (await search.search({ text: 'quint' })).items
    expect(items.map((item) => [item.id, item.kind]).sort()).toEqual(
      [
        [first, 'initial'],
        [followUp.id, 'follow-up']
      ].sort()
    )
  })

  it('finds a Chinese name by its family name, its given name, or both', async () => {
    const split = await add(person('小明', '王'))
    const whole = await add(person('王小明', 'Wang'))
    await add(person('小红', '李'))
    for (const text of ['王', '小明', '王小明', '明', '王小']) {
      expect(new Set(await found({ text })), text).toEqual(new Set([split, whole]))
    }
    expect(await found({ text: '小红' })).toHaveLength(1)
    expect(await found({ text: '王小红' })).toEqual([])
    expect(await found({ text: '张' })).toEqual([])
  })

  it('finds other scripts', async () => {
    const petrov = await add(person('Дмитрий', 'Петров'))
    const kim = await add(person('민준', '김'))
    expect(await found({ text: 'петров' })).toEqual([petrov])
    expect(await found({ text: 'ДМИТ' })).toEqual([petrov])
    expect(await found({ text: '김' })).toEqual([kim])
  })
})

describe("the patient's free text", () => {
  it('finds words and the start of words, in every free-text item', async () => {
    const lifter = await add(
      person('Maya', 'Okafor', {
        'complaint.description': 'Hurt it doing heavy DEADLIFTS on Monday.',
        'history.medications': 'Ibuprofen 400 mg'
      })
    )
    const driver = await add(
      person('Tom', 'Baker', {
        'patient.occupation': 'Delivery driver',
        'history.allergies': 'Penicillin',
        'history.surgeries': 'Appendix out in 2019',
        'goals.text': 'Run a half marathon'
      })
    )
    expect(await found({ text: 'deadlift' })).toEqual([lifter])
    expect(await found({ text: 'dead' })).toEqual([lifter])
    expect(await found({ text: 'IBUPROFEN' })).toEqual([lifter])
    expect(await found({ text: 'delivery' })).toEqual([driver])
    expect(await found({ text: 'penicillin' })).toEqual([driver])
    expect(await found({ text: 'appendix 2019' })).toEqual([driver])
    expect(await found({ text: 'marathon' })).toEqual([driver])
    // Every word must be found.
    expect(await found({ text: 'deadlift marathon' })).toEqual([])
    // A whole short word of the free text.
    expect(await found({ text: 'mg' })).toEqual([lifter])
  })

  it('leaves out what is not the patient’s story: contacts, the signature, coded answers', async () => {
    await add(
      person('Maya', 'Okafor', {
        'patient.emergencyContactName': 'Zebediah Quist',
        'patient.email': 'maya.sunflower@example.org',
        'consent.signedBy': 'Rosalind Okafor',
        'consent.signature': 'M10 10 L40 30 Z',
        'complaint.activities': ['cycling']
      })
    )
    for (const text of ['zebediah', 'sunflower', 'rosalind', 'cycling', 'M10']) {
      expect(await found({ text }), text).toEqual([])
    }
  })

  it('finds Chinese free text anywhere, from one character on, to its very end', async () => {
    const id = await add(
      person('Wei', 'Chen', { 'complaint.description': '搬箱子的时候扭到腰，腰痛三天了' })
    )
    await add(person('Li', 'Zhang', { 'complaint.description': '跑步以后膝盖疼' }))
    for (const text of ['腰', '腰痛', '腰痛三', '扭到腰', '三天了', '了', '天了', '搬箱子的时候']) {
      expect(await found({ text }), text).toEqual([id])
    }
    expect(await found({ text: '腰痛 chen' })).toEqual([id])
    expect(await found({ text: '头痛' })).toEqual([])
  })

  it('every catalogue text item is either searched or deliberately left out', () => {
    const textItems = CATALOGUE.filter((item) => item.type === 'text').map((item) => item.id)
    expect([...SEARCHED_TEXT_ITEMS, ...UNSEARCHED_TEXT_ITEMS].sort()).toEqual(textItems.sort())
  })
})

describe('hostile text', () => {
  it('searches for FTS5 and LIKE syntax as text and never fails', async () => {
    const quoted = await add(
      person('Maya', 'Okafor', { 'complaint.description': 'Says "it went pop" during deadlift' })
    )
    const other = await add(person('Tom', 'Baker'))
    const hostile = [
      '"',
      '""',
      '"""',
      '*',
      'NEAR(',
      'NEAR(deadlift pop, 2)',
      'OR',
      'AND',
      'NOT',
      '-',
      '- deadlift',
      'deadlift OR baker',
      'deadlift NOT pop',
      '^deadlift',
      'names:maya',
      '{names story}:maya',
      'deadlift*',
      '(',
      ')',
      '%',
      '_',
      '\\',
      '王%',
      '%_',
      "'; DROP TABLE intakes; --",
      '\u0000',
      '😀'
    ]
    for (const text of hostile) {
      await expect(search.search({ text }), text).resolves.toBeDefined()
    }
    // Syntax is text: quotes and operators are not obeyed.
    expect(await found({ text: '"deadlift"' })).toEqual([quoted])
    expect(await found({ text: 'deadlift OR baker' })).toEqual([])
    expect(await found({ text: 'NEAR(deadlift pop, 2)' })).toEqual([])
    expect(await found({ text: 'names:maya' })).toEqual([])
    // Punctuation alone is ignored, as if nothing had been typed.
    expect(new Set(await found({ text: '- * "' }))).toEqual(new Set([quoted, other]))
    expect(await found({ text: '%' })).toHaveLength(2)
    expect(db.prepare('SELECT count(*) FROM intakes').pluck().get()).toBe(2)
  })
})

describe('filters, order and limit', () => {
  it('orders by concern, then the most recent, and says when the limit cut the list', async () => {
    const older = await add(person('Anna', 'Ames'))
    const emergency = await add(person('Bea', 'Bell', { 'rf.bladder': 'yes' }))
    const newer = await add(person('Cleo', 'Cole'))
    const draft = await add(person('Dora', 'Dale'), { draft: true })
    const results = await search.search({})
    expect(results.items.map((item) => item.id)).toEqual([emergency, draft, newer, older])
    expect(results.items[0]).toMatchObject({
      concern: 'emergency',
      status: 'submitted',
      flags: [{ condition: 'cauda-equina', level: 'emergency' }],
      age: 30,
      triage: null
    })
    expect(results.more).toBe(false)
    const limited = await search.search({ limit: 2 })
    expect(limited.items.map((item) => item.id)).toEqual([emergency, draft])
    expect(limited.more).toBe(true)
    expect((await search.search({ limit: 4 })).more).toBe(false)
  })

  it('flags a draft from its answers today, as its record does', async () => {
    const draft = await add(person('Dora', 'Dale', { 'rf.bladder': 'yes' }), { draft: true })
    const [item] = (await search.search({ text: 'dora' })).items
    expect(item).toMatchObject({
      id: draft,
      status: 'draft',
      concern: 'emergency',
      submittedAt: null,
      flags: [{ condition: 'cauda-equina', level: 'emergency' }]
    })
  })

  it('filters by status, the latest decision, concern, date of birth and days, together', async () => {
    const reviewed = await add(person('Maya', 'Okafor', { 'patient.dateOfBirth': '1961-07-30' }))
    const submitted = await add(person('Maya', 'Oduya'))
    const draft = await add(person('Maya', 'Obi'), { draft: true })
    const urgent = await add(
      person('Maya', 'Ortiz', { 'rf.cancerHistory': 'yes', 'rf.weightLoss': 'yes' })
    )
    await decide(reviewed, 'further-assessment')
    await decide(reviewed, 'proceed')
    clock = Date.parse('2026-11-23T09:00:00.000Z')
    const monday = await add(person('Maya', 'Osei'))

    expect(await found({ text: 'maya', status: 'draft' })).toEqual([draft])
    expect(new Set(await found({ text: 'maya', status: 'submitted' }))).toEqual(
      new Set([submitted, urgent, monday])
    )
    expect(await found({ text: 'maya', status: 'reviewed' })).toEqual([reviewed])
    // The latest version counts: the earlier decision no longer matches.
    expect(await found({ decision: 'proceed' })).toEqual([reviewed])
    expect(await found({ decision: 'further-assessment' })).toEqual([])
    expect(await found({ concern: 'urgent' })).toEqual([urgent])
    expect(await found({ dateOfBirth: '1961-07-30' })).toEqual([reviewed])
    expect(await found({ text: 'maya', fromDate: '2026-11-21' })).toEqual([monday])
    expect(await found({ text: 'maya', toDate: '2026-11-20' })).not.toContain(monday)
    expect(await found({ fromDate: '2026-11-23', toDate: '2026-11-23' })).toEqual([monday])
    expect(
      await found({
        text: 'okafor',
        dateOfBirth: '1961-07-30',
        status: 'reviewed',
        decision: 'proceed',
        concern: 'none',
        fromDate: '2026-11-20',
        toDate: '2026-11-20'
      })
    ).toEqual([reviewed])
    expect(await found({ text: 'okafor', status: 'submitted' })).toEqual([])

    const [item] = (await search.search({ decision: 'proceed' })).items
    expect(item?.status).toBe('reviewed')
    expect(item?.triage).toMatchObject({ decision: 'proceed', decidedBy: 'Dr Ana Ruiz' })
  })

  it('counts a day as the clinic’s local day', async () => {
    process.env['TZ'] = 'Pacific/Auckland'
    // 00:30 on 21 November in Auckland (summer time, UTC+13) is still the 20th in UTC.
    clock = Date.parse('2026-11-20T11:29:00.000Z')
    const late = await add(person('Late', 'Evening'))
    expect(await found({ fromDate: '2026-11-20', toDate: '2026-11-20' })).toEqual([])
    expect(await found({ fromDate: '2026-11-21', toDate: '2026-11-21' })).toEqual([late])
  })

  it('refuses a query it cannot answer, in words', async () => {
    const refused: [SearchQuery, string][] = [
      [{ limit: 0 }, 'The number of results must be a whole number from 1 to 200.'],
      [{ limit: 201 }, 'The number of results must be a whole number from 1 to 200.'],
      [{ limit: 1.5 }, 'The number of results must be a whole number from 1 to 200.'],
      [{ text: 'x'.repeat(201) }, 'The search text can be at most 200 characters.'],
      [
        { dateOfBirth: '1990-02-30' },
        'The date of birth must be a real calendar day (YYYY-MM-DD).'
      ],
      [
        { fromDate: '2026-11-21', toDate: '2026-11-20' },
        'The first day must not be after the last day.'
      ],
      [{ fromDate: 'today' }, 'A date must be a real calendar day (YYYY-MM-DD).']
    ]
    for (const [query, message] of refused) {
      const error = await rejection(search.search(query))
      expect(error.code).toBe('invalid-argument')
      expect(error.message).toBe(message)
    }
  })
})

describe('plans', () => {
  /** Writes `count` submitted intakes straight into the table (the triggers index them). */
  function bulk(count: number, text: (index: number) => string): void {
    const insert = db.prepare(`
      INSERT INTO intakes (id, status, entry_mode, form_version, answers, evaluation, concern,
        concern_rank, given_name, family_name, given_name_search, family_name_search,
        revision, created_at, updated_at, submitted_at, patient_id)
      VALUES (@id, 'submitted', 'staff', 2, @answers, @evaluation, @concern, @rank, 'Bulk', @family,
        'bulk', @familyKey, 1, @at, @at, @at, 'bulk-patient')`)
    db.prepare(
      `INSERT INTO patients (id, given_name, family_name, given_name_key, family_name_key,
        date_of_birth, created_at, updated_at)
       VALUES ('bulk-patient', 'Bulk', 'Patient', 'bulk', 'patient', '1980-01-01', 'x', 'x')`
    ).run()
    const evaluation = JSON.stringify({ concern: 'none', flags: [] })
    db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        const concern = index % 7 === 0 ? 'review' : 'none'
        insert.run({
          id: `bulk-${String(index).padStart(5, '0')}`,
          answers: JSON.stringify({ 'complaint.description': text(index) }),
          evaluation,
          concern,
          rank: concern === 'review' ? 1 : 0,
          family: `Family${index % 13}`,
          familyKey: `family${index % 13}`,
          at: new Date(Date.parse('2026-01-01T00:00:00.000Z') + index * 120_000).toISOString()
        })
      }
    })()
  }

  /** The expected order computed here: concern, then the most recent, then id. */
  function expectedOrder(ids: readonly string[]): string[] {
    const rows = db
      .prepare(
        `SELECT id, concern_rank AS rank, coalesce(submitted_at, created_at) AS at FROM intakes
         WHERE id IN (SELECT value FROM json_each(?))`
      )
      .all(JSON.stringify(ids)) as { id: string; rank: number; at: string }[]
    return rows
      .sort((a, b) => b.rank - a.rank || b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
      .map((row) => row.id)
  }

  it('gives the same, correctly ordered results whether it walks the index or sorts the matches', async () => {
    const many = DRIVING_LIMIT + 200
    bulk(many, (index) => (index % 3 === 0 ? `common word rareword${index % 2}` : 'common word'))
    const matching = (predicate: (index: number) => boolean): string[] =>
      Array.from({ length: many }, (_, index) => index)
        .filter(predicate)
        .map((index) => `bulk-${String(index).padStart(5, '0')}`)

    // 'common' is in every record: the walk.
    const walked = await search.search({ text: 'common', limit: 200 })
    expect(walked.more).toBe(true)
    expect(walked.items.map((item) => item.id)).toEqual(
      expectedOrder(matching(() => true)).slice(0, 200)
    )
    // 'rareword1' is in a sixth: fewer than the driving limit, sorted.
    const rare = matching((index) => index % 3 === 0 && index % 2 === 1)
    expect(rare.length).toBeLessThan(DRIVING_LIMIT)
    const sorted = await search.search({ text: 'common rareword1', limit: 200 })
    expect(sorted.items.map((item) => item.id)).toEqual(expectedOrder(rare).slice(0, 200))
    // A family name both ways: with the filter that drives the walk, and alone.
    const family3 = matching((index) => index % 13 === 3)
    expect(await found({ text: 'family3', limit: 200 })).toEqual(expectedOrder(family3))
    expect(await found({ text: 'family3 common', concern: 'review', limit: 200 })).toEqual(
      expectedOrder(family3.filter((id) => Number(id.slice(5)) % 7 === 0))
    )
    // Two minutes apart, the rows span two days: the first day's, newest first.
    expect(await found({ text: 'common', fromDate: '2026-01-01', toDate: '2026-01-01' })).toEqual(
      expectedOrder(matching((index) => index * 120_000 < 86_400_000)).slice(0, 50)
    )
    expect(await found({ text: 'common', fromDate: '2026-01-02', limit: 200 })).toEqual(
      expectedOrder(matching((index) => index * 120_000 >= 86_400_000)).slice(0, 200)
    )
    // A word nobody wrote answers at once, with nothing.
    expect(await found({ text: 'common nowhere' })).toEqual([])
  })
})

describe('damage', () => {
  it('lists a row changed outside the app, saying it is damaged', async () => {
    const intact = await add(person('Maya', 'Okafor'))
    const changed = await add(person('Maya', 'Oduya'))
    db.prepare("UPDATE intakes SET given_name = 'Mya' WHERE id = ?").run(changed)
    const results = await search.search({ text: 'o' })
    expect(results.items).toHaveLength(2)
    const byId = new Map(results.items.map((item) => [item.id, item]))
    expect(byId.get(intact)).not.toHaveProperty('damage')
    expect(byId.get(changed)?.damage?.problems.length).toBeGreaterThan(0)
    // What is shown is what could be read from the answers, not the changed column.
    expect(byId.get(changed)?.givenName).toBe('Maya')
  })

  it('shows each result exactly as the queue shows it, damage and decisions included', async () => {
    const reviewed = await add(person('Maya', 'Okafor'))
    const draft = await add(person('Maya', 'Obi', { 'rf.fever': 'yes' }), { draft: true })
    const changed = await add(person('Maya', 'Oduya'))
    await decide(reviewed, 'proceed')
    db.prepare("UPDATE intakes SET given_name = 'Mya' WHERE id = ?").run(changed)

    const queue = createQueueService(db, { now: () => new Date(clock) })
    const listed = new Map((await queue.list({})).items.map((item) => [item.id, item]))
    const results = await search.search({ text: 'o' })
    expect(results.items.map((item) => item.id).sort()).toEqual([reviewed, draft, changed].sort())
    for (const item of results.items) expect(item).toEqual(listed.get(item.id))
    expect(listed.get(changed)?.damage).toBeDefined()
    expect(listed.get(reviewed)?.status).toBe('reviewed')
    expect(listed.get(draft)?.flags).toEqual([{ condition: 'infection', level: 'urgent' }])
  })
})

describe('keeping the index in step', () => {
  it('follows saves and discards, and leaves the intake rows untouched', async () => {
    const id = await add(
      person('Maya', 'Okafor', { 'complaint.description': 'Twinged it gardening' }),
      { draft: true }
    )
    expect(await found({ text: 'gardening' })).toEqual([id])
    clock += 60_000
    await saveAtLatest(
      intakes,
      {
        id,
        answers: person('Maia', 'Okafor', { 'complaint.description': 'Twinged it kayaking' })
      },
      'staff'
    )
    expect(await found({ text: 'gardening' })).toEqual([])
    expect(await found({ text: 'kayaking' })).toEqual([id])
    expect(await found({ text: 'maia' })).toEqual([id])
    expect(await found({ text: 'maya' })).toEqual([])
    // The triggers write only the search tables: the row still passes its checks.
    expect((await intakes.get(id)).damage).toBeUndefined()
    indexesAgree()

    await intakes.discardDraft(id)
    expect(await found({ text: 'kayaking' })).toEqual([])
    expect(db.prepare('SELECT count(*) FROM intake_search_text').pluck().get()).toBe(0)
    indexesAgree()
  })

  it('does not touch the index when a save changes neither names nor free text', async () => {
    const answers = person('Maya', 'Okafor')
    const id = await add(answers, { draft: true })
    // Every block of both indexes: each write to an index adds or changes one.
    const blocks = (): unknown =>
      ['intake_search_words_data', 'intake_search_grams_data'].map((table) =>
        db.prepare(`SELECT id, hex(block) FROM ${table} ORDER BY id`).raw().all()
      )
    const before = blocks()
    clock += 60_000
    await saveAtLatest(intakes, { id, answers: { ...answers, 'pain.now': 7 } }, 'staff')
    expect(blocks()).toEqual(before)
    clock += 60_000
    await saveAtLatest(intakes, { id, answers: { ...answers, 'goals.text': 'Swim' } }, 'staff')
    expect(blocks()).not.toEqual(before)
    expect(await found({ text: 'swim' })).toEqual([id])
    indexesAgree()
  })

  it('keeps one entry per intake even when a row is replaced outside the app', async () => {
    const id = await add(person('Maya', 'Okafor'), { draft: true })
    const columns = `id, patient_id, status, entry_mode, form_version, answers, evaluation,
      concern, concern_rank, given_name, family_name, date_of_birth, given_name_search,
      family_name_search, revision, created_at, updated_at, submitted_at`
    db.prepare(
      `INSERT OR REPLACE INTO intakes (${columns})
       SELECT ${columns.replace('answers', `json_set(answers, '$."goals.text"', 'Climb again')`)}
       FROM intakes WHERE id = ?`
    ).run(id)
    expect(db.prepare('SELECT count(*) FROM intake_search_text').pluck().get()).toBe(1)
    expect(await found({ text: 'climb' })).toEqual([id])
    indexesAgree()
  })
})

describe('migration 0009', () => {
  it('indexes every intake that existed before it, and the database opens again as sound', async () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    db.close()
    open(file, MIGRATIONS.slice(0, SEARCH_VERSION - 1))
    const nunez = await add(
      person('María', 'Núñez', { 'complaint.description': 'Hurt it deadlifting' })
    )
    const wang = await add(person('小明', '王', { 'goals.text': '重新打篮球' }), { draft: true })
    const reviewed = await add(person('Tom', 'Baker'))
    await decide(reviewed, 'urgent-referral')
    expect(
      db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'intake_search%'")
        .pluck()
        .get()
    ).toBe(0)
    db.close()

    open(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(await found({ text: 'nunez deadlift' })).toEqual([nunez])
    expect(await found({ text: '王' })).toEqual([wang])
    expect(await found({ text: '篮球' })).toEqual([wang])
    expect(await found({ text: 'baker', status: 'reviewed', decision: 'urgent-referral' })).toEqual(
      [reviewed]
    )
    indexesAgree()
    db.close()
    // Opening compares the schema with what the migrations build, FTS5 tables included.
    open(file)
    expect(await found({ text: 'nún' })).toEqual([nunez])
  })
})
