/**
 * Amending a submitted record through the screen, as a clinician would: pain
 * now corrected with a reason, then a red-flag answer that raises the concern
 * to emergency; the record shows each amendment with who, when, why and
 * before → after, the concern before and after, and a notice at the top. A
 * save without a reason is refused at the reason field and stores nothing; a
 * removal the record cannot take is refused at that field; a change made by
 * someone else meanwhile is not overwritten, and reloading keeps what was
 * entered. The PDF summary lists the amendments. Screenshots go to
 * /tmp/shots/amend-*.png for people to open.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { keepPdfAndPages, pdfPages, pdfToolsInstalled } from '../unit/main/services/pdf/pdfBytes'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake, storedIntake } from './support'
import staff from '../../src/i18n/staff'

const TEXT = staff.staff.amendments
const SHOTS = '/tmp/shots'
const CLINICIAN = { name: 'Dr Chris Clinician', secret: 'spine and sinew 42' }

test.beforeEach(() => {
  mkdirSync(SHOTS, { recursive: true })
})

async function signInAsClinician(page: Page): Promise<void> {
  await page.evaluate(async (who) => {
    const added = await window.api.addStaff({ ...who, role: 'clinician' })
    if (!added.ok) throw new Error(added.error.message)
  }, CLINICIAN)
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill(CLINICIAN.name)
  await page.getByLabel('Password or PIN', { exact: true }).fill(CLINICIAN.secret)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByTestId('signed-in-as')).toContainText(CLINICIAN.name)
}

async function openRecord(page: Page, id: string): Promise<void> {
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)
  await expect(page.getByTestId('record-header')).toBeVisible()
}

/** An instant as the record prints it: `YYYY-MM-DD HH:MM` in the browser's own time. */
function shownTime(page: Page, iso: string): Promise<string> {
  return page.evaluate((at) => {
    const date = new Date(at)
    const pad = (value: number): string => String(value).padStart(2, '0')
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
  }, iso)
}

function today(): string {
  const now = new Date()
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Opens the panel and picks a question of change `number` through the search box. */
async function pick(page: Page, number: number, search: string, label: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: TEXT.title, exact: true })
  if (!(await panel.isVisible()))
    await page.getByRole('button', { name: TEXT.action, exact: true }).click()
  const change = panel.getByRole('group', { name: `Change ${number}`, exact: true })
  await change.getByLabel(TEXT.find, { exact: true }).fill(search)
  await change.getByLabel(TEXT.question, { exact: true }).selectOption({ label })
  return change
}

/** Keeps the region whole and the top of the record, for people to open. */
async function shoot(page: Page, region: Locator, name: string): Promise<void> {
  await region.screenshot({ path: join(SHOTS, `amend-${name}-region.png`) })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(SHOTS, `amend-${name}.png`) })
}

