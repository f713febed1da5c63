/**
 * Accessibility: axe (WCAG 2.1 A/AA) on every screen a patient or staff member meets, a whole
 * intake done with the keyboard alone, and the form at 200% zoom without sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { AnswerValue, CatalogueItem, IntakeAnswers } from '../../src/domain'
import { FORM_STEPS } from '../../src/form/steps'
import { expect, test } from './fixtures'
import { IntakeForm, itemLabel, message, optionLabel } from './pages/intakeForm'
import { KeyboardUser } from './pages/keyboardUser'
import { answersOf, goldenCase, seedIntake, storedIntake } from './support'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Runs axe and fails on any serious or critical violation, listing each with its elements. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical'
  )
  const report = serious
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`
      )
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`
    })
    .join('\n')
  expect(serious, `axe found serious/critical violations on ${where}:\n${report}`).toEqual([])
}

test('every step of the form, with answers and the staff alert banner, passes axe', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  // The emergency case, so the steps from "Safety questions" on also carry the staff banner.
  await form.fillAll(goldenCase('cauda-equina-emergency').answers, {
    onStep: (stepId) => expectNoSeriousViolations(page, `step "${stepId}"`)
  })
  await expect(page.getByTestId('concern-banner')).toContainText('EMERGENCY')
  await expectNoSeriousViolations(page, 'step "review"')

  // Validation messages too: an empty first step after Next.
  await page.getByRole('link', { name: 'Start', exact: true }).click()
  await form.startAsStaff()
  await form.next()
  await expect(page.getByRole('textbox', { name: 'First name', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true'
  )
  await expectNoSeriousViolations(page, 'step "about" showing validation errors')
})

test('the start screen, settings, the intake list and an intake record pass axe', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const emergency = goldenCase('cauda-equina-emergency').answers
  const id = await seedIntake(page, emergency, { submit: true })
  await seedIntake(page, answersOf(goldenCase('fever').answers, 'patient.', 'rf.'))
  await page.reload()

  await expect(page.getByRole('heading', { level: 1, name: 'Front desk' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Maya Okafor' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the start screen')

  await form.staffNavigation().getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expectNoSeriousViolations(page, 'settings')

  await form.staffNavigation().getByRole('link', { name: 'Intakes' }).click()
  await expect(page.getByRole('row')).toHaveCount(3)
  await expectNoSeriousViolations(page, 'the intake list')

  await page
    .getByRole('link', { name: /^Open\s*: Okafor, Maya$/ })
    .first()
    .click()
  await expect(page).toHaveURL(/#\/intakes\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('concern')).toHaveText(/Emergency|Urgent/)
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)
  await expect(page.getByTestId('concern')).toHaveText('Emergency')
  await expectNoSeriousViolations(page, 'an intake record')
})

test("the patient's emergency alert passes axe and holds focus", async ({ app }) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsPatient()
  await form.fillUntil(
    'safety',
    answersOf(goldenCase('doms-routine').answers, 'patient.', 'complaint.', 'pain.', 'peg.')
  )
  await form
    .group(message('items.rf.saddleNumbness.label'))
    .getByRole('radio', { name: 'Yes', exact: true })
    .check()

  const alert = page.getByRole('alertdialog', {
    name: 'Please stay here and tell the front desk now'
  })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('heading', { level: 1 })).toBeFocused()
  await expectNoSeriousViolations(page, 'the patient emergency alert')
  await alert.getByRole('button', { name: 'Staff: sign in to continue' }).click()
  await expect(alert.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  await expectNoSeriousViolations(page, 'the patient emergency alert asking for a staff sign-in')
})

test('a whole intake can be completed and submitted with the keyboard alone', async ({ app }) => {
  const page = app.page
  const keys = new KeyboardUser(page)
  const form = new IntakeForm(page)
  const answers = goldenCase('strain-during-deadlift').answers

  await keys.activate(page.getByRole('button', { name: 'New intake (staff with patient)' }))
  for (const [index, step] of FORM_STEPS.entries()) {
    // Each step change moves focus to the step's heading (the first step starts from the page top).
    if (index === 0) await expect(form.stepHeading(step.id)).toBeVisible()
    else await expect(form.stepHeading(step.id)).toBeFocused()
    if (step.id === 'review') break
    for (const item of step.items) {
      const value = answers[item.id]
      if (value !== undefined) await answerByKeyboard(keys, form, item, value)
    }
    await keys.activate(page.getByRole('button', { name: 'Next', exact: true }))
  }
  await expect(page.getByRole('region', { name: 'About you' })).toContainText('Okafor')
  await keys.activate(page.getByRole('button', { name: 'Submit', exact: true }))

  await expect(page.getByTestId('concern')).toHaveText('No flags')
  const stored = await storedIntake(page, form.intakeId())
  expect(stored.status).toBe('submitted')
  const expected = Object.fromEntries(
    Object.entries(answers).filter(
      ([id, value]) =>
        id !== 'consent.signature' &&
        id !== 'patient.preferredLanguage' &&
        !(Array.isArray(value) && value.length === 0)
    )
  )
  expect(stored.answers).toMatchObject(expected)
  expect(stored.evaluation.patterns.map((pattern) => pattern.id).sort()).toEqual([
    'strain-like',
    'training-load'
  ])
  test.info().annotations.push({ type: 'keyboard', description: `${keys.presses} key presses` })
})

/** One answer by keyboard, by the item's type (the signature excepted: see below). */
async function answerByKeyboard(
  keys: KeyboardUser,
  form: IntakeForm,
  item: CatalogueItem,
  value: AnswerValue
): Promise<void> {
  const page = form.page
  const label = itemLabel(item)
  switch (item.type) {
    case 'text':
      if (item.id === 'consent.signature') {
        // A drawn signature is pointer-only by nature (pen, finger or mouse), so this one answer
        // is drawn with the mouse; everything else in this test is keyboard.
        return form.sign()
      }
      return keys.type(page.getByRole('textbox', { name: label, exact: true }), String(value))
    case 'date':
      return keys.typeDate(page.getByRole('group', { name: label, exact: true }), String(value))
    case 'choice':
    case 'ynu':
      return keys.choose(
        form
          .group(label)
          .getByRole('radio', { name: optionLabel(item, String(value)), exact: true })
      )
    case 'scale':
      return keys.choose(form.group(label).getByRole('radio', { name: String(value), exact: true }))
    case 'boolean':
      if (value !== true) return
      // The privacy box waits for its notice: open it with Enter (focus moves into the notice).
      if (item.id === 'consent.privacy') {
        await keys.activate(form.privacyNoticeButton())
        await expect(form.privacyNoticeRegion()).toBeFocused()
      }
      await keys.toggle(page.getByRole('checkbox', { name: label }))
      return
    case 'multi': {
      const list =
        item.id === 'pain.regions' ? form.group(message('bodyMap.listLabel')) : form.group(label)
      for (const code of value as readonly string[])
        await keys.toggle(
          list.getByRole('checkbox', { name: optionLabel(item, code), exact: true })
        )
      return
    }
  }
}

test('at 200% zoom the first step and the safety step need no sideways scrolling', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  // 1280x860 at 200%: the layout gets 640x430 CSS pixels.
  await page.setViewportSize({ width: 640, height: 430 })
  const sideways = () =>
    page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth
    }))

  await form.startAsStaff()
  let size = await sideways()
  expect(size.scrollWidth, 'the first step scrolls sideways').toBeLessThanOrEqual(
    size.innerWidth + 1
  )

  const answers: IntakeAnswers = answersOf(
    goldenCase('fever').answers,
    'patient.',
    'complaint.',
    'pain.',
    'peg.'
  )
  await form.fillUntil('safety', answers)
  await form.fillStep('safety', answersOf(goldenCase('fever').answers, 'rf.'))
  await expect(page.getByTestId('concern-banner')).toContainText('Urgent')
  size = await sideways()
  expect(
    size.scrollWidth,
    'the safety step (with the staff banner) scrolls sideways'
  ).toBeLessThanOrEqual(size.innerWidth + 1)
})
