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
 * Run alone: `npx tsx tests/bench/search.bench.ts`. Everything happens in a
 * fresh temporary folder (under `BENCH_TMPDIR` when set), removed at the end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { Database, Statement } from 'better-sqlite3'
import {
  concernRank,
  evaluateIntake,
  FORM_VERSION,
  type ConcernLevel,
  type SearchQuery
} from '../../src/domain'
import {
  contentDigest,
  rowDigest,
  SEALED_ROW_COLUMNS
} from '../../electron/main/services/database/intakeDigest'
import { MIGRATIONS } from '../../electron/main/services/database/migrations'
import { searchKey } from '../../electron/main/services/database/nameKeys'
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
import { benchRow, formatTable, measure, type BenchRow } from './harness'

export type { BenchRow } from './harness'

const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 100_000)
const SEARCH_VERSION = MIGRATIONS.findIndex((migration) => migration.name === 'search') + 1

// Names of the people a city clinic sees, in the scripts they write them in:
// about one in eight here is Chinese, Korean, Japanese, Cyrillic or Arabic.
// prettier-ignore
const GIVEN_NAMES = [
  'Maya', 'Liam', 'Olivia', 'Noah', 'Emma', 'Oliver', 'Amelia', 'James', 'Sophia', 'Lucas',
  'Grace', 'Harry', 'Isla', 'George', 'Freya', 'Jack', 'Ava', 'Leo', 'Chloe', 'Arthur',
  'María', 'José', 'Sofía', 'Mateo', 'Lucía', 'Santiago', 'Valentina', 'Tomás', 'Camila', 'Martín',
  'Núria', 'Joaquín', 'Ángel', 'Inés', 'Raúl', 'Begoña', 'Iñaki', 'Álvaro', 'Elena', 'Carmen',
  'Wei', 'Fang', 'Jing', 'Hao', 'Xiu', 'Ming', 'Priya', 'Arjun', 'Ananya', 'Rohan',
  'Mohammed', 'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Zainab', 'Chidi', 'Amara', 'Ngozi', 'Kwame',
  'Élodie', 'Zoë', 'Björn', 'Søren', 'Łukasz', 'Siobhán', 'Seán', 'Jürgen', 'François', 'Nguyễn Thị',
  '小明', '伟', '芳', '秀英', '静', '磊', '洋', '建华', '丽娟', '杰',
  '민준', '서연', 'Дмитрий', 'Анна', 'さくら', '健太', 'محمد', 'فاطمة',
]
// prettier-ignore
const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'González', 'Rodríguez', 'Fernández', 'Gómez', 'Díaz',
  'Núñez', 'Muñoz', 'Jiménez', 'Álvarez', 'Ibáñez', 'Castaño', 'Peña', 'Ortega', 'Ruiz', 'Moreno',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Patel', 'Singh', 'Sharma', 'Khan', 'Ahmed',
  'Okafor', 'Adeyemi', 'Mensah', 'Müller', 'Schröder', 'Lefèvre', 'Wiśniewski', "O'Brien", 'Ó Súilleabháin', 'Nguyen',
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周',
  '김', '이', 'Иванова', 'Петров', '田中', '佐藤', 'حداد', 'ناصر',
]

