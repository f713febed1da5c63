/**
 * Shared by the data-safety and crash tests: a seeded random source (so a
 * failing trial can be run again), real intakes written through the real
 * service, and ways to find and damage one page of a database file.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import type { IntakeAnswers } from '../../../../src/domain'
import type { IntakeService } from '../../../../electron/main/services/intakes/intakeService'
import { completeAnswers } from './sampleAnswers'
import { saveAtLatest, submitAtLatest } from './intakeWrites'

/** The integrity worker's source, started through tsx by checkIntegrityInWorker. */
export const INTEGRITY_WORKER = fileURLToPath(
  new URL('../../../../electron/main/services/dataSafety/integrityWorker.ts', import.meta.url)
)

/** mulberry32: small, fast and the same on every machine for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A whole number in `[0, below)`. */
export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below)
}

const GIVEN = ['Maya', 'Núria', 'Sam', 'Élodie', 'Kwame', 'Li', 'Ana', 'Tomás', 'Priya', 'Oskar']
const FAMILY = ['Okafor', 'Núñez', 'Smith', 'Wang', 'García', 'Müller', 'Dubois', 'Haddad']
const WORDS = ['sore', 'after', 'deadlifts', 'squats', 'stiff', 'morning', 'running', 'lifting']

/**
 * Complete, valid answers that differ from one intake to the next in the
 * places a flipped byte could go unnoticed by validation (names, free text,
 * numbers, dates), so a test can tell one intake's answers from another's.
 */
export function variedAnswers(random: () => number): IntakeAnswers {
  const word = (): string => WORDS[randomInt(random, WORDS.length)] ?? 'sore'
  const sentence = Array.from({ length: 6 + randomInt(random, 20) }, word).join(' ')
  const year = 1950 + randomInt(random, 55)
  const month = String(1 + randomInt(random, 12)).padStart(2, '0')
  const day = String(1 + randomInt(random, 28)).padStart(2, '0')
  const suffix = String(randomInt(random, 100_000))
  return completeAnswers({
    'patient.givenName': `${GIVEN[randomInt(random, GIVEN.length)] ?? 'Maya'}${suffix}`,
    'patient.familyName': FAMILY[randomInt(random, FAMILY.length)] ?? 'Okafor',
    'patient.dateOfBirth': `${year}-${month}-${day}`,
    'complaint.description': `Back ${sentence}.`,
    'goals.text': `Train again: ${sentence.slice(0, 60).trim()}`,
    'pain.now': randomInt(random, 11),
    'patient.phone': `+44 20 ${String(1000 + randomInt(random, 9000))} ${String(1000 + randomInt(random, 9000))}`
  })
}

/** What an intake was written as: the answers the service confirmed saving. */
export interface WrittenIntake {
  readonly status: 'draft' | 'submitted'
  readonly answers: IntakeAnswers
}

/**
 * Writes `count` intakes through the service: about a third stay drafts
 * (saved twice, as autosave does), the rest are submitted.
 */
export async function writeIntakes(
  service: IntakeService,
  count: number,
  random: () => number
): Promise<Map<string, WrittenIntake>> {
  const written = new Map<string, WrittenIntake>()
  for (let i = 0; i < count; i += 1) {
    const answers = variedAnswers(random)
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    if (i % 3 === 0) {
      await saveAtLatest(service, { id: draft.id, answers }, 'staff')
      written.set(draft.id, { status: 'draft', answers })
    } else {
      const submitted = await submitAtLatest(service, { id: draft.id, answers }, 'staff')
      written.set(draft.id, { status: 'submitted', answers: submitted.answers })
    }
  }
  return written
}

/** The page numbers (1-based) SQLite uses for a table or index, from its `dbstat` table. */
export function pagesOf(filePath: string, name: string): number[] {
  const db = new Database(filePath, { readonly: true })
  try {
    return db
      .prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno')
      .pluck()
      .all(name)
  } finally {
    db.close()
  }
}

export function pageSizeOf(filePath: string): number {
  return fs.readFileSync(filePath).readUInt16BE(16)
}

/** Overwrites one page of the file with `fill` (zeros when absent). */
export function damagePage(filePath: string, page: number, fill?: Buffer): void {
  const size = pageSizeOf(filePath)
  const bytes = fs.readFileSync(filePath)
  const block = fill ?? Buffer.alloc(size)
  block.copy(bytes, (page - 1) * size, 0, size)
  fs.writeFileSync(filePath, bytes)
}

export function sha256File(filePath: string): string {
  return createHash('sha256').update(fs.readFileSync(filePath)).digest('hex')
}
