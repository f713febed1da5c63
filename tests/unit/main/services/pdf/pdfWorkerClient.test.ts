/**
 * The PDF worker thread for real (its TypeScript source, loaded through tsx):
 * summaries come back as PDF bytes from off the main thread, one worker serves
 * many, and a worker that dies or hangs is replaced for the next request.
 */
import { Worker } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createWorkerRenderer,
  type SummaryRenderer
} from '../../../../../electron/main/services/pdf/pdfWorkerClient'
import type { WorkerSetup } from '../../../../../electron/main/services/pdf/workerProtocol'
import { FONT_DIR, ROOT, chineseRecord, summaryInput, typicalRecord } from './summaryFixtures'
import { pdfPages } from './pdfBytes'

const WORKER = pathToFileURL(join(ROOT, 'electron/main/services/pdf/pdfWorker.ts')).href

/** Starts the worker from source: tsx registered in the thread, then the entry imported. */
function spawnFromSource(setup: WorkerSetup): Worker {
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}) })`
  return new Worker(bootstrap, { eval: true, workerData: setup })
}

let renderer: SummaryRenderer | null = null
afterEach(async () => {
  await renderer?.close()
  renderer = null
})

describe('the PDF worker', () => {
  it('renders summaries off the main thread, the same worker serving one after another', async () => {
    let spawned = 0
    renderer = createWorkerRenderer({
      spawn: () => {
        spawned += 1
        return spawnFromSource({ fontDir: FONT_DIR, timeZone: 'UTC' })
      }
    })
    const first = await renderer.render(summaryInput(typicalRecord()))
    const second = await renderer.render(summaryInput(chineseRecord()))
    expect(spawned).toBe(1)
    expect((await pdfPages(first)).join('\n')).toContain('Okafor, Maya')
    expect((await pdfPages(second)).join('\n')).toContain('王, 小明')
  }, 60_000)

  it('fails a request whose worker cannot start, and starts a fresh one for the next', async () => {
    let spawned = 0
    renderer = createWorkerRenderer({
      spawn: () => {
        spawned += 1
        return spawned === 1
          ? spawnFromSource({ fontDir: join(ROOT, 'no-such-fonts') })
          : spawnFromSource({ fontDir: FONT_DIR })
      }
    })
    await expect(renderer.render(summaryInput(typicalRecord()))).rejects.toThrow(
      /font|PDF worker stopped/i
    )
    const bytes = await renderer.render(summaryInput(typicalRecord()))
    expect(spawned).toBe(2)
    expect(bytes.length).toBeGreaterThan(1000)
  }, 60_000)

  it('stops a request that overruns its time limit', async () => {
    renderer = createWorkerRenderer({
      spawn: () => spawnFromSource({ fontDir: FONT_DIR }),
      timeoutMs: 1
    })
    await expect(renderer.render(summaryInput(typicalRecord()))).rejects.toThrow(/longer than 1 ms/)
  }, 60_000)
})
