/**
 * The integrity worker: a worker thread (its own electron-vite entry,
 * out/main/integrityWorker.js) that runs SQLite's full `PRAGMA integrity_check`
 * on a database file and posts back what it found. A full check reads every
 * page and every index and takes seconds on a large database, so it never runs
 * on the main thread, where it would freeze the window.
 *
 * It opens its own read-only connection: in WAL mode it reads a consistent
 * snapshot while the app goes on saving, and it can change nothing.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import {
  MAX_REPORTED_PROBLEMS,
  type IntegrityWorkerJob,
  type IntegrityWorkerReply
} from './integrityProtocol'

const port = parentPort
if (port === null) throw new Error('integrityWorker.ts runs only as a worker thread.')
const job = workerData as IntegrityWorkerJob

port.postMessage(check(job))

function check({ databasePath, nativeBinding }: IntegrityWorkerJob): IntegrityWorkerReply {
  let db: Database.Database
  try {
    db = new Database(databasePath, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding === undefined ? {} : { nativeBinding })
    })
  } catch (error) {
    return failure(error)
  }
  try {
    // The argument caps the rows SQLite reports: a badly damaged file could
    // otherwise produce one line per broken cell.
    const rows: unknown = db.pragma(`integrity_check(${MAX_REPORTED_PROBLEMS})`)
    const lines = problemLines(rows)
    const ok = lines.length === 1 && lines[0] === 'ok'
    return { kind: 'result', ok, problems: ok ? [] : lines.slice(0, MAX_REPORTED_PROBLEMS) }
  } catch (error) {
    return failure(error)
  } finally {
    db.close()
  }
}

/** `integrity_check` answers one row per line, in a column named after the pragma. */
function problemLines(rows: unknown): string[] {
  if (!Array.isArray(rows)) return ['The check returned no answer.']
  return rows.map((row: unknown) => {
    if (typeof row === 'object' && row !== null && 'integrity_check' in row) {
      return String(row.integrity_check)
    }
    return String(row)
  })
}

/**
 * SQLite saying the file is damaged (or not a database) while opening or
 * checking it is itself the check's answer; anything else (the file is gone,
 * locked, unreadable) means the check could not run.
 */
function failure(error: unknown): IntegrityWorkerReply {
  const code = errorCode(error)
  const message = error instanceof Error ? error.message : String(error)
  if (code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
    return { kind: 'result', ok: false, problems: [message] }
  }
  return { kind: 'error', message, ...(code === undefined ? {} : { code }) }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
