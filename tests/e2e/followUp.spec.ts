/**
 * Follow-up visits and drafts saved from two places at once. A returning
 * patient is found by name and date of birth (whatever the capitalisation),
 * confirmed by staff, and answers the short form with their name shown, not
 * asked. Two windows on one draft never overwrite each other silently: the
 * later one is told, and its person chooses which version to keep.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { catalogueItem, type IntakeAnswers } from '../../src/domain'
import es from '../../src/i18n/es'
import { WEB_ORIGIN } from '../support/webApp'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { answersOf, goldenCase, storedIntake } from './support'

/** Screenshots for people to look at (not compared to a baseline). */
const SHOTS = '/tmp/shots'
const ROUTINE = goldenCase('doms-routine').answers
/** The follow-up's own answers: today's pain, PEG, the safety questions, STarT Back, the change. */
const FOLLOW_UP_ANSWERS: IntakeAnswers = {
  ...answersOf(ROUTINE, 'pain.now', 'pain.worst', 'peg.', 'rf.', 'sb.'),
  'pain.now': 2,
  'followUp.change': 'better'
}
const CONFIRM = /^This is the patient — start follow-up/
const HAND_OVER = /^This is the patient — hand to patient/

function item(id: string) {
  const found = catalogueItem(id)
  if (!found) throw new Error(`No catalogue item ${id}`)
  return found
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/followup-${name}.png`, fullPage: true })
}

/** Staff enter and submit Maya Okafor's first intake, then return to the start screen. */
async function submitFirstIntake(page: Page): Promise<string> {
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillAll(ROUTINE)
  await form.submit()
  await expect(page).toHaveURL(/#\/intakes\//)
  const id = form.intakeId()
  await form.staffNavigation().getByRole('link', { name: 'Start', exact: true }).click()
  return id
}

/** From the start screen: opens the follow-up search and looks for a name and date of birth. */
async function findReturning(
  page: Page,
  who: { familyName: string; givenName: string; dateOfBirth: string }
): Promise<void> {
  const form = new IntakeForm(page)
  await page.getByRole('link', { name: message('start.followUp'), exact: true }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: message('followUpStart.title') })
  ).toBeVisible()
  await form.answer(item('patient.familyName'), who.familyName)
  await form.answer(item('patient.givenName'), who.givenName)
  await form.answer(item('patient.dateOfBirth'), who.dateOfBirth)
  await page.getByRole('button', { name: message('followUpStart.find'), exact: true }).click()
}

test('a returning patient is found whatever the capitalisation, confirmed, and answers the short form', async ({
  app
}) => {
  test.setTimeout(120_000)
  const page = app.page
  const form = new IntakeForm(page)
  const firstId = await submitFirstIntake(page)
  await screenshot(page, 'start')

  await findReturning(page, { familyName: 'OKAFOR', givenName: 'maya', dateOfBirth: '1996-03-14' })
  const found = page.getByTestId('returning-patients')
  // The result is where the keyboard lands next, so the confirmation is the next thing reached.
  await expect(
    found.getByRole('heading', { name: message('followUpStart.matchesTitle') })
  ).toBeFocused()
  await expect(found.getByRole('listitem')).toHaveCount(1)
  await expect(found).toContainText('Maya Okafor')
  await expect(found).toContainText('1 visit')
  await expect(found).toContainText('last visit')
  // Staff confirm: even a single match never starts anything by itself.
  await expect(page).toHaveURL(/#\/follow-up$/)
  await expect(found.getByRole('button', { name: HAND_OVER })).toBeVisible()
  await screenshot(page, 'start-match')
  await found.getByRole('button', { name: CONFIRM }).click()

  await expect(form.stepHeading('howMuch')).toBeVisible()
  const id = form.intakeId()
  expect(id).not.toBe(firstId)
  await expect(page.getByTestId('follow-up-for')).toHaveText(
    'Follow-up visit for Maya Okafor, born 14 March 1996'
  )
  const stepper = page.getByRole('navigation', { name: 'Step 1 of 5' })
  await expect(stepper.getByRole('listitem')).toHaveText([
    /How much it hurts/,
    /Safety questions/,
    /How your back affects you/,
    /Since your last visit/,
    /Review and submit/
  ])
  for (const absent of ['about', 'history', 'consent'] as const) {
    await expect(stepper.getByText(message(`steps.${absent}`), { exact: true })).toHaveCount(0)
  }
  await expect(page.getByRole('textbox', { name: 'First name', exact: true })).toHaveCount(0)
  await screenshot(page, 'form')

  await form.fillAll(FOLLOW_UP_ANSWERS, { kind: 'follow-up' })
  const change = page.getByRole('region', { name: message('steps.change') })
  await expect(change).toContainText(message('items.followUp.change.label'))
  await expect(change).toContainText(message('items.followUp.change.codes.better'))
  await expect(page.getByRole('region', { name: message('steps.about') })).toHaveCount(0)
  await screenshot(page, 'review')
  await form.submit()

  await expect(page).toHaveURL(new RegExp(`#/intakes/${id}`))
  const stored = await storedIntake(page, id)
  expect(stored.status).toBe('submitted')
  expect(stored.kind).toBe('follow-up')
  expect(stored.followUp?.previousIntakeId).toBe(firstId)
  expect(stored.answers['followUp.change']).toBe('better')
  expect(stored.answers['patient.givenName']).toBe('Maya')
  expect(stored.answers['patient.dateOfBirth']).toBe('1996-03-14')
  expect(stored.answers['consent.signature']).toBeUndefined()

  // The record opened after submitting charts both visits, with the follow-up's own answers.
  const visits = page.getByRole('region', { name: 'Visits' })
  await expect(visits.getByTestId('visits-chart')).toBeVisible()
  const rows = visits
    .getByRole('table', { name: 'Scores at each visit, oldest first' })
    .getByRole('row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('First intake')
  await expect(rows.nth(2)).toContainText('Follow-up')
  await expect(rows.nth(2)).toContainText('(this record)')
  await expect(rows.nth(2)).toContainText('A little better')
  // Kind, then pain now: the follow-up's 2.
  await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('2')

  // The queue marks the visit as a follow-up; the first intake is not.
  await form.staffNavigation().getByRole('link', { name: 'Queue', exact: true }).click()
  await expect(page.locator(`tr[data-intake-id="${id}"]`)).toContainText('Follow-up')
  await expect(page.locator(`tr[data-intake-id="${firstId}"]`)).not.toContainText('Follow-up')
  await screenshot(page, 'queue')

  // The follow-up counts as a visit; a wrong date of birth finds nobody.
  await form.staffNavigation().getByRole('link', { name: 'Start', exact: true }).click()
  await findReturning(page, { familyName: 'okafor', givenName: 'MAYA', dateOfBirth: '1996-03-14' })
  await expect(found).toContainText('2 visits')
  await page.getByRole('link', { name: message('followUpStart.back') }).click()
  await findReturning(page, { familyName: 'Okafor', givenName: 'Maya', dateOfBirth: '1996-03-15' })
  await expect(page.getByTestId('no-match')).toContainText(
    /No patient named Maya Okafor, born .*15.*1996/
  )
  await expect(
    found.getByRole('heading', { name: message('followUpStart.noMatchTitle') })
  ).toBeFocused()
  await expect(found.getByRole('button', { name: CONFIRM })).toHaveCount(0)
  await screenshot(page, 'start-no-match')
  await page.getByRole('button', { name: message('followUpStart.startNew') }).click()
  await expect(form.stepHeading('about')).toBeVisible()
  // What staff typed is kept for the new intake.
  await expect(page.getByRole('textbox', { name: 'Last name', exact: true })).toHaveValue('Okafor')
})

