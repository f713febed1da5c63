/**
 * Backups as files (real SQLite in temporary folders): made while the app
 * keeps saving, named, listed and pruned, and restored without ever deleting
 * or overwriting the database they replace.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  backupFileName,
  checkBackupFile,
  listBackups,
  makeBackup,
  parseBackupName,
  pruneBackups,
  restoreDatabaseFile
} from '../../../../../electron/main/services/dataSafety/backups'
import { checkIntegrityInWorker } from '../../../../../electron/main/services/dataSafety/integrityCheck'
import { MIGRATIONS } from '../../../../../electron/main/services/database/migrations'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import {
  damagePage,
  INTEGRITY_WORKER,
  pagesOf,
  seededRandom,
  sha256File,
  variedAnswers,
  writeIntakes,
  type WrittenIntake
} from '../../support/dataSafetyFixtures'
import { steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('backups')
const DB_NAME = 'back-intake.sqlite3'
/** 2026-11-20 14:03:09 local time. */
const NOW = new Date(2026, 10, 20, 14, 3, 9)

interface OpenApp {
  readonly dataDir: string
  readonly file: string
  readonly db: Database.Database
  readonly service: IntakeService
}

function openApp(dataDir = tempDir()): OpenApp {
  const file = path.join(dataDir, DB_NAME)
  const db = openDatabase(file)
  return { dataDir, file, db, service: createSqliteIntakeService(db, { now: steppingClock().now }) }
}

/** Every file in `dir` with its sha256: what a refused restore must leave exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, sha256File(path.join(dir, name))])
  )
}

/** The intakes of a database file, read through the service on a copy (the file is not touched). */
async function intakesIn(file: string): Promise<Map<string, WrittenIntake>> {
  const copyDir = tempDir()
  const copy = path.join(copyDir, DB_NAME)
  fs.copyFileSync(file, copy)
  const db = openDatabase(copy)
  try {
    const service = createSqliteIntakeService(db, { now: steppingClock().now })
    const found = new Map<string, WrittenIntake>()
    const ids = db.prepare<[], string>('SELECT id FROM intakes').pluck().all()
    for (const id of ids) {
      const record = await service.get(id)
      expect(record.damage).toBeUndefined()
      found.set(id, { status: record.status, answers: record.answers })
    }
    return found
  } finally {
    db.close()
  }
}

describe('makeBackup', () => {
  it('copies a consistent snapshot while saves go on, checked and standing alone', async () => {
    const app = openApp()
    const written = await writeIntakes(app.service, 250, seededRandom(11))
    const folder = tempDir()

    const backup = makeBackup(app.db, folder, NOW, {
      fullCheck: (file) => checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER })
    })
    // The online backup copies a few hundred pages per turn of the event loop:
    // these saves land while it runs (and restart its copy of the changed pages).
    const random = seededRandom(12)
    let savedDuring = 0
    let done = false
    void backup.finally(() => (done = true))
    while (!done && savedDuring < 200) {
      const draft = await app.service.createDraft(
        { answers: variedAnswers(random), entryMode: 'staff' },
        'staff'
      )
      written.set(draft.id, { status: 'draft', answers: draft.answers })
      savedDuring += 1
    }
    const info = await backup
    app.db.close()

    expect(savedDuring).toBeGreaterThan(0)
    expect(info.fileName).toBe('back-intake-2026-11-20-140309.sqlite3')
    expect(info.createdAt).toBe(NOW.toISOString())
    expect(info.bytes).toBe(fs.statSync(path.join(folder, info.fileName)).size)
    // One file, in rollback-journal mode (header bytes 18 and 19): nothing beside it.
    expect(fs.readdirSync(folder)).toEqual([info.fileName])
    const header = fs.readFileSync(path.join(folder, info.fileName)).subarray(18, 20)
    expect([...header]).toEqual([1, 1])

    // Every intake in the copy is exactly one that was written, and every
    // intake written before the backup began is in it.
    const copied = await intakesIn(path.join(folder, info.fileName))
    expect(copied.size).toBeGreaterThanOrEqual(250)
    for (const [id, intake] of copied) expect(intake).toEqual(written.get(id))
    expect(await checkBackupFile(path.join(folder, info.fileName))).toEqual({
      usable: true,
      userVersion: MIGRATIONS.length
    })
  }, 60_000)

  it('gives two backups of the same second their own names', async () => {
    const app = openApp()
    await writeIntakes(app.service, 3, seededRandom(1))
    const folder = tempDir()
    const first = await makeBackup(app.db, folder, NOW)
    const second = await makeBackup(app.db, folder, NOW)
    app.db.close()
    expect(first.fileName).toBe('back-intake-2026-11-20-140309.sqlite3')
    expect(second.fileName).toBe('back-intake-2026-11-20-140309-2.sqlite3')
    expect(listBackups(folder).map((backup) => backup.fileName)).toEqual([
      second.fileName,
      first.fileName
    ])
  })

  it('keeps nothing when the copy fails its check', async () => {
    const app = openApp()
    await writeIntakes(app.service, 3, seededRandom(1))
    const folder = tempDir()
    const error = await makeBackup(app.db, folder, NOW, {
      fullCheck: () => Promise.resolve({ ok: false, problems: ['Page 3: btree damaged'] })
    }).catch((reason: unknown) => reason)
    app.db.close()
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ code: 'storage', message: /failed its integrity check/ })
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('says plainly that the folder is missing', async () => {
    const app = openApp()
    const error = await makeBackup(app.db, path.join(tempDir(), 'unplugged'), NOW).catch(
      (reason: unknown) => reason
    )
    app.db.close()
    expect(error).toMatchObject({ code: 'not-found', message: /cannot be found/ })
  })
})

