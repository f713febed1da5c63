/**
 * PDF summary benchmarks: a typical and a complex summary rendered by the
 * built PDF worker (out/main/pdfWorker.js, as the app runs it, timed from the
 * main thread so the message passing counts), warm and cold (the first
 * summary of a freshly started worker, its start included), against
 * Chromium's page.pdf() of an HTML page with the same content (the same
 * record, the same drawings) in the same run: warm on an open page, cold the
 * first PDF of a freshly launched browser. Then 200 summaries in a row, and
 * how much the memory of the process hosting the worker grew.
 */
import { chromium, type Browser } from '@playwright/test'
import { Worker } from 'node:worker_threads'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser'
import { ROOT } from '../support/webApp'
import {
  createWorkerRenderer,
  type SummaryRenderer
} from '../../electron/main/services/pdf/pdfWorkerClient'
import { loadFontCoverage } from '../../electron/main/services/pdf/fonts'
import {
  buildSummaryDocument,
  type SummaryInput
} from '../../electron/main/services/pdf/summaryDocument'
import {
  FONT_DIR,
  complexRecord,
  summaryInput,
  typicalRecord
} from '../unit/main/services/pdf/summaryFixtures'
import { benchRow, summarise, type BenchRow } from './harness'

const WORKER_FILE = join(ROOT, 'out', 'main', 'pdfWorker.js')
const WARM_RUNS = 40
const COLD_RUNS = 5
const IN_A_ROW = 200

