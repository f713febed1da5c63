/**
 * Every benchmark of `npm run bench`, printed as one table. Each row carries a
 * baseline measured in the same run, so the ratio column is what to compare
 * across machines and runs. Names given on the command line run only those
 * benchmarks (`npm run bench -- queue record`).
 */
import { formatTable, type BenchRow } from './harness'
import { runPdfBenchmarks } from './pdf.bench'
import { runQueueBenchmarks } from './queue.bench'
import { runRecordBenchmarks } from './record.bench'
import { runRendererBenchmarks } from './renderer.bench'
import { runSearchBenchmarks } from './search.bench'
import { runStorageBenchmarks } from './storage.bench'

type Log = (line: string) => void

const BENCHMARKS: ReadonlyArray<readonly [string, string, (log: Log) => Promise<BenchRow[]>]> = [
  [
    'storage',
    'Storage (better-sqlite3, durable WAL, 100,000 intakes for the list)',
    runStorageBenchmarks
  ],
  [
    'queue',
    "Queue (the clinician's first page, 100,000 intakes with triage decisions)",
    runQueueBenchmarks
  ],
  [
    'search',
    'Search (FTS5 against LIKE in the same run, 100,000 intakes with free text)',
    runSearchBenchmarks
  ],
  [
    'record',
    'Record (getIntake through the main-process core to the renderer store, 100,000 intakes)',
    runRecordBenchmarks
  ],
  ['renderer', 'Renderer (built app in Chromium over the web transport)', runRendererBenchmarks],
  [
    'pdf',
    'PDF summary (built pdfmake worker vs Chromium page.pdf() of the same content)',
    runPdfBenchmarks
  ]
]

const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !BENCHMARKS.some(([known]) => known === name))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map(([name]) => name).join(', ')}.`
  )
  process.exit(2)
}

const rows: BenchRow[] = []
for (const [name, title, run] of BENCHMARKS) {
  if (chosen.length > 0 && !chosen.includes(name)) continue
  console.log(`${title}...`)
  rows.push(...(await run((line) => console.log(`  ${line}`))))
}
console.log()
console.log(formatTable(rows))