describe('backup names, listing and pruning', () => {
  it('names backups in local time and reads the names back', () => {
    expect(backupFileName(NOW)).toBe('back-intake-2026-11-20-140309.sqlite3')
    expect(backupFileName(NOW, 3)).toBe('back-intake-2026-11-20-140309-3.sqlite3')
    expect(parseBackupName('back-intake-2026-11-20-140309.sqlite3')).toEqual({
      time: NOW.getTime(),
      sequence: 1
    })
    for (const name of [
      'back-intake-2026-02-31-120000.sqlite3',
      'back-intake-2026-11-20-140309.sqlite3.partial',
      'back-intake.sqlite3',
      'back-intake-2026-11-20-140309-0.sqlite3',
      'notes.sqlite3'
    ]) {
      expect(parseBackupName(name)).toBeNull()
    }
  })

  it('lists only the app’s backups, newest first, and prunes only the oldest of them', () => {
    const folder = tempDir()
    const names = [
      'back-intake-2026-11-18-090000.sqlite3',
      'back-intake-2026-11-20-090000.sqlite3',
      'back-intake-2026-11-19-090000.sqlite3',
      'back-intake-2026-11-20-090000-2.sqlite3',
      'back-intake-2026-11-17-090000.sqlite3'
    ]
    for (const name of names) fs.writeFileSync(path.join(folder, name), 'x')
    const others = [
      'notes.txt',
      'back-intake.sqlite3',
      'back-intake-2026-11-21-090000.sqlite3.partial'
    ]
    for (const name of others) fs.writeFileSync(path.join(folder, name), 'keep me')
    fs.mkdirSync(path.join(folder, 'back-intake-2026-11-22-090000.sqlite3'))

    expect(listBackups(folder).map((backup) => backup.fileName)).toEqual([
      'back-intake-2026-11-20-090000-2.sqlite3',
      'back-intake-2026-11-20-090000.sqlite3',
      'back-intake-2026-11-19-090000.sqlite3',
      'back-intake-2026-11-18-090000.sqlite3',
      'back-intake-2026-11-17-090000.sqlite3'
    ])
    expect(pruneBackups(folder, 3)).toEqual([
      'back-intake-2026-11-18-090000.sqlite3',
      'back-intake-2026-11-17-090000.sqlite3'
    ])
    expect(listBackups(folder)).toHaveLength(3)
    // A fresh .partial may be a backup being written: it stays too.
    for (const name of others) expect(fs.existsSync(path.join(folder, name))).toBe(true)
    expect(pruneBackups(folder, 3)).toEqual([])
  })

  it('removes a .partial file left by a crash over an hour ago', () => {
    const folder = tempDir()
    const partial = path.join(folder, 'back-intake-2026-11-21-090000.sqlite3.partial')
    fs.writeFileSync(partial, 'half a backup')
    const old = new Date(Date.now() - 2 * 60 * 60_000)
    fs.utimesSync(partial, old, old)
    pruneBackups(folder, 5)
    expect(fs.existsSync(partial)).toBe(false)
  })
})

