/**
 * The main process's side of the PDF worker: one worker thread, started on
 * the first summary and kept while summaries keep coming (its fonts and
 * shaped words stay warm), ended after a quiet spell. A worker that crashes or
 * overruns its time limit is ended and the next request starts a fresh one.
 */
import type { Worker } from 'node:worker_threads'
import type { SummaryInput } from './summaryDocument'
import type { WorkerReply, WorkerRequest } from './workerProtocol'

export interface SummaryRenderer {
  /** The summary's PDF bytes, rendered off the main thread. */
  render(input: SummaryInput): Promise<Uint8Array>
  /** Ends the worker (pending requests fail). */
  close(): Promise<void>
}

export interface WorkerClientOptions {
  /** Starts a worker running pdfWorker (the app passes `new Worker(out/main/pdfWorker.js)`). */
  readonly spawn: () => Worker
  /** A request that takes longer ends the worker (hostile input must not hang the app). */
  readonly timeoutMs?: number
  /** The worker is ended after this long with nothing to do, to give its memory back. */
  readonly idleMs?: number
}

interface Pending {
  readonly resolve: (bytes: Uint8Array) => void
  readonly reject: (error: Error) => void
  readonly timer: ReturnType<typeof setTimeout>
}

/** A renderer backed by one worker thread that `spawn` starts when needed. */
export function createWorkerRenderer(options: WorkerClientOptions): SummaryRenderer {
  const timeoutMs = options.timeoutMs ?? 60_000
  const idleMs = options.idleMs ?? 5 * 60_000
  let worker: Worker | null = null
  let nextId = 1
  let idleTimer: ReturnType<typeof setTimeout> | null = null
  const pending = new Map<number, Pending>()

  const failAll = (error: Error): void => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer)
      request.reject(error)
      pending.delete(id)
    }
  }

  const stop = async (): Promise<void> => {
    const current = worker
    worker = null
    if (current !== null) await current.terminate()
  }

  const scheduleIdle = (): void => {
    if (idleTimer !== null) clearTimeout(idleTimer)
    idleTimer = null
    if (pending.size > 0) return
    idleTimer = setTimeout(() => void stop(), idleMs)
    // A quiet worker must never keep the process alive on its own.
    idleTimer.unref()
  }

  const ensureWorker = (): Worker => {
    if (worker !== null) return worker
    const started = options.spawn()
    started.on('message', (reply: WorkerReply) => {
      const request = pending.get(reply.id)
      if (request === undefined) return
      pending.delete(reply.id)
      clearTimeout(request.timer)
      if (reply.ok) request.resolve(reply.bytes)
      else request.reject(new Error(reply.message))
      scheduleIdle()
    })
    // Only the current worker's end fails what is pending: an old worker's late
    // 'exit' must not fail requests a fresh worker is already serving.
    started.on('error', (error: Error) => {
      if (worker !== started) return
      worker = null
      failAll(error)
    })
    started.on('exit', (code) => {
      if (worker !== started) return
      worker = null
      failAll(new Error(`The PDF worker stopped (exit code ${code}).`))
    })
    worker = started
    return started
  }

  return {
    render(input) {
      if (idleTimer !== null) clearTimeout(idleTimer)
      const target = ensureWorker()
      const id = nextId++
      return new Promise<Uint8Array>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          reject(new Error(`The PDF took longer than ${timeoutMs} ms and was stopped.`))
          // The worker may be stuck in a layout loop: a fresh one serves the next request.
          failAll(new Error('The PDF worker was restarted.'))
          void stop()
        }, timeoutMs)
        pending.set(id, { resolve, reject, timer })
        const request: WorkerRequest = { id, input }
        target.postMessage(request)
      })
    },
    async close() {
      if (idleTimer !== null) clearTimeout(idleTimer)
      failAll(new Error('The PDF renderer was closed.'))
      await stop()
    }
  }
}
