/**
 * The one way the benchmarks fill a database: `count` intakes (100,000
 * unless `BENCH_INTAKE_COUNT` says otherwise) over the three years up to
 * today, about 90 a day as a busy clinic sees them, the last ~90 today.
 *
 * The rows look like a clinic's: names of the people a city clinic sees in
 * the scripts they write them in (accents, Chinese, Korean, Japanese,
 * Cyrillic, Arabic), the patient's own words combined from fragments so that
 * words recur with realistic frequencies, a mix of concerns (each row's
 * evaluation snapshot raising exactly its concern), one in ten left as a
 * draft, one submission in five by a returning patient, and triage decisions
 * on most of the past (fewer today, where the queue still waits). Every row
 * is sealed with its check values as the app writes them, so reads take the
 * same path as in the clinic (a row without them is validated in full on
 * every read, which the app's own rows never are).
 *
 * Seeding is deterministic (the same seed gives the same database) and runs
 * in one transaction through prepared statements: the benchmarks are about
 * reading, not about this. {@link seedIntakes} fills a database the caller
 * opened, at the latest schema or an older one (the search benchmark times a
 * migration); {@link createSeededDatabase} gives a benchmark its own file at
 * the latest schema, seeded once per run and copied after that.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import {
  concernRank,
  evaluateIntake,
  FORM_VERSION,
  todayIso,
  TRIAGE_DECISIONS,
  type AnswerValue,
  type ConcernLevel
} from '../../src/domain'
import {
  contentDigest,
  rowDigest,
  SEALED_ROW_COLUMNS
} from '../../electron/main/services/database/intakeDigest'
import { identityKey, searchKey } from '../../electron/main/services/database/nameKeys'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import { completeAnswers } from '../unit/main/support/sampleAnswers'
import { measure, type Timing } from './harness'

/** How many intakes the benchmarks seed. */
export const INTAKE_COUNT = Number(process.env.BENCH_INTAKE_COUNT ?? 100_000)

/** The days the intakes are spread over, ending today. */
export const SEED_DAYS = 3 * 365

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

