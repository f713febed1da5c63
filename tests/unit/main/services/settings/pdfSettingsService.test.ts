import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PDF_SETTINGS, validatePdfSettings } from '../../../../../src/domain'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import {
  PDF_SETTINGS_KEY,
  createPdfSettingsService
} from '../../../../../electron/main/services/settings/pdfSettingsService'
import { createSqliteSettingsStore } from '../../../../../electron/main/services/settings/settingsStore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('pdf-settings')

function open() {
  const db = openDatabase(path.join(tempDir(), 'settings.sqlite'))
  const settings = createSqliteSettingsStore(db)
  return { db, settings, service: createPdfSettingsService(settings) }
}

describe('PDF settings', () => {
  it('reads A4 without contact details until something is stored', async () => {
    const { db, service } = open()
    expect(await service.get()).toEqual(DEFAULT_PDF_SETTINGS)
    db.close()
  })

  it('stores US Letter with contact details and reads them back after reopening', async () => {
    const { db, service, settings } = open()
    const stored = await service.set({ pageSize: 'LETTER', includeContactDetails: true })
    expect(stored).toEqual({ pageSize: 'LETTER', includeContactDetails: true })
    expect(await createPdfSettingsService(settings).get()).toEqual(stored)
    db.close()
  })

  it('refuses an unknown paper size, naming the field, and keeps what was stored', async () => {
    const { db, service } = open()
    await expect(
      service.set({ pageSize: 'A3', includeContactDetails: false })
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      issues: [{ itemId: 'pageSize' }]
    })
    expect(await service.get()).toEqual(DEFAULT_PDF_SETTINGS)
    db.close()
  })

  it('reads a damaged stored value as the defaults', async () => {
    const { db, service, settings } = open()
    await settings.set(PDF_SETTINGS_KEY, '{not json')
    expect(await service.get()).toEqual(DEFAULT_PDF_SETTINGS)
    await settings.set(PDF_SETTINGS_KEY, JSON.stringify({ pageSize: 'A5' }))
    expect(await service.get()).toEqual(DEFAULT_PDF_SETTINGS)
    db.close()
  })

  it('validates exactly two fields', () => {
    expect(
      validatePdfSettings({ pageSize: 'A4', includeContactDetails: false, extra: 1 })
    ).toMatchObject({
      ok: false,
      issues: [{ itemId: 'extra', code: 'unknown-item' }]
    })
    expect(validatePdfSettings(null)).toMatchObject({ ok: false })
  })
})
