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
 * The intakes are the shared benchmark seed (./seed.ts): three years up to
 * today, about 90 a day, a mix of concerns, one in ten a draft, triage
 * decisions on most of the past, every row sealed as the app writes it.
 *
 * Run: `npx tsx tests/bench/queue.bench.ts` or `npm run bench -- queue`
 * (prints the table). Everything happens in a fresh temporary folder (under
 * `BENCH_TMPDIR` when set), removed at the end.
 */
import path from 'node:path'
import { todayIso, type Queue } from '../../src/domain'
import {
  createQueueService,
  type QueueService
} from '../../electron/main/services/review/queueService'
import {
  benchRow,
  inBenchFolder,
  measure,
  printWhenRunDirectly,
  type BenchRow,
  type Timing
} from './harness'
import { openSeededDatabase, PRIMARY_KEY_BASELINE } from './seed'

function daysBefore(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() - days)
  return todayIso(day)
}

/** One first page to time: the call, and untimed work before each run. */
interface QueueCase {
  readonly name: string
  readonly run: () => Promise<Queue>
  readonly before?: () => void
  /** Whether the same call is timed again without the queue index. */
  readonly withoutIndex: boolean
}

/** Runs every queue benchmark in a fresh temporary folder and returns the table rows. */
export function runQueueBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  return inBenchFolder('queue-bench', async (dir) => {
    const { db, baseline, note } = await openSeededDatabase(path.join(dir, 'queue.sqlite'))
    log(note)
    try {
      const now = (): Date => new Date()
      const queue = createQueueService(db, { now })

      // The first load after the app starts: a service that remembers no row,
      // so every row on the page is read and checked. The service itself (its
      // prepared statements) is built before the clock starts, as the app
      // builds it once at start-up, long before the queue screen opens.
      let fresh: QueueService = queue
      const cases: readonly QueueCase[] = [
        { name: 'today (default)', run: () => queue.list({}), withoutIndex: true },
        {
          name: 'today, nothing remembered',
          run: () => fresh.list({}),
          before: () => {
            fresh = createQueueService(db, { now })
          },
          withoutIndex: false
        },
        {
          name: 'last 7 days',
          run: () => queue.list({ fromDate: daysBefore(6) }),
          withoutIndex: true
        },
        {
          name: 'a year (366 days)',
          run: () => queue.list({ fromDate: daysBefore(365) }),
          withoutIndex: true
        }
      ]
      const rows: BenchRow[] = []
      const timings = new Map<string, Timing>()
      for (const { name, run, before } of cases) {
        const sample = await run()
        const total = Object.values(sample.counts).reduce((sum, value) => sum + value, 0)
        const label = `queue first page, ${name}: ${sample.items.length} of ${total}`
        const timing = await measure(run, {
          iterations: 300,
          warmup: 30,
          ...(before === undefined ? {} : { before })
        })
        timings.set(name, timing)
        rows.push(benchRow(label, timing, PRIMARY_KEY_BASELINE, baseline))
      }

      // What the index buys: the same calls once it is gone (every row of the
      // table is read to find a range's; a few runs say enough at seconds each).
      db.exec('DROP INDEX intakes_queue')
      for (const { name, run } of cases.filter((entry) => entry.withoutIndex)) {
        const timing = await measure(run, { iterations: 5, warmup: 1 })
        rows.push(
          benchRow(`  same without intakes_queue, ${name}`, timing, PRIMARY_KEY_BASELINE, baseline)
        )
      }
      for (const name of ['today (default)', 'today, nothing remembered']) {
        const timing = timings.get(name)
        if (timing === undefined) continue
        log(
          `queue first page, ${name}: p95 ${timing.p95Ms.toFixed(2)} ms (aim: at most 10 ms), ` +
            `median ${timing.medianMs.toFixed(2)} ms`
        )
      }
      return rows
    } finally {
      db.close()
    }
  })
}

await printWhenRunDirectly(import.meta.url, runQueueBenchmarks)
