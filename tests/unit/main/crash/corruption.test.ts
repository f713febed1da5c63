/**
 * A damaged database file must never be served as good data. A database of
 * 300 intakes made through the real service is damaged in many ways (single
 * bytes flipped at random offsets, a 4 KiB page zeroed or filled with random
 * bytes, the file cut short, emptied), and for every trial:
 *
 * - opening it is refused with a DatabaseOpenError, or
 * - every intake that get, list or listUnfinished serves either matches what
 *   was written exactly or carries `damage`; a read may also fail with a
 *   `storage` error naming the damage. Different answers served as good fail
 *   the test, and so does an intake gone missing without the full integrity
 *   check (run in the background after every start) reporting the file.
 *
 * Seeds are fixed, so a failing trial runs again the same way.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import type { IntakeSummary } from '../../../../src/domain'
import {
  DatabaseOpenError,
  openDatabase
} from '../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../electron/main/services/intakes/sqliteIntakeService'
import { ServiceError } from '../../../../electron/main/services/serviceError'
import {
  randomInt,
  seededRandom,
  writeIntakes,
  type WrittenIntake
} from '../support/dataSafetyFixtures'
import { steppingClock } from '../support/sampleAnswers'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs('corruption')
const DB_NAME = 'back-intake.sqlite3'
const INTAKES = 300
const PAGE = 4096
/** At least 50 random single-byte flips; each trial reads all 300 intakes. */
const SINGLE_BYTE_TRIALS = 60
const ANSWER_TRIALS = 30

let pristine: Buffer
let written: Map<string, WrittenIntake>

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corruption-seed-'))
  try {
    const file = path.join(dir, DB_NAME)
    const db = openDatabase(file)
    // Ids from a sequence, not random UUIDs: the same file, byte for byte, every run.
    let sequence = 0
    const newId = (): string => `id-${String((sequence += 1)).padStart(6, '0')}`
    written = await writeIntakes(
      createSqliteIntakeService(db, { now: steppingClock().now, newId }),
      INTAKES,
      seededRandom(300)
    )
    // Closing folds the log into the file: the trials damage one file standing alone.
    db.close()
    pristine = fs.readFileSync(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)

type Outcome = 'refused' | 'reported' | 'intact'

interface TrialReport {
  readonly outcome: Outcome
  /** Intakes served with `damage`. */
  readonly damaged: number
  /** Reads that failed with a `storage` error. */
  readonly readErrors: number
  /** Intakes not found (a damaged index or row): only acceptable when the full check fails. */
  readonly missing: number
  readonly integrityOk: boolean | null
}

/** Every page of the list, following cursors (bounded: a damaged index could loop). */
async function listAll(service: IntakeService): Promise<IntakeSummary[]> {
  const items: IntakeSummary[] = []
  let cursor: string | undefined
  for (let page = 0; page < 50; page += 1) {
    const result = await service.list({ limit: 200, ...(cursor === undefined ? {} : { cursor }) })
    items.push(...result.items)
    if (result.nextCursor === null) break
    cursor = result.nextCursor
  }
  return items
}

/** Text answers as written, for comparing what a list shows. */
function text(intake: WrittenIntake, itemId: string): string | null {
  const value = intake.answers[itemId]
  return typeof value === 'string' ? value : null
}

/**
 * Runs one trial on a damaged copy; any intake served as good but different
 * from what was written is pushed to `violations`.
 */
async function trial(bytes: Buffer, label: string, violations: string[]): Promise<TrialReport> {
  const dir = tempDir()
  const file = path.join(dir, DB_NAME)
  fs.writeFileSync(file, bytes)
  let db: Database.Database
  try {
    db = openDatabase(file)
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      return { outcome: 'refused', damaged: 0, readErrors: 0, missing: 0, integrityOk: null }
    }
    throw error
  }
  let damaged = 0
  let readErrors = 0
  let missing = 0
  try {
    const service = createSqliteIntakeService(db, { now: steppingClock().now })
    const storageFailure = (error: unknown): boolean => {
      if (error instanceof ServiceError && error.code === 'storage') {
        readErrors += 1
        return true
      }
      return false
    }

    for (const [id, original] of written) {
      try {
        const record = await service.get(id)
        if (record.damage !== undefined) {
          damaged += 1
          expect(record.damage.problems.length).toBeGreaterThan(0)
        } else if (
          JSON.stringify(sortKeys(record.answers)) !== JSON.stringify(sortKeys(original.answers))
        ) {
          violations.push(`${label}: intake ${id} served different answers as good`)
        } else if (record.status !== original.status) {
          violations.push(
            `${label}: intake ${id} served as ${record.status}, was ${original.status}`
          )
        }
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'not-found') missing += 1
        else if (!storageFailure(error)) throw error
      }
    }

    const checkSummaries = (items: readonly IntakeSummary[], where: string): void => {
      for (const item of items) {
        if (item.damage !== undefined) continue
        const original = written.get(item.id)
        if (original === undefined) {
          violations.push(`${label}: ${where} served an intake nobody wrote (${item.id}) as good`)
          continue
        }
        const shown = [item.givenName, item.familyName, item.dateOfBirth, item.status]
        const was = [
          text(original, 'patient.givenName'),
          text(original, 'patient.familyName'),
          text(original, 'patient.dateOfBirth'),
          original.status
        ]
        if (JSON.stringify(shown) !== JSON.stringify(was)) {
          violations.push(
            `${label}: ${where} served ${item.id} as ${JSON.stringify(shown)}, was ${JSON.stringify(was)}`
          )
        }
      }
    }
    try {
      checkSummaries(await listAll(service), 'list')
    } catch (error) {
      if (!storageFailure(error)) throw error
    }
    try {
      checkSummaries(await service.listUnfinished(), 'listUnfinished')
    } catch (error) {
      if (!storageFailure(error)) throw error
    }

    let integrityOk: boolean
    try {
      integrityOk =
        JSON.stringify(db.pragma('integrity_check')) === JSON.stringify([{ integrity_check: 'ok' }])
    } catch {
      integrityOk = false
    }
    if (missing > 0 && integrityOk) {
      violations.push(`${label}: ${missing} intakes went missing and the integrity check passed`)
    }
    const reported = damaged > 0 || readErrors > 0 || missing > 0 || !integrityOk
    return { outcome: reported ? 'reported' : 'intact', damaged, readErrors, missing, integrityOk }
  } finally {
    db.close()
  }
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
}

