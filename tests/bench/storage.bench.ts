/**
 * Storage benchmarks: how long a durable submission takes compared with the
 * disk's own write-and-fsync, and how fast the intake list and name search
 * answer with 100,000 intakes compared with a single-row primary-key read.
 *
 * Run: `npx tsx tests/bench/storage.bench.ts` (prints the table). Everything
 * happens in a fresh temporary folder (under `BENCH_TMPDIR` when set, so the
 * disk can be chosen), removed at the end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Database } from 'better-sqlite3'
import { evaluateIntake, FORM_VERSION, todayIso } from '../../src/domain'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import { identityKey, searchKey } from '../../electron/main/services/database/nameKeys'
import { createSqliteIntakeService } from '../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers } from '../unit/main/support/sampleAnswers'
import { benchRow, formatTable, measure, type BenchRow, type Timing } from './harness'

export type { BenchRow } from './harness'

const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 100_000)

// Names from the communities a clinic in a large city sees, with the accents
// and scripts they are written in, so search keys and prefixes are realistic.
// prettier-ignore
const GIVEN_NAMES = [
  'Maya', 'Liam', 'Olivia', 'Noah', 'Emma', 'Oliver', 'Amelia', 'James', 'Sophia', 'Lucas',
  'Mia', 'Ethan', 'Isabella', 'Mason', 'Charlotte', 'Logan', 'Harper', 'Jack', 'Ava', 'Leo',
  'María', 'José', 'Sofía', 'Mateo', 'Lucía', 'Santiago', 'Valentina', 'Tomás', 'Camila', 'Martín',
  'Núria', 'Joaquín', 'Ángel', 'Inés', 'Raúl', 'Begoña', 'Iñaki', 'Álvaro', 'Elena', 'Carmen',
  'Wei', 'Li', 'Fang', 'Jing', 'Hao', 'Xiu', 'Ming', 'Yan', 'Jun', 'Lei',
  '伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰',
  'Mohammed', 'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Zainab', 'Ali', 'Layla', 'Hassan', 'Mariam',
  'Priya', 'Arjun', 'Ananya', 'Rohan', 'Divya', 'Vikram', 'Kavya', 'Aditya', 'Sanjay', 'Meera',
  'Chidi', 'Amara', 'Ngozi', 'Emeka', 'Adaeze', 'Kwame', 'Abena', 'Kofi', 'Yaw', 'Efua',
  'Élodie', 'Zoë', 'Björn', 'Søren', 'Łukasz', 'Siobhán', 'Seán', 'Dagný', 'Jürgen', 'François',
]
// prettier-ignore
const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall',
  'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'González', 'Rodríguez', 'Fernández', 'Gómez', 'Díaz',
  'Núñez', 'Muñoz', 'Jiménez', 'Álvarez', 'Ibáñez', 'Castaño', 'Peña', 'Ortega', 'Ruiz', 'Moreno',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周',
  'Khan', 'Ahmed', 'Hussain', 'Ali', 'Rahman', 'Haddad', 'Nasser', 'Saleh', 'Karimi', 'Hosseini',
  'Patel', 'Singh', 'Sharma', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Desai', 'Mehta',
  'Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Boateng', 'Owusu', 'Nwosu', 'Eze', 'Balogun', 'Asante',
  'Müller', 'Schröder', 'Dubois', 'Lefèvre', 'Kowalski', 'Wiśniewski', 'Nowak', "O'Brien", 'Ó Súilleabháin', 'Jensen',
  'Kim', 'Park', 'Nguyen', 'Tran', 'Pham', 'Tanaka', 'Suzuki', 'Sato', 'Ivanova', 'Petrov',
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

/**
 * Fills the database with `count` intakes (about 90% submitted, each with a
 * patient, the rest drafts) over three years, in one transaction through
 * prepared statements: the benchmark is about reading them, not writing them.
 */
