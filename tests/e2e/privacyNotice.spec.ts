/**
 * The clinic's privacy notice on the consent step: shown in the patient's language before the
 * privacy box can be ticked (the app's default, or the clinic's own text from Settings), and
 * editable per language in Settings with a reset to the default.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { privacyNoticeParagraphs, type IntakeAnswers } from '../../src/domain'
import en from '../../src/i18n/en'
import es from '../../src/i18n/es'
import zh from '../../src/i18n/zh'
import { expect, test } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { KeyboardUser } from './pages/keyboardUser'
import { SettingsPage } from './pages/settingsPage'
import { goldenCase, seedIntake, storedIntake } from './support'

/** Screenshots for people to look at (not compared to a baseline). */
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/privacy')
/** A routine intake, answered up to the consent step (English, no consent answers yet). */
const ROUTINE = Object.fromEntries(
  Object.entries(goldenCase('doms-routine').answers).filter(
    ([id]) => !id.startsWith('consent.') && id !== 'patient.preferredLanguage'
  )
) as IntakeAnswers
const SPANISH_NOTICE = [
  'Clínica Ribera guarda su información en el ordenador de la clínica.',
  'Solo la ven los fisioterapeutas que le atienden.\nPuede pedir una copia en recepción.'
].join('\n\n')

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }))

/** Serious or critical WCAG 2.1 A/AA problems axe finds on the page, one line each. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)
}

/** Jumps the open intake form straight to its consent step (the steps before are not the subject). */
async function goToConsentStep(page: Page, id: string): Promise<void> {
  await page.evaluate((intakeId) => {
    window.location.hash = `#/intake/${intakeId}?step=consent`
  }, id)
}

async function screenshotOf(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true, animations: 'disabled' })
}

test('the default notice shows in English, and the privacy box waits until it is opened', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.fillUntil('consent', ROUTINE)

  const privacyBox = page.getByRole('checkbox', {
    name: message('items.consent.privacy.label'),
    exact: true
  })
  const treatmentBox = page.getByRole('checkbox', {
    name: message('items.consent.treatment.label'),
    exact: true
  })
  // Before the notice is opened: the box cannot be ticked, and says why.
  await expect(form.privacyNoticeButton()).toBeVisible()
  await expect(form.privacyNoticeRegion()).toHaveCount(0)
  await expect(privacyBox).toBeDisabled()
  await expect(privacyBox).toHaveAccessibleDescription(message('privacyNotice.readFirst'))
  await expect(page.getByText(message('privacyNotice.readFirst'), { exact: true })).toBeVisible()
  await privacyBox.click({ force: true })
  await expect(privacyBox).not.toBeChecked()
  // The other consent box is not held back.
  await treatmentBox.check()
  await expect(treatmentBox).toBeChecked()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshotOf(page, 'consent-en-before-opening.png')

  // Opening it shows the whole default notice inline, and focus moves into it.
  await form.privacyNoticeButton().click()
  const region = form.privacyNoticeRegion()
  await expect(region).toBeVisible()
  await expect(region).toBeFocused()
  await expect(region).toHaveAttribute('tabindex', '0')
  const paragraphs = privacyNoticeParagraphs(en.privacyNotice.defaultText)
  await expect(region.getByRole('paragraph')).toHaveText(paragraphs)
  await expect(form.privacyNoticeButton()).toHaveCount(0)
  // A long notice scrolls inside its region, by keyboard too (the region is focusable).
  const sizes = await region.evaluate((element) => ({
    scroll: element.scrollHeight,
    client: element.clientHeight
  }))
  expect(sizes.scroll).toBeGreaterThan(sizes.client)
  await page.keyboard.press('End')
  await expect
    .poll(() =>
      region.evaluate(
        (element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1
      )
    )
    .toBe(true)
  await page.keyboard.press('Home')

  await expect(privacyBox).toBeEnabled()
  await expect(privacyBox).not.toHaveAccessibleDescription(message('privacyNotice.readFirst'))
  await privacyBox.check()
  await expect(privacyBox).toBeChecked()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshotOf(page, 'consent-en.png')

  // Back and Next keep the notice open and the box usable for this intake.
  await page.getByRole('button', { name: message('form.back'), exact: true }).click()
  await form.stepHeading('goals').waitFor()
  await form.next()
  await form.stepHeading('consent').waitFor()
  await expect(form.privacyNoticeRegion()).toBeVisible()
  await expect(form.privacyNoticeButton()).toHaveCount(0)
  await expect(privacyBox).toBeEnabled()
  await expect(privacyBox).toBeChecked()
  await privacyBox.uncheck()
  await expect(privacyBox).toBeEnabled()
  await privacyBox.check()
  await expect
    .poll(async () => (await storedIntake(page, form.intakeId())).answers['consent.privacy'])
    .toBe(true)
})

