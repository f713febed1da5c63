/**
 * Patient mode: the device handed to the patient is locked to one intake, speaks the patient's
 * language, and never shows clinical alarm words; an emergency answer calmly sends the patient to
 * the front desk and pauses the form until staff enter their PIN. Staff always see the banner.
 */
import type { Page } from '@playwright/test'
import { CATALOGUE } from '../../src/domain'
import es from '../../src/i18n/es'
import { expect, test } from './fixtures'
import { IntakeForm } from './pages/intakeForm'
import { answersOf, goldenCase, storedIntake } from './support'

const PIN = '4826'
/** Routine answers that get a patient through the first four steps to the safety questions. */
const ROUTINE = goldenCase('doms-routine').answers
const BEFORE_SAFETY = answersOf(ROUTINE, 'patient.', 'complaint.', 'pain.', 'peg.')
/** Clinician words that belong on staff screens only (the patient's own questions use plain words). */
const CLINICAL_WORDS =
  /cauda|equina|emergency|urgent|red flag|malignan|spinal infection|vascular|aortic|spondylo/i

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText()
}

async function handToPatient(form: IntakeForm): Promise<string> {
  await form.setStaffPin(PIN)
  await form.startAsPatient()
  return form.intakeId()
}

test('patient mode hides staff screens, speaks Spanish when chosen, and needs the PIN to leave', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await expect(form.staffNavigation()).toBeVisible()
  const id = await handToPatient(form)

  await expect(form.staffNavigation()).toHaveCount(0)
  await page.evaluate(() => {
    window.location.hash = '#/intakes'
  })
  await expect(page).toHaveURL(new RegExp(`#/intake/${id}`))
  await expect(form.stepHeading('about')).toBeVisible()
  const refused = await page.evaluate(() => window.api.listIntakes({}))
  expect(refused.ok).toBe(false)
  if (!refused.ok) expect(refused.error.code).toBe('forbidden')

  await form.group('Choose your language').getByRole('radio', { name: 'Español' }).check()
  await expect(page.getByRole('heading', { level: 1, name: es.steps.about })).toBeVisible()
  await expect(page.getByRole('button', { name: es.form.next, exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect
    .poll(async () => (await storedIntake(page, id)).answers['patient.preferredLanguage'])
    .toBe('es')

  await page.getByRole('button', { name: 'Leave patient mode' }).click()
  await form.enterPin('0000')
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.')
  await expect(form.staffNavigation()).toHaveCount(0)
  await form.enterPin(PIN)
  await expect(form.staffNavigation()).toBeVisible()
  // Staff chrome is English even while the patient's form stays in Spanish.
  await expect(
    form.staffNavigation().getByRole('link', { name: 'Intakes', exact: true })
  ).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: es.steps.about })).toBeVisible()
  expect((await page.evaluate(() => window.api.listIntakes({}))).ok).toBe(true)
})

test('an emergency answer in patient mode sends the patient to the front desk and pauses the form', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await handToPatient(form)
  await form.fillUntil('safety', BEFORE_SAFETY)

  await form.answer(rfItem('rf.bladder'), 'yes')
  const alert = page.getByRole('alertdialog', { name: 'Please go to the front desk now' })
  await expect(alert).toBeVisible({ timeout: 1_000 })
  await expect(alert).toContainText('a clinician would like to see you straight away')
  // The form behind cannot go on, and nothing clinical is said to the patient.
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled()
  await expect(page.getByTestId('concern-banner')).toHaveCount(0)
  expect(await visibleText(page)).not.toMatch(CLINICAL_WORDS)
  // The keyboard cannot reach the form behind either (to change the answer and so lift the pause).
  for (let press = 0; press < 6; press += 1) {
    await page.keyboard.press('Tab')
    const escaped = await page.evaluate(
      () =>
        Boolean(document.activeElement?.closest('form, nav')) &&
        !document.activeElement?.closest('[role="alertdialog"]')
    )
    expect(escaped, 'focus left the alert for the form behind it').toBe(false)
  }

  await alert.getByRole('button', { name: 'Staff: enter your PIN to continue' }).click()
  await form.enterPin(PIN)
  await expect(alert).toHaveCount(0)
  await expect(form.staffNavigation()).toBeVisible()
  const banner = page
    .getByRole('alert')
    .filter({ has: page.getByRole('heading', { name: /EMERGENCY/ }) })
  await expect(banner).toContainText('Emergency: Cauda equina')
  await expect(banner).toContainText('Why: Bladder dysfunction')
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled()
})

test('an urgent answer in patient mode alarms nobody on screen, and staff see it once back', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await handToPatient(form)
  await form.fillUntil('safety', BEFORE_SAFETY)

  await form.answer(rfItem('rf.fever'), 'yes')
  await expect(form.saveStatus()).toHaveText('Saved')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect(page.getByTestId('concern-banner')).toHaveCount(0)
  expect(await visibleText(page)).not.toMatch(CLINICAL_WORDS)
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled()

  await form.leavePatientMode(PIN)
  await expect(form.staffNavigation()).toBeVisible()
  const banner = page.getByTestId('concern-banner')
  await expect(banner.getByRole('heading')).toHaveText(/^Urgent/)
  await expect(banner).toContainText('Urgent: Spinal infection')
  await expect(banner).toContainText('Why: Fever')
})

test('in staff mode an emergency answer raises the banner at once, before any save', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('safety', BEFORE_SAFETY)
  await expect(form.saveStatus()).toHaveText('Saved')

  await form.answer(rfItem('rf.saddleNumbness'), 'yes')
  // One snapshot of the page right after the answer: the banner is up while the save is still pending.
  const snapshot = await page.evaluate(() => ({
    alert:
      document.querySelector('[role="alert"][data-testid="concern-banner"]')?.textContent ?? null,
    saveStatus: document.querySelector('[data-testid="save-status"]')?.textContent?.trim() ?? null
  }))
  expect(snapshot.alert).toContain('EMERGENCY: see this patient now')
  expect(snapshot.alert).toContain('Saddle anaesthesia')
  expect(snapshot.saveStatus).toBe('Saving…')
  await expect(page.getByRole('alert')).toContainText('Emergency: Cauda equina')
  // It stays: saving does not clear it.
  await expect(form.saveStatus()).toHaveText('Saved')
  await expect(page.getByRole('alert')).toContainText('Emergency: Cauda equina')
})

function rfItem(id: string) {
  const item = CATALOGUE.find((candidate) => candidate.id === id)
  if (!item) throw new Error(`No item ${id}`)
  return item
}