test('a clinician corrects pain now, then a red-flag answer that raises an emergency', async ({
  app
}) => {
  const page = app.page
  test.skip(
    app.kind !== 'web',
    'The PDF check needs the web fixture: its transport stands in for the save dialog.'
  )
  const id = await seedIntake(page, goldenCase('strain-during-deadlift').answers, { submit: true })
  await signInAsClinician(page)
  await openRecord(page, id)
  await expect(page.getByTestId('concern')).toHaveText('No flags')
  await expect(page.getByTestId('amended-notice')).toHaveCount(0)
  await expect(page.getByTestId('amendments')).toHaveCount(0)

  // Pain now: 3 → 6, with a reason, in the scale the form uses.
  const painChange = await pick(page, 1, 'pain now', 'Pain now (NPRS)')
  const panel = page.getByRole('region', { name: TEXT.title, exact: true })
  await expect(painChange.getByTestId('amend-current')).toHaveText(`${TEXT.current}: 3 / 10`)
  await expect(painChange.getByRole('radio', { name: '3', exact: true })).toBeChecked()
  await painChange.getByRole('radio', { name: '6', exact: true }).check()
  await panel.getByLabel(TEXT.reason).fill('The patient meant 6; 3 was tapped by mistake.')
  await shoot(page, panel, '1-panel')
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()

  await expect(panel).toBeHidden()
  await expect(page.getByTestId('amend-status')).toHaveText(TEXT.saved.replace('{version}', '1'))
  const first = await storedIntake(page, id)
  expect(first.answers['pain.now']).toBe(6)
  expect(first.amendments).toHaveLength(1)
  const firstAt = await shownTime(page, first.amendments[0]?.amendedAt ?? '')
  const amendments = page.getByRole('region', { name: TEXT.list.title, exact: true })
  const one = amendments.locator('li[data-version="1"]')
  await expect(one.getByRole('heading', { level: 3 })).toHaveText(
    `Amendment 1 by ${CLINICIAN.name} on ${firstAt}`
  )
  await expect(one.getByTestId('amendment-reason')).toHaveText(
    'The patient meant 6; 3 was tapped by mistake.'
  )
  await expect(one.locator('[data-item="pain.now"]')).toHaveText('Pain now (NPRS): 3 / 10 → 6 / 10')
  await expect(one.getByTestId('amendment-concern')).toHaveCount(0)
  await expect(page.getByTestId('amended-notice')).toHaveText(
    'Amended once: the answers shown are the corrected ones; the originals are kept below.'
  )
  await expect(
    page.getByRole('region', { name: 'Scores' }).locator('[data-score="painNow"] dd')
  ).toHaveText('6 / 10')
  await expect(page.getByTestId('rules-version')).toHaveText(
    TEXT.evaluationNote.replace('{version}', '2')
  )
  await shoot(page, amendments, '2-saved')

  // Bladder: no → yes. Saving without a reason is refused at the reason field, and nothing is stored.
  const bladder = await pick(page, 1, 'bladder', 'Bladder dysfunction')
  await expect(bladder.getByTestId('amend-current')).toHaveText(`${TEXT.current}: No`)
  await bladder.getByRole('radio', { name: 'Yes', exact: true }).check()
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  const reason = panel.getByLabel(TEXT.reason)
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(reason).toBeFocused()
  await expect(reason).toHaveAccessibleDescription(new RegExp(TEXT.needReason.replace('.', '\\.')))
  await expect(panel.locator('#amend-reason-error')).toHaveText(TEXT.needReason)
  expect((await storedIntake(page, id)).amendments).toHaveLength(1)
  await shoot(page, panel, '3-no-reason')

  await reason.fill('Confirmed with the patient in person: new trouble passing urine since Monday.')
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  await expect(panel).toBeHidden()
  await expect(page.getByTestId('concern')).toHaveText('Emergency')
  await expect(page.getByTestId('flags').locator('[data-condition="cauda-equina"]')).toBeVisible()
  const second = await storedIntake(page, id)
  expect(second.evaluation.concern).toBe('emergency')
  expect(second.amendments.map((amendment) => amendment.version)).toEqual([1, 2])
  const two = amendments.locator('li[data-version="2"]')
  await expect(two.locator('[data-item="rf.bladder"]')).toHaveText('Bladder dysfunction: No → Yes')
  const concern = two.getByTestId('amendment-concern')
  await expect(concern.locator('dt')).toHaveText('Concern')
  await expect(concern.locator('[data-concern="before"]')).toHaveText('No flags')
  await expect(concern.locator('[data-concern="after"]')).toHaveText('Emergency')
  await expect(two.getByRole('heading', { level: 3 })).toContainText(CLINICIAN.name)
  await expect(page.getByTestId('amended-notice')).toHaveText(
    'Amended 2 times: the answers shown are the corrected ones; the originals are kept below.'
  )
  await shoot(page, amendments, '4-emergency')

  // The PDF summary says the record was amended, and how.
  await page.getByRole('button', { name: staff.staff.pdf.export, exact: true }).click()
  const fileName = `${today()} Okafor, Maya – intake.pdf`
  await expect(page.getByTestId('pdf-status')).toHaveText(
    staff.staff.pdf.saved.replace('{fileName}', fileName)
  )
  const bytes = readFileSync(join(app.exportDir, fileName))
  const firstPage = ((await pdfPages(bytes))[0] ?? '').replace(/\s+/g, ' ')
  expect(firstPage).toContain('Amended after submission 2 times')
  expect(firstPage).toContain(`Amendment 1 · ${firstAt} by ${CLINICIAN.name}`)
  expect(firstPage).toContain('Pain now (NPRS): 3 / 10 → 6 / 10')
  expect(firstPage).toContain('Bladder dysfunction: No → Yes')
  expect(firstPage).toContain('Concern: No flags → Emergency')
  if (pdfToolsInstalled()) keepPdfAndPages(bytes, SHOTS, 'amend-summary')
})

