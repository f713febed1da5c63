/**
 * "Nothing lost, nothing hidden at the front desk", reproduced as reported: saddle numbness answered
 * "yes" (the emergency alert fires), the step left and reopened, the answer changed to "no", the
 * intake submitted. The record's concern is "No flags" (the final answers), and its red-flag answer
 * history shows the yes, the change to no and the alert raised, on whose screen, at what time.
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { CATALOGUE, CONCERN_LABELS, type IntakeAnswers } from '../../src/domain'
import { FORM_STEPS, type StepId } from '../../src/form/steps'
import { TEST_ADMINISTRATOR } from '../support/webApp'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { answersOf, goldenCase, storedIntake } from './support'

const PIN = TEST_ADMINISTRATOR.secret
const ROUTINE = goldenCase('doms-routine').answers
const BEFORE_SAFETY = answersOf(ROUTINE, 'patient.', 'complaint.', 'pain.', 'peg.')
const SCREENSHOT = join(import.meta.dirname, '../../test-results/screenshots/red-flag-history.png')

function item(id: string) {
  const found = CATALOGUE.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No item ${id}`)
  return found
}

/** Fills every step after `from` up to the review step, then submits. */
async function finishAndSubmit(form: IntakeForm, from: StepId, answers: IntakeAnswers) {
  const start = FORM_STEPS.findIndex((step) => step.id === from)
  for (const step of FORM_STEPS.slice(start + 1)) {
    await form.stepHeading(step.id).waitFor()
    if (step.id === 'review') break
    await form.fillStep(step.id, answers)
    await form.next()
  }
  await form.submit()
}

/** `HH:MM` of a stored UTC time on the clinic's clock: the browser's own local time. */
function localTime(page: Page, iso: string): Promise<string> {
  return page.evaluate((at) => {
    const date = new Date(at)
    const pad = (value: number) => String(value).padStart(2, '0')
    return `${pad(date.getHours())}:${pad(date.getMinutes())}`
  }, iso)
}

function historySection(page: Page): Locator {
  return page.getByRole('region', { name: 'Red-flag answer history', exact: true })
}

test('as reported: saddle numbness yes, back, changed to no, submitted; the record keeps the yes and the alert', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('safety', BEFORE_SAFETY)
  const id = form.intakeId()

  const saddle = item('rf.saddleNumbness')
  await form.answer(saddle, 'yes')
  await expect(page.getByTestId('concern-banner')).toContainText('EMERGENCY')
  await expect(form.saveStatus()).toHaveText('Saved')

  // Go back a step, come back, change the answer to no.
  await page.getByRole('button', { name: message('form.back'), exact: true }).click()
  await form.stepHeading('howMuch').waitFor()
  await form.next()
  await form.stepHeading('safety').waitFor()
  await form.fillStep('safety', ROUTINE)
  await expect(
    form
      .group(message('items.rf.saddleNumbness.label'))
      .getByRole('radio', { name: 'No', exact: true })
  ).toBeChecked()
  await expect(page.getByTestId('concern-banner')).toHaveCount(0)
  await form.next()
  await finishAndSubmit(form, 'safety', ROUTINE)

  // The evaluation is of the final answers...
  await expect(page.getByTestId('concern')).toHaveText(CONCERN_LABELS.none)
  await expect(page.getByText('No red flags on this questionnaire.')).toBeVisible()

  // ...and the history keeps what was said and raised, attributed to the staff screen.
  const stored = await storedIntake(page, id)
  const events = stored.redFlagHistory
  const yes = events.find((event) => event.kind === 'answer' && event.to === 'yes')
  const no = events.find((event) => event.kind === 'answer' && event.from === 'yes')
  const alert = events.find((event) => event.kind === 'alert')
  if (!yes || !no || !alert) throw new Error(`History incomplete: ${JSON.stringify(events)}`)
  expect(events.every((event) => event.by === 'staff')).toBe(true)
  expect(alert).toMatchObject({ condition: 'cauda-equina', level: 'emergency', at: yes.at })

  const history = historySection(page)
  await expect(history).toBeVisible()
  await expect(history.getByTestId('red-flag-alerts')).toHaveText(
    `Alert raised: Emergency — Cauda equina at ${await localTime(page, alert.at)} on the staff screen`
  )
  await expect(
    history.getByTestId('red-flag-changes').locator('[data-item="rf.saddleNumbness"]')
  ).toHaveText(
    `Saddle anaesthesia: yes at ${await localTime(page, yes.at)}, changed to no at ${await localTime(page, no.at)} on the staff screen`
  )
  // The other answers were given once: listed compactly, never as changed.
  await expect(
    history.getByRole('heading', {
      name: 'Answered once, not changed (on the staff screen)',
      exact: true
    })
  ).toBeVisible()
  await expect(history.getByTestId('red-flag-once').getByRole('listitem')).toHaveCount(19)
  await expect(history.getByTestId('red-flag-changes').getByRole('listitem')).toHaveCount(1)

  // Placed right after the flags.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents()
  expect(headings).toContain('Concern and flags')
  expect(headings.indexOf('Red-flag answer history')).toBe(
    headings.indexOf('Concern and flags') + 1
  )

  const axe = await new AxeBuilder({ page })
    .include('[data-testid="red-flag-history"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((violation) => violation.id)).toEqual([])

  await history.scrollIntoViewIfNeeded()
  await history.screenshot({ path: SCREENSHOT, animations: 'disabled' })
})

