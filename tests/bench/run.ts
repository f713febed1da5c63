/**
 * Every benchmark of `npm run bench`, printed as one table. Each row carries a
 * baseline measured in the same run, so the ratio column is what to compare
 * across machines and runs.
 */
import { formatTable, type BenchRow } from './harness'
import { runRendererBenchmarks } from './renderer.bench'
import { runPdfBenchmarks } from './pdf.bench'
import { runQueueBenchmarks } from './queue.bench'
import { runSearchBenchmarks } from './search.bench'
import { runStorageBenchmarks } from './storage.bench'

const rows: BenchRow[] = []
console.log('Storage (better-sqlite3, durable WAL, 100,000 intakes for the list)...')
rows.push(...(await runStorageBenchmarks((line) => console.log(`  ${line}`))))
console.log("Queue (the clinician's first page, 100,000 intakes with triage decisions)...")
rows.push(...(await runQueueBenchmarks((line) => console.log(`  ${line}`))))
console.log('Search (FTS5 against LIKE in the same run, 100,000 intakes with free text)...')
rows.push(...(await runSearchBenchmarks((line) => console.log(`  ${line}`))))
console.log('Renderer (built app in Chromium over the web transport)...')
rows.push(...(await runRendererBenchmarks((line) => console.log(`  ${line}`))))
console.log('PDF summary (built pdfmake worker vs Chromium page.pdf() of the same content)...')
rows.push(...(await runPdfBenchmarks((line) => console.log(`  ${line}`))))
console.log()
console.log(formatTable(rows))
