/**
 * The front desk's rough handling, reproduced as it was reported: one invalid field must not
 * hold back the other answers, and an emergency answer must be in the database before a reload.
 */
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { AUTOSAVE_DELAY_MS } from '../../src/form/autosave'
import { goldenCase, storedIntake } from './support'

const ROUTINE = goldenCase('doms-routine').answers

test('a half-typed e-mail does not stop the bladder answer being saved, and the status names the question', async ({
  app
}) => {
  let page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('safety', ROUTINE)
  const id = form.intakeId()

  // Back to step 1, leave the e-mail half-typed, jump forward with the stepper.
  await page.getByRole('button', { name: /About you/ }).click()
  await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill('name@')
  await page.getByRole('button', { name: /Safety questions/ }).click()
  await form.stepHeading('safety').waitFor()
  await form
    .group(message('items.rf.bladder.label'))
    .getByRole('radio', { name: 'Yes', exact: true })
    .check()

  await expect(page.getByTestId('concern-banner')).toContainText('EMERGENCY')
  // The truth, in the patient's words: saved, except the e-mail, named as on screen.
  await expect(form.saveStatus()).toHaveText(
    'Saved, except your answer to “E-mail address”: please check it. Everything else is saved.'
  )
  const stored = await storedIntake(page, id)
  expect(stored.answers['rf.bladder']).toBe('yes')
  expect(stored.answers['patient.email']).toBeUndefined()
  expect(stored.evaluation.concern).toBe('emergency')

  // The half-typed value stays on screen with its reason.
  await page.getByRole('button', { name: /About you/ }).click()
  const email = page.getByRole('textbox', { name: 'E-mail address', exact: true })
  await expect(email).toHaveValue('name@')
  await expect(email).toHaveAttribute('aria-invalid', 'true')

  // Closed and reopened: the start screen shows the emergency, not "No flags".
  page = await app.restart()
  const row = page.getByRole('listitem').filter({ hasText: 'Maya Okafor' })
  await expect(row).toContainText('Emergency')
})

test('a bowel answer survives a reload the moment after it is given, and so does the alert', async ({
  app
}) => {
  let page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('safety', ROUTINE)
  const id = form.intakeId()
  await form
    .group(message('items.rf.bowel.label'))
    .getByRole('radio', { name: 'Yes', exact: true })
    .check()
  await page.reload()
  page = app.page
  await expect(page.getByTestId('concern-banner')).toContainText('EMERGENCY')
  await expect(
    form.group(message('items.rf.bowel.label')).getByRole('radio', { name: 'Yes', exact: true })
  ).toBeChecked()
  expect((await storedIntake(page, id)).answers['rf.bowel']).toBe('yes')
})

test('closing the window a moment after typing an answer keeps it: the app saves before it closes', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('history', ROUTINE)
  const id = form.intakeId()
  const medications = page.getByRole('textbox', {
    name: message('items.history.medications.label'),
    exact: true
  })
  await medications.fill('Ibuprofen 400 mg when needed')
  const typedAt = Date.now()
  // Well inside the typing pause: nothing has been written yet.
  expect((await storedIntake(page, id)).answers['history.medications']).toBeUndefined()
  const { page: reopened, closedAt } = await app.closeAndReopen()
  // Closed before the typing pause was over: the answer was saved by the close, not by the timer.
  expect(closedAt - typedAt).toBeLessThan(AUTOSAVE_DELAY_MS)
  expect((await storedIntake(reopened, id)).answers['history.medications']).toBe(
    'Ibuprofen 400 mg when needed'
  )
})

test('the staff alert appears in view without moving the answers, and stays until acknowledged', async ({
  app
}) => {
  const page = app.page
  await page.setViewportSize({ width: 1024, height: 768 })
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('safety', ROUTINE)
  await form.fillStep('safety', ROUTINE)

  // Low on the long safety step, as reported: the fever question, scrolled into view.
  const fever = form.group(message('items.rf.fever.label'))
  await fever.scrollIntoViewIfNeeded()
  const before = await fever.boundingBox()
  await fever.getByRole('radio', { name: 'Yes', exact: true }).check()

  const dock = page.getByTestId('concern-banner')
  await expect(dock).toContainText('Urgent: Spinal infection')
  // Nothing under the finger moved.
  expect(await fever.boundingBox()).toEqual(before)
  // The alert is inside the viewport, where the person is looking.
  const box = await dock.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(768)
  // Announced politely, naming the flag.
  await expect(page.getByTestId('concern-announcement')).toHaveAttribute('aria-live', 'polite')
  await expect(page.getByTestId('concern-announcement')).toContainText('Spinal infection')

  // Acknowledged, it shrinks to one line that still names the flag...
  await dock.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(dock).toHaveAttribute('data-acknowledged', 'true')
  await expect(dock).toContainText('Urgent: Spinal infection')
  // ...and opens again when something new fires.
  await form
    .group(message('items.rf.bladder.label'))
    .getByRole('radio', { name: 'Yes', exact: true })
    .check()
  await expect(dock).not.toHaveAttribute('data-acknowledged', 'true')
  await expect(dock).toContainText('Emergency: Cauda equina')
  await page.screenshot({ path: 'test-results/screenshots/alert-dock.png' })
})

test('a submitted intake reached again by the back button is read-only', async ({ app }) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillAll(ROUTINE)
  const id = form.intakeId()
  await form.submit()
  await expect(page.getByTestId('concern')).toBeVisible()
  await page.goBack()
  await expect(page.getByTestId('read-only')).toContainText('This intake has been submitted')
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Submit' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Open the record' }).click()
  await expect(page).toHaveURL(new RegExp(`#/intakes/${id}$`))
})
