/**
 * The full integrity check in its worker thread (started from source through
 * tsx): it passes a healthy database the app is writing to, names the
 * problems of a damaged one, and never changes the database's bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkIntegrityInWorker,
  defaultIntegrityWorkerFile,
  IntegrityCheckError
} from '../../../../../electron/main/services/dataSafety/integrityCheck'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import {
  damagePage,
  INTEGRITY_WORKER,
  pagesOf,
  seededRandom,
  sha256File,
  writeIntakes
} from '../../support/dataSafetyFixtures'
import { steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('integrity-check')

/** A closed database of `count` intakes written through the service. */
async function database(count: number): Promise<string> {
  const file = path.join(tempDir(), 'back-intake.sqlite3')
  const db = openDatabase(file)
  const service = createSqliteIntakeService(db, { now: steppingClock().now })
  await writeIntakes(service, count, seededRandom(7))
  db.close()
  return file
}

describe('checkIntegrityInWorker', () => {
  it('passes a healthy database while the app keeps saving to it', async () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    const db = openDatabase(file)
    const service = createSqliteIntakeService(db, { now: steppingClock().now })
    await writeIntakes(service, 30, seededRandom(1))
    const check = checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })
    // Saves go on while the worker reads its own snapshot.
    await writeIntakes(service, 10, seededRandom(2))
    expect(await check).toEqual({ ok: true, problems: [] })
    db.close()
  }, 30_000)

  it('reports a damaged index page, which only a check that reads every index finds', async () => {
    const file = await database(60)
    const page = pagesOf(file, 'intakes_updated').at(-1)
    expect(page).toBeDefined()
    damagePage(file, page ?? 0, Buffer.alloc(4096, 0x5a))
    const before = sha256File(file)

    const result = await checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })
    expect(result.ok).toBe(false)
    expect(result.problems.length).toBeGreaterThan(0)
    expect(result.problems.length).toBeLessThanOrEqual(20)
    // Read-only: the database's bytes are as they were.
    expect(sha256File(file)).toBe(before)
  }, 30_000)

  it('reports a zeroed page of the intakes table', async () => {
    const file = await database(40)
    const tablePages = pagesOf(file, 'intakes')
    damagePage(file, tablePages[Math.floor(tablePages.length / 2)] ?? 0)

    const result = await checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })
    expect(result.ok).toBe(false)
    expect(result.problems.join('\n')).toMatch(/malformed|page|row|index|missing|wrong/i)
  }, 30_000)

  it('reports a file that is not a database as a failed check', async () => {
    const file = path.join(tempDir(), 'back-intake.sqlite3')
    fs.writeFileSync(file, Buffer.alloc(8192, 7))
    const result = await checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })
    expect(result.ok).toBe(false)
    expect(result.problems[0]).toMatch(/not a database/i)
  }, 30_000)

  it('says the check could not run, rather than that the data is damaged, when the file is missing', async () => {
    const file = path.join(tempDir(), 'missing.sqlite3')
    await expect(checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })).rejects.toThrow(
      IntegrityCheckError
    )
    expect(fs.existsSync(file)).toBe(false)
  }, 30_000)

  it('stops a check that overruns its time limit', async () => {
    const file = await database(5)
    await expect(
      checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER, timeoutMs: 1 })
    ).rejects.toThrow(/longer than 1 ms/)
  }, 30_000)

  it('finds its worker beside itself when running from source', () => {
    expect(defaultIntegrityWorkerFile()).toBe(INTEGRITY_WORKER)
  })
})
