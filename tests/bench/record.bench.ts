/**
 * Opening a record with 100,000 intakes (aim: at most 50 ms to the data in
 * the renderer): from the record screen's store asking for an intake
 * (`useIntakeRecordStore().load(id)`, src/stores/intakeRecord.ts, run for
 * real under Pinia in this process) to the record being in that store,
 * through the main-process core the desktop app and the web end-to-end
 * fixture both build (electron/main/appCore.ts): the dispatcher (the caller's
 * role checked, the arguments parsed), the `getIntake` handler (the row read
 * and checked, its triage versions, the "intake viewed" audit entry written
 * durably), and back.
 *
 * What is not real: the IPC hop. Without Electron there is no second
 * process, so in its place the arguments and the answer are each copied
 * with `structuredClone`, the algorithm Electron's IPC serialises with: the
 * cost of the copies is in the figure, the message passing between
 * processes is not. The background integrity check and daily backup are
 * off, as in the unit tests, so they do not run during the measurement.
 *
 * Set against a primary-key read of one row in the same run, with a second
 * row that says where the time goes: the dispatcher alone (no copies, no
 * store). The record carries the patient's other visits, so opening it is
 * one call.
 *
 * Run: `npx tsx tests/bench/record.bench.ts` or `npm run bench -- record`.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { API_METHODS, type AppApi } from '../../src/domain'
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from '../../electron/main/appCore'
import { signInOverCore } from '../support/webApp'
import {
  benchRow,
  inBenchFolder,
  measure,
  printWhenRunDirectly,
  summarise,
  type BenchRow
} from './harness'
import {
  INTAKE_COUNT,
  openSeededDatabase,
  PRIMARY_KEY_BASELINE,
  seededIntakeId,
  seededRandom
} from './seed'

/** Records opened per measurement, after as many untimed ones. */
const OPENS = 300
const WARMUP = 30

/**
 * `window.api` as the preload builds it (one function per contract method),
 * over the core, with each argument and each answer copied as IPC copies them.
 */
function apiOver(core: AppCore): AppApi {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (args: unknown) => structuredClone(await core.dispatch(method, structuredClone(args)))
    ])
  )
  // Nothing is pushed from the main process during this benchmark.
  return { ...methods, on: () => () => undefined } as unknown as AppApi
}

/** The renderer's record store over `api`, loaded as the renderer loads it (production Vue and Pinia). */
async function recordStoreOver(api: AppApi) {
  const host = globalThis as { window?: unknown }
  const previousEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  // src/api.ts reads window.api once, when first imported.
  host.window = { api }
  try {
    const { createPinia, setActivePinia } = await import('pinia')
    const { watch } = await import('vue')
    const { useIntakeRecordStore } = await import('../../src/stores/intakeRecord')
    setActivePinia(createPinia())
    return { store: useIntakeRecordStore(), watch }
  } finally {
    // Later benchmarks (Playwright among them) must not take this process for a browser.
    delete host.window
    if (previousEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previousEnv
  }
}

/** Runs the record benchmark in a fresh temporary folder and returns the table rows. */
export function runRecordBenchmarks(
  log: (line: string) => void = () => undefined
): Promise<BenchRow[]> {
  return inBenchFolder('record-bench', async (dir) => {
    // Seeded where the core looks for its database; closed before the core opens it.
    const { db, baseline, note } = await openSeededDatabase(path.join(dir, DATABASE_FILE_NAME))
    db.close()
    log(note)

    const core = await createAppCore({
      dataDir: dir,
      version: 'bench',
      transport: 'web',
      background: false
    })
    try {
      await signInOverCore(core)
      const { store, watch } = await recordStoreOver(apiOver(core))
      // The moment the record is in the store, to the microsecond: a synchronous watcher.
      let arrivedAt = 0
      watch(
        () => store.record,
        (record) => {
          if (record !== null) arrivedAt = performance.now()
        },
        { flush: 'sync' }
      )

      // A different intake each time, anywhere in the three years.
      const random = seededRandom(31)
      const nextId = (): string => seededIntakeId(Math.floor(random() * INTAKE_COUNT))
      const toData: number[] = []
      let bytes = 0
      for (let i = 0; i < WARMUP + OPENS; i++) {
        const id = nextId()
        const start = performance.now()
        await store.load(id)
        if (store.record?.id !== id) throw new Error(`record ${id} did not open: ${store.error}`)
        if (i < WARMUP) continue
        toData.push(arrivedAt - start)
        bytes += JSON.stringify(store.record).length
      }
      const dispatchOnly = await measure(() => core.dispatch('getIntake', { id: nextId() }), {
        iterations: OPENS,
        warmup: WARMUP
      })

      const opened = summarise(toData)
      log(
        `open a record: p95 ${opened.p95Ms.toFixed(2)} ms to the data in the store (aim: at most 50 ms), ` +
          `median ${opened.medianMs.toFixed(2)} ms; records of ${Math.round(bytes / OPENS)} bytes as JSON on average`
      )
      return [
        benchRow(
          'open a record: getIntake to the renderer store',
          opened,
          PRIMARY_KEY_BASELINE,
          baseline
        ),
        benchRow(
          '  getIntake through the dispatcher alone',
          dispatchOnly,
          PRIMARY_KEY_BASELINE,
          baseline
        )
      ]
    } finally {
      core.close()
    }
  })
}

await printWhenRunDirectly(import.meta.url, runRecordBenchmarks)
