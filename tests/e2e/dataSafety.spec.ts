/**
 * The audit trail and the backups through the administrator's screens: every
 * action of the session is in the trail, a row changed behind the app's back
 * is named by "Verify the trail", a backup is made and restored (the current
 * database moved aside, never overwritten), and the app comes back on the
 * restored copy.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { TEST_ADMINISTRATOR } from '../support/webApp'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake } from './support'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/data-safety')
const ROUTINE = goldenCase('doms-routine').answers

async function openAudit(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Audit trail', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test('the audit trail lists what was done, filters it, and names a row changed behind the app’s back', async ({
  app
}) => {
  const page = app.page
  const submitted = await seedIntake(page, ROUTINE, { submit: true })
  await page.evaluate((id) => {
    window.location.hash = `#/intakes/${id}`
  }, submitted)
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeVisible()

  await openAudit(page)
  const table = page.getByRole('table')
  await expect(table).toContainText('Intake submitted')
  await expect(table).toContainText('Intake viewed')
  await expect(table).toContainText('First administrator created')
  await expect(table).toContainText(TEST_ADMINISTRATOR.name)
  // Nothing of the patient is in the trail: ids and people only.
  await expect(page.locator('body')).not.toContainText('Okafor')

  await page.getByLabel('What was done').selectOption({ label: 'Intake viewed' })
  await page.getByRole('button', { name: 'Show entries' }).click()
  await expect(table.getByRole('row')).toHaveCount(2)

  await page.getByRole('button', { name: 'Verify the trail' }).click()
  await expect(page.getByRole('status').filter({ hasText: /entries check out/ })).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'audit-trail.png'), fullPage: true })

  // Someone edits the file with another program: drops the guard and rewrites an entry.
  const db = new Database(join(app.dataDir, 'back-intake.sqlite3'))
  let changed: number
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update')
    for (const { name } of db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
      )
      .all()) {
      db.exec(`DROP TRIGGER "${name}"`)
    }
    const row = db
      .prepare<[], { seq: number }>(
        "SELECT seq FROM audit_log WHERE action = 'intake-viewed' ORDER BY seq LIMIT 1"
      )
      .get()
    if (!row) throw new Error('no intake-viewed entry')
    changed = row.seq
    db.prepare("UPDATE audit_log SET actor_name = 'Somebody Else' WHERE seq = ?").run(changed)
  } finally {
    db.close()
  }
  await page.getByRole('button', { name: 'Verify the trail' }).click()
  const broken = page.getByRole('alert').filter({ hasText: `Entry ${changed} does not check out` })
  await expect(broken).toBeVisible()
  await expect(broken).toContainText('changed after it was written')
  await page.screenshot({ path: join(SCREENSHOTS, 'audit-trail-broken.png'), fullPage: true })
})

test('a backup is made, and restoring it moves the current database aside and brings the app back on the copy', async ({
  app
}) => {
  let page = app.page
  const kept = await seedIntake(page, { 'patient.familyName': 'Beforebackup' })
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  const card = page.getByRole('region', { name: 'Data safety' })
  await card.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(card.getByLabel('Backup folder')).toHaveValue(app.backupDir)
  await card.getByRole('button', { name: 'Save backup settings' }).click()
  await expect(card.getByRole('status').filter({ hasText: 'Backup settings saved.' })).toBeVisible()
  await card.getByRole('button', { name: 'Back up now' }).click()
  await expect(card.getByRole('status').filter({ hasText: /^Backup made: / })).toBeVisible()
  await expect(card.getByTestId('backup-list').getByRole('row')).toHaveCount(2)
  expect(readdirSync(app.backupDir).filter((name) => name.endsWith('.sqlite3'))).toHaveLength(1)
  await page.screenshot({ path: join(SCREENSHOTS, 'backups.png'), fullPage: true })

  // Work after the backup, which the restore will take away.
  const lost = await seedIntake(page, { 'patient.familyName': 'Afterbackup' })

  await card.getByRole('button', { name: /^Restore the backup made / }).click()
  const dialog = page.getByRole('dialog', { name: /^Restore the backup made / })
  await expect(dialog).toContainText('moved aside')
  await page.screenshot({ path: join(SCREENSHOTS, 'restore-confirm.png') })
  await dialog.getByRole('button', { name: 'Restore and restart' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: /^Restored / })).toBeVisible()
  const movedAside = readdirSync(app.dataDir).filter((name) =>
    name.startsWith('back-intake.sqlite3.before-restore-')
  )
  expect(movedAside.length).toBeGreaterThanOrEqual(1)

  // The desktop app relaunches itself here; the test starts it again on the same folder.
  page = await app.restart()
  await page.getByRole('navigation').getByRole('link', { name: 'Intakes', exact: true }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Beforebackup' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'Afterbackup' })).toHaveCount(0)
  const gone = await page.evaluate((id) => window.api.getIntake({ id }), lost)
  expect(gone.ok ? 'found' : gone.error.code).toBe('not-found')
  const there = await page.evaluate((id) => window.api.getIntake({ id }), kept)
  expect(there.ok).toBe(true)

  // The moved-aside database still holds the later work, byte for byte what it was.
  const aside = new Database(join(app.dataDir, movedAside[0] ?? ''), { readonly: true })
  try {
    const row = aside.prepare('SELECT id FROM intakes WHERE id = ?').get(lost)
    expect(row).toBeTruthy()
  } finally {
    aside.close()
  }
  await openAudit(page)
  await expect(page.getByRole('table')).toContainText('Backup restored')
})
