/**
 * The clinician's queue with 100,000 intakes: how long its first page takes
 * (today's, a week's, and a year's most pressing 200), through the real
 * queue service (ordering, counts, every row read and checked as the record
 * screen reads it, flags, triage decisions), against a single-row
 * primary-key read in the same run. The queue is read again at every save,
 * and the service does not check again a row that is byte for byte one it
 * checked, so today's queue is also timed from a service that remembers
 * nothing (the first load after the app starts). The same queries are then
 * timed without the queue index, to show what it buys.
 *
 * The intakes are spread over three years up to today (about 90 a day, as a
 * busy clinic sees), with realistic names (accents, Chinese), varied free
 * text, a mix of concerns, one in ten left as a draft, and triage decisions
 * on most of the submitted ones. Every row carries its check values, as the
 * app writes them, so reads take the same path as in the clinic.
 *
 * Run: `npx tsx tests/bench/queue.bench.ts` (prints the table). Everything
 * happens in a fresh temporary folder (under `BENCH_TMPDIR` when set), removed
 * at the end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Database } from 'better-sqlite3'
import {
  concernRank,
  evaluateIntake,
  FORM_VERSION,
  todayIso,
  TRIAGE_DECISIONS,
  type AnswerValue,
  type ConcernLevel,
  type Queue
} from '../../src/domain'
import { contentDigest, rowDigest } from '../../electron/main/services/database/intakeDigest'
import { identityKey, searchKey } from '../../electron/main/services/database/nameKeys'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import { createQueueService } from '../../electron/main/services/review/queueService'
import { completeAnswers } from '../unit/main/support/sampleAnswers'
import { benchRow, formatTable, measure, type BenchRow, type Timing } from './harness'

const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 100_000)
const DAYS = 3 * 365

// prettier-ignore
const GIVEN_NAMES = [
  'Maya', 'Liam', 'Olivia', 'Noah', 'Amelia', 'James', 'Sophia', 'Lucas', 'Harper', 'Leo',
  'María', 'José', 'Sofía', 'Mateo', 'Lucía', 'Tomás', 'Núria', 'Joaquín', 'Inés', 'Begoña',
  'Wei', 'Fang', 'Jing', 'Ming', '伟', '芳', '娜', '敏', '静', '杰',
  'Mohammed', 'Fatima', 'Aisha', 'Yusuf', 'Priya', 'Arjun', 'Ananya', 'Chidi', 'Ngozi', 'Kwame',
  'Élodie', 'Zoë', 'Björn', 'Søren', 'Łukasz', 'Siobhán', 'Jürgen', 'François', 'Dagný', 'Seán',
]
// prettier-ignore
const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Evans', 'Wilson', 'Thomas', 'Walker', 'Hall',
  'García', 'Martínez', 'López', 'Núñez', 'Muñoz', 'Jiménez', 'Álvarez', 'Ibáñez', 'Peña', 'Ruiz',
  'Wang', 'Li', 'Zhang', 'Chen', '王', '李', '张', '刘', '陈', '黄',
  'Khan', 'Ahmed', 'Patel', 'Singh', 'Sharma', 'Okafor', 'Adeyemi', 'Mensah', 'Eze', 'Asante',
  'Müller', 'Schröder', 'Dubois', 'Lefèvre', 'Kowalski', 'Wiśniewski', "O'Brien", 'Nguyen', 'Tanaka', 'Ivanova',
]
// prettier-ignore
const DESCRIPTIONS = [
  'Sore across the lower back two days after heavy deadlifts.',
  'Sharp pain on the right when I bend to pick up my daughter.',
  'Ache that goes down the back of my left leg to the knee, worse sitting at work.',
  'Stiff every morning for about an hour, better once I get moving.',
  'Twisted while gardening on Sunday; it catches when I stand up.',
  'Dolor en la zona lumbar desde que empecé a correr otra vez.',
  'Me duele al estar mucho tiempo de pie en el trabajo.',
  '搬家以后腰一直疼，早上起床最严重。',
  '久坐办公后下背部酸痛，走路会好一点。',
  'Pain after a long drive, with tingling in the toes now and then.',
]

/** Red-flag answers giving each concern level (the rest as in the complete sample). */
const CONCERN_ANSWERS: Readonly<Record<ConcernLevel, Readonly<Record<string, AnswerValue>>>> = {
  none: {},
  review: { 'rf.nightPain': 'yes' },
  urgent: { 'rf.fever': 'yes' },
  emergency: { 'rf.bladder': 'yes', 'rf.saddleNumbness': 'yes' }
}

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

/** Most intakes raise nothing; a few are urgent or an emergency. */
function concernFor(random: () => number): ConcernLevel {
  const roll = random()
  if (roll < 0.03) return 'emergency'
  if (roll < 0.15) return 'urgent'
  if (roll < 0.3) return 'review'
  return 'none'
}

/**
 * Fills the database with `count` intakes over the last {@link DAYS} days
 * ending today, between 08:00 and 18:00 local time, in one transaction
 * through prepared statements, each row sealed as the app seals it.
 */
