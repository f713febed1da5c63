/**
 * The data-safety service over a real database: the background check and the
 * read-only state a failed one brings, the backup settings and their checks,
 * backups on request and on the daily schedule (with a fake clock), and
 * restore, which refuses anything outside the backup folder and any damaged
 * backup before it closes the database.
 */
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupInfo,
  type DataHealth
} from '../../../../../src/domain'
import {
  BACKUP_SETTINGS_KEY,
  createDataSafetyService,
  type DataSafetyService,
  type DataSafetyServiceOptions
} from '../../../../../electron/main/services/dataSafety/dataSafetyService'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import type { IntakeService } from '../../../../../electron/main/services/intakes/intakeService'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import {
  createSqliteSettingsStore,
  type SettingsStore
} from '../../../../../electron/main/services/settings/settingsStore'
import {
  damagePage,
  INTEGRITY_WORKER,
  pagesOf,
  seededRandom,
  sha256File,
  writeIntakes
} from '../../support/dataSafetyFixtures'
import { rejection } from '../../support/rejection'
import { steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('data-safety')
const DB_NAME = 'back-intake.sqlite3'
const HOUR = 60 * 60_000

interface Harness {
  readonly dataDir: string
  readonly databasePath: string
  readonly db: Database.Database
  readonly intakes: IntakeService
  readonly settings: SettingsStore
  readonly service: DataSafetyService
  readonly healths: DataHealth[]
  readonly automatic: BackupInfo[]
  readonly errors: Array<{ context: string; error: unknown }>
  readonly calls: { closed: number; restarts: number }
  /** The service's clock; tests move it. */
  clock: Date
}

const open: Harness[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const harness of open.splice(0)) {
    harness.service.stop()
    if (harness.db.open) harness.db.close()
  }
})

function harness(overrides: Partial<DataSafetyServiceOptions> = {}): Harness {
  const dataDir = tempDir()
  const databasePath = path.join(dataDir, DB_NAME)
  const db = openDatabase(databasePath)
  const settings = createSqliteSettingsStore(db)
  const calls = { closed: 0, restarts: 0 }
  const result: Harness = {
    dataDir,
    databasePath,
    db,
    intakes: createSqliteIntakeService(db, { now: steppingClock().now }),
    settings,
    healths: [],
    automatic: [],
    errors: [],
    calls,
    clock: new Date(2026, 10, 20, 9, 0, 0),
    service: null as unknown as DataSafetyService
  }
  const service = createDataSafetyService({
    db,
    databasePath,
    dataDir,
    settings,
    now: () => result.clock,
    integrityWorkerFile: INTEGRITY_WORKER,
    onHealthChange: (health) => result.healths.push(health),
    onAutomaticBackup: (info) => result.automatic.push(info),
    onError: (context, error) => result.errors.push({ context, error }),
    closeDatabase: () => {
      calls.closed += 1
      db.close()
    },
    requestRestart: () => (calls.restarts += 1),
    ...overrides
  })
  Object.assign(result, { service })
  open.push(result)
  return result
}

/** Waits for background work (a real worker thread, a backup) to reach a state. */
async function eventually(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error('not yet')
    },
    { timeout: timeoutMs, interval: 20 }
  )
}

