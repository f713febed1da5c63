import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { EMPTY_CLINIC_DETAILS } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import {
  CLINIC_DETAILS_KEY,
  createClinicDetailsService,
  type ClinicDetailsService
} from '../../../../../electron/main/services/settings/clinicDetailsService'
import {
  createSqliteSettingsStore,
  type SettingsStore
} from '../../../../../electron/main/services/settings/settingsStore'
import { rejection } from '../../support/rejection'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('clinic-details')

const DETAILS = {
  name: 'Riverside Physiotherapy',
  address: '12 Mill Lane\nRiverside RV1 2AB',
  phone: '020 7946 0000'
} as const

let file: string
let db: Database.Database
let settings: SettingsStore
let service: ClinicDetailsService

beforeEach(() => {
  file = path.join(tempDir(), 'clinic.sqlite')
  db = openDatabase(file)
  settings = createSqliteSettingsStore(db)
  service = createClinicDetailsService(settings)
  return () => db.close()
})

/** The settings table exactly as SQLite has it. */
function rawSettings(): Record<string, string> {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    .all()
  return Object.fromEntries(rows.map((row) => [row.key, row.value]))
}

/** Writes a value under the details key behind the service's back (another tool, a bad sector). */
function storeRaw(value: string): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
    CLINIC_DETAILS_KEY,
    value
  )
}

describe('clinic details service', () => {
  it('reads as not set on a new database', async () => {
    expect(await service.get()).toEqual(EMPTY_CLINIC_DETAILS)
    expect(rawSettings()).toEqual({})
  })

  it('stores the details as one JSON value and reads them back', async () => {
    expect(await service.set(DETAILS)).toEqual(DETAILS)

    expect(await service.get()).toEqual(DETAILS)
    expect(Object.keys(rawSettings())).toEqual([CLINIC_DETAILS_KEY])
    expect(JSON.parse(rawSettings()[CLINIC_DETAILS_KEY] ?? 'null')).toEqual(DETAILS)
  })

  it('stores and returns the normalised details, not what was typed', async () => {
    const saved = await service.set({
      name: '  Clínica San José  '.normalize('NFD'),
      address: '12 Mill Lane  \r\nRiverside',
      phone: ' 020  7946 0000 '
    })

    const expected = {
      name: 'Clínica San José',
      address: '12 Mill Lane\nRiverside',
      phone: '020 7946 0000'
    }
    expect(saved).toEqual(expected)
    expect(await service.get()).toEqual(expected)
  })

  it('keeps the details across closing and reopening the database file', async () => {
    await service.set(DETAILS)
    db.close()

    db = openDatabase(file)
    const reopened = createClinicDetailsService(createSqliteSettingsStore(db))

    expect(await reopened.get()).toEqual(DETAILS)
  })

  it('replaces earlier details, and removes the row when all three are cleared', async () => {
    await service.set(DETAILS)
    await service.set({ ...DETAILS, phone: '+44 20 7946 0001' })
    expect((await service.get()).phone).toBe('+44 20 7946 0001')

    expect(await service.set({ name: ' ', address: '', phone: '' })).toEqual(EMPTY_CLINIC_DETAILS)

    expect(await service.get()).toEqual(EMPTY_CLINIC_DETAILS)
    expect(rawSettings()).toEqual({})
  })

  it('leaves other settings alone', async () => {
    await settings.set('staffPinHash', 'scrypt$abc$def')
    await service.set(DETAILS)
    await service.set(EMPTY_CLINIC_DETAILS)
    expect(rawSettings()).toEqual({ staffPinHash: 'scrypt$abc$def' })
  })

  it('refuses invalid details with an issue per field, and keeps what was stored', async () => {
    await service.set(DETAILS)
    const before = rawSettings()

    const error = await rejection(
      service.set({ name: 'n'.repeat(121), address: DETAILS.address, phone: 'call the desk' })
    )

    expect(error.code).toBe('invalid-argument')
    expect(error.issues?.map(({ itemId, code }) => ({ itemId, code }))).toEqual([
      { itemId: 'name', code: 'too-long' },
      { itemId: 'phone', code: 'wrong-type' }
    ])
    expect(rawSettings()).toEqual(before)
    expect(await service.get()).toEqual(DETAILS)
  })

  it.each([
    ['text that is not JSON', '{"name": "Riverside", "pho'],
    ['JSON that is not an object', '"020 7946 0000"'],
    ['JSON null', 'null'],
    ['an object missing a field', '{"name":"Riverside","phone":"020 7946 0000"}'],
    ['a field of the wrong type', '{"name":"Riverside","address":"","phone":2079460000}'],
    ['a phone number that is not valid', '{"name":"Riverside","address":"","phone":"call us"}'],
    ['a name over the limit', JSON.stringify({ ...DETAILS, name: 'n'.repeat(500) })],
    ['an empty text', '']
  ])('reads %s as not set, without throwing', async (_, stored) => {
    storeRaw(stored)
    expect(await service.get()).toEqual(EMPTY_CLINIC_DETAILS)
    // A new save repairs the damage.
    await service.set(DETAILS)
    expect(await service.get()).toEqual(DETAILS)
  })

  it('reads a stored value through the same normalisation as a save', async () => {
    storeRaw(JSON.stringify({ name: '  Riverside ', address: 'a\r\nb', phone: ' 020 7946 0000' }))
    expect(await service.get()).toEqual({
      name: 'Riverside',
      address: 'a\nb',
      phone: '020 7946 0000'
    })
  })

  it('turns a storage failure into a plain storage error', async () => {
    await service.set(DETAILS)
    // A second, read-only connection to the same file: SQLite refuses the write.
    const readonly = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const failing = createClinicDetailsService(createSqliteSettingsStore(readonly))
      const error = await rejection(failing.set({ ...DETAILS, phone: '020 7946 0002' }))
      expect(error.code).toBe('storage')
      expect(error.message).not.toMatch(/SQLITE|settings|INSERT/)
      expect(await failing.get()).toEqual(DETAILS)
    } finally {
      readonly.close()
    }
  })
})