function seedIntakes(db: Database, count: number): { today: number } {
  const random = seededRandom(20261122)
  const asOf = todayIso(new Date())
  const evaluations = Object.fromEntries(
    (Object.keys(CONCERN_ANSWERS) as ConcernLevel[]).map((level) => {
      const evaluation = evaluateIntake(completeAnswers(CONCERN_ANSWERS[level]), { asOf })
      if (evaluation.concern !== level)
        throw new Error(`the ${level} sample is ${evaluation.concern}`)
      return [level, JSON.stringify(evaluation)]
    })
  ) as Record<ConcernLevel, string>
  const insertPatient = db.prepare(`
    INSERT INTO patients (id, given_name, family_name, given_name_key, family_name_key, date_of_birth,
      created_at, updated_at)
    VALUES (@id, @given, @family, @givenKey, @familyKey, @dob, @at, @at)`)
  const insertIntake = db.prepare(`
    INSERT INTO intakes (id, patient_id, status, entry_mode, form_version, answers, evaluation, concern,
      concern_rank, given_name, family_name, date_of_birth, given_name_search, family_name_search,
      revision, created_at, updated_at, submitted_at, content_digest, row_digest)
    VALUES (@id, @patient_id, @status, @entry_mode, @form_version, @answers, @evaluation, @concern,
      @concern_rank, @given_name, @family_name, @date_of_birth, @given_name_search,
      @family_name_search, @revision, @created_at, @updated_at, @submitted_at, @content_digest,
      @row_digest)`)
  const insertDecision = db.prepare(`
    INSERT INTO triage_decisions (intake_id, version, decision, notes, acknowledged_flags, staff_id,
      staff_name, decided_at)
    VALUES (?, 1, ?, 'Seen and discussed.', '[]', 'staff-bench', 'Cleo Park', ?)`)
  const midnight = new Date()
  midnight.setHours(0, 0, 0, 0)
  const perDay = count / DAYS
  let today = 0
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Oldest first; the last ~90 land on today.
      const daysAgo = DAYS - 1 - Math.floor(i / perDay)
      const day = new Date(midnight)
      day.setDate(midnight.getDate() - daysAgo)
      const created = new Date(day.getTime() + (8 + random() * 10) * 3_600_000)
      const submitted = random() < 0.9
      const submittedAt = new Date(created.getTime() + random() * 1_200_000)
      if (daysAgo === 0) today += 1
      const given = pick(GIVEN_NAMES, random)
      const family = pick(FAMILY_NAMES, random)
      const dob = `${1940 + Math.floor(random() * 66)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
      const concern = concernFor(random)
      const answers = JSON.stringify(
        completeAnswers({
          ...CONCERN_ANSWERS[concern],
          'patient.givenName': given,
          'patient.familyName': family,
          'patient.dateOfBirth': dob,
          'complaint.description': pick(DESCRIPTIONS, random)
        })
      )
      const id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`
      const at = (submitted ? submittedAt : created).toISOString()
      const patientId = submitted ? `patient-${i}` : null
      if (patientId !== null) {
        insertPatient.run({
          id: patientId,
          given,
          family,
          givenKey: identityKey(given),
          familyKey: identityKey(family),
          dob,
          at
        })
      }
      const evaluation = submitted ? evaluations[concern] : null
      const row = {
        id,
        patient_id: patientId,
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
        revision: submitted ? 4 : 2,
        created_at: created.toISOString(),
        updated_at: at,
        submitted_at: submitted ? at : null,
        content_digest: contentDigest(answers, evaluation)
      }
      insertIntake.run({ ...row, answers, evaluation, row_digest: rowDigest(row) })
      // Most of the past is reviewed; today's queue is mostly still waiting.
      if (submitted && random() < (daysAgo === 0 ? 0.3 : 0.8)) {
        const decidedAt = new Date(submittedAt.getTime() + 600_000).toISOString()
        insertDecision.run(id, pick(TRIAGE_DECISIONS, random), decidedAt)
      }
    }
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  return { today }
}

function daysBefore(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() - days)
  return todayIso(day)
}

/** Runs every queue benchmark in a fresh temporary folder and returns the table rows. */
export async function runQueueBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  const root = process.env.BENCH_TMPDIR ?? os.tmpdir()
  const dir = fs.mkdtempSync(path.join(root, 'queue-bench-'))
  const file = path.join(dir, 'queue.sqlite')
  const db = openDatabase(file)
  try {
    const seedStart = Date.now()
    const { today } = seedIntakes(db, INTAKE_COUNT)
    log(
      `seeded ${INTAKE_COUNT} intakes (${today} today) in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; ` +
        `database ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`
    )
    const queue = createQueueService(db, { now: () => new Date() })
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

    const now = (): Date => new Date()
    const cases: ReadonlyArray<readonly [string, () => Promise<Queue>]> = [
      ['today (default)', () => queue.list({})],
      // A new service remembers no row: every row on the page is read and checked.
      ['today, nothing remembered', () => createQueueService(db, { now }).list({})],
      ['last 7 days', () => queue.list({ fromDate: daysBefore(6) })],
      ['a year (366 days)', () => queue.list({ fromDate: daysBefore(365) })]
    ]
    const rows: BenchRow[] = []
    const timings = new Map<string, Timing>()
    for (const [name, run] of cases) {
      const sample = await run()
      const total = Object.values(sample.counts).reduce((sum, value) => sum + value, 0)
      const label = `queue first page, ${name}: ${sample.items.length} of ${total}`
      const timing = await measure(run, { iterations: 300, warmup: 30 })
      timings.set(name, timing)
      rows.push(benchRow(label, timing, pkName, baseline))
    }

    // What the index buys: the same calls once it is gone (every row of the
    // table is read to find a range's; a few runs say enough at seconds each).
    db.exec('DROP INDEX intakes_queue')
    for (const [name, run] of cases.filter(([label]) => !label.includes('remembered'))) {
      const timing = await measure(run, { iterations: 5, warmup: 1 })
      rows.push(benchRow(`  same without intakes_queue, ${name}`, timing, pkName, baseline))
    }
    const first = timings.get('today (default)')
    if (first !== undefined) {
      log(
        `queue first page (today) p95 ${first.p95Ms.toFixed(2)} ms (aim: at most 10 ms), median ${first.medianMs.toFixed(2)} ms`
      )
    }
    return rows
  } finally {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  const rows = await runQueueBenchmarks((line) => console.log(line))
  console.log(formatTable(rows))
}
