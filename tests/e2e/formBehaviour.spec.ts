/**
 * How the form behaves around its answers: validation tied to the fields, answers kept across
 * Back/Next, the review step's Change buttons, and a failing save that loses nothing.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { goldenCase, storedIntake } from './support'

const ROUTINE = goldenCase('doms-routine').answers

/** The review's Change button for one question ("Change: <question>" to assistive technology). */
function changeButton(page: Page, question: string) {
  const escaped = question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByRole('button', { name: new RegExp(`^Change\\s*: ${escaped}$`) })
}

test('Next on an empty first step shows each problem at its field and focuses the first', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.next()

  await expect(
    page.getByRole('alert').filter({ hasText: 'Please check the highlighted answers.' })
  ).toBeVisible()
  await expect(form.stepHeading('about')).toBeVisible()
  const firstName = page.getByRole('textbox', { name: 'First name', exact: true })
  await expect(firstName).toBeFocused()
  for (const label of ['First name', 'Last name']) {
    const field = page.getByRole('textbox', { name: label, exact: true })
    await expect(field, label).toHaveAttribute('aria-invalid', 'true')
    // The message is what the field's description names (the date keeps its format hint too).
    await expect(field, label).toHaveAccessibleDescription(/Please answer this question\.$/)
    const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
    const texts = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText())
    )
    expect(texts, label).toContain('Please answer this question.')
  }
  // The date of birth is three boxes in one group: each is marked, and the group names the problem.
  const dateOfBirth = page.getByRole('group', { name: 'Date of birth', exact: true })
  await expect(dateOfBirth).toHaveAccessibleDescription(/Please answer this question\.$/)
  for (const part of ['Day', 'Month', 'Year']) {
    await expect(dateOfBirth.getByRole('textbox', { name: part })).toHaveAttribute(
      'aria-invalid',
      'true'
    )
  }
  // Optional fields are not flagged.
  await expect(
    page.getByRole('textbox', { name: 'Phone number', exact: true })
  ).not.toHaveAttribute('aria-invalid', 'true')

  // Fixing a field clears its message; the others stay until fixed.
  await firstName.fill('Maya')
  await expect(firstName).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('textbox', { name: 'Last name', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true'
  )
  await form.next()
  await expect(page.getByRole('textbox', { name: 'Last name', exact: true })).toBeFocused()
})

test('Back and Next keep every answer', async ({ app }) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('where', ROUTINE)
  await form.fillStep('where', ROUTINE)
  await expect(page.getByText('1 area chosen', { exact: true })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Left buttock' }).check()

  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(form.stepHeading('episode')).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Less than 1 week' })).toBeChecked()
  await expect(page.getByRole('radio', { name: '1 to 3 days after a workout' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Deadlifts' })).toBeChecked()
  await expect(
    page.getByRole('textbox', { name: 'In your own words, what happened?' })
  ).toHaveValue(String(ROUTINE['complaint.description']))
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('Maya')
  const dateOfBirth = page.getByRole('group', { name: 'Date of birth', exact: true })
  await expect(dateOfBirth.getByRole('textbox', { name: 'Day' })).toHaveValue('14')
  await expect(dateOfBirth.getByRole('textbox', { name: 'Month' })).toHaveValue('03')
  await expect(dateOfBirth.getByRole('textbox', { name: 'Year' })).toHaveValue('1996')
  await expect(page.getByRole('radio', { name: 'Female' })).toBeChecked()

  await form.next()
  await form.next()
  await expect(form.stepHeading('where')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Lower back, middle' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Left buttock' })).toBeChecked()
  await expect(page.getByText('2 areas chosen')).toBeVisible()
})

test('the review lists the answers and each Change button returns to its step', async ({ app }) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillAll(ROUTINE)

  const about = page.getByRole('region', { name: 'About you' })
  await expect(about).toContainText('Maya')
  await expect(about).toContainText('Okafor')
  await expect(about).toContainText('1996-03-14')
  await expect(page.getByRole('region', { name: 'Where it hurts' })).toContainText(
    'Lower back, middle'
  )
  await expect(page.getByRole('region', { name: 'Safety questions' })).toContainText('No')
  // The drawn signature is shown back, as a picture named for screen readers.
  await expect(
    page.getByRole('region', { name: 'Consent and signature' }).getByRole('img', { name: 'Signed' })
  ).toBeVisible()

  await changeButton(page, 'Last name').click()
  await expect(form.stepHeading('about')).toBeVisible()
  const lastName = page.getByRole('textbox', { name: 'Last name', exact: true })
  await expect(lastName).toBeFocused()
  await lastName.fill('Okafor-Reyes')
  // The stepper goes straight back to the review with the change shown.
  await page.getByRole('button', { name: /Review and submit/ }).click()
  await expect(form.stepHeading('review')).toBeVisible()
  await expect(about).toContainText('Okafor-Reyes')

  const fever = message('items.rf.fever.label')
  await changeButton(page, fever).click()
  await expect(form.stepHeading('safety')).toBeVisible()
  await expect(form.group(fever).getByRole('radio', { name: 'No', exact: true })).toBeChecked()
  await expect(form.group(fever).getByRole('radio', { name: 'No', exact: true })).toBeFocused()
})

test('a failing save keeps the typed text, says so clearly, and recovers by itself', async ({
  app
}) => {
  test.skip(app.kind === 'electron', 'failure injection needs the web transport')
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillStep('about', { 'patient.givenName': 'Ana', 'patient.familyName': 'Lee' })
  await expect(form.saveStatus()).toHaveText('Saved')
  const id = form.intakeId()

  app.failNextSaves(1)
  const occupation = page.getByRole('textbox', { name: 'Occupation', exact: true })
  await occupation.fill('Powerlifting coach')
  await expect(form.saveStatus()).toHaveText(message('form.saveFailedStorage'))
  await expect(form.saveStatus()).toHaveClass(/save-status--error/)
  await expect(occupation).toHaveValue('Powerlifting coach')
  expect((await storedIntake(page, id)).answers['patient.occupation']).toBeUndefined()

  // The store retries after about 2 seconds; this time the disk has room.
  await expect(form.saveStatus()).toHaveText('Saved', { timeout: 8_000 })
  await expect(occupation).toHaveValue('Powerlifting coach')
  expect((await storedIntake(page, id)).answers['patient.occupation']).toBe('Powerlifting coach')
})