function seedIntakes(db: Database, count: number): void {
  const random = seededRandom(20261120)
  const evaluation = JSON.stringify(evaluateIntake(completeAnswers(), { asOf: '2026-11-20' }))
  const insertPatient = db.prepare(`
    INSERT INTO patients (id, given_name, family_name, given_name_key, family_name_key, date_of_birth,
      created_at, updated_at)
    VALUES (@id, @given, @family, @givenKey, @familyKey, @dob, @at, @at)`)
  const insertIntake = db.prepare(`
    INSERT INTO intakes (id, patient_id, status, entry_mode, form_version, answers, evaluation, concern,
      concern_rank, given_name, family_name, date_of_birth, given_name_search, family_name_search,
      revision, created_at, updated_at, submitted_at)
    VALUES (@id, @patientId, @status, 'staff', @formVersion, @answers, @evaluation, 'none',
      0, @given, @family, @dob, @givenSearch, @familySearch, @revision, @created, @updated, @submitted)`)
  const start = Date.parse('2023-11-20T08:00:00.000Z')
  const span = Date.parse('2026-11-20T08:00:00.000Z') - start
  const patientIds: string[] = []
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const given = pick(GIVEN_NAMES, random)
      const family = pick(FAMILY_NAMES, random)
      const year = 1940 + Math.floor(random() * 66)
      const dob = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
      const updated = new Date(
        start + Math.floor((i / count) * span) + Math.floor(random() * 60_000)
      ).toISOString()
      const submitted = random() < 0.9
      let patientId: string | null = null
      if (submitted) {
        // One intake in five is a returning patient's.
        const returning =
          patientIds.length > 0 && random() < 0.2 ? pick(patientIds, random) : undefined
        patientId = returning ?? `patient-${i}`
        if (returning === undefined) {
          insertPatient.run({
            id: patientId,
            given,
            family,
            givenKey: identityKey(given),
            familyKey: identityKey(family),
            dob,
            at: updated
          })
          patientIds.push(patientId)
        }
      }
      insertIntake.run({
        id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
        patientId,
        status: submitted ? 'submitted' : 'draft',
        formVersion: FORM_VERSION,
        answers: JSON.stringify(
          completeAnswers({
            'patient.givenName': given,
            'patient.familyName': family,
            'patient.dateOfBirth': dob
          })
        ),
        evaluation: submitted ? evaluation : null,
        given,
        family,
        dob,
        givenSearch: searchKey(given),
        familySearch: searchKey(family),
        revision: submitted ? 4 : 2,
        created: updated,
        updated,
        submitted: submitted ? updated : null
      })
    }
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/** Submits `iterations` fresh drafts through the real service and times each `submit`. */
/**
 * Times `submit` the way the app calls it: the form saves the draft with the
 * answers on screen, then submits them (stores/intakeDraft.ts), so the row
 * being submitted already holds those answers.
 */
async function timeSubmissions(db: Database, iterations: number): Promise<Timing> {
  const service = createSqliteIntakeService(db, { now: () => new Date() })
  let draftId = ''
  const answersFor = (i: number) => completeAnswers({ 'patient.givenName': `Bench${i}` })
  return measure(
    async (i) => {
      await service.submit({ id: draftId, answers: answersFor(i) }, 'staff')
    },
    {
      iterations,
      warmup: 20,
      before: async (i) => {
        draftId = (
          await service.createDraft({ answers: answersFor(i), entryMode: 'staff' }, 'staff')
        ).id
      }
    }
  )
}

/**
 * Durable submit of a complete intake against one write + fsync of as many
 * bytes as the stored row. A second, non-durable run (synchronous=OFF) shows
 * how much of the time is CPU and SQLite work rather than waiting for the disk.
 */
