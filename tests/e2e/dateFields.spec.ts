/**
 * Dates typed as three boxes (day, month, year) in the patient's language order, as the front
 * desk asked: the order in en, zh and es, paste of a whole date, and one clear message per
 * mistake, none of which reaches the stored draft. Screenshots of the boxes and two messages go
 * to test-results/screenshots/dates/ at 1024x768 and at a narrow 640px.
 */
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { todayIso } from '../../src/domain'
import es from '../../src/i18n/es'
import zh from '../../src/i18n/zh'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { storedIntake } from './support'

const OUT = join(import.meta.dirname, '../../test-results/screenshots/dates')
const DESKTOP = { width: 1024, height: 768 }
const NARROW = { width: 640, height: 900 }

type Part = 'day' | 'month' | 'year'
interface DateWords {
  readonly dateOfBirth: string
  readonly onsetDate: string
  readonly boxes: Readonly<Record<Part, string>>
}

const WORDS: Readonly<Record<'en' | 'zh' | 'es', DateWords>> = {
  en: {
    dateOfBirth: message('items.patient.dateOfBirth.label'),
    onsetDate: message('items.complaint.onsetDate.label'),
    boxes: {
      day: message('dateField.day'),
      month: message('dateField.month'),
      year: message('dateField.year')
    }
  },
  zh: {
    dateOfBirth: zh.items.patient.dateOfBirth.label,
    onsetDate: zh.items.complaint.onsetDate.label,
    boxes: zh.dateField
  },
  es: {
    dateOfBirth: es.items.patient.dateOfBirth.label,
    onsetDate: es.items.complaint.onsetDate.label,
    boxes: es.dateField
  }
}
const EN = WORDS.en

/** The three boxes of one date question, found by the question (the group's name) and box label. */
function dateBoxes(page: Page, question: string, words: DateWords = EN): Record<Part, Locator> {
  const group = page.getByRole('group', { name: question, exact: true })
  const box = (part: Part): Locator =>
    group.getByRole('textbox', { name: words.boxes[part], exact: true })
  return { day: box('day'), month: box('month'), year: box('year') }
}

/** Starts a staff intake with a name (so it is listed) and, unless English, picks the language. */
async function startIntake(page: Page, language: 'en' | 'zh' | 'es' = 'en'): Promise<string> {
  const form = new IntakeForm(page)
  await form.startAsStaff()
  if (language !== 'en') {
    await form
      .group(message('language.choose'))
      .getByRole('radio', { name: message(`language.${language}`) })
      .check()
    await expect(page.locator('html')).toHaveAttribute(
      'lang',
      language === 'zh' ? 'zh-Hans' : language
    )
  }
  await page.locator('[data-item="patient.givenName"] input').fill('Maya')
  await page.locator('[data-item="patient.familyName"] input').fill('Okafor')
  return form.intakeId()
}

/** The stored answer of one item, once the save has caught up with the screen. */
async function storedAnswer(page: Page, id: string, itemId: string): Promise<unknown> {
  return (await storedIntake(page, id)).answers[itemId]
}

/** A date `years` years before today, in the three boxes' terms and as stored. */
function yearsAgo(
  years: number,
  dayOffset = 0
): { iso: string; day: string; month: string; year: string } {
  const date = new Date()
  date.setFullYear(date.getFullYear() - years)
  date.setDate(date.getDate() + dayOffset)
  const iso = todayIso(date)
  const [year = '', month = '', day = ''] = iso.split('-')
  return { iso, day, month, year }
}

/** Pastes text into a box the way the browser delivers a paste (a ClipboardEvent with its data). */
async function paste(box: Locator, text: string): Promise<void> {
  await box.focus()
  await box.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  }, text)
}

/** The page fits its width: no horizontal scrolling. */
async function expectNoSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  )
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
}