function startRenderer(): SummaryRenderer {
  return createWorkerRenderer({
    spawn: () => new Worker(WORKER_FILE, { workerData: { fontDir: FONT_DIR } })
  })
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * The same summary as HTML: every text node, table and drawing of the
 * document definition, styled like it (Noto Sans from the same files, 9 pt,
 * A4, a black-bordered red-flag box), so Chromium lays out the same content.
 */
function summaryHtml(definition: TDocumentDefinitions): string {
  const render = (node: unknown): string => {
    if (typeof node === 'string') return escapeHtml(node)
    if (Array.isArray(node)) return node.map(render).join('')
    if (typeof node !== 'object' || node === null) return ''
    const item = node as Record<string, unknown>
    if (typeof item['svg'] === 'string') {
      const width = typeof item['width'] === 'number' ? item['width'] : 66
      return `<span style="display:inline-block;width:${width}pt">${item['svg'].replace('<svg ', '<svg style="width:100%;height:auto" ')}</span>`
    }
    if (item['table'] !== undefined) {
      const table = item['table'] as { body: unknown[][] }
      return `<table>${table.body.map((row) => `<tr>${row.map((cell) => `<td>${render(cell)}</td>`).join('')}</tr>`).join('')}</table>`
    }
    if (item['columns'] !== undefined)
      return `<div style="display:flex;gap:10pt">${(item['columns'] as unknown[]).map((column) => `<div>${render(column)}</div>`).join('')}</div>`
    if (item['ul'] !== undefined)
      return `<ul>${(item['ul'] as unknown[]).map((entry) => `<li>${render(entry)}</li>`).join('')}</ul>`
    if (item['stack'] !== undefined) return `<div>${render(item['stack'])}</div>`
    if (item['text'] !== undefined) {
      const style = [
        item['bold'] ? 'font-weight:700' : '',
        item['italics'] ? 'font-style:italic' : ''
      ].join(';')
      const tag = Array.isArray(item['style']) && item['style'].includes('heading') ? 'h2' : 'div'
      return `<${tag} style="${style}">${render(item['text'])}</${tag}>`
    }
    return ''
  }
  const fonts = (['Regular', 'Bold', 'Italic'] as const)
    .map(
      (face) =>
        `@font-face{font-family:NotoSans;src:url(${pathToFileURL(join(FONT_DIR, `NotoSans-${face}.ttf`)).href});${face === 'Bold' ? 'font-weight:700;' : ''}${face === 'Italic' ? 'font-style:italic;' : ''}}`
    )
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><style>${fonts}
@font-face{font-family:NotoSansSC;src:url(${pathToFileURL(join(FONT_DIR, 'NotoSansSC-Regular.ttf')).href})}
@page{size:A4;margin:36pt 40pt 44pt}
body{font:9pt/1.12 NotoSans,NotoSansSC}h2{font-size:11pt;margin:9pt 0 3pt}
table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:0 4pt 2pt 0}
td:first-child{width:118pt;font-weight:700;color:#333}
</style></head><body>${render(definition.content)}
<footer style="font-size:7.5pt">Confidential patient information</footer></body></html>`
}

/** The HTML as a file, so Chromium may load the fonts beside it from disk, as our worker does. */
function htmlFile(name: string, html: string): string {
  const folder = join(tmpdir(), 'back-intake-pdf-bench')
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `${name}.html`)
  writeFileSync(file, html)
  return pathToFileURL(file).href
}

async function chromiumPdf(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage()
  try {
    const start = performance.now()
    await page.goto(url, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      footerTemplate:
        '<div style="font-size:7pt;width:100%;text-align:right;padding-right:40pt">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      headerTemplate: '<span></span>'
    })
    return performance.now() - start
  } finally {
    await page.close()
  }
}

function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, '--allow-file-access-from-files']
  })
}

export async function runPdfBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  const cases: ReadonlyArray<readonly [string, SummaryInput]> = [
    ['typical', summaryInput(typicalRecord())],
    ['complex', summaryInput(complexRecord())]
  ]
  const coverage = loadFontCoverage(FONT_DIR)
  const rows: BenchRow[] = []

  // Cold: a fresh worker (or browser) per run, its first summary timed with its start.
  for (const [name, input] of cases) {
    const ours: number[] = []
    const theirs: number[] = []
    const html = htmlFile(name, summaryHtml(buildSummaryDocument(input, { coverage })))
    for (let run = 0; run < COLD_RUNS; run++) {
      const start = performance.now()
      const renderer = startRenderer()
      await renderer.render(input)
      ours.push(performance.now() - start)
      await renderer.close()
      const launched = performance.now()
      const browser = await launchChromium()
      const pdfMs = await chromiumPdf(browser, html)
      theirs.push(performance.now() - launched)
      log(
        `cold ${name} #${run + 1}: pdfmake worker ${ours.at(-1)?.toFixed(0)} ms; Chromium launch + page.pdf ${theirs.at(-1)?.toFixed(0)} ms (page.pdf alone ${pdfMs.toFixed(0)} ms)`
      )
      await browser.close()
    }
    rows.push(
      benchRow(
        `PDF summary, ${name}, cold (worker start + first)`,
        summarise(ours),
        'Chromium launch + first page.pdf()',
        summarise(theirs)
      )
    )
  }

  // Warm: one worker and one browser, both already used.
  const renderer = startRenderer()
  const browser = await launchChromium()
  try {
    for (const [name, input] of cases) {
      const html = htmlFile(name, summaryHtml(buildSummaryDocument(input, { coverage })))
      for (let run = 0; run < 5; run++) {
        await renderer.render(input)
        await chromiumPdf(browser, html)
      }
      const ours: number[] = []
      const theirs: number[] = []
      for (let run = 0; run < WARM_RUNS; run++) {
        const start = performance.now()
        await renderer.render(input)
        ours.push(performance.now() - start)
        theirs.push(await chromiumPdf(browser, html))
      }
      rows.push(
        benchRow(
          `PDF summary, ${name}, warm`,
          summarise(ours),
          'Chromium page.pdf(), same content, warm',
          summarise(theirs)
        )
      )
    }

    // 200 in a row: the memory of the process that hosts the worker thread.
    const input = cases[0]?.[1]
    if (input !== undefined) {
      const before = process.memoryUsage().rss
      const times: number[] = []
      for (let run = 0; run < IN_A_ROW; run++) {
        const start = performance.now()
        await renderer.render(input)
        times.push(performance.now() - start)
      }
      const after = process.memoryUsage().rss
      const timing = summarise(times)
      log(
        `${IN_A_ROW} typical summaries in a row: median ${timing.medianMs.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms; ` +
          `process memory (RSS, main thread + PDF worker) ${(before / 2 ** 20).toFixed(0)} MB -> ${(after / 2 ** 20).toFixed(0)} MB: growth ${((after - before) / 2 ** 20).toFixed(1)} MB`
      )
    }
  } finally {
    await renderer.close()
    await browser.close()
  }
  return rows
}
