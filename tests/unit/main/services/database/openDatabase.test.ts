import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  MIGRATIONS,
  type Migration
} from '../../../../../electron/main/services/database/migrations'
import {
  DatabaseOpenError,
  openDatabase
} from '../../../../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../../../../electron/main/services/intakes/sqliteIntakeService'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { useTempDirs } from '../../support/tempDir'
import { submitAtLatest } from '../../support/intakeWrites'

const tempDir = useTempDirs('open-database')

function sha256(filePath: string): string {
  return createHash('sha256').update(fs.readFileSync(filePath)).digest('hex')
}

/** Calls `openDatabase` expecting a refusal, and returns the error for inspection. */
function refusal(filePath: string, migrations?: readonly Migration[]): DatabaseOpenError {
  try {
    const db = openDatabase(filePath, migrations === undefined ? {} : { migrations })
    db.close()
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error
    throw error
  }
  throw new Error(`openDatabase accepted ${filePath}`)
}

/** A real app database holding a few submitted intakes, closed (checkpointed) and ready to damage. */
async function realDatabase(filePath: string): Promise<void> {
  const db = openDatabase(filePath)
  const service = createSqliteIntakeService(db, { now: steppingClock().now })
  for (let i = 0; i < 40; i++) {
    const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
    await submitAtLatest(
      service,
      {
        id: draft.id,
        answers: completeAnswers({ 'patient.givenName': `Person${i}` })
      },
      'staff'
    )
  }
  db.close()
}

const tableCreatingMigration = (version: number, table: string): Migration => ({
  version,
  name: `create-${table}`,
  up(db) {
    db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, note TEXT)`)
  }
})

describe('openDatabase on a new file', () => {
  it('creates the schema and sets the durability pragmas', () => {
    const file = path.join(tempDir(), 'nested', 'intake.sqlite')
    const db = openDatabase(file)
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
        )
        .all()
        .map((row) => row.name)
      expect(tables).toEqual(expect.arrayContaining(['intakes', 'patients']))
    } finally {
      db.close()
    }
  })

  it('builds it under a temporary name, leaving only the database once closed', () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    const db = openDatabase(file)
    expect(fs.existsSync(`${file}.new`)).toBe(false)
    db.close()
    expect(fs.readdirSync(dir)).toEqual(['intake.sqlite'])
  })

  it('clears a half-built database left by a crash during creation, and starts afresh', () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    fs.writeFileSync(`${file}.new`, 'half a database')
    fs.writeFileSync(`${file}.new-wal`, 'half a log')
    const db = openDatabase(file)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
      expect(db.prepare('SELECT count(*) FROM intakes').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
    expect(fs.readdirSync(dir)).toEqual(['intake.sqlite'])
  })

  it('enforces foreign keys (an intake cannot point at a missing patient)', () => {
    const db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
    try {
      expect(() =>
        db.exec(`INSERT INTO intakes (id, patient_id, status, form_version, answers, evaluation, concern,
          concern_rank, revision, created_at, updated_at, submitted_at)
          VALUES ('i1', 'nobody', 'submitted', 1, '{}', '{}', 'none', 0, 1, 't', 't', 't')`)
      ).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
  })

  it('refuses a submitted row without its snapshot, patient or time', () => {
    const db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
    try {
      expect(() =>
        db.exec(`INSERT INTO intakes (id, status, form_version, answers, concern, concern_rank, revision,
          created_at, updated_at) VALUES ('i1', 'submitted', 1, '{}', 'none', 0, 1, 't', 't')`)
      ).toThrow(/CHECK/)
    } finally {
      db.close()
    }
  })
})

describe('openDatabase migrations', () => {
  it('is idempotent: reopening runs nothing, keeps the data and writes no backup', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    await realDatabase(file)
    const db = openDatabase(file)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
      expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM intakes').get()?.n).toBe(40)
    } finally {
      db.close()
    }
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([])
  })

  it('keeps the last commits of a database left with an un-checkpointed log (a crash)', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    const copy = path.join(dir, 'after-crash.sqlite')
    const db = openDatabase(file)
    const service = createSqliteIntakeService(db, { now: steppingClock().now })
    const draft = await service.createDraft(
      {
        answers: { 'patient.givenName': 'Last' },
        entryMode: 'staff'
      },
      'staff'
    )
    // Copy the file and its WAL while the connection is still open: what a
    // power cut leaves on disk, with the last commit only in the log.
    fs.copyFileSync(file, copy)
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`)
    db.close()

    const reopened = openDatabase(copy)
    try {
      const recovered = createSqliteIntakeService(reopened, { now: steppingClock().now })
      expect((await recovered.get(draft.id)).answers).toEqual({ 'patient.givenName': 'Last' })
    } finally {
      reopened.close()
    }
  })

  it('runs only the pending steps and backs up the old version first', () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    const first = tableCreatingMigration(1, 'notes')
    const v1 = openDatabase(file, { migrations: [first] })
    v1.prepare("INSERT INTO notes (note) VALUES ('kept')").run()
    v1.close()

    const v2 = openDatabase(file, { migrations: [first, tableCreatingMigration(2, 'more_notes')] })
    try {
      expect(v2.pragma('user_version', { simple: true })).toBe(2)
      expect(v2.prepare<[], { note: string }>('SELECT note FROM notes').all()).toEqual([
        { note: 'kept' }
      ])
      expect(v2.prepare('SELECT count(*) FROM more_notes').pluck().get()).toBe(0)
    } finally {
      v2.close()
    }

    const backupFile = `${file}.v1.bak`
    expect(fs.existsSync(`${backupFile}.tmp`)).toBe(false)
    const backup = new Database(backupFile, { readonly: true })
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1)
      expect(backup.prepare('SELECT note FROM notes').pluck().all()).toEqual(['kept'])
    } finally {
      backup.close()
    }
  })

  it('rolls a failing step back completely and keeps the previous version', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    const first = tableCreatingMigration(1, 'notes')
    openDatabase(file, { migrations: [first] }).close()
    const failing: Migration = {
      version: 2,
      name: 'fails-halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)')
        throw new Error('step 2 failed')
      }
    }
    expect(() => openDatabase(file, { migrations: [first, failing] })).toThrow('step 2 failed')

    const db = new Database(file, { readonly: true })
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1)
      expect(
        db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()
      ).toBe(0)
    } finally {
      db.close()
    }
  })

  it('rejects a list whose versions are not 1..n in order', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    expect(() => openDatabase(file, { migrations: [tableCreatingMigration(2, 'notes')] })).toThrow(
      /position 1/
    )
    expect(fs.existsSync(file)).toBe(false)
  })
})