test('the follow-up search says at each field what is missing', async ({ app }) => {
  const page = app.page
  await page.getByRole('link', { name: message('start.followUp'), exact: true }).click()
  await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Okafor')
  await page.getByRole('button', { name: message('followUpStart.find'), exact: true }).click()

  const firstName = page.getByRole('textbox', { name: 'First name', exact: true })
  await expect(firstName).toHaveAttribute('aria-invalid', 'true')
  await expect(firstName).toBeFocused()
  await expect(firstName).toHaveAccessibleDescription(message('validation.required'))
  await expect(page.getByRole('group', { name: 'Date of birth' })).toContainText(
    message('validation.required')
  )
  await expect(page.getByTestId('returning-patients')).toHaveCount(0)
})

test('a follow-up can be handed to the patient, who picks the language of the short form', async ({
  app
}) => {
  test.setTimeout(120_000)
  const page = app.page
  const form = new IntakeForm(page)
  await submitFirstIntake(page)
  await findReturning(page, { familyName: 'Okafor', givenName: 'Maya', dateOfBirth: '1996-03-14' })
  await page.getByTestId('returning-patients').getByRole('button', { name: HAND_OVER }).click()

  await expect(form.stepHeading('howMuch')).toBeVisible()
  await expect(form.staffNavigation()).toHaveCount(0)
  await expect(page.getByTestId('follow-up-for')).toContainText('Maya Okafor')
  await form.group(message('language.choose')).getByRole('radio', { name: 'Español' }).check()
  await expect(page.getByRole('heading', { level: 1, name: es.steps.howMuch })).toBeVisible()
  await expect(page.getByTestId('follow-up-for')).toHaveText(
    'Visita de seguimiento de Maya Okafor, nacido/a el 14 de marzo de 1996'
  )
  const progress = es.form.progress.replace('{current}', '1').replace('{total}', '5')
  await expect(page.getByRole('navigation', { name: progress })).toContainText(es.steps.change)
  await screenshot(page, 'patient-es')
  const stored = await storedIntake(page, form.intakeId())
  expect(stored.kind).toBe('follow-up')
  expect(stored.status).toBe('draft')
})

