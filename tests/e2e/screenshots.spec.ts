/**
 * Screenshots of every screen, for people to look at (not compared to a baseline): each form step
 * with realistic answers (the emergency case, so the staff banner shows from the safety step on),
 * the start screen, the list, a record, settings and the patient's emergency alert, at two sizes.
 * Saved to test-results/screenshots/<size>/<name>.png.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IntakeForm } from './pages/intakeForm'
import { answersOf, goldenCase, seedIntake } from './support'

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 }
] as const
const OUT = join(import.meta.dirname, '../../test-results/screenshots')

type Shot = (name: string, options?: { fullPage?: boolean }) => Promise<void>

for (const size of SIZES) {
  const folder = `${size.width}x${size.height}`

  test(`screenshots at ${folder}`, async ({ app }) => {
    const page = app.page
    await page.setViewportSize(size)
    const shot: Shot = async (name, options = {}) => {
      await page.screenshot({
        path: join(OUT, folder, `${name}.png`),
        fullPage: options.fullPage ?? true,
        animations: 'disabled'
      })
    }
    const form = new IntakeForm(page)
    const emergency = goldenCase('cauda-equina-emergency').answers

    // Other records, so the start screen and the list are not empty.
    await seedIntake(
      page,
      {
        ...goldenCase('strain-during-deadlift').answers,
        'patient.givenName': 'Tomás',
        'patient.familyName': 'Ruiz'
      },
      { submit: true }
    )
    await seedIntake(page, {
      ...answersOf(goldenCase('fever').answers, 'patient.', 'complaint.', 'rf.'),
      'patient.givenName': 'Li',
      'patient.familyName': 'Wei'
    })
    await page.reload()
    await expect(page.getByRole('listitem').filter({ hasText: 'Li Wei' })).toBeVisible()
    await shot('start')

    await form.startAsStaff()
    await form.fillAll(emergency, {
      onStep: (stepId) => shot(`step-${String(stepIndex(stepId)).padStart(2, '0')}-${stepId}`)
    })
    await shot('step-10-review')
    await form.submit()
    await expect(page.getByTestId('concern')).toHaveText('Emergency')
    await shot('detail-emergency')

    await form.staffNavigation().getByRole('link', { name: 'Intakes', exact: true }).click()
    await expect(page.getByRole('row')).toHaveCount(4)
    await shot('list')

    await form.staffNavigation().getByRole('link', { name: 'Settings', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await shot('settings')

    await shotPatientAlert(page, form, shot)
  })
}

const STEP_IDS = [
  'about',
  'episode',
  'where',
  'howMuch',
  'safety',
  'startBack',
  'history',
  'goals',
  'consent',
  'review'
]
function stepIndex(stepId: string): number {
  return STEP_IDS.indexOf(stepId) + 1
}

/** The patient's own screen after an emergency answer (the intake seeded, handed over, reopened). */
async function shotPatientAlert(page: Page, form: IntakeForm, shot: Shot): Promise<void> {
  const answers = {
    ...answersOf(
      goldenCase('cauda-equina-emergency').answers,
      'patient.',
      'complaint.',
      'pain.',
      'peg.'
    ),
    'rf.bladder': 'yes'
  }
  const id = await seedIntake(page, answers)
  const started = await page.evaluate((intakeId) => window.api.startPatientMode({ intakeId }), id)
  expect(started.ok).toBe(true)
  await page.reload()
  await expect(
    page.getByRole('alertdialog', { name: 'Please stay here and tell the front desk now' })
  ).toBeVisible()
  // The alert is fixed to the screen: a viewport shot is what the patient sees (a full-page one
  // would show the form below the fold uncovered, which no scroll position ever shows).
  await shot('patient-emergency-alert', { fullPage: false })
  await page.getByRole('button', { name: 'Staff: sign in to continue' }).click()
  await shot('patient-emergency-alert-pin', { fullPage: false })
}
