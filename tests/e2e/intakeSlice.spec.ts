import { expect, test } from './fixtures'
import { IntakeForm } from './pages/intakeForm'
import { goldenCase, storedIntake } from './support'

function intakeIdFromUrl(url: string): string {
  const match = /#\/intakes?\/([0-9a-f-]{36})/.exec(url)
  if (!match?.[1]) throw new Error(`No intake id in ${url}`)
  return match[1]
}

test('staff enter a whole intake, submit it, and see its concern and flags in the list and the record', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const golden = goldenCase('cauda-equina-emergency')
  await form.startAsStaff()
  await form.fillAll(golden.answers)
  await form.submit()

  await expect(page.getByTestId('concern')).toHaveText('Emergency')
  const id = intakeIdFromUrl(page.url())
  const flags = page.getByTestId('flags')
  await expect(flags.locator('[data-condition="cauda-equina"]')).toContainText(
    'Bladder dysfunction'
  )
  await expect(flags.locator('[data-condition="cauda-equina"]')).toContainText('Saddle anaesthesia')

  const stored = await storedIntake(page, id)
  expect(stored.status).toBe('submitted')
  expect(stored.evaluation.concern).toBe(golden.expect.concern)
  expect(stored.evaluation.flags.map((flag) => `${flag.condition}:${flag.level}`).sort()).toEqual(
    golden.expect.flags.map((flag) => `${flag.condition}:${flag.level}`).sort()
  )

  await page.getByRole('link', { name: 'Intakes', exact: true }).click()
  const row = page.getByRole('row', { name: /Ruiz|Okafor|Maya/ }).first()
  await expect(row).toContainText('Emergency')
  await expect(row).toContainText('Submitted')
})

test('an unfinished intake survives a restart and every answer comes back', async ({ app }) => {
  const form = new IntakeForm(app.page)
  await form.startAsStaff()
  await form.fillStep('about', {
    'patient.givenName': 'Tomás',
    'patient.familyName': 'Ruiz',
    'patient.dateOfBirth': '1990-04-23'
  })
  await form.next()
  await form.fillStep('episode', {
    'complaint.duration': '1-6w',
    'complaint.activities': ['deadlift', 'squat']
  })
  await form.page
    .getByRole('textbox', { name: 'In your own words, what happened?' })
    .fill('Felt a twinge on the last rep')
  await expect(form.page.getByTestId('save-status')).toHaveText('Saved')

  const page = await app.restart()
  const row = page.getByRole('listitem').filter({ hasText: 'Tomás Ruiz' })
  await row.getByRole('link', { name: /Continue/ }).click()
  await page.getByRole('button', { name: /About you/ }).click()
  await expect(page.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('Tomás')
  const dateOfBirth = page.getByRole('group', { name: 'Date of birth', exact: true })
  await expect(dateOfBirth.getByRole('textbox', { name: 'Day' })).toHaveValue('23')
  await expect(dateOfBirth.getByRole('textbox', { name: 'Month' })).toHaveValue('04')
  await expect(dateOfBirth.getByRole('textbox', { name: 'Year' })).toHaveValue('1990')
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(page.getByRole('radio', { name: '1 to 6 weeks' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Deadlifts' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Squats' })).toBeChecked()
  await expect(
    page.getByRole('textbox', { name: 'In your own words, what happened?' })
  ).toHaveValue('Felt a twinge on the last rep')
})

test('an invalid payload is refused with a typed error and changes nothing', async ({ app }) => {
  const form = new IntakeForm(app.page)
  await form.startAsStaff()
  await form.fillStep('about', { 'patient.givenName': 'Ana', 'patient.familyName': 'Lee' })
  await expect(form.page.getByTestId('save-status')).toHaveText('Saved')
  const id = intakeIdFromUrl(form.page.url())
  const before = await storedIntake(form.page, id)

  const result = await form.page.evaluate(
    (intakeId) =>
      window.api.saveDraft({
        id: intakeId,
        revision: 1,
        answers: { 'patient.sex': 'robot', 'rf.bladder': 1 } as never
      }),
    id
  )
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.error.code).toBe('invalid-argument')
    expect(result.error.issues?.map((issue) => issue.itemId)).toEqual(
      expect.arrayContaining(['patient.sex', 'rf.bladder'])
    )
  }
  const after = await storedIntake(form.page, id)
  expect(after).toEqual(before)
})