test('two windows on one draft: the later save is held, says so, and the person chooses', async ({
  app
}) => {
  test.skip(app.kind === 'electron', 'a second window on the same backend needs the web fixture')
  const first = app.page
  const firstForm = new IntakeForm(first)
  await firstForm.startAsStaff()
  const id = firstForm.intakeId()
  await firstForm.answer(item('patient.givenName'), 'Maya')
  await expect(firstForm.saveStatus()).toHaveText('Saved')

  // The same draft in a second window of the same app (same backend, same sign-in).
  const second = await first.context().newPage()
  await second.goto(`${WEB_ORIGIN}/index.html#/intake/${id}`)
  const secondForm = new IntakeForm(second)
  await expect(secondForm.stepHeading('about')).toBeVisible()
  const secondGiven = second.getByRole('textbox', { name: 'First name', exact: true })
  await expect(secondGiven).toHaveValue('Maya')

  await firstForm.answer(item('patient.familyName'), 'Okafor')
  await expect(firstForm.saveStatus()).toHaveText('Saved')

  await secondGiven.fill('Maia')
  const alert = second.getByRole('alert').filter({ hasText: message('form.conflict.title') })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('have NOT been saved over that other version')
  await expect(secondForm.saveStatus()).toHaveText(message('form.saveConflict'))
  let stored = await storedIntake(second, id)
  expect(stored.answers['patient.givenName']).toBe('Maya')
  expect(stored.answers['patient.familyName']).toBe('Okafor')
  // Still nothing written over it a while later (no retry, no autosave).
  await second.waitForTimeout(2_500)
  expect((await storedIntake(second, id)).revision).toBe(stored.revision)
  await expect(secondGiven).toHaveValue('Maia')
  await screenshot(second, 'conflict')

  await alert.getByRole('button', { name: message('form.conflict.keepMine') }).click()
  await expect(alert).toHaveCount(0)
  await expect(secondForm.saveStatus()).toHaveText('Saved')
  stored = await storedIntake(second, id)
  expect(stored.answers['patient.givenName']).toBe('Maia')
  expect(stored.answers['patient.familyName']).toBeUndefined()

  // Now the first window is behind: it is told too, and takes the latest version.
  await firstForm.answer(item('patient.phone'), '07700 900123')
  const firstAlert = first.getByRole('alert').filter({ hasText: message('form.conflict.title') })
  await expect(firstAlert).toBeVisible()
  await firstAlert.getByRole('button', { name: message('form.conflict.openLatest') }).click()
  await expect(firstAlert).toHaveCount(0)
  await expect(first.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('Maia')
  await expect(first.getByRole('textbox', { name: 'Last name', exact: true })).toHaveValue('')
  await expect(first.getByRole('textbox', { name: 'Phone number', exact: true })).toHaveValue('')
  expect((await storedIntake(first, id)).answers['patient.phone']).toBeUndefined()

  // And saving goes on from the version it opened.
  await firstForm.answer(item('patient.familyName'), 'Okafor')
  await expect(firstForm.saveStatus()).toHaveText('Saved')
  stored = await storedIntake(first, id)
  expect(stored.answers['patient.givenName']).toBe('Maia')
  expect(stored.answers['patient.familyName']).toBe('Okafor')
  await second.close()
})
