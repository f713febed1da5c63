/**
 * The PDF worker: a worker thread (its own electron-vite entry, out/main/pdfWorker.js)
 * that lays out and renders summaries, so the main process, and with it the
 * window, never stalls on a PDF. One request at a time; each answer carries
 * the request's number.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createSummaryRenderer } from './renderSummary'
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol'

const port = parentPort
if (port === null) throw new Error('pdfWorker.ts runs only as a worker thread.')
const setup = workerData as WorkerSetup
const render = createSummaryRenderer({
  fontDir: setup.fontDir,
  ...(setup.timeZone ? { timeZone: setup.timeZone } : {})
})

port.on('message', (request: WorkerRequest) => {
  render(request.input).then(
    (bytes) => {
      const reply: WorkerReply = { id: request.id, ok: true, bytes }
      port.postMessage(reply, [bytes.buffer])
    },
    (error: unknown) => {
      const reply: WorkerReply = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error)
      }
      port.postMessage(reply)
    }
  )
})