/** Lets a tick that should do nothing finish: it only reads settings and a folder. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150))
}

describe('integrity check', () => {
  it('runs in the background after start and reports a healthy database', async () => {
    const h = harness()
    await writeIntakes(h.intakes, 10, seededRandom(1))
    expect(h.service.health()).toMatchObject({ integrity: 'not-run', readOnly: false })
    h.service.startBackgroundCheck()
    expect(h.service.health().integrity).toBe('running')
    await eventually(() => h.service.health().integrity === 'ok')
    expect(h.service.health()).toEqual({
      integrity: 'ok',
      checkedAt: h.clock.toISOString(),
      problems: [],
      readOnly: false,
      lastBackupAt: null
    })
    expect(h.healths.map((health) => health.integrity)).toEqual(['running', 'ok'])
    expect(h.service.isReadOnly()).toBe(false)
  }, 30_000)

  it('stops writing when the file under the running app fails its check', async () => {
    const h = harness()
    await writeIntakes(h.intakes, 60, seededRandom(2))
    // Everything into the main file, then a disk fault in one of its index pages.
    h.db.pragma('wal_checkpoint(TRUNCATE)')
    const page = pagesOf(h.databasePath, 'intakes_updated').at(-1) ?? 0
    damagePage(h.databasePath, page, Buffer.alloc(4096, 0x33))

    const first = h.service.runCheckNow()
    // A second request joins the check already running.
    expect(h.service.runCheckNow()).toBe(first)
    const health = await first
    expect(health.integrity).toBe('failed')
    expect(health.readOnly).toBe(true)
    expect(health.problems.length).toBeGreaterThan(0)
    expect(health.problems.length).toBeLessThanOrEqual(20)
    expect(h.service.isReadOnly()).toBe(true)
    expect(h.healths.at(-1)).toEqual(health)
  }, 30_000)

  it('says when the check could not run, and keeps the last result', async () => {
    const h = harness({ integrityWorkerFile: path.join(tempDir(), 'no-such-worker.js') })
    const error = await rejection(h.service.runCheckNow())
    expect(error.code).toBe('storage')
    expect(error.message).toMatch(/could not run/)
    expect(h.service.health()).toMatchObject({ integrity: 'not-run', readOnly: false })
    // The background start reports the same failure to the log, never as a crash.
    h.service.startBackgroundCheck()
    await eventually(() => h.errors.some((entry) => entry.context === 'integrity-check'))
  }, 30_000)
})

describe('backup settings', () => {
  it('starts from the defaults and reads a damaged stored value as the defaults', async () => {
    const h = harness()
    expect(await h.service.getSettings()).toEqual(DEFAULT_BACKUP_SETTINGS)
    await h.settings.set(BACKUP_SETTINGS_KEY, '{"folder": 7')
    expect(await h.service.getSettings()).toEqual(DEFAULT_BACKUP_SETTINGS)
    await h.settings.set(
      BACKUP_SETTINGS_KEY,
      JSON.stringify({ folder: 'relative', keep: 3, daily: true })
    )
    expect(await h.service.getSettings()).toEqual(DEFAULT_BACKUP_SETTINGS)
  })

  it('stores a folder that exists, is writable and is outside the data folder', async () => {
    const h = harness()
    const folder = tempDir()
    const saved = await h.service.setSettings({
      folder: `${folder}${path.sep}`,
      keep: 5,
      daily: false
    })
    expect(saved).toEqual({ folder, keep: 5, daily: false })
    expect(await h.service.getSettings()).toEqual(saved)
    // The probe file is gone again.
    expect(fs.readdirSync(folder)).toEqual([])
    // An empty folder turns backups off.
    expect(await h.service.setSettings({ folder: '', keep: 5, daily: true })).toEqual({
      folder: '',
      keep: 5,
      daily: true
    })
  })

  it('refuses each bad field with an issue naming it and a plain reason', async () => {
    const h = harness()
    const issueOf = async (input: { folder: string; keep: number; daily: boolean }) => {
      const error = await rejection(h.service.setSettings(input))
      expect(error.code).toBe('invalid-argument')
      return error.issues ?? []
    }
    const good = tempDir()
    const aFile = path.join(good, 'file.txt')
    fs.writeFileSync(aFile, 'x')
    const inside = path.join(h.dataDir, 'backups')
    fs.mkdirSync(inside)

    const cases: Array<[string, RegExp]> = [
      ['backups', /full location/],
      [path.join(good, 'missing'), /cannot be found/],
      [aFile, /is a file, not a folder/],
      [h.dataDir, /inside the app’s own data folder/],
      [inside, /inside the app’s own data folder/]
    ]
    for (const [folder, message] of cases) {
      const issues = await issueOf({ folder, keep: 5, daily: true })
      expect(issues).toEqual([
        expect.objectContaining({ itemId: 'folder', message: expect.stringMatching(message) })
      ])
    }
    const keep = await issueOf({ folder: good, keep: 0, daily: true })
    expect(keep).toEqual([expect.objectContaining({ itemId: 'keep' })])
    expect(await issueOf({ folder: 'x', keep: 400, daily: true })).toHaveLength(2)
    expect(await h.service.getSettings()).toEqual(DEFAULT_BACKUP_SETTINGS)
  })

  it('refuses a folder the app may not write to', async () => {
    const h = harness()
    let folder: string
    if (process.getuid?.() === 0) {
      // Root writes through any permission bits: /proc takes no new files even for root.
      console.log(
        'Running as root: a chmod-ed folder is writable, so /proc stands in for an unwritable one.'
      )
      folder = '/proc'
    } else {
      folder = tempDir()
      fs.chmodSync(folder, 0o555)
    }
    const error = await rejection(h.service.setSettings({ folder, keep: 5, daily: true }))
    expect(error.issues).toEqual([
      expect.objectContaining({ itemId: 'folder', message: expect.stringMatching(/may not write/) })
    ])
  })

  it('passes the folder dialog through, and says when there is none', async () => {
    const chosen = tempDir()
    const titles: string[] = []
    const h = harness({
      chooseFolder: (title) => {
        titles.push(title)
        return Promise.resolve(chosen)
      }
    })
    expect(await h.service.chooseFolder()).toEqual({ folder: chosen })
    expect(titles).toEqual(['Choose the folder for backups'])
    const without = harness()
    expect((await rejection(without.service.chooseFolder())).code).toBe('conflict')
  })
})

describe('backups', () => {
  it('asks for a folder first, then backs up, keeps N and reports the last backup', async () => {
    const h = harness()
    await writeIntakes(h.intakes, 5, seededRandom(3))
    const none = await rejection(h.service.backupNow())
    expect(none.code).toBe('conflict')
    expect(none.message).toBe(
      'No backup folder is set. Choose a folder for backups in Settings first.'
    )
    expect(await h.service.listBackups()).toEqual([])

    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 2, daily: false })
    const made: BackupInfo[] = []
    for (let i = 0; i < 4; i += 1) {
      made.push(await h.service.backupNow())
      h.clock = new Date(h.clock.getTime() + HOUR)
    }
    expect((await h.service.listBackups()).map((b) => b.fileName)).toEqual([
      made[3]?.fileName,
      made[2]?.fileName
    ])
    expect(fs.readdirSync(folder).sort()).toEqual([made[2]?.fileName, made[3]?.fileName].sort())
    expect(h.service.health().lastBackupAt).toBe(made[3]?.createdAt)
    expect(h.healths.at(-1)?.lastBackupAt).toBe(made[3]?.createdAt)
  }, 30_000)

  it('lets the app wait for a running backup before it closes the database', async () => {
    const h = harness()
    await writeIntakes(h.intakes, 5, seededRandom(8))
    await h.service.setSettings({ folder: tempDir(), keep: 3, daily: false })
    let finished = false
    const running = h.service.backupNow().then(() => (finished = true))
    await h.service.whenIdle()
    expect(finished).toBe(true)
    await running
    h.db.close()
  }, 30_000)

  it('knows the newest backup in the folder after a restart', async () => {
    const folder = tempDir()
    fs.writeFileSync(path.join(folder, 'back-intake-2026-11-19-080000.sqlite3'), 'x')
    const h = harness()
    await h.settings.set(BACKUP_SETTINGS_KEY, JSON.stringify({ folder, keep: 3, daily: false }))
    h.service.startBackgroundCheck()
    await eventually(() => h.service.health().lastBackupAt !== null)
    expect(h.service.health().lastBackupAt).toBe(new Date(2026, 10, 19, 8, 0, 0).toISOString())
  }, 30_000)
})

describe('restore', () => {
  async function withBackup(): Promise<{ h: Harness; folder: string; backup: BackupInfo }> {
    const h = harness()
    await writeIntakes(h.intakes, 6, seededRandom(4))
    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 5, daily: false })
    const backup = await h.service.backupNow()
    return { h, folder, backup }
  }

  it('refuses names that are not a backup in the folder, without closing anything', async () => {
    const { h, folder } = await withBackup()
    const outside = path.join(path.dirname(folder), 'back-intake-2026-11-20-090000.sqlite3')
    fs.copyFileSync(h.databasePath, outside)
    for (const name of [
      '../back-intake-2026-11-20-090000.sqlite3',
      `..${path.sep}back-intake-2026-11-20-090000.sqlite3`,
      outside,
      'sub/back-intake-2026-11-20-090000.sqlite3',
      'notes.sqlite3',
      '.',
      ''
    ]) {
      const error = await rejection(h.service.restore(name))
      expect(error.code).toBe('invalid-argument')
      expect(error.issues?.[0]?.itemId).toBe('fileName')
    }
    const missing = await rejection(h.service.restore('back-intake-2020-01-01-000000.sqlite3'))
    expect(missing.code).toBe('not-found')
    expect(h.calls).toEqual({ closed: 0, restarts: 0 })
    expect(h.db.open).toBe(true)
  }, 30_000)

  it('refuses a damaged backup before closing the database', async () => {
    const { h, folder, backup } = await withBackup()
    const file = path.join(folder, backup.fileName)
    const pages = pagesOf(file, 'intakes')
    damagePage(file, pages[Math.floor(pages.length / 2)] ?? 0)
    const before = sha256File(h.databasePath)

    const error = await rejection(h.service.restore(backup.fileName))
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(
      new RegExp(`${backup.fileName} cannot be restored: it is damaged`)
    )
    expect(error.message).toMatch(/Nothing was changed/)
    expect(h.calls).toEqual({ closed: 0, restarts: 0 })
    expect(h.db.open).toBe(true)
    expect(sha256File(h.databasePath)).toBe(before)
    expect(fs.readdirSync(h.dataDir).filter((name) => name.includes('restor'))).toEqual([])
  }, 30_000)

  it('closes the database, moves it aside, puts the backup in place and asks for a restart', async () => {
    const { h, backup } = await withBackup()
    // A save after the backup: it must survive in the set-aside copy.
    await writeIntakes(h.intakes, 2, seededRandom(5))
    h.clock = new Date(2026, 10, 21, 7, 30, 5)
    const result = await h.service.restore(backup.fileName)
    expect(result).toEqual({
      restoredFrom: backup.fileName,
      previousMovedTo: 'back-intake.sqlite3.before-restore-2026-11-21-073005'
    })
    expect(h.calls).toEqual({ closed: 1, restarts: 1 })
    const restored = openDatabase(h.databasePath)
    const previous = openDatabase(path.join(h.dataDir, result.previousMovedTo))
    try {
      const count = (db: Database.Database) =>
        db.prepare('SELECT count(*) FROM intakes').pluck().get()
      expect(count(restored)).toBe(6)
      expect(count(previous)).toBe(8)
    } finally {
      restored.close()
      previous.close()
    }
    // Restarting: nothing else may use the closed connection.
    expect((await rejection(h.service.backupNow())).code).toBe('conflict')
  }, 30_000)
})

describe('daily schedule', () => {
  it('backs up at start when none is a day old, then looks every hour', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const h = harness()
    await writeIntakes(h.intakes, 3, seededRandom(6))
    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 30, daily: true })

    h.service.startDailySchedule()
    await eventually(() => h.automatic.length === 1)
    expect(h.automatic[0]?.createdAt).toBe(h.clock.toISOString())

    // An hour on: the last backup is an hour old, so nothing is due.
    h.clock = new Date(h.clock.getTime() + HOUR)
    vi.advanceTimersByTime(HOUR)
    await settle()
    expect(h.automatic).toHaveLength(1)

    // A day after the first: the next hourly look makes one.
    h.clock = new Date(h.clock.getTime() + 23 * HOUR)
    vi.advanceTimersByTime(HOUR)
    await eventually(() => h.automatic.length === 2)
    expect(h.service.health().lastBackupAt).toBe(h.automatic[1]?.createdAt)

    // Turned off: a day later, nothing.
    await h.service.setSettings({ folder, keep: 30, daily: false })
    h.clock = new Date(h.clock.getTime() + 25 * HOUR)
    vi.advanceTimersByTime(HOUR)
    await settle()
    expect(h.automatic).toHaveLength(2)
    expect(h.errors).toEqual([])

    // Stopped: the timer is gone.
    h.service.stop()
    await h.service.setSettings({ folder, keep: 30, daily: true })
    vi.advanceTimersByTime(5 * HOUR)
    await settle()
    expect(h.automatic).toHaveLength(2)
  }, 30_000)

  it('does not back up at start when the newest backup is less than a day old', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const h = harness()
    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 30, daily: true })
    await h.service.backupNow()
    h.clock = new Date(h.clock.getTime() + 23 * HOUR)
    h.service.startDailySchedule()
    await settle()
    expect(h.automatic).toEqual([])
  }, 30_000)

  it('reports a failed automatic backup to the log and keeps going', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const h = harness()
    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 30, daily: true })
    // The drive is unplugged.
    fs.rmSync(folder, { recursive: true })
    h.service.startDailySchedule()
    await eventually(() => h.errors.length === 1)
    expect(h.errors[0]).toMatchObject({ context: 'automatic-backup' })
    expect(h.errors[0]?.error).toMatchObject({ code: 'not-found', message: /cannot be found/ })

    // Plugged in again: the next hourly look makes the backup.
    fs.mkdirSync(folder)
    vi.advanceTimersByTime(HOUR)
    await eventually(() => h.automatic.length === 1)
  }, 30_000)

  it('makes no automatic backup once the database has failed its check', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const h = harness()
    await writeIntakes(h.intakes, 60, seededRandom(7))
    const folder = tempDir()
    await h.service.setSettings({ folder, keep: 30, daily: true })
    h.db.pragma('wal_checkpoint(TRUNCATE)')
    damagePage(h.databasePath, pagesOf(h.databasePath, 'intakes_updated').at(-1) ?? 0)
    expect((await h.service.runCheckNow()).readOnly).toBe(true)
    h.service.startDailySchedule()
    await settle()
    expect(h.automatic).toEqual([])
    expect(fs.readdirSync(folder)).toEqual([])
  }, 30_000)
})