/** Runs a batch of trials and prints their outcomes. */
async function runTrials(
  name: string,
  makers: ReadonlyArray<{ label: string; bytes: () => Buffer }>
): Promise<Record<Outcome, number>> {
  const violations: string[] = []
  const counts: Record<Outcome, number> = { refused: 0, reported: 0, intact: 0 }
  let damaged = 0
  let readErrors = 0
  let missing = 0
  const started = Date.now()
  for (const maker of makers) {
    const report = await trial(maker.bytes(), maker.label, violations)
    counts[report.outcome] += 1
    damaged += report.damaged
    readErrors += report.readErrors
    missing += report.missing
  }
  console.log(
    `${name}: ${makers.length} trials: ${counts.refused} refused at open, ${counts.reported} reported damaged, ` +
      `${counts.intact} intact (${damaged} intakes served marked damaged, ${readErrors} reads refused as damaged storage, ` +
      `${missing} intakes missing with the full check failing); ${Date.now() - started} ms`
  )
  expect(violations).toEqual([])
  return counts
}

describe('a damaged database file is never served as good data', () => {
  it('survives single-byte flips at random offsets', async () => {
    const random = seededRandom(1)
    const makers = Array.from({ length: SINGLE_BYTE_TRIALS }, (_, index) => {
      const offset = randomInt(random, pristine.length)
      const mask = 1 + randomInt(random, 255)
      return {
        label: `flip #${index} at ${offset} ^ ${mask}`,
        bytes: () => {
          const copy = Buffer.from(pristine)
          copy[offset] = (copy[offset] ?? 0) ^ mask
          return copy
        }
      }
    })
    const counts = await runTrials('Single-byte flips', makers)
    expect(counts.refused + counts.reported + counts.intact).toBe(SINGLE_BYTE_TRIALS)
  }, 60_000)

  it('survives flips aimed at the intakes’ own answers', async () => {
    // Random offsets mostly land in free space, indexes and other tables: these
    // land inside stored answer text, where SQLite itself notices nothing.
    const random = seededRandom(2)
    const starts: number[] = []
    const marker = Buffer.from('"patient.givenName"')
    for (let at = pristine.indexOf(marker); at >= 0; at = pristine.indexOf(marker, at + 1)) {
      starts.push(at)
    }
    expect(starts.length).toBeGreaterThan(100)
    const makers = Array.from({ length: ANSWER_TRIALS }, (_, index) => {
      const offset = (starts[randomInt(random, starts.length)] ?? 0) + randomInt(random, 400)
      const mask = 1 + randomInt(random, 255)
      return {
        label: `answer flip #${index} at ${offset} ^ ${mask}`,
        bytes: () => {
          const copy = Buffer.from(pristine)
          copy[offset] = (copy[offset] ?? 0) ^ mask
          return copy
        }
      }
    })
    const counts = await runTrials('Flips in answer text', makers)
    expect(counts.reported).toBeGreaterThanOrEqual(ANSWER_TRIALS / 2)
  }, 60_000)

  it('survives a 4 KiB page zeroed or overwritten with random bytes', async () => {
    const random = seededRandom(3)
    const pages = Math.floor(pristine.length / PAGE)
    const makers = Array.from({ length: 30 }, (_, index) => {
      const page = randomInt(random, pages)
      const zero = index % 2 === 0
      const noise = Buffer.from(Array.from({ length: PAGE }, () => randomInt(random, 256)))
      return {
        label: `page ${page + 1} ${zero ? 'zeroed' : 'random'}`,
        bytes: () => {
          const copy = Buffer.from(pristine)
          ;(zero ? Buffer.alloc(PAGE) : noise).copy(copy, page * PAGE)
          return copy
        }
      }
    })
    await runTrials('Page damage', makers)
  }, 60_000)

  it('survives truncation, and refuses an empty file', async () => {
    const random = seededRandom(4)
    const lengths = [
      0,
      50,
      100,
      PAGE - 1,
      PAGE,
      ...Array.from({ length: 10 }, () => 1 + randomInt(random, pristine.length - 1))
    ]
    const makers = lengths.map((length) => ({
      label: `cut to ${length} bytes`,
      bytes: () => Buffer.from(pristine.subarray(0, length))
    }))
    const counts = await runTrials('Truncation', makers)
    expect(counts.intact).toBe(0)
    // The empty file in particular is refused at open, not taken for a new database.
    const empty = await trial(Buffer.alloc(0), '0-byte file', [])
    expect(empty.outcome).toBe('refused')
  }, 60_000)
})