describe('checkBackupFile', () => {
  it('refuses what cannot be restored, with a reason an administrator can act on', async () => {
    const dir = tempDir()
    const write = (name: string, bytes: Buffer | string): string => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, bytes)
      return file
    }
    const reason = async (file: string): Promise<string> => {
      const check = await checkBackupFile(file)
      if (check.usable) throw new Error(`${file} was accepted`)
      return check.reason
    }
    expect(await reason(write('empty.sqlite3', ''))).toMatch(/empty/)
    expect(await reason(write('text.sqlite3', 'hello, this is not a database'))).toMatch(
      /not a database/
    )
    // Refused as opening the database would refuse it, so it is never restored only to be refused.
    const oddFormat = path.join(dir, 'odd-format.sqlite3')
    openDatabase(oddFormat).close()
    const bytes = fs.readFileSync(oddFormat)
    bytes[19] = 3
    fs.writeFileSync(oddFormat, bytes)
    expect(await reason(oddFormat)).toMatch(/not a database file/)
    const cut = path.join(dir, 'cut.sqlite3')
    openDatabase(cut).close()
    fs.truncateSync(cut, 100)
    expect(await reason(cut)).toMatch(/damaged \(its first page is incomplete\)/)

    const foreign = path.join(dir, 'foreign.sqlite3')
    const other = new Database(foreign)
    other.exec('CREATE TABLE notes (text TEXT)')
    other.close()
    expect(await reason(foreign)).toMatch(/not a Back Intake database/)

    const newer = path.join(dir, 'newer.sqlite3')
    openDatabase(newer).close()
    const bump = new Database(newer)
    bump.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    bump.close()
    expect(await reason(newer)).toMatch(/newer version of Back Intake.*Update the app/)
  })

  it('reads a plain copy of a database in WAL mode without creating files beside it', async () => {
    const app = openApp()
    await writeIntakes(app.service, 5, seededRandom(3))
    app.db.close()
    const dir = tempDir()
    const copy = path.join(dir, 'copied.sqlite3')
    fs.copyFileSync(app.file, copy)
    expect(await checkBackupFile(copy)).toMatchObject({ usable: true })
    expect(fs.readdirSync(dir)).toEqual(['copied.sqlite3'])
  })
})

