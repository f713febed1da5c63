/**
 * Runs SQLite's full integrity check in a worker thread (integrityWorker.ts),
 * so a check of a large database never freezes the window. One worker per
 * check: checks are rare (one after each start, and on request), so nothing is
 * gained by keeping a thread and its connection alive between them.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { IntegrityWorkerJob, IntegrityWorkerReply } from './integrityProtocol'

export { MAX_REPORTED_PROBLEMS } from './integrityProtocol'

/** What the check found: `ok`, or the first problems SQLite reported (at most 20). */
export interface IntegrityResult {
  readonly ok: boolean
  readonly problems: readonly string[]
}

export interface IntegrityCheckOptions {
  /**
   * The worker's entry: the built out/main/integrityWorker.js in the app, or
   * the TypeScript source (loaded through tsx, a development dependency) when
   * running from a checkout, as the tests do.
   */
  readonly workerFile: string
  /** A better-sqlite3 binary built for this runtime (Electron), when it is not the default one. */
  readonly nativeBinding?: string
  /** A check still running after this long is stopped and reported as not run. */
  readonly timeoutMs?: number
}

/**
 * The check could not run (the file is missing or locked, the worker could
 * not start, it overran its time): this says nothing about the data.
 */
export class IntegrityCheckError extends Error {
  override readonly name = 'IntegrityCheckError'
}

/**
 * Generous: a full check reads the whole file, about a minute per few GB on a
 * slow disk. Its only job is to stop a worker that hangs for good.
 */
const DEFAULT_TIMEOUT_MS = 30 * 60_000

/**
 * Checks the database at `databasePath` from a worker thread.
 *
 * @returns `{ ok: true }` or the problems found; a file SQLite finds damaged
 *   while opening it counts as a failed check, not as an error
 * @throws {IntegrityCheckError} when the check could not run at all
 */
export function checkIntegrityInWorker(
  databasePath: string,
  options: IntegrityCheckOptions
): Promise<IntegrityResult> {
  const job: IntegrityWorkerJob = {
    databasePath,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding })
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise<IntegrityResult>((resolvePromise, reject) => {
    let worker: Worker
    try {
      worker = startWorker(options.workerFile, job)
    } catch (error) {
      reject(new IntegrityCheckError('The integrity check could not start.', { cause: error }))
      return
    }
    // A check in progress must never keep the app from quitting.
    worker.unref()
    let settled = false
    const settle = (outcome: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      outcome()
    }
    const timer = setTimeout(() => {
      settle(() =>
        reject(new IntegrityCheckError(`The integrity check took longer than ${timeoutMs} ms.`))
      )
      void worker.terminate()
    }, timeoutMs)
    timer.unref()
    worker.once('message', (reply: IntegrityWorkerReply) => {
      settle(() => {
        if (reply.kind === 'result') resolvePromise({ ok: reply.ok, problems: reply.problems })
        else reject(new IntegrityCheckError(`The integrity check could not run: ${reply.message}`))
      })
    })
    worker.once('error', (error: Error) => {
      settle(() =>
        reject(new IntegrityCheckError('The integrity check failed to run.', { cause: error }))
      )
    })
    worker.once('exit', (code) => {
      settle(() =>
        reject(new IntegrityCheckError(`The integrity check stopped (exit code ${code}).`))
      )
    })
  })
}

/**
 * Starts the worker. A `.ts` entry is the source in a checkout: tsx is
 * registered inside the thread first (as the PDF worker's tests do), which is
 * never the case in the packaged app, whose entry is built JavaScript.
 */
function startWorker(workerFile: string, job: IntegrityWorkerJob): Worker {
  if (workerFile.endsWith('.ts')) {
    const url = JSON.stringify(pathToFileURL(workerFile).href)
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}) })`
    return new Worker(bootstrap, { eval: true, workerData: job })
  }
  return new Worker(workerFile, { workerData: job })
}

/**
 * The worker beside this module when running from source (tests, tsx), else
 * the build's out/main/integrityWorker.js: in the build this module is
 * bundled into out/main, so the root is what comes before the last `out`.
 */
export function defaultIntegrityWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const source = join(here, 'integrityWorker.ts')
  if (existsSync(source)) return source
  const parts = here.split(/[\\/]/)
  const outAt = parts.lastIndexOf('out')
  const root = outAt >= 0 ? parts.slice(0, outAt).join('/') || '/' : here
  return join(resolve(root), 'out', 'main', 'integrityWorker.js')
}
