/**
 * The queue, the clinician's home screen: intakes of mixed concern in queue
 * order (emergency, urgent, review, none; the one waiting longest first), the
 * counts, each row's concern in words, flags and status; a new intake
 * appearing without a reload; and the emergency banner, which follows staff
 * from screen to screen until the record is opened, stacks, and never shows
 * in patient mode.
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { IntakeAnswers } from '../../src/domain'
import { TEST_ADMINISTRATOR } from '../support/webApp'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake } from './support'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/queue')

/** A golden case's answers under another name, so rows can be told apart. */
function named(caseName: string, givenName: string, familyName: string): IntakeAnswers {
  return {
    ...goldenCase(caseName).answers,
    'patient.givenName': givenName,
    'patient.familyName': familyName,
    'consent.signedBy': `${givenName} ${familyName}`
  }
}

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Queue', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible()
}

function todaysTable(page: Page) {
  return page.getByRole('table', { name: 'Today’s intakes, most pressing first' })
}

/** A draft saved through the API, as the form's autosave does, with an emergency answer. */
async function saveEmergencyDraft(page: Page, givenName: string, familyName: string) {
  return page.evaluate(
    async ({ given, family }) => {
      const identity = { 'patient.givenName': given, 'patient.familyName': family }
      const created = await window.api.createDraft({ answers: identity, entryMode: 'staff' })
      if (!created.ok) throw new Error(created.error.message)
      const saved = await window.api.saveDraft({
        id: created.value.id,
        revision: created.value.revision,
        answers: { ...identity, 'rf.bladder': 'yes', 'rf.saddleNumbness': 'yes' }
      })
      if (!saved.ok) throw new Error(saved.error.message)
      return created.value.id
    },
    { given: givenName, family: familyName }
  )
}

test('the queue puts emergencies first, then urgent, review and none, the longest-waiting first', async ({
  app
}) => {
  const page = app.page
  // Seeded oldest first: within a level, the order on screen is the order seeded.
  await seedIntake(page, named('doms-routine', 'Nora', 'Calm'), { submit: true })
  await seedIntake(page, named('fever', 'Uma', 'Fevered'), { submit: true })
  await seedIntake(page, named('mid-back-alone-review', 'Rita', 'Midback'), { submit: true })
  await seedIntake(page, named('cauda-equina-emergency', 'Emil', 'Saddle'), { submit: true })
  await seedIntake(page, named('cancer-history', 'Ursula', 'History'), { submit: true })
  await seedIntake(page, { 'patient.givenName': 'Dora', 'patient.familyName': 'Unfinished' })
  await saveEmergencyDraft(page, 'Ebba', 'Bladder')

  await openQueue(page)
  const table = todaysTable(page)
  await expect(table.getByRole('rowheader')).toHaveText([
    'Saddle, Emil',
    'Bladder, Ebba',
    'Fevered, Uma',
    'History, Ursula',
    'Midback, Rita',
    'Calm, Nora',
    'Unfinished, Dora'
  ])
  const counts = page.getByRole('list', { name: 'Intakes by concern' }).getByRole('listitem')
  await expect(counts).toHaveText(['2Emergency', '2Urgent', '1Review', '2No flags'])

  // Each row says its concern, status and flags in words, and the decision column waits for one.
  const saddle = table.getByRole('row', { name: /Saddle, Emil/ })
  await expect(saddle.getByRole('cell').nth(0)).toHaveText('Emergency')
  await expect(saddle).toContainText('Submitted')
  await expect(saddle).toContainText('Cauda equina (emergency)')
  await expect(saddle).toContainText('Not yet reviewed')
  await expect(saddle.getByRole('cell').nth(1)).toHaveText('30')
  const draft = table.getByRole('row', { name: /Bladder, Ebba/ })
  await expect(draft).toContainText('Draft')
  await expect(draft).toContainText('Cauda equina (emergency)')
  await expect(table.getByRole('row', { name: /Fevered, Uma/ })).toContainText(
    'Spinal infection (urgent)'
  )
  await expect(table.getByRole('row', { name: /Calm, Nora/ })).toContainText('None')
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-mixed-concerns.png'), fullPage: true })
  // The queue and the banners over it pass axe (WCAG 2.1 A and AA), not one violation.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

  // Another day shows nothing of today's, and "Today" comes back.
  await page.getByLabel('From', { exact: true }).fill('2026-01-01')
  await page.getByLabel('To', { exact: true }).fill('2026-01-02')
  await page.getByRole('button', { name: 'Show these days' }).click()
  await expect(page.getByText('No intakes on these days.')).toBeVisible()
  await page.getByRole('button', { name: 'Today', exact: true }).click()
  await expect(todaysTable(page).getByRole('rowheader')).toHaveCount(7)

  // A row opens the record.
  await saddle.getByRole('link', { name: /^Open record/ }).click()
  await expect(page).toHaveURL(/#\/intakes\/[0-9a-f-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Saddle')
})

test('a new intake appears in the queue by itself, in its place, without a reload', async ({
  app
}) => {
  const page = app.page
  await seedIntake(page, named('fever', 'Uma', 'Fevered'), { submit: true })
  await openQueue(page)
  const rows = todaysTable(page).getByRole('rowheader')
  await expect(rows).toHaveText(['Fevered, Uma'])
  // Anything set on the page survives only if it is not reloaded.
  await page.evaluate(() => {
    ;(window as unknown as { notReloaded: boolean }).notReloaded = true
  })

  await seedIntake(page, named('doms-routine', 'Nora', 'Calm'), { submit: true })
  await expect(rows).toHaveText(['Fevered, Uma', 'Calm, Nora'])
  await seedIntake(page, named('cauda-equina-emergency', 'Emil', 'Saddle'), { submit: true })
  await expect(rows).toHaveText(['Saddle, Emil', 'Fevered, Uma', 'Calm, Nora'])
  await expect(page.getByRole('list', { name: 'Intakes by concern' })).toContainText('1Emergency')
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
  ).toBe(true)
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-live-update.png'), fullPage: true })
})

