/**
 * Storage benchmarks: how long a durable submission takes compared with the
 * disk's own write-and-fsync, and how fast the intake list and name search
 * answer with 100,000 intakes (the shared benchmark seed, ./seed.ts)
 * compared with a single-row primary-key read.
 *
 * Run: `npx tsx tests/bench/storage.bench.ts` or `npm run bench -- storage`
 * (prints the table). Everything
 * happens in a fresh temporary folder (under `BENCH_TMPDIR` when set, so the
 * disk can be chosen), removed at the end.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { todayIso } from '../../src/domain'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers } from '../unit/main/support/sampleAnswers'
import {
  benchRow,
  inBenchFolder,
  measure,
  printWhenRunDirectly,
  type BenchRow,
  type Timing
} from './harness'
import { submitAtLatest } from '../unit/main/support/intakeWrites'
import { INTAKE_COUNT, openSeededDatabase, PRIMARY_KEY_BASELINE } from './seed'

export type { BenchRow } from './harness'

/**
 * Submits `iterations` fresh drafts through the real service and times each
 * `submit`, the way the app calls it: the form saves the draft with the
 * answers on screen, then submits them (stores/intakeDraft.ts), so the row
 * being submitted already holds those answers.
 */
async function timeSubmissions(db: Database, iterations: number): Promise<Timing> {
  const service = createSqliteIntakeService(db, { now: () => new Date() })
  let draftId = ''
  const answersFor = (i: number) => completeAnswers({ 'patient.givenName': `Bench${i}` })
  return measure(
    async (i) => {
      await submitAtLatest(service, { id: draftId, answers: answersFor(i) }, 'staff')
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
    await submitAtLatest(service, { id: draft.id, answers: probeAnswers }, 'staff')
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
  const { db, baseline, note } = await openSeededDatabase(file)
  const notes = [note]
  const rows: BenchRow[] = []
  try {
    const service = createSqliteIntakeService(db, { now: () => new Date() })

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
        benchRow(
          name,
          await measure(run, { iterations: 300, warmup: 30 }),
          PRIMARY_KEY_BASELINE,
          baseline
        )
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
export function runStorageBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  return inBenchFolder('storage-bench', async (dir) => {
    const submit = await submitBenchmarks(dir)
    const list = await listBenchmarks(dir)
    for (const note of [...submit.notes, ...list.notes]) log(note)
    return [...submit.rows, ...list.rows]
  })
}

await printWhenRunDirectly(import.meta.url, runStorageBenchmarks)