test('in patient mode the patient’s changes are recorded as theirs, and the patient never sees the history', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsPatient()
  const id = form.intakeId()
  await form.fillUntil('safety', BEFORE_SAFETY)

  // Fever raises an urgent flag: no alarm on the patient's screen, but an alert for the record.
  await form.answer(item('rf.fever'), 'yes')
  await expect(form.saveStatus()).toHaveText('Saved')
  await form.fillStep('safety', ROUTINE)
  await expect(form.saveStatus()).toHaveText('Saved')

  // What the patient's screen can read holds the answers, but no history of them.
  const asPatient = await storedIntake(page, id)
  expect(asPatient.answers['rf.fever']).toBe('no')
  expect(asPatient.redFlagHistory).toEqual([])
  await expect(historySection(page)).toHaveCount(0)

  await form.next()
  await finishAndSubmit(form, 'safety', ROUTINE)
  await expect(page.getByTestId('hand-back')).toBeVisible()
  expect((await storedIntake(page, id)).redFlagHistory).toEqual([])
  await expect(page.getByText(/history|alert raised/i)).toHaveCount(0)

  // Handed back to staff, the record shows the patient's change and the alert it raised.
  await page.getByRole('button', { name: 'Hand the device back to staff', exact: true }).click()
  await form.enterPin(PIN)
  await expect(page.getByTestId('concern')).toHaveText(CONCERN_LABELS.none)
  const events = (await storedIntake(page, id)).redFlagHistory
  expect(events.length).toBeGreaterThan(0)
  expect(events.every((event) => event.by === 'patient')).toBe(true)
  const fever = events.filter((event) => event.kind === 'answer' && event.itemId === 'rf.fever')
  const alert = events.find((event) => event.kind === 'alert')
  if (fever.length !== 2 || !fever[0] || !fever[1] || !alert)
    throw new Error(`History incomplete: ${JSON.stringify(events)}`)

  const history = historySection(page)
  await expect(history.getByTestId('red-flag-alerts')).toHaveText(
    `Alert raised: Urgent — Spinal infection at ${await localTime(page, alert.at)} on the patient's screen`
  )
  await expect(
    history.getByRole('heading', {
      name: "Answered once, not changed (on the patient's screen)",
      exact: true
    })
  ).toBeVisible()
  await expect(history.locator('[data-item="rf.fever"]')).toHaveText(
    `Fever: yes at ${await localTime(page, fever[0].at)}, changed to no at ${await localTime(page, fever[1].at)} on the patient's screen`
  )
})
