/**
 * Search benchmarks with 100,000 intakes: free-text search through the FTS5
 * indexes of migration 0009 (the app's own search service, rows mapped to
 * queue items) against the same search done with LIKE over the same extracted
 * text, in the same run on the same database. Also name, Chinese and
 * filter-only searches against a primary-key read, what the index costs a
 * submission, and how long migration 0009 takes to index 100,000 existing
 * intakes.
 *
 * The LIKE baseline reads `intake_search_text` (names and free text already
 * pulled out of the answers), not the answers JSON an app without the index
 * would have to scan, so it is the fastest a scan could be: the ratio is a
 * floor on what the index gains.
 *
 * The intakes are the shared benchmark seed (./seed.ts), written at the
 * schema version before search so that opening the file runs the migration.
 *
 * Run alone: `npx tsx tests/bench/search.bench.ts` or `npm run bench --
 * search`. Everything happens in a fresh temporary folder (under
 * `BENCH_TMPDIR` when set), removed at the end.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Database, Statement } from 'better-sqlite3'
import { todayIso, type SearchQuery } from '../../src/domain'
import { MIGRATIONS } from '../../electron/main/services/database/migrations'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import {
  createSearchRepository,
  likeContains
} from '../../electron/main/services/database/searchRepository'
import { createSqliteIntakeService } from '../../electron/main/services/intakes/sqliteIntakeService'
import {
  createSearchService,
  searchTermsOf
} from '../../electron/main/services/review/searchService'
import { completeAnswers } from '../unit/main/support/sampleAnswers'
import { benchRow, inBenchFolder, measure, printWhenRunDirectly, type BenchRow } from './harness'
import { saveAtLatest } from '../unit/main/support/intakeWrites'
import {
  INTAKE_COUNT,
  measurePrimaryKeyGet,
  pick,
  PRIMARY_KEY_BASELINE,
  seedIntakes,
  STORY_OPENINGS
} from './seed'

export type { BenchRow } from './harness'

const SEARCH_VERSION = MIGRATIONS.findIndex((migration) => migration.name === 'search') + 1

/**
 * Writes `count` intakes of the shared seed at the schema version before
 * search; the next open migrates them, which is what is timed.
 */
function seedBeforeSearch(file: string, count: number): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, SEARCH_VERSION - 1) })
  try {
    seedIntakes(db, { count })
  } finally {
    db.close()
  }
}

/** The first and last day of the calendar month `monthsAgo` months before this one. */
function monthBefore(monthsAgo: number): { fromDate: string; toDate: string } {
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth() - monthsAgo, 1)
  const last = new Date(now.getFullYear(), now.getMonth() - monthsAgo + 1, 0)
  return { fromDate: todayIso(first), toDate: todayIso(last) }
}

/**
 * The same free-text search as the search repository's, with LIKE in place of
 * the indexes: every word must be in the names or the free text; the same
 * columns (ids in order, with the latest decision), order and limit.
 */
function likeSearch(db: Database): (words: readonly string[]) => unknown[] {
  const statements = new Map<number, Statement>()
  return (words) => {
    let statement = statements.get(words.length)
    if (statement === undefined) {
      const conditions = words.map(
        (_, index) => `intakes.id IN (SELECT intake_id FROM intake_search_text
          WHERE names LIKE @w${index} ESCAPE '\\' OR story LIKE @w${index} ESCAPE '\\')`
      )
      statement =
        db.prepare(`SELECT intakes.id, coalesce(submitted_at, created_at) AS waiting_since,
          latest.version AS triage_version, latest.decision, latest.decided_at, latest.staff_name
        FROM intakes
        LEFT JOIN triage_decisions AS latest ON latest.intake_id = intakes.id
          AND latest.version = (SELECT max(version) FROM triage_decisions AS d WHERE d.intake_id = intakes.id)
        WHERE ${conditions.join(' AND ')}
        ORDER BY concern_rank DESC, coalesce(submitted_at, created_at) DESC, intakes.id DESC
        LIMIT 51`)
      statements.set(words.length, statement)
    }
    return statement.all(
      Object.fromEntries(words.map((word, index) => [`w${index}`, likeContains(word)]))
    )
  }
}

/** Free-text searches a clinician might type, common and rare, one and two words. */
const FREE_TEXT_SEARCHES: readonly (readonly string[])[] = [
  ['deadlift'],
  ['sciatica'],
  ['gardening'],
  ['ibuprofen'],
  ['kayaking'],
  ['marathon'],
  ['tingling', 'foot'],
  ['warehouse'],
  ['acupuncture'],
  ['shoelaces']
]