// The patient's own words: fragments combined at random, so words recur with
// realistic frequencies (common ones in many records, rare ones in few).
// prettier-ignore
const STORY_OPENINGS = [
  'Hurt my lower back doing heavy deadlifts at the gym', 'Pain started after lifting a box at work',
  'Woke up stiff after gardening all weekend', 'Twinged my back picking up my daughter',
  'Came on gradually over a few weeks of long shifts', 'Felt a pop while squatting, then sharp pain',
  'Slipped on ice and landed on my bottom', 'Sore since moving house, lots of lifting',
  'Back went while tying my shoelaces', 'Pain after a long drive to see family',
  'Started after a new running programme', 'Aches after cycling to work every day',
  'Me duele la espalda desde que levanté una caja pesada', 'Dolor lumbar después de correr',
  '搬箱子的时候扭到腰，腰痛三天了', '打篮球后腰部酸痛', '久坐之后下背痛', '跑步以后腰有点疼',
  'Pain in the buttock going down the leg like sciatica', 'Deadlift PR attempt went wrong',
]
// prettier-ignore
const STORY_DETAILS = [
  'worse in the morning', 'better when walking', 'worse when sitting for long', 'sharp when bending forward',
  'tingling in the left foot', 'numb patch on the thigh', 'eases with a hot shower', 'keeps me up at night',
  'cannot sit through a film', 'hard to put socks on', 'worse after coughing', 'improving slowly',
  'physio exercises help a bit', 'stretching makes it worse', 'mejor con calor', 'peor por la mañana',
  '晚上睡觉疼', '弯腰的时候特别疼', '热敷有点帮助', 'no change since last week',
]
// prettier-ignore
const OCCUPATIONS = [
  'warehouse operative', 'nurse', 'software developer', 'teacher', 'delivery driver', 'chef',
  'personal trainer', 'electrician', 'accountant', 'student', 'retired', 'carer', 'plumber',
  'hairdresser', 'bus driver', 'enfermera', 'profesor', '教师', '厨师', '程序员',
]
// prettier-ignore
const MEDICATIONS = [
  'ibuprofen 400 mg', 'paracetamol', 'naproxen', 'codeine', 'co-codamol', 'amitriptyline',
  'gabapentin', 'omeprazole', 'sertraline', 'levothyroxine', 'metformin', 'ramipril',
  'atorvastatin', 'salbutamol inhaler', '布洛芬', '对乙酰氨基酚', 'none', '',
]
// prettier-ignore
const GOALS = [
  'Deadlift again without pain', 'Run a half marathon in the spring', 'Pick up my grandchildren',
  'Get back to five-a-side football', 'Sleep through the night', 'Sit at my desk all day',
  'Play golf again', 'Go hiking in the Lake District', 'Volver a correr', 'Jugar al pádel',
  '重新打篮球', '能抱孩子', '正常上班', 'Swim twice a week', 'Garden without pain',
]
// prettier-ignore
const RARE_WORDS = [
  'spondylolisthesis', 'kayaking', 'trampoline', 'bouldering', 'scaffolder', 'beekeeping',
  'osteopath', 'acupuncture', 'ballet', 'forklift', 'snowboarding', 'chiropractor',
]

/** A deterministic pseudo-random sequence, so two runs seed the same database. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function pick<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)]
  if (value === undefined) throw new Error('pick from an empty list')
  return value
}

function concernFor(random: () => number): ConcernLevel {
  const roll = random()
  return roll < 0.01 ? 'emergency' : roll < 0.05 ? 'urgent' : roll < 0.15 ? 'review' : 'none'
}

/**
 * Writes `count` intakes (about 90% submitted, a third of those reviewed) at
 * the schema version before search, spread over three years, in one
 * transaction, each sealed with its check values as the app writes them (a
 * row without them is validated in full on every read, which the app's own
 * rows never are). The next open migrates them, which is what is timed.
 */
