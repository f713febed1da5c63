/**
 * Triage on the record, through the screen as a clinician would do it: a
 * flagged intake cannot be decided until each flag is ticked as seen; the
 * decision is recorded with who and when and the record reads "Reviewed";
 * changing it adds a version while the earlier one stays visible with who
 * and when; the PDF summary prints the current decision. A decision recorded
 * by someone else while the form was open is not overwritten: the clinician
 * is told who decided and when, and sees that decision.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { pdfPages } from '../unit/main/services/pdf/pdfBytes'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake, storedIntake } from './support'
import staff from '../../src/i18n/staff'

const TEXT = staff.staff.triage
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/triage')
const CLINICIAN = { name: 'Dr Chris Clinician', secret: 'spine and sinew 42' }
/** Cauda equina (emergency) and a history of cancer (urgent): two flags to acknowledge. */
const FLAGGED = { ...goldenCase('cauda-equina-emergency').answers, 'rf.cancerHistory': 'yes' }

test.beforeEach(({ app }) => {
  test.skip(
    app.kind !== 'web',
    'The PDF check needs the web fixture: its transport stands in for the save and print dialogs.'
  )
  mkdirSync(SCREENSHOTS, { recursive: true })
})

async function signInAs(page: Page, who: { name: string; secret: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill(who.name)
  await page.getByLabel('Password or PIN', { exact: true }).fill(who.secret)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByTestId('signed-in-as')).toContainText(who.name)
}

/**
 * Keeps the triage panel whole (it can be taller than the window) and the
 * top of the record around it, for people to open.
 */
async function shoot(page: Page, name: string): Promise<void> {
  await page
    .getByRole('region', { name: TEXT.title, exact: true })
    .screenshot({ path: join(SCREENSHOTS, name.replace('.png', '-panel.png')) })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(SCREENSHOTS, name) })
}

/** A stored time as the screen shows it: the browser's own locale and clock. */
function shownTime(page: Page, iso: string): Promise<string> {
  return page.evaluate((at) => new Date(at).toLocaleString(), iso)
}