/** A screenshot of one question at the desktop size and at 640px wide. */
async function shootQuestion(page: Page, itemId: string, name: string): Promise<void> {
  const question = page.locator(`[data-item="${itemId}"]`)
  for (const size of [DESKTOP, NARROW]) {
    await page.setViewportSize(size)
    await expectNoSideways(page)
    await question.scrollIntoViewIfNeeded()
    // A little margin, so the focus ring around a box is in the picture too.
    const box = await question.boundingBox()
    if (!box) throw new Error(`${itemId} is not visible`)
    await page.screenshot({
      path: join(OUT, `${name}-${size.width}.png`),
      clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 },
      animations: 'disabled'
    })
    await page.screenshot({
      path: join(OUT, `${name}-${size.width}-page.png`),
      animations: 'disabled'
    })
  }
  await page.setViewportSize(DESKTOP)
}

test('in Chinese the boxes are year, month, day; typing moves on by itself and the date is saved', async ({
  app
}) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const id = await startIntake(page, 'zh')
  const words = WORDS.zh
  const group = page.getByRole('group', { name: words.dateOfBirth, exact: true })
  await expect(group.getByRole('textbox')).toHaveCount(3)
  for (const [index, part] of (['year', 'month', 'day'] as const).entries()) {
    await expect(group.getByRole('textbox').nth(index)).toHaveAccessibleName(words.boxes[part])
  }
  const boxes = dateBoxes(page, words.dateOfBirth, words)
  await expect(boxes.year).toHaveAttribute('inputmode', 'numeric')
  await expect(boxes.year).toHaveAttribute('autocomplete', 'bday-year')
  await expect(boxes.month).toHaveAttribute('autocomplete', 'bday-month')
  await expect(boxes.day).toHaveAttribute('autocomplete', 'bday-day')

  await boxes.year.click()
  await page.keyboard.type('1990')
  await expect(boxes.month).toBeFocused()
  await page.keyboard.type('04')
  await expect(boxes.day).toBeFocused()
  await page.keyboard.type('23')
  await expect(boxes.day).toBeFocused()
  // Deleting never moves the focus back.
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await expect(boxes.day).toBeFocused()
  await page.keyboard.type('23')

  await expect(page.getByTestId('save-status')).toHaveText(zh.form.saved)
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')
  await shootQuestion(page, 'patient.dateOfBirth', 'zh-date-of-birth')
})

test('in Spanish the boxes are day, month, year and the date is saved', async ({ app }) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const id = await startIntake(page, 'es')
  const words = WORDS.es
  const group = page.getByRole('group', { name: words.dateOfBirth, exact: true })
  for (const [index, part] of (['day', 'month', 'year'] as const).entries()) {
    await expect(group.getByRole('textbox').nth(index)).toHaveAccessibleName(words.boxes[part])
  }
  const boxes = dateBoxes(page, words.dateOfBirth, words)
  await boxes.day.click()
  await page.keyboard.type('23')
  await expect(boxes.month).toBeFocused()
  await page.keyboard.type('4')
  // A single-digit month moves on with a separator, as people write 23/4/1990.
  await page.keyboard.type('/')
  await expect(boxes.year).toBeFocused()
  await page.keyboard.type('1990')

  await expect(page.getByTestId('save-status')).toHaveText(es.form.saved)
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')
  await shootQuestion(page, 'patient.dateOfBirth', 'es-date-of-birth')
})

test('in English the boxes are day, month, year, and a pasted whole date fills all three', async ({
  app
}) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const id = await startIntake(page)
  const group = page.getByRole('group', { name: EN.dateOfBirth, exact: true })
  for (const [index, part] of (['day', 'month', 'year'] as const).entries()) {
    await expect(group.getByRole('textbox').nth(index)).toHaveAccessibleName(EN.boxes[part])
  }
  const boxes = dateBoxes(page, EN.dateOfBirth)

  await paste(boxes.month, '23/04/1990')
  await expect(boxes.day).toHaveValue('23')
  await expect(boxes.month).toHaveValue('04')
  await expect(boxes.year).toHaveValue('1990')
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')

  // The other ways people write it, into whichever box has the focus.
  const pastes: ReadonlyArray<[string, Part, string]> = [
    ['1985-11-02', 'day', '1985-11-02'],
    ['02.12.1985', 'year', '1985-12-02'],
    ['3 1 1986', 'month', '1986-01-03']
  ]
  for (const [text, part, stored] of pastes) {
    await paste(boxes[part], text)
    await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth'), text).toBe(stored)
  }
  await expect(boxes.day).toHaveValue('3')
  await expect(boxes.month).toHaveValue('1')
  await expect(boxes.year).toHaveValue('1986')
  await shootQuestion(page, 'patient.dateOfBirth', 'en-date-of-birth')
})

