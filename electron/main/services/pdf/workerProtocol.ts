/** Messages between the main process and the PDF worker (plain, structured-cloneable data). */
import type { SummaryInput } from './summaryDocument'

/** Given to the worker when it starts (`workerData`). */
export interface WorkerSetup {
  readonly fontDir: string
  readonly timeZone?: string
}

export interface WorkerRequest {
  readonly id: number
  readonly input: SummaryInput
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string }