async function searchBenchmarks(dir: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const file = path.join(dir, 'search.sqlite')
  const notes: string[] = []
  const seedStart = performance.now()
  seedBeforeSearch(file, INTAKE_COUNT)
  notes.push(
    `seeded ${INTAKE_COUNT} intakes at schema version ${SEARCH_VERSION - 1} in ` +
      `${((performance.now() - seedStart) / 1000).toFixed(1)} s ` +
      `(${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB)`
  )
  const migrateStart = performance.now()
  const db = openDatabase(file)
  notes.push(
    `opening it migrated it to version ${MIGRATIONS.length} (copy, check, index every intake) in ` +
      `${((performance.now() - migrateStart) / 1000).toFixed(1)} s; database now ` +
      `${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`
  )
  const rows: BenchRow[] = []
  try {
    const search = createSearchService(db, { now: () => new Date() })
    const repository = createSearchRepository(db)
    const like = likeSearch(db)
    const pk = await measurePrimaryKeyGet(db, INTAKE_COUNT)

    // Both sides answer the same searches in the same order: the repository
    // (ordered ids with their decisions, as the LIKE statement gives them),
    // then the whole service (50 queue items read and checked), which is
    // what a clinician waits for.
    const textOf = (i: number): string =>
      (FREE_TEXT_SEARCHES[i % FREE_TEXT_SEARCHES.length] ?? []).join(' ')
    const wordsOf = (i: number): readonly string[] =>
      FREE_TEXT_SEARCHES[i % FREE_TEXT_SEARCHES.length] ?? []
    const scan = await measure((i) => like(wordsOf(i)), { iterations: 50, warmup: 5 })
    const indexed = await measure(
      (i) => repository.search({ ...searchTermsOf(textOf(i)), limit: 50 }),
      { iterations: 300, warmup: 30 }
    )
    const endToEnd = await measure((i) => search.search({ text: textOf(i) }), {
      iterations: 300,
      warmup: 30
    })
    rows.push(
      benchRow('free-text search, FTS5 (10 words, ordered ids)', indexed, 'same with LIKE', scan),
      benchRow('  same, whole service (50 queue items)', endToEnd, 'same with LIKE', scan)
    )

    // The same search both ways: how many intakes each finds in all (a word's
    // start against a substring, so 'gardening' also matches 'gardening' inside
    // longer words with LIKE; the counts show how close the two are).
    const ftsCount = db.prepare<[string], { matches: number }>(
      `SELECT count(*) AS matches FROM intake_search_words WHERE intake_search_words MATCH ?`
    )
    const likeCount = db.prepare<[string, string], { matches: number }>(
      `SELECT count(*) AS matches FROM intake_search_text
       WHERE names LIKE ? ESCAPE '\\' OR story LIKE ? ESCAPE '\\'`
    )
    for (const words of FREE_TEXT_SEARCHES.filter((list) => list.length === 1)) {
      const [word = ''] = words
      notes.push(
        `'${word}' is in ${ftsCount.get(`"${word}"*`)?.matches ?? 0} intakes by FTS5, ` +
          `${likeCount.get(likeContains(word), likeContains(word))?.matches ?? 0} by LIKE`
      )
    }

    const cases: ReadonlyArray<readonly [string, SearchQuery]> = [
      ["as you type: 'd', 'de', 'dea', 'dead'", { text: 'dead' }],
      ["name 'nún' (Núñez, accents ignored)", { text: 'nún' }],
      ["name 'li' (two letters)", { text: 'li' }],
      ["Chinese '王' (one character: trigrams starting with it)", { text: '王' }],
      ["Chinese '腰痛' (two characters: trigrams starting with them)", { text: '腰痛' }],
      ["Chinese '腰痛三' (one trigram)", { text: '腰痛三' }],
      ["'garcía deadlift' + submitted", { text: 'garcía deadlift', status: 'submitted' }],
      ['date of birth only', { dateOfBirth: '1975-06-12' }],
      [
        'reviewed, further assessment, one month',
        {
          status: 'reviewed',
          decision: 'further-assessment',
          ...monthBefore(2)
        }
      ],
      ['emergency concern only', { concern: 'emergency' }],
      ['no filter (newest, by concern)', {}]
    ]
    const typing = ['d', 'de', 'dea', 'dead']
    for (const [name, query] of cases) {
      const timing = name.startsWith('as you type')
        ? await measure((i) => search.search({ text: typing[i % typing.length] }), {
            iterations: 200,
            warmup: 20
          })
        : await measure(() => search.search(query), { iterations: 200, warmup: 20 })
      rows.push(benchRow(`search: ${name}`, timing, PRIMARY_KEY_BASELINE, pk))
    }
  } finally {
    db.close()
  }
  rows.push(...(await writeCost(dir)))
  return { rows, notes }
}

/**
 * What keeping the index in step costs a write: a draft save that changes the
 * free text, with the search triggers and with them dropped, on the same
 * 10,000-intake database.
 */
async function writeCost(dir: string): Promise<BenchRow[]> {
  const timings = []
  for (const withIndex of [true, false]) {
    const file = path.join(dir, `writes-${withIndex ? 'indexed' : 'plain'}.sqlite`)
    seedBeforeSearch(file, 10_000)
    const db = openDatabase(file)
    try {
      if (!withIndex) {
        for (const trigger of [
          'intakes_search_inserted',
          'intakes_search_updated',
          'intakes_search_deleted'
        ]) {
          db.exec(`DROP TRIGGER ${trigger}`)
        }
      }
      const intakes = createSqliteIntakeService(db, { now: () => new Date() })
      const draft = await intakes.createDraft(
        { answers: completeAnswers({ 'patient.givenName': 'Writer' }), entryMode: 'staff' },
        'staff'
      )
      timings.push(
        await measure(
          (i) =>
            saveAtLatest(
              intakes,
              {
                id: draft.id,
                answers: completeAnswers({
                  'patient.givenName': 'Writer',
                  'complaint.description': `${pick(STORY_OPENINGS, () => (i % 20) / 20)} (${i})`
                })
              },
              'staff'
            ),
          { iterations: 200, warmup: 20 }
        )
      )
    } finally {
      db.close()
    }
  }
  const [indexed, plain] = timings
  if (indexed === undefined || plain === undefined) throw new Error('write timings missing')
  return [
    benchRow(
      'draft save changing free text (durable)',
      indexed,
      'same without search triggers',
      plain
    )
  ]
}

/** Runs every search benchmark in a fresh temporary folder and returns the table rows. */
export function runSearchBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  return inBenchFolder('search-bench', async (dir) => {
    const { rows, notes } = await searchBenchmarks(dir)
    for (const note of notes) log(note)
    return rows
  })
}

await printWhenRunDirectly(import.meta.url, runSearchBenchmarks)