test('a Spanish notice written in Settings is what a Spanish-speaking patient reads', async ({
  app
}) => {
  const page = app.page
  const settings = new SettingsPage(page)
  await settings.open()

  // Each language starts from the app's default, so staff see what patients read.
  await expect(settings.privacyText('es')).toHaveValue(es.privacyNotice.defaultText)
  await expect(settings.privacyText('zh')).toHaveValue(zh.privacyNotice.defaultText)
  await expect(settings.privacyText('en')).toHaveValue(en.privacyNotice.defaultText)
  await expect(settings.privacyText('es')).toHaveAccessibleDescription(/Uses the default notice/)
  await expect(settings.privacyReset('es')).toBeDisabled()

  await settings.privacyText('es').fill(`  ${SPANISH_NOTICE.replace(/\n/g, '\r\n')}  \n\n\n`)
  await expect(settings.privacyText('es')).toHaveAccessibleDescription(/your clinic’s own notice/)
  await settings.savePrivacyNotice()
  await expect(settings.privacySaved()).toBeVisible()
  await expect(settings.privacyText('es')).toHaveValue(SPANISH_NOTICE)
  expect(await page.evaluate(() => window.api.getPrivacyNotice({}))).toEqual({
    ok: true,
    value: { en: '', zh: '', es: SPANISH_NOTICE }
  })
  expect(await seriousAxeViolations(page)).toEqual([])
  await settings.privacyCard().scrollIntoViewIfNeeded()
  await settings.privacyCard().screenshot({
    path: join(SCREENSHOTS, 'settings-privacy-notice.png'),
    animations: 'disabled'
  })

  // Handed to a patient who chooses Spanish: the consent step shows the clinic's Spanish text.
  const form = new IntakeForm(page)
  await form.startAsPatient()
  await form.group(message('language.choose')).getByRole('radio', { name: 'Español' }).check()
  await expect(page.getByRole('heading', { level: 1, name: es.steps.about })).toBeVisible()
  await goToConsentStep(page, form.intakeId())
  await expect(page.getByRole('heading', { level: 1, name: es.steps.consent })).toBeVisible()

  const privacyBox = page.getByRole('checkbox', {
    name: es.items.consent.privacy.label,
    exact: true
  })
  await expect(privacyBox).toBeDisabled()
  await expect(privacyBox).toHaveAccessibleDescription(es.privacyNotice.readFirst)
  await page.getByRole('button', { name: es.privacyNotice.openNotice, exact: true }).click()
  const region = page.getByRole('region', { name: es.privacyNotice.title, exact: true })
  await expect(region).toBeFocused()
  await expect(region.getByRole('paragraph')).toHaveText(privacyNoticeParagraphs(SPANISH_NOTICE))
  await expect(region).not.toContainText(privacyNoticeParagraphs(es.privacyNotice.defaultText)[0]!)
  // A line break inside a paragraph stays a line break on screen.
  expect(await region.getByRole('paragraph').nth(1).innerText()).toContain('\n')
  await privacyBox.check()
  await expect(privacyBox).toBeChecked()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshotOf(page, 'consent-es.png')

  // The patient may read the notice, never change it.
  const refused = await page.evaluate(() =>
    window.api.setPrivacyNotice({ en: 'Nothing is private.', zh: '', es: '' })
  )
  expect(refused.ok).toBe(false)
  if (!refused.ok) expect(refused.error.code).toBe('forbidden')
  expect(await page.evaluate(() => window.api.getPrivacyNotice({}))).toEqual({
    ok: true,
    value: { en: '', zh: '', es: SPANISH_NOTICE }
  })
})

