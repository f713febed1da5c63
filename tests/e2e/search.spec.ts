/**
 * Search as a clinician uses it, over the real main-process core: opened from
 * the intake list, results that follow the typing (a word from the patient's
 * free text, a partial name typed with or without its accents, Chinese), and
 * filters that narrow them; and results that follow intakes created,
 * submitted and triaged elsewhere while the page is open, without a reload.
 * Screenshots of a name typed, of filtered results and of results updated by
 * themselves go to test-results/screenshots/search/.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { IntakeAnswers } from '../../src/domain'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake } from './support'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/search')
const ROUTINE = goldenCase('doms-routine').answers

function person(given: string, family: string, story: string, extra: IntakeAnswers = {}) {
  return {
    ...ROUTINE,
    'patient.givenName': given,
    'patient.familyName': family,
    'consent.signedBy': `${given} ${family}`,
    'complaint.description': story,
    'goals.text': 'Back to normal.',
    ...extra
  }
}

/** The family names of the result rows, in order. */
function resultNames(page: Page) {
  return page.getByRole('table').getByRole('rowheader')
}

test('search follows the typing: free-text words, partial names with or without accents, Chinese', async ({
  app
}) => {
  const page = app.page
  await seedIntake(page, person('María José', 'Núñez', 'Hurt it doing heavy deadlifts on Monday'), {
    submit: true
  })
  await seedIntake(page, person('Nuno', 'Silva', 'Twinged it gardening at the weekend'), {
    submit: true
  })
  await seedIntake(
    page,
    person('小明', '王', '搬箱子的时候扭到腰，腰痛三天了', { 'patient.preferredLanguage': 'zh' })
  )
  await seedIntake(
    page,
    person('Bea', 'Bell', 'Numb between the legs since lifting a sofa', {
      'rf.saddleNumbness': 'yes'
    }),
    { submit: true }
  )

  // From the intake list, where the name search is, to the full search.
  await page.evaluate(() => {
    window.location.hash = '#/intakes'
  })
  await page.getByRole('link', { name: 'Search by words, dates, concern or decision' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Search intakes' })).toBeVisible()
  const box = page.getByRole('searchbox', { name: 'Name or words' })
  const status = page.getByTestId('search-status')
  await expect(status).toHaveText('Type a name or words, or choose a filter.')

  // A word from the patient's own text, found as it is typed.
  await box.pressSequentially('deadl', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(1)
  await expect(resultNames(page).first()).toContainText('Núñez, María José')
  await expect(status).toHaveText('1 intake matches.')

  // A partial name: 'nu' matches two names, and the next letters narrow it while typing.
  await box.fill('')
  await box.pressSequentially('nu', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(2)
  await expect(page.getByRole('table')).toContainText('Silva, Nuno')
  await box.pressSequentially('ne', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(1)
  await expect(resultNames(page).first()).toContainText('Núñez')
  await page.screenshot({ path: join(SCREENSHOTS, 'search-typing.png'), fullPage: true })

  // Typed with its accents and in capitals: the same person.
  await box.fill('')
  await box.pressSequentially('NÚÑE', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(1)
  await expect(resultNames(page).first()).toContainText('Núñez')

  // Chinese, written without spaces: two characters from the middle of the story.
  await box.fill('')
  await box.pressSequentially('腰痛', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(1)
  await expect(resultNames(page).first()).toContainText('王, 小明')
  await expect(page.getByRole('table')).toContainText('Unfinished')

  // A filter alone: the emergency, with its flag and its concern in words.
  await box.fill('')
  await page.getByLabel('Concern').selectOption({ label: 'Emergency' })
  await expect(resultNames(page)).toHaveCount(1)
  const emergency = page.getByRole('table').getByRole('row').nth(1)
  await expect(emergency).toContainText('Bell, Bea')
  await expect(emergency).toContainText('Emergency')
  await expect(emergency).toContainText('Cauda equina')

  // One letter: the start of a name, the most recent first.
  await page.getByLabel('Concern').selectOption({ label: 'Any' })
  await box.pressSequentially('n', { delay: 40 })
  await expect(resultNames(page)).toHaveCount(2)
  await expect(resultNames(page).nth(0)).toContainText('Silva, Nuno')
  await expect(resultNames(page).nth(1)).toContainText('Núñez, María José')
  // A status alone: the emergency first, for the screenshot.
  await box.fill('')
  await page.getByLabel('Status').selectOption({ label: 'Submitted, not reviewed' })
  await expect(resultNames(page)).toHaveCount(3)
  await expect(resultNames(page).first()).toContainText('Bell, Bea')
  await page.screenshot({ path: join(SCREENSHOTS, 'search.png'), fullPage: true })

  // Opening a result and coming back finds the search as it was.
  await page.getByRole('link', { name: /^Open record\s*: Silva, Nuno$/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Search intakes')
  await page.goBack()
  await expect(page.getByLabel('Status')).toHaveValue('submitted')
  await expect(resultNames(page)).toHaveCount(3)
})

test('the results follow intakes created, submitted and triaged elsewhere, without a reload', async ({
  app
}) => {
  const page = app.page
  const first = await seedIntake(page, person('Ada', 'Okafor', 'Hurt it lifting a sofa'), {
    submit: true
  })
  await page.evaluate(() => {
    window.location.hash = '#/search'
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Search intakes' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Name or words' }).pressSequentially('okafor', {
    delay: 40
  })
  const status = page.getByTestId('search-status')
  await expect(resultNames(page)).toHaveCount(1)
  await expect(resultNames(page).first()).toContainText('Okafor, Ada')
  await expect(status).toHaveText('1 intake matches.')
  // Anything set on the page survives only if it is not reloaded.
  await page.evaluate(() => {
    ;(window as unknown as { notReloaded: boolean }).notReloaded = true
  })

  // Another desk starts an intake for a second Okafor: the main process's
  // intakesChanged event reaches this page, where nothing is touched.
  await seedIntake(page, person('Ben', 'Okafor', 'Stiff every morning'))
  await expect(resultNames(page)).toHaveCount(2)
  await expect(status).toHaveText('2 intakes match.')
  await expect(page.getByRole('row', { name: /Okafor, Ben/ })).toContainText('Unfinished')

  // A third is submitted, then a clinician elsewhere decides on the first one.
  await seedIntake(page, person('Cleo', 'Okafor', 'Twinged it gardening'), { submit: true })
  await expect(resultNames(page)).toHaveCount(3)
  await expect(page.getByRole('row', { name: /Okafor, Cleo/ })).toContainText(
    'Submitted, not reviewed'
  )
  await page.evaluate(async (intakeId) => {
    const recorded = await window.api.recordTriage({
      intakeId,
      decision: 'proceed',
      notes: 'Seen at the other desk.',
      acknowledgedFlags: [],
      expectedVersion: 0
    })
    if (!recorded.ok) throw new Error(recorded.error.message)
  }, first)
  const firstRow = page.getByRole('row', { name: /Okafor, Ada/ })
  await expect(firstRow).toContainText('Proceed with treatment')
  await expect(firstRow).toContainText('Reviewed')
  // Someone not matching the search changes nothing on screen.
  await seedIntake(page, person('Dev', 'Park', 'Sore after a long drive'), { submit: true })
  await expect(resultNames(page)).toHaveCount(3)
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
  ).toBe(true)
  await page.screenshot({ path: join(SCREENSHOTS, 'search-live-update.png'), fullPage: true })
})
