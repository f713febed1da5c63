/**
 * Renderer benchmarks in Debian's Chromium over the web transport (the built
 * renderer, real SQLite behind it):
 * - keystroke to next paint while typing on the longest text step and while
 *   answering the longest step (the safety questions) with the keyboard;
 * - navigation to an interactive first step of an intake;
 * - the renderer's initial JavaScript, gzipped.
 * Each is set against a baseline taken in the same run: the same measurement
 * on a bare page, or, for size, the Vue runtime alone.
 */
import { chromium, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser'
import { launchWebApp, RENDERER_DIR, WEB_ORIGIN } from '../support/webApp'
import { benchRow, summarise, type BenchRow } from './harness'

const BLANK_PAGE = `<!doctype html><html><body><textarea id="t"></textarea>
<fieldset id="g"><legend>q</legend><label><input type="radio" name="r" value="a">a</label><label><input type="radio" name="r" value="b">b</label></fieldset>
<script type="module">document.body.insertAdjacentHTML('beforeend', '<p id="ready">ready</p>')</script></body></html>`

/** In-page probe: time from keydown to the first task after the next frame is painted. */
function installPaintProbe(): void {
  const samples: number[] = []
  ;(window as unknown as { __paintSamples: number[] }).__paintSamples = samples
  window.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp
      requestAnimationFrame(() => {
        setTimeout(() => samples.push(performance.now() - start), 0)
      })
    },
    { capture: true }
  )
}

async function typingSamples(page: Page, keys: readonly string[]): Promise<number[]> {
  await page.evaluate(installPaintProbe)
  for (const key of keys) {
    await page.keyboard.press(key)
    await page.waitForTimeout(25)
  }
  await page.waitForTimeout(100)
  return page.evaluate(() => (window as unknown as { __paintSamples: number[] }).__paintSamples)
}

/** Time from navigation start until `selector` exists and is enabled, measured in the page. */
async function timeToInteractive(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url)
  const handle = await page.waitForFunction(
    (sel) => {
      const element = document.querySelector<HTMLInputElement>(sel)
      return element && !element.disabled ? performance.now() : null
    },
    selector,
    { polling: 'raf' }
  )
  return (await handle.jsonValue()) as number
}

function initialScripts(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? ''
  )
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(RENDERER_DIR, file)), { level: 9 }).length,
    0
  )
  return { files, gzipBytes }
}

export async function runRendererBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  const executablePath = findChromium()
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS]
  })
  const dataDir = mkdtempSync(join(tmpdir(), 'renderer-bench-'))
  const rows: BenchRow[] = []
  try {
    const app = await launchWebApp(browser, dataDir)
    const page = app.page
    await app.context.route(`${WEB_ORIGIN}/blank.html**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: BLANK_PAGE })
    )

    const created = await page.evaluate(() =>
      window.api.createDraft({ answers: {}, entryMode: 'staff' })
    )
    if (!created.ok) throw new Error(created.error.message)
    const intakeUrl = `${WEB_ORIGIN}/index.html#/intake/${created.value.id}`

    // Baselines: the same probes on a bare page in the same browser.
    await page.goto(`${WEB_ORIGIN}/blank.html`)
    await page.focus('#t')
    const keys = Array.from({ length: 80 }, (_, index) => 'abcdefghij'[index % 10] ?? 'a')
    const bareTyping = summarise(await typingSamples(page, keys))
    await page.focus('#g input')
    const arrows = Array.from({ length: 40 }, (_, index) =>
      index % 2 === 0 ? 'ArrowDown' : 'ArrowUp'
    )
    const bareRadio = summarise(await typingSamples(page, arrows))

    // Longest text step: health history (eleven questions, three text areas).
    await page.goto(`${intakeUrl}?step=history`)
    await page.locator('#item-history-medications').focus()
    const historyTyping = summarise(await typingSamples(page, keys))
    rows.push(
      benchRow(
        'keystroke to paint, typing (history step)',
        historyTyping,
        'same probe, bare textarea',
        bareTyping
      )
    )

    // Longest step: nineteen safety questions, answered with the arrow keys (re-evaluates every time).
    await page.goto(`${intakeUrl}?step=safety`)
    await page.locator('[data-item="rf.bladder"] input').first().focus()
    const safetyKeys = summarise(
      await typingSamples(
        page,
        arrows.map((key) => (key === 'ArrowDown' ? 'ArrowRight' : 'ArrowLeft'))
      )
    )
    rows.push(
      benchRow(
        'keystroke to paint, answering (safety step)',
        safetyKeys,
        'same probe, bare radios',
        bareRadio
      )
    )

    const bare: number[] = []
    const first: number[] = []
    for (let run = 0; run < 12; run += 1) {
      bare.push(await timeToInteractive(page, `${WEB_ORIGIN}/blank.html?${run}`, '#ready'))
      first.push(
        await timeToInteractive(
          page,
          `${intakeUrl.replace('index.html', `index.html?${run}`)}`,
          '#item-patient-givenName'
        )
      )
    }
    rows.push(
      benchRow(
        'navigation to interactive first step',
        summarise(first),
        'bare page with a module script',
        summarise(bare)
      )
    )
    await app.close()

    const scripts = initialScripts()
    const require = createRequire(import.meta.url)
    const vueRuntime = gzipSync(
      readFileSync(require.resolve('vue/dist/vue.runtime.esm-browser.prod.js')),
      { level: 9 }
    ).length
    const joined = scripts.files
      .map((file) => readFileSync(join(RENDERER_DIR, file), 'utf8'))
      .join('\n')
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
    log(`initial renderer JS: ${scripts.files.join(', ')}`)
    log(
      `initial renderer JS gzipped: ${kb(scripts.gzipBytes)} KB (budget 250 KB); Vue runtime alone: ${kb(vueRuntime)} KB`
    )
    log(
      `pdfmake in the renderer: ${/pdfmake/i.test(joined) ? 'YES' : 'no'}; fonts: ${/\.(ttf|woff2?)\b/.test(joined) ? 'YES' : 'no'}`
    )
    rows.push({
      name: 'initial renderer JS gzipped (KB)',
      medianMs: kb(scripts.gzipBytes),
      p95Ms: kb(scripts.gzipBytes),
      baselineName: 'Vue runtime alone, gzipped (KB)',
      baselineMedianMs: kb(vueRuntime),
      baselineP95Ms: kb(vueRuntime),
      ratio: scripts.gzipBytes / vueRuntime
    })
  } finally {
    await browser.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}
