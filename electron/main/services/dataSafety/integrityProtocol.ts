/** Messages between the main process and the integrity worker (plain, structured-cloneable data). */

/** At most this many problem lines come back from one check (SQLite's own cap). */
export const MAX_REPORTED_PROBLEMS = 20

/** Given to the worker when it starts (`workerData`). */
export interface IntegrityWorkerJob {
  readonly databasePath: string
  /** A better-sqlite3 binary built for this runtime (Electron), when it is not the default one. */
  readonly nativeBinding?: string
}

export type IntegrityWorkerReply =
  /** The check ran: `ok`, or the first problems SQLite found. */
  | { readonly kind: 'result'; readonly ok: boolean; readonly problems: readonly string[] }
  /** The check could not run (file missing, locked, unreadable): no verdict on the data. */
  | { readonly kind: 'error'; readonly message: string; readonly code?: string }