function today(): string {
  const now = new Date()
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Ticks every flag as seen, chooses a decision, types notes and saves. */
async function decide(panel: Locator, decision: string, notes: string): Promise<void> {
  for (const flag of ['Cauda equina', 'Malignancy']) {
    await panel.getByRole('checkbox', { name: `${TEXT.seen}: ${flag}` }).check()
  }
  await panel.getByRole('radio', { name: decision, exact: true }).check()
  await panel.getByLabel(TEXT.notes).fill(notes)
  await panel.getByRole('button', { name: /^Save/ }).click()
}

test('a clinician decides on a flagged record, changes the decision, and the PDF prints the current one', async ({
  app
}) => {
  const page = app.page
  const id = await seedIntake(page, FLAGGED, { submit: true })
  await page.evaluate(
    async (who) => {
      const added = await window.api.addStaff({ ...who, role: 'clinician' })
      if (!added.ok) throw new Error(added.error.message)
    },
    { name: CLINICIAN.name, secret: CLINICIAN.secret }
  )
  await signInAs(page, CLINICIAN)
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)

  const panel = page.getByRole('region', { name: TEXT.title, exact: true })
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('review-status')).toHaveText(TEXT.status.submitted)
  await expect(panel.getByRole('checkbox')).toHaveCount(2)
  const decisions = [
    'Proceed with treatment',
    'Proceed with safety-netting advice',
    'Further assessment needed',
    'Urgent referral',
    'Emergency referral'
  ]
  await expect(panel.getByRole('radio')).toHaveCount(decisions.length)
  for (const [index, decision] of decisions.entries()) {
    await expect(panel.getByRole('radio').nth(index)).toHaveAccessibleName(decision)
  }

  // Not one flag ticked: nothing is recorded, and the screen says which flags are unseen.
  await panel.getByRole('radio', { name: 'Urgent referral', exact: true }).check()
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  await expect(panel.getByRole('alert')).toHaveText(
    'Tick “I have seen this” for every flag before saving. Not yet ticked: Cauda equina, Malignancy.'
  )
  expect((await storedIntake(page, id)).triage).toEqual([])
  await shoot(page, '1-unacknowledged.png')

  await decide(
    panel,
    'Urgent referral',
    'Same-day MRI requested; patient told to go to A&E if bladder changes.'
  )
  await expect(panel.getByRole('status')).toHaveText(TEXT.saved)
  const first = (await storedIntake(page, id)).triage
  expect(first).toHaveLength(1)
  expect(first[0]).toMatchObject({
    version: 1,
    decision: 'urgent-referral',
    acknowledgedFlags: ['cauda-equina', 'malignancy'],
    decidedBy: { name: CLINICIAN.name }
  })
  const firstAt = await shownTime(page, first[0]?.decidedAt ?? '')
  const current = panel.getByTestId('triage-current')
  await expect(current).toContainText('Urgent referral')
  await expect(current).toContainText(`Decided by ${CLINICIAN.name} on ${firstAt}`)
  await expect(current).toContainText('Flags acknowledged: Cauda equina, Malignancy')
  await expect(page.getByTestId('review-status')).toHaveText(TEXT.status.reviewed)
  await shoot(page, '2-recorded.png')

  // A change adds version 2; version 1 stays on screen with who and when.
  await panel.getByRole('button', { name: TEXT.change, exact: true }).click()
  await expect(
    panel.getByRole('checkbox', { name: `${TEXT.seen}: Cauda equina` })
  ).not.toBeChecked()
  await decide(panel, 'Emergency referral', 'Saddle numbness worse on re-test: ambulance called.')
  await expect(panel.getByRole('status')).toHaveText(TEXT.saved)
  const second = (await storedIntake(page, id)).triage
  expect(second.map((version) => [version.version, version.decision])).toEqual([
    [1, 'urgent-referral'],
    [2, 'emergency-referral']
  ])
  const secondAt = await shownTime(page, second[1]?.decidedAt ?? '')
  await expect(current).toContainText('Emergency referral')
  await expect(current).toContainText(`Decided by ${CLINICIAN.name} on ${secondAt}`)
  const earlier = panel.getByTestId('triage-earlier')
  await expect(earlier.getByRole('listitem')).toHaveCount(1)
  await expect(earlier.getByRole('listitem')).toContainText('Urgent referral')
  await expect(earlier.getByRole('listitem')).toContainText(
    `Decided by ${CLINICIAN.name} on ${firstAt} · Version 1`
  )
  await expect(earlier).toContainText('Same-day MRI requested')
  await shoot(page, '3-changed.png')

  // The PDF summary prints the current decision, its time and who, near the top.
  await page.getByRole('button', { name: staff.staff.pdf.export, exact: true }).click()
  const fileName = `${today()} Okafor, Maya – intake.pdf`
  await expect(page.getByTestId('pdf-status')).toHaveText(
    staff.staff.pdf.saved.replace('{fileName}', fileName)
  )
  const pages = await pdfPages(readFileSync(join(app.exportDir, fileName)))
  const firstPage = (pages[0] ?? '').replace(/\s+/g, ' ')
  const printedAt = await page.evaluate((at) => {
    const date = new Date(at)
    const pad = (value: number) => String(value).padStart(2, '0')
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
  }, second[1]?.decidedAt ?? '')
  expect(firstPage).toContain('Triage decision: Emergency referral')
  expect(firstPage).toContain(`decided ${printedAt} by ${CLINICIAN.name}`)
  expect(firstPage).toContain('Decision changed: version 2')
  expect(firstPage).not.toContain('Urgent referral')
  expect(firstPage.indexOf('Triage decision')).toBeLessThan(firstPage.indexOf('RED FLAGS'))
})

test('a decision recorded by someone else while the form was open is not overwritten', async ({
  app
}) => {
  const page = app.page
  const id = await seedIntake(page, FLAGGED, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)
  const panel = page.getByRole('region', { name: TEXT.title, exact: true })
  await expect(panel.getByRole('checkbox')).toHaveCount(2)

  // Meanwhile, at another screen, version 1 is recorded.
  await page.evaluate(async (intakeId) => {
    const recorded = await window.api.recordTriage({
      intakeId,
      decision: 'further-assessment',
      notes: 'Seen at the other desk.',
      acknowledgedFlags: ['cauda-equina', 'malignancy'],
      expectedVersion: 0
    })
    if (!recorded.ok) throw new Error(recorded.error.message)
  }, id)

  await decide(panel, 'Proceed with treatment', 'Decided on what was on screen.')
  const alert = panel.getByTestId('triage-error')
  await expect(alert).toContainText(
    /Another decision was recorded at .+ by Test Administrator; reload to see it before deciding\./
  )
  await expect(alert).toContainText(TEXT.reloaded)
  // The other decision is what the screen now shows; the one based on the old view was not recorded.
  await expect(panel.getByTestId('triage-current')).toContainText('Further assessment needed')
  const stored = (await storedIntake(page, id)).triage
  expect(stored.map((version) => version.decision)).toEqual(['further-assessment'])
  await shoot(page, '4-conflict.png')

  // Printing gives the decision that stands.
  await page.getByRole('button', { name: staff.staff.pdf.print, exact: true }).click()
  await expect(page.getByTestId('pdf-status')).toHaveText(staff.staff.pdf.printed)
  const printed = await pdfPages(app.printedPdfs[0] ?? new Uint8Array())
  expect((printed[0] ?? '').replace(/\s+/g, ' ')).toContain(
    'Triage decision: Further assessment needed'
  )
})
