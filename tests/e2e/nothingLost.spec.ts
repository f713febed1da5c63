/**
 * The front desk's rough handling, reproduced as it was reported: one invalid field must not
 * hold back the other answers, and an emergency answer must be in the database before a reload.
 */
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
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