// The patient's own words, in fragments combined at random.
// prettier-ignore
export const STORY_OPENINGS = [
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
// One record in twenty mentions one of these: words only a few hundred intakes hold.
// prettier-ignore
const RARE_WORDS = [
  'spondylolisthesis', 'kayaking', 'trampoline', 'bouldering', 'scaffolder', 'beekeeping',
  'osteopath', 'acupuncture', 'ballet', 'forklift', 'snowboarding', 'chiropractor',
]

/** Red-flag answers giving each concern level (the rest as in the complete sample). */
const CONCERN_ANSWERS: Readonly<Record<ConcernLevel, Readonly<Record<string, AnswerValue>>>> = {
  none: {},
  review: { 'rf.nightPain': 'yes' },
  urgent: { 'rf.fever': 'yes' },
  emergency: { 'rf.bladder': 'yes', 'rf.saddleNumbness': 'yes' }
}

/** A deterministic pseudo-random sequence, so two runs seed the same database. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function pick<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)]
  if (value === undefined) throw new Error('pick from an empty list')
  return value
}

/** The id of the `index`th intake seeded (a valid UUID, so the contract accepts it). */
export function seededIntakeId(index: number): string {
  return `${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`
}

/** Most intakes raise nothing; a few are urgent or an emergency. */
function concernFor(random: () => number): ConcernLevel {
  const roll = random()
  if (roll < 0.03) return 'emergency'
  if (roll < 0.15) return 'urgent'
  if (roll < 0.3) return 'review'
  return 'none'
}

function dateOfBirth(random: () => number): string {
  const year = 1940 + Math.floor(random() * 66)
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  return `${year}-${month}-${day}`
}

function story(random: () => number): string {
  const parts = [pick(STORY_OPENINGS, random), pick(STORY_DETAILS, random)]
  if (random() < 0.5) parts.push(pick(STORY_DETAILS, random))
  if (random() < 0.05) parts.push(`also into ${pick(RARE_WORDS, random)}`)
  return parts.join(', ')
}

export interface SeedOptions {
  /** How many intakes; {@link INTAKE_COUNT} by default. */
  readonly count?: number
  /** The pseudo-random seed: the same seed gives the same rows. */
  readonly seed?: number
}

export interface Seeded {
  readonly count: number
  /** How many of them are today's (the queue's default page). */
  readonly today: number
}

interface Person {
  readonly id: string
  readonly given: string
  readonly family: string
  readonly dob: string
}

/** Fills `db` (open, migrated to any version from triage on) with intakes; see the module comment. */
export function seedIntakes(db: Database, options: SeedOptions = {}): Seeded {
  const count = options.count ?? INTAKE_COUNT
  const random = seededRandom(options.seed ?? 20261122)
  const asOf = todayIso(new Date())
  // One snapshot per concern, checked to raise exactly that concern.
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
    INSERT INTO intakes (${SEALED_ROW_COLUMNS}, answers, evaluation, content_digest, row_digest)
    VALUES (@id, @patient_id, @status, @entry_mode, @form_version, @concern, @concern_rank,
      @given_name, @family_name, @date_of_birth, @given_name_search, @family_name_search,
      @revision, @created_at, @updated_at, @submitted_at,
      @answers, @evaluation, @content_digest, @row_digest)`)
  const insertDecision = db.prepare(`
    INSERT INTO triage_decisions (intake_id, version, decision, notes, acknowledged_flags, staff_id,
      staff_name, decided_at)
    VALUES (?, 1, ?, 'Seen and discussed.', '[]', 'staff-bench', 'Cleo Park', ?)`)
  const midnight = new Date()
  midnight.setHours(0, 0, 0, 0)
  const perDay = count / SEED_DAYS
  const patients: Person[] = []
  let today = 0
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Oldest first; the last ~90 land on today, between 08:00 and 18:00 local time.
      const daysAgo = SEED_DAYS - 1 - Math.floor(i / perDay)
      const day = new Date(midnight)
      day.setDate(midnight.getDate() - daysAgo)
      const created = new Date(day.getTime() + (8 + random() * 10) * 3_600_000)
      const submitted = random() < 0.9
      const submittedAt = new Date(created.getTime() + random() * 1_200_000)
      const at = (submitted ? submittedAt : created).toISOString()
      if (daysAgo === 0) today += 1
      // One submission in five is a returning patient's, under the same name.
      const returning =
        submitted && patients.length > 0 && random() < 0.2 ? pick(patients, random) : undefined
      const person: Person = returning ?? {
        id: `patient-${i}`,
        given: pick(GIVEN_NAMES, random),
        family: pick(FAMILY_NAMES, random),
        dob: dateOfBirth(random)
      }
      if (submitted && returning === undefined) {
        insertPatient.run({
          id: person.id,
          given: person.given,
          family: person.family,
          givenKey: identityKey(person.given),
          familyKey: identityKey(person.family),
          dob: person.dob,
          at
        })
        patients.push(person)
      }
      const concern = concernFor(random)
      const answers = JSON.stringify(
        completeAnswers({
          ...CONCERN_ANSWERS[concern],
          'patient.givenName': person.given,
          'patient.familyName': person.family,
          'patient.dateOfBirth': person.dob,
          'patient.occupation': pick(OCCUPATIONS, random),
          'complaint.description': story(random),
          'history.medications': pick(MEDICATIONS, random) || undefined,
          'goals.text': pick(GOALS, random)
        })
      )
      const id = seededIntakeId(i)
      const evaluation = submitted ? evaluations[concern] : null
      const row = {
        id,
        patient_id: submitted ? person.id : null,
        status: submitted ? 'submitted' : 'draft',
        entry_mode: 'staff',
        form_version: FORM_VERSION,
        concern,
        concern_rank: concernRank(concern),
        given_name: person.given,
        family_name: person.family,
        date_of_birth: person.dob,
        given_name_search: searchKey(person.given),
        family_name_search: searchKey(person.family),
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
  return { count, today }
}

/** The seeded file of this run, made by the first benchmark that asks for one. */
let template: { readonly file: string; readonly seeded: Seeded } | null = null

/**
 * Creates `file` holding the {@link INTAKE_COUNT} intakes of the default seed
 * at the latest schema, closed and checkpointed, ready to be opened. The
 * first call of a run seeds (most of a minute at 100,000 intakes); later ones
 * copy that file, byte for byte the same database, in a second or two. The
 * seeded file is removed when the process exits.
 *
 * @returns a line for the log: how many intakes, and how long it took.
 */
export function createSeededDatabase(file: string): string {
  const start = Date.now()
  const copied = template !== null
  if (template === null) {
    const root = process.env.BENCH_TMPDIR ?? os.tmpdir()
    const dir = fs.mkdtempSync(path.join(root, 'bench-seed-'))
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
    const seededFile = path.join(dir, 'seeded.sqlite')
    const db = openDatabase(seededFile)
    try {
      template = { file: seededFile, seeded: seedIntakes(db) }
    } finally {
      db.close()
    }
  }
  fs.copyFileSync(template.file, file)
  const { count, today } = template.seeded
  return (
    `${count} intakes (${today} today) ${copied ? 'copied from this run’s seed' : 'seeded'} in ` +
    `${((Date.now() - start) / 1000).toFixed(1)} s; database ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`
  )
}

/** The name of the baseline most database benchmarks are set against. */
export const PRIMARY_KEY_BASELINE = 'primary-key get (1 row)'

/**
 * The baseline: one seeded intake's list columns read by primary key, a
 * different one each time, on the same database in the same run.
 */
export function measurePrimaryKeyGet(db: Database, count: number): Promise<Timing> {
  const random = seededRandom(7)
  const getById = db.prepare(`SELECT id, status, given_name, family_name, date_of_birth, concern,
    created_at, updated_at, submitted_at FROM intakes WHERE id = ?`)
  return measure(() => getById.get(seededIntakeId(Math.floor(random() * count))), {
    iterations: 2000,
    warmup: 200
  })
}

/** A benchmark's own seeded database, open, with the baseline measured on it. */
export interface SeededDatabase {
  readonly db: Database
  /** {@link PRIMARY_KEY_BASELINE}, measured on this database. */
  readonly baseline: Timing
  /** What {@link createSeededDatabase} said, for the log. */
  readonly note: string
}

/** Creates `file` with the run's seed ({@link createSeededDatabase}), opens it and measures the baseline. */
export async function openSeededDatabase(file: string): Promise<SeededDatabase> {
  const note = createSeededDatabase(file)
  const db = openDatabase(file)
  try {
    return { db, baseline: await measurePrimaryKeyGet(db, INTAKE_COUNT), note }
  } catch (error) {
    db.close()
    throw error
  }
}
