/**
 * A very small benchmark harness. These machines are shared and noisy, so a
 * figure alone says little: every row is reported next to a baseline measured
 * in the same run on the same machine, and the ratio between the two medians
 * is the number to compare across runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

export interface Timing {
  readonly medianMs: number
  readonly p95Ms: number
  readonly samples: number
}

export interface BenchRow {
  readonly name: string
  readonly medianMs: number
  readonly p95Ms: number
  readonly baselineName: string
  readonly baselineMedianMs: number
  readonly baselineP95Ms: number
  /** `medianMs / baselineMedianMs`. */
  readonly ratio: number
}

export interface MeasureOptions {
  /** Timed runs. */
  readonly iterations: number
  /** Untimed runs first, so JIT compilation, statement caches and the page cache are warm. */
  readonly warmup?: number
  /** Untimed work before each run (for example creating the draft a run will submit). */
  readonly before?: (iteration: number) => unknown
}

/**
 * Runs `run` `warmup` times untimed, then `iterations` times timed (awaiting
 * it when it returns a promise), and returns the median and 95th percentile.
 */
export async function measure(
  run: (iteration: number) => unknown,
  options: MeasureOptions
): Promise<Timing> {
  const warmup = options.warmup ?? Math.min(10, options.iterations)
  const durations: number[] = []
  for (let i = 0; i < warmup + options.iterations; i++) {
    if (options.before !== undefined) await options.before(i)
    const start = performance.now()
    await run(i)
    const elapsed = performance.now() - start
    if (i >= warmup) durations.push(elapsed)
  }
  return summarise(durations)
}

/** Median and nearest-rank 95th percentile of a list of durations in milliseconds. */
export function summarise(durations: readonly number[]): Timing {
  if (durations.length === 0) throw new Error('summarise: no samples')
  const sorted = [...durations].sort((a, b) => a - b)
  const at = (index: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, index))] ?? Number.NaN
  const middle = Math.floor(sorted.length / 2)
  const medianMs = sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2
  const p95Ms = at(Math.ceil(0.95 * sorted.length) - 1)
  return { medianMs, p95Ms, samples: sorted.length }
}

/** Builds a table row from a measurement and its baseline. */
export function benchRow(
  name: string,
  timing: Timing,
  baselineName: string,
  baseline: Timing
): BenchRow {
  return {
    name,
    medianMs: timing.medianMs,
    p95Ms: timing.p95Ms,
    baselineName,
    baselineMedianMs: baseline.medianMs,
    baselineP95Ms: baseline.p95Ms,
    ratio: timing.medianMs / baseline.medianMs
  }
}

/** Columns a string takes in a terminal: CJK ideographs and kana are two wide. */
function displayWidth(text: string): number {
  let width = 0
  for (const character of text)
    width += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(
      character
    )
      ? 2
      : 1
  return width
}

function pad(text: string, width: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return side === 'left' ? fill + text : text + fill
}

/** Renders rows as a fixed-width text table: name, median, p95, baseline median and p95, ratio. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'benchmark',
    'median ms',
    'p95 ms',
    'baseline',
    'baseline median',
    'baseline p95',
    'ratio'
  ]
  const body = rows.map((row) => [
    row.name,
    row.medianMs.toFixed(3),
    row.p95Ms.toFixed(3),
    row.baselineName,
    row.baselineMedianMs.toFixed(3),
    row.baselineP95Ms.toFixed(3),
    `${row.ratio.toFixed(2)}x`
  ])
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...body.map((cells) => displayWidth(cells[column] ?? '')))
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        pad(cell, widths[column] ?? 0, column === 0 || column === 3 ? 'right' : 'left')
      )
      .join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join(
    '\n'
  )
}

/**
 * Runs `run` in a fresh temporary folder (under `BENCH_TMPDIR` when set, so
 * the disk can be chosen), removed afterwards whatever happens.
 */
export async function inBenchFolder<T>(
  prefix: string,
  run: (dir: string) => Promise<T>
): Promise<T> {
  const root = process.env.BENCH_TMPDIR ?? os.tmpdir()
  const dir = fs.mkdtempSync(path.join(root, `${prefix}-`))
  try {
    return await run(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * When the module at `moduleUrl` is the script being run (`npx tsx
 * tests/bench/queue.bench.ts`), runs its benchmarks and prints their table;
 * when it is imported (by run.ts), does nothing.
 */
export async function printWhenRunDirectly(
  moduleUrl: string,
  run: (log: (line: string) => void) => Promise<BenchRow[]>
): Promise<void> {
  const script = process.argv[1]
  if (script === undefined || moduleUrl !== pathToFileURL(script).href) return
  const rows = await run((line) => console.log(line))
  console.log(formatTable(rows))
}
