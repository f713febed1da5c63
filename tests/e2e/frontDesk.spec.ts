/**
 * The front desk's side of issue "nothing lost, nothing hidden": telling unfinished drafts apart,
 * questions asked only where they apply, a deliberate "none of these", long text that is never cut,
 * and the patient's thank-you screen in their language.
 */
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import zh from '../../src/i18n/zh'
import { answersOf, goldenCase, seedIntake, storedIntake } from './support'

const ROUTINE = goldenCase('doms-routine').answers

test('the unfinished list tells two drafts for the same name apart and puts the emergency first', async ({
  app
}) => {
  const page = app.page
  await seedIntake(page, {
    ...answersOf(ROUTINE, 'patient.', 'complaint.'),
    'patient.dateOfBirth': '1990-02-01'
  })
  // The same name, another person, entered by the patient, with an emergency answer.
  await page.evaluate(
    async (answers) => {
      const created = await window.api.createDraft({ answers, entryMode: 'patient' })
      if (!created.ok) throw new Error(created.error.message)
    },
    {
      ...answersOf(ROUTINE, 'patient.', 'complaint.', 'pain.', 'peg.'),
      'patient.dateOfBirth': '1961-07-30',
      'rf.bladder': 'yes'
    }
  )
  await page.reload()

  const rows = page.locator('.unfinished__row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('Emergency')
  await expect(rows.nth(0)).toContainText('born 1961-07-30')
  await expect(rows.nth(0)).toContainText('reached: Safety questions')
  await expect(rows.nth(0)).toContainText('patient entering')
  await expect(rows.nth(1)).toContainText('No flags')
  await expect(rows.nth(1)).toContainText('born 1990-02-01')
  await expect(rows.nth(1)).toContainText('reached: This episode')
  await expect(rows.nth(1)).toContainText('staff entering')
  await page.screenshot({ path: 'test-results/screenshots/unfinished-list.png', fullPage: true })
})

test('the pregnancy question is asked only where it applies, and "none of these" is an answer', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const pregnancy = message('items.history.pregnancy.label')
  await form.startAsStaff()
  await form.fillUntil('history', { ...ROUTINE, 'patient.sex': 'male' })
  await expect(form.group(pregnancy)).toHaveCount(0)

  const conditions = form.group(message('items.history.conditions.label'))
  await conditions.getByRole('checkbox', { name: 'Diabetes' }).check()
  await conditions.getByRole('checkbox', { name: message('form.noneOfThese') }).check()
  await expect(conditions.getByRole('checkbox', { name: 'Diabetes' })).not.toBeChecked()

  await page.getByRole('button', { name: /About you/ }).click()
  await page.getByRole('radio', { name: 'Female', exact: true }).check()
  await page.getByRole('button', { name: /Health history/ }).click()
  await expect(form.group(pregnancy)).toBeVisible()

  await expect(form.saveStatus()).toHaveText('Saved')
  expect((await storedIntake(page, form.intakeId())).answers['history.conditions']).toEqual([])
  // Read back as a deliberate answer, not as a question left unanswered.
  await page.reload()
  await expect(
    form
      .group(message('items.history.conditions.label'))
      .getByRole('checkbox', { name: message('form.noneOfThese') })
  ).toBeChecked()
})

test('a pasted wall of text over the limit is kept whole, said to be too long, and saved once shortened', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillStep('about', ROUTINE)
  await form.next()
  const id = form.intakeId()
  const wall = 'My back went on the third rep. '.repeat(70) // 2,170 characters
  const description = page.getByRole('textbox', {
    name: message('items.complaint.description.label')
  })
  await description.fill(wall)
  await expect(description).toHaveValue(wall)
  await expect(page.getByTestId('text-over-limit')).toContainText(
    '170 characters over the limit of 2000'
  )
  await expect(form.saveStatus()).toContainText('Saved, except your answer to')
  expect((await storedIntake(page, id)).answers['complaint.description']).toBeUndefined()

  await description.fill(wall.slice(0, 1990))
  await expect(page.getByTestId('text-count')).toHaveText('1990 of 2000 characters')
  await expect(form.saveStatus()).toHaveText('Saved')
  expect((await storedIntake(page, id)).answers['complaint.description']).toBe(
    wall.slice(0, 1990).trim()
  )
})

test('after submitting, the patient is thanked and asked to hand the device back, in their language', async ({
  app
}) => {
  const page = app.page
  const id = await seedIntake(page, { ...ROUTINE, 'patient.preferredLanguage': 'zh' })
  const started = await page.evaluate((intakeId) => window.api.startPatientMode({ intakeId }), id)
  expect(started.ok).toBe(true)
  // Reopened, as the app restarts in patient mode; then straight to the review step.
  await page.reload()
  await page.goto(`${page.url().split('#')[0]}#/intake/${id}?step=review`)
  await page.getByRole('button', { name: zh.form.submit, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.form.submitted)
  await expect(page.getByTestId('hand-back')).toHaveText(zh.form.submittedHandBack)
  expect((await storedIntake(page, id)).status).toBe('submitted')
  await page.screenshot({ path: 'test-results/screenshots/patient-thank-you-zh.png' })
})