test('a removal the record cannot take is refused at its field; another’s change is not overwritten', async ({
  app
}) => {
  const page = app.page
  const id = await seedIntake(page, goldenCase('strain-during-deadlift').answers, { submit: true })
  await openRecord(page, id)
  const panel = page.getByRole('region', { name: TEXT.title, exact: true })

  // Pain now is required: removing it is refused by the main process, shown at that change.
  const pain = await pick(page, 1, 'pain now', 'Pain now (NPRS)')
  await pain.getByRole('checkbox', { name: TEXT.remove }).check()
  await expect(pain.getByRole('radio')).toHaveCount(0)
  await panel.getByLabel(TEXT.reason).fill('Entered for the wrong patient.')
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  await expect(pain.locator('.field__error')).toHaveText(TEXT.requiredRemoved)
  await expect(pain.getByRole('checkbox', { name: TEXT.remove })).toHaveAccessibleDescription(
    TEXT.requiredRemoved
  )
  await expect(panel.getByTestId('amend-problem')).toContainText(
    'The amended record would not be complete and valid'
  )
  expect((await storedIntake(page, id)).amendments).toHaveLength(0)
  await shoot(page, panel, '5-required')

  // A second change, then someone else amends the record before this is saved.
  await pain.getByRole('checkbox', { name: TEXT.remove }).uncheck()
  await pain.getByRole('radio', { name: '5', exact: true }).check()
  await panel.getByRole('button', { name: TEXT.addChange, exact: true }).click()
  const worst = await pick(page, 2, 'worst', 'Worst pain, past week (NPRS)')
  await worst.getByRole('radio', { name: '8', exact: true }).check()
  await page.evaluate(async (intakeId) => {
    const current = await window.api.getIntake({ id: intakeId })
    if (!current.ok) throw new Error(current.error.message)
    const amended = await window.api.amendIntake({
      id: intakeId,
      revision: current.value.revision,
      changes: [{ itemId: 'pain.now', value: 4 }],
      reason: 'Corrected at the other desk.'
    })
    if (!amended.ok) throw new Error(amended.error.message)
  }, id)
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  const conflict = panel.getByTestId('amend-conflict')
  await expect(conflict).toContainText(TEXT.conflict)
  const stored = await storedIntake(page, id)
  expect(stored.answers['pain.now']).toBe(4)
  expect(stored.amendments.map((amendment) => amendment.reason)).toEqual([
    'Corrected at the other desk.'
  ])
  await shoot(page, panel, '6-conflict')

  // Reloading shows the other change and keeps what was entered here.
  await conflict.getByRole('button', { name: TEXT.reload, exact: true }).click()
  await expect(panel.getByTestId('amend-reloaded')).toHaveText(TEXT.reloaded)
  await expect(pain.getByTestId('amend-current')).toHaveText(`${TEXT.current}: 4 / 10`)
  await expect(pain.getByRole('radio', { name: '5', exact: true })).toBeChecked()
  await expect(worst.getByRole('radio', { name: '8', exact: true })).toBeChecked()
  await expect(panel.getByLabel(TEXT.reason)).toHaveValue('Entered for the wrong patient.')
  await expect(page.getByTestId('amendments').locator('li[data-version="1"]')).toBeVisible()
  await panel.getByRole('button', { name: TEXT.save, exact: true }).click()
  await expect(panel).toBeHidden()
  const saved = await storedIntake(page, id)
  expect(saved.amendments).toHaveLength(2)
  expect(saved.amendments[1]?.changes).toEqual([
    { itemId: 'pain.now', before: 4, after: 5 },
    { itemId: 'pain.worst', before: 5, after: 8 }
  ])
  await expect(
    page.getByTestId('amendments').locator('li[data-version="2"] [data-item="pain.worst"]')
  ).toHaveText('Worst pain, past week (NPRS): 5 / 10 → 8 / 10')
})