describe('openDatabase refuses files it must not touch, leaving them byte-identical', () => {
  it('refuses a database from a newer version, naming both versions', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    const newer = new Database(file)
    newer.pragma('journal_mode = WAL')
    newer.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)')
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    newer.close()
    const before = sha256(file)

    const error = refusal(file)

    expect(error.reason).toBe('newer-version')
    expect(error.message).toContain(file)
    expect(error.message).toContain(`database version ${MIGRATIONS.length + 5}`)
    expect(error.message).toContain(`up to version ${MIGRATIONS.length}`)
    expect(error.message).toMatch(/has NOT been changed/)
    expect(error.message).toMatch(/Update Back Intake/)
    expect(sha256(file)).toBe(before)
  })

  it('refuses a file that is not a database', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    fs.writeFileSync(file, '%PDF-1.7\n' + 'not a database\n'.repeat(500))
    const before = sha256(file)

    const error = refusal(file)

    expect(error.reason).toBe('not-a-database')
    expect(error.message).toContain(file)
    expect(error.message).toMatch(/has NOT been changed/)
    expect(sha256(file)).toBe(before)
  })

  it('refuses a file shorter than the SQLite header', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    fs.writeFileSync(file, 'SQLite')
    const before = sha256(file)
    expect(refusal(file).reason).toBe('not-a-database')
    expect(sha256(file)).toBe(before)
  })

  it('refuses a file with the SQLite magic string but no valid header behind it', () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8192)])
    )
    const before = sha256(file)
    expect(refusal(file).reason).toBe('not-a-database')
    expect(sha256(file)).toBe(before)
  })

  it("refuses another program's SQLite database rather than adding tables to it", () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    const foreign = new Database(file)
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')")
    foreign.close()
    const before = sha256(file)

    const error = refusal(file)

    expect(error.reason).toBe('not-a-database')
    expect(error.message).toMatch(/another program/)
    expect(sha256(file)).toBe(before)
  })

  it('refuses a database whose pages after the first are garbage', async () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    await realDatabase(file)
    const bytes = fs.readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    randomBytes(bytes.length - pageSize).copy(bytes, pageSize)
    fs.writeFileSync(file, bytes)
    const before = sha256(file)

    const error = refusal(file)

    expect(error.reason).toBe('corrupt')
    expect(error.message).toContain(file)
    expect(error.message).toMatch(/has NOT been changed/)
    expect(error.message).toMatch(/backup/)
    expect(sha256(file)).toBe(before)
  })

  it('refuses a truncated copy of a real database', async () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    await realDatabase(file)
    const bytes = fs.readFileSync(file)
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const before = sha256(file)

    expect(refusal(file).reason).toBe('corrupt')
    expect(sha256(file)).toBe(before)
  })

  it('refuses a database with one damaged index page, which only quick_check reads', async () => {
    const file = path.join(tempDir(), 'intake.sqlite')
    await realDatabase(file)
    const inspect = new Database(file, { readonly: true })
    const pageSize = Number(inspect.pragma('page_size', { simple: true }))
    const indexPage = Number(
      inspect.prepare("SELECT max(pageno) FROM dbstat WHERE name = 'intakes_updated'").pluck().get()
    )
    inspect.close()
    const bytes = fs.readFileSync(file)
    randomBytes(pageSize).copy(bytes, (indexPage - 1) * pageSize)
    fs.writeFileSync(file, bytes)
    const before = sha256(file)
    // The header and the schema are intact: opening and reading the version work.
    const probe = new Database(file, { readonly: true })
    expect(probe.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    probe.close()

    expect(refusal(file).reason).toBe('corrupt')
    expect(sha256(file)).toBe(before)
  })

  it('reports a path it cannot read as unreadable', () => {
    const dir = tempDir()
    expect(refusal(dir).reason).toBe('unreadable')
  })
})