test('a Chinese-speaking patient reads the default notice in Chinese, with the keyboard alone', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  await form.startAsStaff()
  await form.group(message('language.choose')).getByRole('radio', { name: '简体中文' }).check()
  await expect(page.getByRole('heading', { level: 1, name: zh.steps.about })).toBeVisible()
  await goToConsentStep(page, form.intakeId())
  await expect(page.getByRole('heading', { level: 1, name: zh.steps.consent })).toBeVisible()

  const privacyBox = page.getByRole('checkbox', {
    name: zh.items.consent.privacy.label,
    exact: true
  })
  await expect(privacyBox).toBeDisabled()
  await expect(privacyBox).toHaveAccessibleDescription(zh.privacyNotice.readFirst)
  await expect(page.getByText(zh.privacyNotice.intro, { exact: true })).toBeVisible()
  // Keyboard alone: Tab to the button, Enter opens the notice and moves focus into it, Tab on to
  // the boxes, Space ticks.
  const keys = new KeyboardUser(page)
  await keys.activate(page.getByRole('button', { name: zh.privacyNotice.openNotice, exact: true }))
  const region = page.getByRole('region', { name: zh.privacyNotice.title, exact: true })
  await expect(region).toBeFocused()
  await expect(region.getByRole('paragraph')).toHaveText(
    privacyNoticeParagraphs(zh.privacyNotice.defaultText)
  )
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  await expect(privacyBox).toBeEnabled()
  await keys.toggle(privacyBox)
  await expect(privacyBox).toBeChecked()
  expect(await seriousAxeViolations(page)).toEqual([])
  await screenshotOf(page, 'consent-zh.png')
})

test('a resumed draft whose privacy box was ticked keeps it ticked and usable', async ({ app }) => {
  const id = await seedIntake(app.page, {
    ...ROUTINE,
    'consent.treatment': true,
    'consent.privacy': true
  })
  // A fresh start of the app: nothing remembers that the notice was opened for this intake.
  const page = await app.restart()
  await page.evaluate((intakeId) => {
    window.location.hash = `#/intake/${intakeId}?step=consent`
  }, id)
  const form = new IntakeForm(page)
  await form.stepHeading('consent').waitFor()

  const privacyBox = page.getByRole('checkbox', {
    name: message('items.consent.privacy.label'),
    exact: true
  })
  await expect(privacyBox).toBeChecked()
  await expect(privacyBox).toBeEnabled()
  await expect(privacyBox).not.toHaveAccessibleDescription(message('privacyNotice.readFirst'))
  // The notice is still there to read.
  await expect(form.privacyNoticeButton()).toBeVisible()
})

test('Settings refuses a notice over the limit at its field, and resets a language to the default', async ({
  app
}) => {
  const page = app.page
  const settings = new SettingsPage(page)
  await settings.open()

  await settings.privacyText('en').fill('x'.repeat(10_001))
  await settings.savePrivacyNotice()
  const english = settings.privacyText('en')
  await expect(english).toHaveAttribute('aria-invalid', 'true')
  await expect(english).toBeFocused()
  await expect(english).toHaveAccessibleDescription(/at most 10,000 characters long/)
  await expect(settings.privacySaved()).toHaveCount(0)
  expect((await page.evaluate(() => window.api.getPrivacyNotice({}))).ok).toBe(true)

  await english.fill('Our own English notice.')
  await settings.privacyText('zh').fill('我们自己的隐私声明。')
  await settings.savePrivacyNotice()
  await expect(settings.privacySaved()).toBeVisible()
  await expect(english).not.toHaveAttribute('aria-invalid', 'true')

  // Reset puts the default back in the field; Save stores it as "use the default".
  await expect(settings.privacyReset('zh')).toBeEnabled()
  await settings.privacyReset('zh').click()
  await expect(settings.privacyText('zh')).toHaveValue(zh.privacyNotice.defaultText)
  await expect(settings.privacyText('zh')).toHaveAccessibleDescription(/Uses the default notice/)
  await settings.savePrivacyNotice()
  await expect(settings.privacySaved()).toBeVisible()

  // Stored in the database: still there after the app restarts; an emptied field is the default.
  const restarted = await app.restart()
  const reopened = new SettingsPage(restarted)
  await reopened.open()
  await expect(reopened.privacyText('en')).toHaveValue('Our own English notice.')
  await expect(reopened.privacyText('zh')).toHaveValue(zh.privacyNotice.defaultText)
  await reopened.privacyText('en').fill('')
  await reopened.savePrivacyNotice()
  await expect(reopened.privacySaved()).toBeVisible()
  await expect(reopened.privacyText('en')).toHaveValue(en.privacyNotice.defaultText)
  expect(await restarted.evaluate(() => window.api.getPrivacyNotice({}))).toEqual({
    ok: true,
    value: { en: '', zh: '', es: '' }
  })
})