test('a saved date comes back into its three boxes after a restart', async ({ app }) => {
  const form = new IntakeForm(app.page)
  await startIntake(app.page)
  await form.fillStep('about', { 'patient.dateOfBirth': '1990-04-03' })
  await expect(form.saveStatus()).toHaveText(message('form.saved'))

  const page = await app.restart()
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Maya Okafor' })
    .getByRole('link', { name: /Continue/ })
    .click()
  await page.getByRole('button', { name: /About you/ }).click()
  const boxes = dateBoxes(page, EN.dateOfBirth)
  await expect(boxes.day).toHaveValue('03')
  await expect(boxes.month).toHaveValue('04')
  await expect(boxes.year).toHaveValue('1990')
})

test('in Chinese a date pasted as 1990年4月23日 or 1990/4/23 fills all three boxes', async ({
  app
}) => {
  const page = app.page
  const id = await startIntake(page, 'zh')
  const boxes = dateBoxes(page, WORDS.zh.dateOfBirth, WORDS.zh)
  await paste(boxes.day, '1990年4月23日')
  await expect(boxes.year).toHaveValue('1990')
  await expect(boxes.month).toHaveValue('4')
  await expect(boxes.day).toHaveValue('23')
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')
  await paste(boxes.year, '1991/5/24')
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1991-05-24')
})

test('a date of birth in the future has its own message and is not saved', async ({ app }) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const form = new IntakeForm(page)
  const id = await startIntake(page)
  await form.fillStep('about', { 'patient.dateOfBirth': '1990-04-23' })
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')

  const group = page.getByRole('group', { name: EN.dateOfBirth, exact: true })
  const boxes = dateBoxes(page, EN.dateOfBirth)
  const tomorrow = yearsAgo(0, 1)
  await boxes.day.fill(tomorrow.day)
  await boxes.month.fill(tomorrow.month)
  await boxes.year.fill(tomorrow.year)
  const said = message('validation.birth-in-future')
  await expect(group.getByRole('alert')).toHaveText(said)
  await expect(group).toHaveAccessibleDescription(new RegExp(`${escape(said)}$`))
  await expect(boxes.year).toHaveAttribute('aria-invalid', 'true')

  // The earlier, valid date is taken back rather than left standing beside a refused one.
  await expect(form.saveStatus()).toHaveText(message('form.saved'))
  expect(await storedAnswer(page, id, 'patient.dateOfBirth')).toBeUndefined()
  await shootQuestion(page, 'patient.dateOfBirth', 'en-error-birth-in-future')
})

test('a date of birth 121 years ago has its own message and is not saved; 120 years is fine', async ({
  app
}) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const form = new IntakeForm(page)
  const id = await startIntake(page)
  const group = page.getByRole('group', { name: EN.dateOfBirth, exact: true })
  const boxes = dateBoxes(page, EN.dateOfBirth)

  const old = yearsAgo(121)
  await boxes.day.fill(old.day)
  await boxes.month.fill(old.month)
  await boxes.year.fill(old.year)
  await expect(group.getByRole('alert')).toHaveText(message('dateField.errors.birthTooLongAgo'))
  await expect(form.saveStatus()).toHaveText(message('form.saved'))
  expect(await storedAnswer(page, id, 'patient.dateOfBirth')).toBeUndefined()
  await shootQuestion(page, 'patient.dateOfBirth', 'en-error-over-120-years')

  const oldest = yearsAgo(120)
  await boxes.day.fill(oldest.day)
  await boxes.month.fill(oldest.month)
  await boxes.year.fill(oldest.year)
  await expect(group.getByRole('alert')).toHaveCount(0)
  await expect.poll(() => storedAnswer(page, id, 'patient.dateOfBirth')).toBe(oldest.iso)
})