/** Every file in `dir` with its sha256: what a refused open must leave exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, sha256(path.join(dir, name))])
  )
}

describe('openDatabase leaves a refused file, and its folder, exactly as they were', () => {
  /** A real app database (WAL mode, as the app leaves it) whose header says it is from a newer app. */
  function newerDatabase(file: string): void {
    openDatabase(file).close()
    const newer = new Database(file)
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    newer.close()
  }

  const cases: {
    name: string
    make: (file: string) => void | Promise<void>
    reason: DatabaseOpenError['reason']
    message: RegExp
  }[] = [
    {
      name: 'an empty (0-byte) file',
      make: (file) => fs.writeFileSync(file, ''),
      reason: 'corrupt',
      message: /is empty \(0 bytes\).*has NOT been changed.*Restore your most recent backup/
    },
    {
      name: 'random bytes',
      make: (file) => fs.writeFileSync(file, randomBytes(64 * 1024)),
      reason: 'not-a-database',
      message: /not a Back Intake database.*has NOT been changed/
    },
    {
      name: 'a database from a newer version (WAL mode)',
      make: newerDatabase,
      reason: 'newer-version',
      message: new RegExp(`database version ${MIGRATIONS.length + 1}.*has NOT been changed`)
    },
    {
      name: 'a header cut short (the first 60 bytes of a real database)',
      make: async (file) => {
        await realDatabase(file)
        fs.truncateSync(file, 60)
      },
      reason: 'corrupt',
      message: /is damaged.*has NOT been changed/
    },
    {
      name: 'a header without its first page (100 bytes of a real database)',
      make: async (file) => {
        await realDatabase(file)
        fs.truncateSync(file, 100)
      },
      reason: 'corrupt',
      message: /is damaged/
    },
    {
      name: 'a real database with garbage after its first page (WAL mode)',
      make: async (file) => {
        await realDatabase(file)
        const bytes = fs.readFileSync(file)
        randomBytes(bytes.length - 4096).copy(bytes, 4096)
        fs.writeFileSync(file, bytes)
      },
      reason: 'corrupt',
      message: /is damaged/
    },
    {
      name: "another program's WAL-mode database",
      make: (file) => {
        const foreign = new Database(file)
        foreign.pragma('journal_mode = WAL')
        foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')")
        foreign.close()
      },
      reason: 'not-a-database',
      message: /another program/
    },
    {
      name: 'a negative user_version',
      make: (file) => {
        const odd = new Database(file)
        odd.pragma('user_version = -3')
        odd.close()
      },
      reason: 'not-a-database',
      message: /another program/
    }
  ]

  it.each(cases)('refuses $name, creating nothing beside it', async ({ make, reason, message }) => {
    const dir = tempDir()
    const file = path.join(dir, 'back-intake.sqlite3')
    await make(file)
    const before = snapshot(dir)
    expect(Object.keys(before)).toEqual(['back-intake.sqlite3'])

    const error = refusal(file)

    expect(error.reason).toBe(reason)
    expect(error.message).toContain(file)
    expect(error.message).toMatch(message)
    expect(snapshot(dir)).toEqual(before)
  })

  it('reads a log left beside the file by a crash, and keeps both files unchanged when refusing', () => {
    const dir = tempDir()
    const file = path.join(dir, 'intake.sqlite')
    const copy = path.join(dir, 'after-crash.sqlite')
    const db = openDatabase(file)
    // The newer version is only in the log: the main file's header still says the current one.
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    fs.copyFileSync(file, copy)
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`)
    db.close()
    const before = { main: sha256(copy), log: sha256(`${copy}-wal`) }

    expect(refusal(copy).reason).toBe('newer-version')
    expect({ main: sha256(copy), log: sha256(`${copy}-wal`) }).toEqual(before)
  })
})
