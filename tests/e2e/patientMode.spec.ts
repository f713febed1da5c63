/**
 * Patient mode: the device handed to the patient is locked to one intake, speaks the patient's
 * language, and never shows clinical alarm words; an emergency answer calmly sends the patient to
 * the front desk (with the clinic's phone number when Settings has one) and pauses the form until
 * a member of staff signs in. Staff always see the banner.
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { CATALOGUE } from '../../src/domain'
import es from '../../src/i18n/es'
import { TEST_ADMINISTRATOR } from '../support/webApp'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { SettingsPage } from './pages/settingsPage'
import { answersOf, goldenCase, storedIntake } from './support'

const PIN = TEST_ADMINISTRATOR.secret
/** Routine answers that get a patient through the first four steps to the safety questions. */
const ROUTINE = goldenCase('doms-routine').answers
const BEFORE_SAFETY = answersOf(ROUTINE, 'patient.', 'complaint.', 'pain.', 'peg.')
/** Clinician words that belong on staff screens only (the patient's own questions use plain words). */
const CLINICAL_WORDS =
  /cauda|equina|emergency|urgent|red flag|malignan|spinal infection|vascular|aortic|spondylo/i

/** Screenshots for people to look at (not compared to a baseline). */
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/clinic-details')
const CLINIC = {
  name: 'Riverside Sports Physiotherapy',
  address: '12 Mill Lane\nRiverside RV1 2AB',
  phone: '+44 20 7946 0321'
} as const
/** The patient's emergency message with the phone, as the English messages word it. */
const BODY_WITH_PHONE = message('patientAlert.bodyWithPhone').replace('{phone}', CLINIC.phone)
/** The phone sentence up to the number, so its absence can be checked. */
const PHONE_CLAUSE = message('patientAlert.bodyWithPhone').split('{phone}')[0] ?? ''

