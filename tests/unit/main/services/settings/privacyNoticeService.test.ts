import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PRIVACY_NOTICE, PRIVACY_NOTICE_MAX_LENGTH } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import {
  PRIVACY_NOTICE_KEY,
  createPrivacyNoticeService,
  type PrivacyNoticeService
} from '../../../../../electron/main/services/settings/privacyNoticeService'
import {
  createSqliteSettingsStore,
  type SettingsStore
} from '../../../../../electron/main/services/settings/settingsStore'
import { rejection } from '../../support/rejection'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('privacy-notice')

const NOTICE = {
  en: 'Riverside Physio keeps your records on its own computer.\n\nAsk at the front desk.',
  zh: '',
  es: 'Riverside Physio guarda su historia clínica.\n\nPregunte en recepción.'
} as const

let file: string
let db: Database.Database
let settings: SettingsStore
let service: PrivacyNoticeService

beforeEach(() => {
  file = path.join(tempDir(), 'privacy.sqlite')
  db = openDatabase(file)
  settings = createSqliteSettingsStore(db)
  service = createPrivacyNoticeService(settings)
  return () => db.close()
})

/** The settings table exactly as SQLite has it. */
function rawSettings(): Record<string, string> {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    .all()
  return Object.fromEntries(rows.map((row) => [row.key, row.value]))
}

/** Writes a value under the notice key behind the service's back (another tool, a bad sector). */
function storeRaw(value: string): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
    PRIVACY_NOTICE_KEY,
    value
  )
}

describe('privacy notice service', () => {
  it('reads as all defaults on a new database', async () => {
    expect(await service.get()).toEqual(DEFAULT_PRIVACY_NOTICE)
    expect(rawSettings()).toEqual({})
  })

  it('stores the notice as one JSON value and reads it back', async () => {
    expect(await service.set(NOTICE)).toEqual(NOTICE)

    expect(await service.get()).toEqual(NOTICE)
    expect(Object.keys(rawSettings())).toEqual([PRIVACY_NOTICE_KEY])
    expect(JSON.parse(rawSettings()[PRIVACY_NOTICE_KEY] ?? 'null')).toEqual(NOTICE)
  })

  it('stores and returns the normalised notice, not what was typed', async () => {
    const saved = await service.set({
      en: '  First.  \r\n\r\n\r\nSecond.\t',
      zh: '   ',
      es: 'Información'.normalize('NFD')
    })

    const expected = { en: 'First.\n\nSecond.', zh: '', es: 'Información'.normalize('NFC') }
    expect(saved).toEqual(expected)
    expect(await service.get()).toEqual(expected)
  })

  it('keeps the notice across closing and reopening the database file', async () => {
    await service.set(NOTICE)
    db.close()

    db = openDatabase(file)
    const reopened = createPrivacyNoticeService(createSqliteSettingsStore(db))

    expect(await reopened.get()).toEqual(NOTICE)
  })

  it('replaces an earlier notice, and removes the row when every language is back to default', async () => {
    await service.set(NOTICE)
    await service.set({ ...NOTICE, es: 'Nuevo aviso.' })
    expect((await service.get()).es).toBe('Nuevo aviso.')

    expect(await service.set({ en: '', zh: ' ', es: '\n' })).toEqual(DEFAULT_PRIVACY_NOTICE)

    expect(await service.get()).toEqual(DEFAULT_PRIVACY_NOTICE)
    expect(rawSettings()).toEqual({})
  })

  it('leaves other settings alone', async () => {
    await settings.set('clinic.details', '{"name":"Riverside","address":"","phone":""}')
    await service.set(NOTICE)
    await service.set(DEFAULT_PRIVACY_NOTICE)
    expect(rawSettings()).toEqual({
      'clinic.details': '{"name":"Riverside","address":"","phone":""}'
    })
  })

  it('stores a notice of the full length in every language', async () => {
    const long = {
      en: 'e'.repeat(PRIVACY_NOTICE_MAX_LENGTH),
      zh: '隐'.repeat(PRIVACY_NOTICE_MAX_LENGTH),
      es: 'ñ'.repeat(PRIVACY_NOTICE_MAX_LENGTH)
    }
    expect(await service.set(long)).toEqual(long)
    expect(await service.get()).toEqual(long)
  })

  it('refuses an invalid notice with an issue per language, and keeps what was stored', async () => {
    await service.set(NOTICE)
    const before = rawSettings()

    const error = await rejection(
      service.set({ en: 'x'.repeat(PRIVACY_NOTICE_MAX_LENGTH + 1), zh: 'a\u0000b', es: NOTICE.es })
    )

    expect(error.code).toBe('invalid-argument')
    expect(error.issues?.map(({ itemId, code }) => ({ itemId, code }))).toEqual([
      { itemId: 'en', code: 'too-long' },
      { itemId: 'zh', code: 'wrong-type' }
    ])
    expect(rawSettings()).toEqual(before)
    expect(await service.get()).toEqual(NOTICE)
  })

  it.each([
    ['text that is not JSON', '{"en": "We keep'],
    ['JSON that is not an object', '"We keep your records safe."'],
    ['JSON null', 'null'],
    ['an object missing a language', '{"en":"a","zh":"b"}'],
    ['a language of the wrong type', '{"en":"a","zh":"b","es":3}'],
    ['an unknown language', '{"en":"a","zh":"b","es":"c","fr":"d"}'],
    [
      'a text over the limit',
      JSON.stringify({ ...NOTICE, en: 'x'.repeat(PRIVACY_NOTICE_MAX_LENGTH + 1) })
    ],
    ['an empty text', '']
  ])('reads %s as all defaults, without throwing', async (_, stored) => {
    storeRaw(stored)
    expect(await service.get()).toEqual(DEFAULT_PRIVACY_NOTICE)
    // A new save repairs the damage.
    await service.set(NOTICE)
    expect(await service.get()).toEqual(NOTICE)
  })

  it('reads a stored value through the same normalisation as a save', async () => {
    storeRaw(JSON.stringify({ en: '  a\r\n\r\nb ', zh: '', es: 'c\t' }))
    expect(await service.get()).toEqual({ en: 'a\n\nb', zh: '', es: 'c' })
  })

  it('turns a storage failure into a plain storage error', async () => {
    await service.set(NOTICE)
    // A second, read-only connection to the same file: SQLite refuses the write.
    const readonly = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const failing = createPrivacyNoticeService(createSqliteSettingsStore(readonly))
      const error = await rejection(failing.set({ ...NOTICE, en: 'Changed.' }))
      expect(error.code).toBe('storage')
      expect(error.message).not.toMatch(/SQLITE|settings|INSERT/)
      expect(await failing.get()).toEqual(NOTICE)
    } finally {
      readonly.close()
    }
  })
})