test('31 April and a half-typed date each say what is wrong, and neither is saved', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const id = await startIntake(page)
  const group = page.getByRole('group', { name: EN.dateOfBirth, exact: true })
  const boxes = dateBoxes(page, EN.dateOfBirth)

  await boxes.day.fill('31')
  await boxes.month.fill('04')
  await boxes.year.fill('1990')
  await expect(group.getByRole('alert')).toHaveText(
    message('dateField.errors.dayRange').replace('{days}', '30')
  )
  await expect(boxes.day).toHaveAttribute('aria-invalid', 'true')

  // Half typed: no message while typing, one on leaving the three boxes.
  await boxes.year.fill('')
  await expect(group.getByRole('alert')).toHaveCount(0)
  await page.locator('[data-item="patient.phone"] input').focus()
  await expect(group.getByRole('alert')).toHaveText(message('dateField.errors.missingYear'))
  await expect(boxes.year).toHaveAttribute('aria-invalid', 'true')
  await expect(boxes.day).not.toHaveAttribute('aria-invalid', 'true')

  await expect(form.saveStatus()).toHaveText(message('form.saved'))
  expect(await storedAnswer(page, id, 'patient.dateOfBirth')).toBeUndefined()
  await shootQuestion(page, 'patient.dateOfBirth', 'en-error-missing-year')
})

test('Next without a date of birth marks the three boxes, focuses the first and names the problem', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await startIntake(page)
  await form.next()
  const group = page.getByRole('group', { name: EN.dateOfBirth, exact: true })
  const boxes = dateBoxes(page, EN.dateOfBirth)
  await expect(boxes.day).toBeFocused()
  for (const box of Object.values(boxes)) await expect(box).toHaveAttribute('aria-invalid', 'true')
  await expect(group).toHaveAccessibleDescription(/Please answer this question\.$/)

  // Half typed and Next again: the more useful message replaces the generic one, not beside it.
  await boxes.day.fill('14')
  await boxes.month.fill('03')
  await form.next()
  await expect(group).toHaveAccessibleDescription(
    new RegExp(`${escape(message('dateField.errors.missingYear'))}$`)
  )
  await expect(group.getByText(message('validation.required'), { exact: true })).toHaveCount(0)
  await expect(boxes.year).toHaveAttribute('aria-invalid', 'true')
})

test('an onset date before the date of birth says so at the onset question and is not saved', async ({
  app
}) => {
  const page = app.page
  await page.setViewportSize(DESKTOP)
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillStep('about', {
    'patient.givenName': 'Maya',
    'patient.familyName': 'Okafor',
    'patient.dateOfBirth': '1990-04-23'
  })
  const id = form.intakeId()
  await form.next()
  await form.stepHeading('episode').waitFor()

  const group = page.getByRole('group', { name: EN.onsetDate, exact: true })
  const boxes = dateBoxes(page, EN.onsetDate)
  await expect(boxes.day).toHaveAttribute('autocomplete', 'off')
  await boxes.day.fill('22')
  await boxes.month.fill('04')
  await boxes.year.fill('1990')
  const said = message('validation.before-birth')
  await expect(group.getByText(said, { exact: true })).toBeVisible()
  await expect(group).toHaveAccessibleDescription(new RegExp(`${escape(said)}$`))
  await expect(form.saveStatus()).toContainText(EN.onsetDate.replace(/\?$/, ''))
  expect(await storedAnswer(page, id, 'complaint.onsetDate')).toBeUndefined()
  expect(await storedAnswer(page, id, 'patient.dateOfBirth')).toBe('1990-04-23')
  await shootQuestion(page, 'complaint.onsetDate', 'en-error-onset-before-birth')

  // The day of birth itself is a possible start.
  await boxes.day.fill('23')
  await expect(group.getByText(said, { exact: true })).toHaveCount(0)
  await expect.poll(() => storedAnswer(page, id, 'complaint.onsetDate')).toBe('1990-04-23')
})

/** A message as a literal inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