/** Serious or critical WCAG 2.1 A/AA problems axe finds on the page, one line each. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)
}

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText()
}

async function handToPatient(form: IntakeForm): Promise<string> {
  await form.startAsPatient()
  return form.intakeId()
}

test('patient mode hides staff screens, speaks Spanish when chosen, and needs a staff sign-in to leave', async ({
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
  await form.enterPin('000000')
  await expect(page.getByRole('alert')).toHaveText(
    'That name and password or PIN do not match an account.'
  )
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
  const alert = patientAlert(page)
  await expect(alert).toBeVisible({ timeout: 1_000 })
  await expect(alert).toContainText(message('patientAlert.body'))
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

  await alert.getByRole('button', { name: message('patientAlert.staffUnlock') }).click()
  await form.enterPin(PIN)
  await expect(alert).toHaveCount(0)
  await expect(form.staffNavigation()).toBeVisible()
  const banner = page
    .getByTestId('concern-banner')
    .filter({ has: page.getByRole('heading', { name: /EMERGENCY/ }) })
  await expect(banner).toContainText('Emergency: Cauda equina')
  await banner.getByRole('button', { name: 'Why?' }).click()
  await expect(banner).toContainText('Bladder dysfunction: yes')
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled()
})

test('after an emergency, staff hand the same intake back to the patient where it was', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const id = await handToPatient(form)
  await form.fillUntil('safety', BEFORE_SAFETY)
  await form.answer(rfItem('rf.bladder'), 'yes')
  const alert = patientAlert(page)
  await alert.getByRole('button', { name: message('patientAlert.staffUnlock') }).click()
  await form.enterPin(PIN)
  await expect(form.staffNavigation()).toBeVisible()

  // Staff have seen it; they hand the device back.
  await page.getByRole('button', { name: 'Hand back to the patient' }).click()
  await expect(form.staffNavigation()).toHaveCount(0)
  await expect(form.stepHeading('safety')).toBeVisible()
  expect(form.intakeId()).toBe(id)
  // The same emergency does not pause the patient again; the answers are all there.
  await expect(alert).toHaveCount(0)
  await expect(
    form.group(message('items.rf.bladder.label')).getByRole('radio', { name: 'Yes', exact: true })
  ).toBeChecked()
  await form.answer(rfItem('rf.fever'), 'no')
  await expect(alert).toHaveCount(0)
  // A new emergency answer does.
  await form.answer(rfItem('rf.bowel'), 'yes')
  await expect(alert).toBeVisible()
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
  await banner.getByRole('button', { name: 'Why?' }).click()
  await expect(banner).toContainText('Fever: yes')
})

test('in staff mode an emergency answer raises the banner at once, as it is saved', async ({
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
    alert: document.querySelector('[data-testid="concern-banner"]')?.textContent ?? null,
    announced: document.querySelector('[data-testid="concern-announcement"]')?.textContent ?? null,
    saveStatus: document.querySelector('[data-testid="save-status"]')?.textContent?.trim() ?? null
  }))
  expect(snapshot.alert).toContain('EMERGENCY: see this patient now')
  expect(snapshot.alert).toContain('Emergency: Cauda equina')
  expect(snapshot.announced).toContain('Emergency: Cauda equina')
  // The tap is written at once, not after a typing pause (it may already be done).
  expect(['Saving…', 'Saved']).toContain(snapshot.saveStatus)
  const banner = page.getByTestId('concern-banner')
  await expect(banner).toContainText('Emergency: Cauda equina')
  // It stays: saving does not clear it.
  await expect(form.saveStatus()).toHaveText('Saved')
  await expect(banner).toContainText('Emergency: Cauda equina')
})

test('the clinic phone set in Settings is on the patient emergency screen, as plain large text', async ({
  app
}) => {
  let settings = new SettingsPage(app.page)
  await settings.open()

  // A phone number that is not one is refused at its field, and the error is tied to it.
  await settings.saveClinicDetails({ ...CLINIC, phone: 'call the desk' })
  const phone = settings.clinicPhone()
  await expect(phone).toHaveAttribute('aria-invalid', 'true')
  await expect(phone).toBeFocused()
  await expect(phone).toHaveAccessibleDescription(/may contain only digits, spaces/)
  await expect(settings.clinicSaved()).toHaveCount(0)
  expect(await seriousAxeViolations(app.page)).toEqual([])
  expect(await app.page.evaluate(() => window.api.getClinicDetails({}))).toEqual({
    ok: true,
    value: { name: '', address: '', phone: '' }
  })

  // Extra spaces are trimmed away on save; the fields show what was stored.
  await settings.saveClinicDetails({ ...CLINIC, phone: `  ${CLINIC.phone} ` })
  await expect(settings.clinicSaved()).toBeVisible()
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true')
  await expect(phone).toHaveValue(CLINIC.phone)
  // Stored in the database: still there after the app restarts.
  const page = await app.restart()
  const form = new IntakeForm(page)
  settings = new SettingsPage(page)
  await settings.open()
  await expect(settings.clinicName()).toHaveValue(CLINIC.name)
  await expect(settings.clinicAddress()).toHaveValue(CLINIC.address)
  await expect(settings.clinicPhone()).toHaveValue(CLINIC.phone)
  await settings.clinicCard().scrollIntoViewIfNeeded()
  await page.screenshot({
    path: join(SCREENSHOTS, 'settings-clinic-details.png'),
    fullPage: true,
    animations: 'disabled'
  })

  await handToPatient(form)
  await form.fillUntil('safety', BEFORE_SAFETY)
  await form.answer(rfItem('rf.bladder'), 'yes')

  const alert = patientAlert(page)
  await expect(alert).toBeVisible()
  await expect(alert.locator('#patient-alert-body')).toHaveText(BODY_WITH_PHONE)
  await expect(alert).toHaveAccessibleDescription(BODY_WITH_PHONE)
  // The number again on its own line, large, as text: no link in the kiosk.
  const number = alert.getByTestId('clinic-phone')
  await expect(number).toHaveText(CLINIC.phone)
  const size = await number.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  expect(size).toBeGreaterThanOrEqual(32)
  await expect(alert.getByRole('link')).toHaveCount(0)
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0)
  expect(await visibleText(page)).not.toMatch(CLINICAL_WORDS)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({
    path: join(SCREENSHOTS, 'patient-emergency-with-phone.png'),
    animations: 'disabled'
  })

  // Reopened in patient mode (a reload, or the app restarted on the tablet), the screen reads the
  // phone afresh as the patient: it is still there.
  const id = form.intakeId()
  await expect.poll(async () => (await storedIntake(page, id)).answers['rf.bladder']).toBe('yes')
  await page.reload()
  await expect(alert.getByTestId('clinic-phone')).toHaveText(CLINIC.phone)
  await expect(alert.locator('#patient-alert-body')).toHaveText(BODY_WITH_PHONE)

  // Staff still resume by signing in, as without a phone.
  await alert.getByRole('button', { name: message('patientAlert.staffUnlock') }).click()
  await form.enterPin(PIN)
  await expect(alert).toHaveCount(0)
})

test('without a clinic phone the emergency screen leaves the phone clause out', async ({ app }) => {
  const page = app.page
  const form = new IntakeForm(page)
  const settings = new SettingsPage(page)
  // A name and an address, but no phone: nothing about calling is shown.
  await settings.open()
  await settings.saveClinicDetails({ ...CLINIC, phone: '' })
  await expect(settings.clinicSaved()).toBeVisible()
  await handToPatient(form)
  await form.fillUntil('safety', BEFORE_SAFETY)

  await form.answer(rfItem('rf.bladder'), 'yes')

  const alert = patientAlert(page)
  await expect(alert).toBeVisible()
  await expect(alert.locator('#patient-alert-body')).toHaveText(message('patientAlert.body'))
  await expect(alert).not.toContainText(PHONE_CLAUSE.trim())
  await expect(alert.getByTestId('clinic-phone')).toHaveCount(0)
  await expect(alert).not.toContainText(CLINIC.name)
})

function patientAlert(page: Page) {
  return page.getByRole('alertdialog', { name: message('patientAlert.title'), exact: true })
}

function rfItem(id: string) {
  const item = CATALOGUE.find((candidate) => candidate.id === id)
  if (!item) throw new Error(`No item ${id}`)
  return item
}