async function submitBenchmarks(dir: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const file = path.join(dir, 'submit.sqlite')
  const db = openDatabase(file)
  try {
    const submit = await timeSubmissions(db, 200)

    const stored = db.prepare('SELECT * FROM intakes WHERE status = ? LIMIT 1').get('submitted')
    const rowBytes = Buffer.byteLength(JSON.stringify(stored))
    const bytes = Buffer.alloc(rowBytes, 'x')
    const fd = fs.openSync(path.join(dir, 'fsync-baseline.bin'), 'w')
    let fsyncTiming: Timing
    try {
      fsyncTiming = await measure(
        () => {
          fs.writeSync(fd, bytes, 0, bytes.length, 0)
          fs.fsyncSync(fd)
        },
        { iterations: 200, warmup: 20 }
      )
    } finally {
      fs.closeSync(fd)
    }

    // What one submission appends to the write-ahead log: whole pages of the
    // row, the patient and every index entry that moves.
    const service = createSqliteIntakeService(db, { now: () => new Date() })
    const probeAnswers = completeAnswers({ 'patient.givenName': 'WalProbe' })
    const draft = await service.createDraft({ answers: probeAnswers, entryMode: 'staff' }, 'staff')
    db.pragma('wal_checkpoint(TRUNCATE)')
    await service.submit({ id: draft.id, answers: probeAnswers }, 'staff')
    const walBytes = fs.statSync(`${file}-wal`).size

    db.pragma('synchronous = OFF')
    const notDurable = await timeSubmissions(db, 200)

    const baselineName = `write+fsync ${rowBytes} B`
    return {
      rows: [
        benchRow(`submit complete intake (row ${rowBytes} B)`, submit, baselineName, fsyncTiming),
        benchRow('  same, synchronous=OFF (no fsync)', notDurable, baselineName, fsyncTiming)
      ],
      notes: [
        `one submission appends ${walBytes} bytes to the WAL (${Math.round(walBytes / 4120)} pages)`
      ]
    }
  } finally {
    db.close()
  }
}

/** First pages of the list and of name searches with many intakes, against a primary-key read. */
async function listBenchmarks(dir: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const file = path.join(dir, 'list.sqlite')
  const db = openDatabase(file)
  const notes: string[] = []
  const rows: BenchRow[] = []
  try {
    const seedStart = Date.now()
    seedIntakes(db, INTAKE_COUNT)
    notes.push(
      `seeded ${INTAKE_COUNT} intakes in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; ` +
        `database ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`
    )
    const service = createSqliteIntakeService(db, { now: () => new Date() })
    const random = seededRandom(7)
    const getById = db.prepare(`SELECT id, status, given_name, family_name, date_of_birth, concern,
      created_at, updated_at, submitted_at FROM intakes WHERE id = ?`)
    const baseline = await measure(
      () =>
        getById.get(
          `${String(Math.floor(random() * INTAKE_COUNT)).padStart(8, '0')}-0000-4000-8000-000000000000`
        ),
      { iterations: 2000, warmup: 200 }
    )
    const pkName = 'primary-key get (1 row)'

    const firstPage = await service.list({})
    const cases: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      ['list first page (50)', () => service.list({})],
      [
        'list next page via cursor',
        () => service.list({ cursor: firstPage.nextCursor ?? undefined })
      ],
      ['list drafts first page', () => service.list({ status: 'draft' })],
      ["search 'm' first page", () => service.list({ search: 'm' })],
      ["search 'mar' first page", () => service.list({ search: 'mar' })],
      ["search 'núñ' first page", () => service.list({ search: 'núñ' })],
      ["search '王' first page", () => service.list({ search: '王' })],
      ["search 'zq' (no match)", () => service.list({ search: 'zq' })],
      ['list unfinished drafts', () => service.listUnfinished()]
    ]
    for (const [name, run] of cases) {
      rows.push(
        benchRow(name, await measure(run, { iterations: 300, warmup: 30 }), pkName, baseline)
      )
    }
    const today = todayIso(new Date())
    notes.push(`evaluation date ${today}; first page returned ${firstPage.items.length} rows`)
  } finally {
    db.close()
  }

  // Opening runs PRAGMA quick_check over the whole file, read-only; compare it
  // with reading the same bytes, both from the page cache.
  const open = await measure(() => openDatabase(file).close(), { iterations: 5, warmup: 1 })
  const read = await measure(() => fs.readFileSync(file).length, { iterations: 5, warmup: 1 })
  rows.push(
    benchRow(`open ${INTAKE_COUNT}-intake database (quick_check)`, open, 'read whole file', read)
  )
  return { rows, notes }
}

/** Runs every storage benchmark in a fresh temporary folder and returns the table rows. */
export async function runStorageBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  const root = process.env.BENCH_TMPDIR ?? os.tmpdir()
  const dir = fs.mkdtempSync(path.join(root, 'storage-bench-'))
  try {
    const submit = await submitBenchmarks(dir)
    const list = await listBenchmarks(dir)
    for (const note of [...submit.notes, ...list.notes]) log(note)
    return [...submit.rows, ...list.rows]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  const rows = await runStorageBenchmarks((line) => console.log(line))
  console.log(formatTable(rows))
}