test('an emergency raises a banner on every staff screen until its record is opened; it stacks and never shows to a patient', async ({
  app
}) => {
  const page = app.page
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  const banner = page.getByRole('list', { name: 'Emergencies waiting' })
  await expect(banner).toHaveCount(0)

  const first = await saveEmergencyDraft(page, 'Ada', 'Nwosu')
  await expect(banner.getByRole('listitem')).toHaveText(['Emergency: Nwosu, Ada — open'])

  // It follows the person to another screen, and a second emergency stacks under it.
  await page.getByRole('navigation').getByRole('link', { name: 'Intakes', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Intakes' })).toBeVisible()
  await seedIntake(page, named('cauda-equina-emergency', 'Bea', 'Second'), { submit: true })
  await expect(banner.getByRole('listitem')).toHaveText([
    'Emergency: Nwosu, Ada — open',
    'Emergency: Second, Bea — open'
  ])
  // A change that is not an emergency raises nothing.
  await seedIntake(page, named('fever', 'Uma', 'Fevered'), { submit: true })
  await expect(banner.getByRole('listitem')).toHaveCount(2)
  await page.screenshot({ path: join(SCREENSHOTS, 'emergency-banner-stacked.png'), fullPage: true })

  // Opened: that line goes, the other stays, on every screen after.
  await banner.getByRole('link', { name: 'Open the record of Nwosu, Ada' }).click()
  await expect(page).toHaveURL(new RegExp(`#/intakes/${first}$`))
  await expect(banner.getByRole('listitem')).toHaveText(['Emergency: Second, Bea — open'])
  await openQueue(page)
  await expect(banner.getByRole('listitem')).toHaveText(['Emergency: Second, Bea — open'])
  // Saving the emergency already seen does not bring it back.
  await page.evaluate(async (id) => {
    const current = await window.api.getIntake({ id })
    if (!current.ok) throw new Error(current.error.message)
    const saved = await window.api.saveDraft({
      id,
      revision: current.value.revision,
      answers: {
        'patient.givenName': 'Ada',
        'patient.familyName': 'Nwosu',
        'rf.bladder': 'yes',
        'rf.saddleNumbness': 'yes',
        'pain.now': 7
      }
    })
    if (!saved.ok) throw new Error(saved.error.message)
  }, first)
  await expect(todaysTable(page).getByRole('rowheader')).toHaveCount(3)
  await expect(banner.getByRole('listitem')).toHaveCount(1)
  await page.screenshot({
    path: join(SCREENSHOTS, 'emergency-banner-after-open.png'),
    fullPage: true
  })

  // The device handed to a patient: no banner, and no other patient's name anywhere on screen.
  const handed = await seedIntake(page, {})
  await page.evaluate(async (id) => {
    const started = await window.api.startPatientMode({ intakeId: id })
    if (!started.ok) throw new Error(started.error.message)
  }, handed)
  // The main process tells the window at once (its sessionChanged event): nothing is reloaded.
  await expect(page.getByTestId('emergency-banner')).toHaveCount(0)
  await page.evaluate((id) => {
    window.location.hash = `#/intake/${id}`
  }, handed)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByTestId('emergency-banner')).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText('Second')
  await page.screenshot({ path: join(SCREENSHOTS, 'patient-mode-no-banner.png') })
})

test('after signing in a clinician lands on the queue; the front desk starts at the start screen and sees no flags or decisions', async ({
  app
}) => {
  const page = app.page
  const desk = { name: 'Dana Front', secret: '846297' }
  await page.evaluate(async (account) => {
    const added = await window.api.addStaff({ ...account, role: 'front-desk' })
    if (!added.ok) throw new Error(added.error.message)
  }, desk)
  await seedIntake(page, named('cauda-equina-emergency', 'Emil', 'Saddle'), { submit: true })
  await seedIntake(page, { 'patient.givenName': 'Dora', 'patient.familyName': 'Unfinished' })

  const signInAs = async (who: { name: string; secret: string }) => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await page.getByLabel('Name', { exact: true }).fill(who.name)
    await page.getByLabel('Password or PIN', { exact: true }).fill(who.secret)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  await signInAs(TEST_ADMINISTRATOR)
  await expect(page).toHaveURL(/#\/queue$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible()
  // Signing in raises the emergency nobody has decided on yet.
  const banner = page.getByRole('list', { name: 'Emergencies waiting' })
  await expect(banner.getByRole('listitem')).toHaveText(['Emergency: Saddle, Emil — open'])

  await signInAs(desk)
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Dana Front (Front desk)')
  await expect(page).toHaveURL(/#\/$/)
  await expect(banner.getByRole('listitem')).toHaveText([
    'Emergency: Saddle, Emil — open the queue'
  ])
  // The front desk may not open a submitted record: the banner leads to the queue, and is seen.
  await banner.getByRole('link', { name: 'Open the queue to find Saddle, Emil' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible()
  await expect(banner).toHaveCount(0)
  const table = todaysTable(page)
  await expect(table.getByRole('columnheader')).toHaveText([
    'Concern',
    'Patient',
    'Age',
    'Time',
    'Status',
    'Action'
  ])
  await expect(table.getByRole('rowheader')).toHaveText(['Saddle, Emil', 'Unfinished, Dora'])
  await expect(table).not.toContainText('Cauda equina')
  await expect(table.getByRole('row', { name: /Saddle, Emil/ }).getByRole('link')).toHaveCount(0)
  await page.screenshot({ path: join(SCREENSHOTS, 'queue-front-desk.png'), fullPage: true })
  await table
    .getByRole('row', { name: /Unfinished, Dora/ })
    .getByRole('link', { name: /^Continue/ })
    .click()
  await expect(page).toHaveURL(/#\/intake\/[0-9a-f-]+$/)
})