describe('restoreDatabaseFile', () => {
  /** A backup of `count` intakes in its own folder. */
  async function backupOf(count: number, seed: number) {
    const app = openApp()
    const written = await writeIntakes(app.service, count, seededRandom(seed))
    const folder = tempDir()
    const info = await makeBackup(app.db, folder, NOW)
    app.db.close()
    return { written, path: path.join(folder, info.fileName), fileName: info.fileName }
  }

  it('moves the current database and its logs aside, byte for byte, and puts the backup in place', async () => {
    const backup = await backupOf(20, 21)
    // The current database as a crash leaves it: its last saves still in the -wal.
    const current = openApp()
    const kept = await writeIntakes(current.service, 7, seededRandom(22))
    const crashed = tempDir()
    for (const suffix of ['', '-wal', '-shm']) {
      fs.copyFileSync(`${current.file}${suffix}`, path.join(crashed, `${DB_NAME}${suffix}`))
    }
    current.db.close()
    expect(fs.statSync(path.join(crashed, `${DB_NAME}-wal`)).size).toBeGreaterThan(0)
    const before = snapshot(crashed)

    let closed = 0
    const restored = await restoreDatabaseFile({
      dataDir: crashed,
      databaseFileName: DB_NAME,
      backupPath: backup.path,
      now: NOW,
      beforeReplacing: () => (closed += 1)
    })
    const aside = 'back-intake.sqlite3.before-restore-2026-11-20-140309'
    expect(closed).toBe(1)
    expect(restored).toEqual({
      restoredFrom: backup.fileName,
      previousMovedTo: aside,
      movedAside: [aside, `${aside}-wal`, `${aside}-shm`]
    })
    // Nothing replaced was lost: every old file is there under its new name, unchanged.
    const after = snapshot(crashed)
    for (const suffix of ['', '-wal', '-shm']) {
      expect(after[`${aside}${suffix}`]).toBe(before[`${DB_NAME}${suffix}`])
    }
    expect(Object.keys(after).sort()).toEqual(
      [DB_NAME, aside, `${aside}-wal`, `${aside}-shm`].sort()
    )
    expect(after[DB_NAME]).toBe(sha256File(backup.path))

    // The app opens the restored backup, with none of the old log replayed into it...
    expect(await intakesIn(path.join(crashed, DB_NAME))).toEqual(backup.written)
    // ...and the set-aside copy still opens with its log, every save in it.
    const previous = await intakesIn2(path.join(crashed, aside))
    expect(previous).toEqual(kept)
  }, 60_000)

  it('refuses a damaged backup before anything is touched', async () => {
    const backup = await backupOf(30, 31)
    const pages = pagesOf(backup.path, 'intakes')
    damagePage(backup.path, pages[Math.floor(pages.length / 2)] ?? 0)
    const current = openApp()
    await writeIntakes(current.service, 3, seededRandom(32))
    current.db.close()
    const before = snapshot(current.dataDir)

    let closed = 0
    const error = await restoreDatabaseFile({
      dataDir: current.dataDir,
      databaseFileName: DB_NAME,
      backupPath: backup.path,
      now: NOW,
      fullCheck: (file) => checkIntegrityInWorker(file, { workerFile: INTEGRITY_WORKER }),
      beforeReplacing: () => (closed += 1)
    }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ code: 'conflict', message: /is damaged.*Nothing was changed/ })
    expect(closed).toBe(0)
    expect(snapshot(current.dataDir)).toEqual(before)
  }, 30_000)

  it('restores where the current database is damaged, or missing', async () => {
    const backup = await backupOf(4, 41)
    const damaged = tempDir()
    fs.writeFileSync(path.join(damaged, DB_NAME), Buffer.alloc(4096, 0xab))
    const garbage = sha256File(path.join(damaged, DB_NAME))
    const first = await restoreDatabaseFile({
      dataDir: damaged,
      databaseFileName: DB_NAME,
      backupPath: backup.path,
      now: NOW
    })
    expect(sha256File(path.join(damaged, first.previousMovedTo ?? ''))).toBe(garbage)
    expect(await intakesIn(path.join(damaged, DB_NAME))).toEqual(backup.written)

    // A second restore in the same second does not reuse the first one's name.
    const second = await restoreDatabaseFile({
      dataDir: damaged,
      databaseFileName: DB_NAME,
      backupPath: backup.path,
      now: NOW
    })
    expect(second.previousMovedTo).toBe(`${first.previousMovedTo}-2`)
    expect(sha256File(path.join(damaged, first.previousMovedTo ?? ''))).toBe(garbage)

    const empty = tempDir()
    const restored = await restoreDatabaseFile({
      dataDir: empty,
      databaseFileName: DB_NAME,
      backupPath: backup.path,
      now: NOW
    })
    expect(restored.previousMovedTo).toBeNull()
    expect(fs.readdirSync(empty)).toEqual([DB_NAME])
  }, 30_000)
})

/** Like {@link intakesIn}, for a set-aside database that still has its own `-wal` beside it. */
async function intakesIn2(file: string): Promise<Map<string, WrittenIntake>> {
  const dir = tempDir()
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${file}${suffix}`)) {
      fs.copyFileSync(`${file}${suffix}`, path.join(dir, `${DB_NAME}${suffix}`))
    }
  }
  const db = openDatabase(path.join(dir, DB_NAME))
  try {
    const service = createSqliteIntakeService(db, { now: steppingClock().now })
    const found = new Map<string, WrittenIntake>()
    for (const id of db.prepare<[], string>('SELECT id FROM intakes').pluck().all()) {
      const record = await service.get(id)
      found.set(id, { status: record.status, answers: record.answers })
    }
    return found
  } finally {
    db.close()
  }
}