function seedBeforeSearch(file: string, count: number): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, SEARCH_VERSION - 1) })
  try {
    const random = seededRandom(20261121)
    const evaluation = JSON.stringify(evaluateIntake(completeAnswers(), { asOf: '2026-11-20' }))
    const insertIntake = db.prepare(`
      INSERT INTO intakes (${SEALED_ROW_COLUMNS}, answers, evaluation, content_digest, row_digest)
      VALUES (@id, @patient_id, @status, @entry_mode, @form_version, @concern, @concern_rank,
        @given_name, @family_name, @date_of_birth, @given_name_search, @family_name_search,
        @revision, @created_at, @updated_at, @submitted_at,
        @answers, @evaluation, @content_digest, @row_digest)`)
    // Submitted rows need a patient; one shared row keeps the seed about the search.
    db.prepare(
      `INSERT INTO patients (id, given_name, family_name, given_name_key, family_name_key,
        date_of_birth, created_at, updated_at)
       VALUES ('bench-patient', 'Bench', 'Patient', 'bench', 'patient', '1980-01-01', @at, @at)`
    ).run({ at: '2023-11-20T08:00:00.000Z' })
    const decide = db.prepare(`INSERT INTO triage_decisions (intake_id, version, decision, notes,
        acknowledged_flags, staff_id, staff_name, decided_at)
      VALUES (@id, 1, @decision, '', '[]', 'bench-staff', 'Dr Bench', @at)`)
    const decisions = ['proceed', 'proceed-with-safety-netting', 'further-assessment'] as const
    const start = Date.parse('2023-11-20T08:00:00.000Z')
    const span = Date.parse('2026-11-20T08:00:00.000Z') - start
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const given = pick(GIVEN_NAMES, random)
        const family = pick(FAMILY_NAMES, random)
        const year = 1940 + Math.floor(random() * 66)
        const dob = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
        const at = new Date(
          start + Math.floor((i / count) * span) + Math.floor(random() * 60_000)
        ).toISOString()
        const concern = concernFor(random)
        const story = [pick(STORY_OPENINGS, random), pick(STORY_DETAILS, random)]
        if (random() < 0.5) story.push(pick(STORY_DETAILS, random))
        if (random() < 0.05) story.push(`also into ${pick(RARE_WORDS, random)}`)
        const id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`
        const submitted = random() < 0.9
        const answers = JSON.stringify(
          completeAnswers({
            'patient.givenName': given,
            'patient.familyName': family,
            'patient.dateOfBirth': dob,
            'patient.occupation': pick(OCCUPATIONS, random),
            'complaint.description': story.join(', '),
            'history.medications': pick(MEDICATIONS, random) || undefined,
            'goals.text': pick(GOALS, random)
          })
        )
        const row = {
          id,
          patient_id: submitted ? 'bench-patient' : null,
          status: submitted ? 'submitted' : 'draft',
          entry_mode: 'staff',
          form_version: FORM_VERSION,
          concern,
          concern_rank: concernRank(concern),
          given_name: given,
          family_name: family,
          date_of_birth: dob,
          given_name_search: searchKey(given),
          family_name_search: searchKey(family),
          revision: submitted ? 2 : 1,
          created_at: at,
          updated_at: at,
          submitted_at: submitted ? at : null,
          content_digest: contentDigest(answers, submitted ? evaluation : null)
        }
        insertIntake.run({
          ...row,
          answers,
          evaluation: submitted ? evaluation : null,
          row_digest: rowDigest(row)
        })
        if (submitted && random() < 0.33) {
          decide.run({ id, decision: pick(decisions, random), at })
        }
      }
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
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
    const search = createSearchService(db, { now: () => new Date('2026-11-20T12:00:00Z') })
    const repository = createSearchRepository(db)
    const like = likeSearch(db)
    const random = seededRandom(11)
    const id = (): string =>
      `${String(Math.floor(random() * INTAKE_COUNT)).padStart(8, '0')}-0000-4000-8000-000000000000`
    const getById = db.prepare('SELECT * FROM intakes WHERE id = ?')
    const pk = await measure(() => getById.get(id()), { iterations: 2000, warmup: 200 })
    const pkName = 'primary-key get (1 row)'

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
          fromDate: '2026-09-01',
          toDate: '2026-09-30'
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
      rows.push(benchRow(`search: ${name}`, timing, pkName, pk))
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
            intakes.saveDraft(
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
export async function runSearchBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  const root = process.env.BENCH_TMPDIR ?? os.tmpdir()
  const dir = fs.mkdtempSync(path.join(root, 'search-bench-'))
  try {
    const { rows, notes } = await searchBenchmarks(dir)
    for (const note of notes) log(note)
    return rows
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  const rows = await runSearchBenchmarks((line) => console.log(line))
  console.log(formatTable(rows))
}
