/**
 * Staff sign-in and roles through the screen: the first run creates an
 * administrator, administrators add staff, each role sees and reaches only
 * what it may, wrong sign-ins lock an account for longer each time, and the
 * app locks itself after the idle time with nothing of any patient left on
 * the locked screen or in its stores.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { launchWebApp, TEST_ADMINISTRATOR } from '../support/webApp'
import { expect, test } from './fixtures'
import { IntakeForm } from './pages/intakeForm'
import { goldenCase, seedIntake, storedIntake } from './support'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/staff')
const FRONT_DESK = { name: 'Dana Front', secret: '846297' }
const CLINICIAN = { name: 'Dr Chris Clinician', secret: 'spine and sinew 42' }
const ROUTINE = goldenCase('doms-routine').answers

async function signInAs(page: Page, who: { name: string; secret: string }): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(who.name)
  await page.getByLabel('Password or PIN', { exact: true }).fill(who.secret)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
}

async function addStaff(
  page: Page,
  who: { name: string; secret: string },
  role: 'Front desk' | 'Clinician' | 'Administrator'
): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Staff', exact: true }).click()
  const form = page.getByRole('region', { name: 'Add a member of staff' })
  await form.getByLabel('Name', { exact: true }).fill(who.name)
  await form.getByRole('radio', { name: role, exact: true }).check()
  await form.getByLabel('Password or PIN', { exact: true }).fill(who.secret)
  await form.getByRole('button', { name: 'Add account' }).click()
  await expect(form.getByRole('status')).toHaveText(`Account added for ${who.name}.`)
}

/** Every Pinia store's state, as the page holds it (Vue keeps the app on its container). */
async function storeState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const container = document.querySelector('#app') as
      | (Element & {
          __vue_app__?: { config: { globalProperties: { $pinia?: { state: { value: unknown } } } } }
        })
      | null
    const pinia = container?.__vue_app__?.config.globalProperties.$pinia
    if (!pinia) throw new Error('No Pinia on the page')
    return JSON.stringify(pinia.state.value)
  })
}

test('the first run creates an administrator; trivial PINs are refused; the app opens on sign-in', async ({
  browser
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'back-intake-first-run-'))
  try {
    const app = await launchWebApp(browser, dataDir, { signIn: false })
    const page = app.page
    await expect(page.getByRole('heading', { level: 1, name: 'Set up Back Intake' })).toBeVisible()
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run.png') })

    await page.getByLabel('Administrator’s name').fill('Ana Ruiz')
    await page.getByLabel('Password or PIN', { exact: true }).fill('123456')
    await page.getByLabel('Repeat the password or PIN').fill('123456')
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click()
    await expect(page.getByRole('alert')).toContainText('too easy to guess')
    // The secret is never left in a field after a refusal.
    await expect(page.getByLabel('Password or PIN', { exact: true })).toHaveValue('')

    await page.getByLabel('Password or PIN', { exact: true }).fill('503817')
    await page.getByLabel('Repeat the password or PIN').fill('503817')
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click()
    await expect(page.getByTestId('signed-in-as')).toHaveText(
      'Signed in as Ana Ruiz (Administrator)'
    )
    await app.close()

    // A restart opens on the sign-in screen, never on a staff screen.
    const again = await launchWebApp(browser, dataDir, { signIn: false })
    await expect(again.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await again.page.evaluate(() => {
      window.location.hash = '#/intakes'
    })
    await expect(again.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    const refused = await again.page.evaluate(() => window.api.listIntakes({}))
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden')
    await again.page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') })
    await again.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('each role sees only what it may: the front desk continues drafts and prints, clinicians open records', async ({
  app
}) => {
  const page = app.page
  const submitted = await seedIntake(page, ROUTINE, { submit: true })
  const draft = await seedIntake(page, { 'patient.familyName': 'Draftson' })
  await addStaff(page, FRONT_DESK, 'Front desk')
  await addStaff(page, CLINICIAN, 'Clinician')
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-accounts.png'), fullPage: true })
  await signOut(page)

  await signInAs(page, FRONT_DESK)
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Dana Front (Front desk)')
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: 'Staff' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toHaveCount(0)
  await nav.getByRole('link', { name: 'Intakes', exact: true }).click()
  await expect(page.getByRole('button', { name: /Export the day/ })).toHaveCount(0)
  const submittedRow = page.getByRole('row').filter({ hasText: 'Submitted' })
  await expect(submittedRow.getByRole('button', { name: /^Print…/ })).toBeVisible()
  await expect(submittedRow.getByRole('link', { name: /^Open/ })).toHaveCount(0)
  await page.screenshot({ path: join(SCREENSHOTS, 'front-desk-list.png'), fullPage: true })
  await submittedRow.getByRole('button', { name: /^Print…/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Sent to the printer.' })).toBeVisible()
  expect(app.printedPdfs.length).toBe(1)

  const draftRow = page.getByRole('row').filter({ hasText: 'Draftson' })
  await draftRow.getByRole('link', { name: /^Continue/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/intake/${draft}`))

  // The full record is for clinicians: the route and the main process both refuse it.
  await page.evaluate((id) => {
    window.location.hash = `#/intakes/${id}`
  }, submitted)
  await expect(page).toHaveURL(/#\/$/)
  const record = await page.evaluate((id) => window.api.getIntake({ id }), submitted)
  expect(record.ok ? 'ok' : record.error.code).toBe('forbidden')
  const fhir = await page.evaluate((id) => window.api.exportFhir({ ids: [id] }), submitted)
  expect(fhir.ok ? 'ok' : fhir.error.code).toBe('forbidden')
  const staff = await page.evaluate(() => window.api.listStaff({}))
  expect(staff.ok ? 'ok' : staff.error.code).toBe('forbidden')
  await signOut(page)

  await signInAs(page, CLINICIAN)
  await page.getByRole('navigation').getByRole('link', { name: 'Intakes', exact: true }).click()
  await page
    .getByRole('row')
    .filter({ hasText: 'Submitted' })
    .getByRole('link', { name: /^Open/ })
    .click()
  await expect(page).toHaveURL(new RegExp(`#/intakes/${submitted}`))
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Your password or PIN' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Clinic details' })).toHaveCount(0)
})

test('wrong sign-ins lock the account for longer each time, and say so plainly', async ({
  app
}) => {
  const page = app.page
  await addStaff(page, FRONT_DESK, 'Front desk')
  await signOut(page)
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signInAs(page, { name: FRONT_DESK.name, secret: '999999' })
    await expect(page.getByRole('alert')).toHaveText(
      'That name and password or PIN do not match an account.'
    )
  }
  await signInAs(page, { name: FRONT_DESK.name, secret: '999999' })
  await signInAs(page, FRONT_DESK)
  // Even the right PIN waits out the lock.
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many wrong attempts for this name\. Try again in (2\d|30) seconds\.$/
  )
  await page.screenshot({ path: join(SCREENSHOTS, 'locked-out.png') })
  // An unknown name is refused in the same words, so names cannot be discovered by trying.
  await signInAs(page, { name: 'Nobody Here', secret: '999999' })
  await expect(page.getByRole('alert')).toHaveText(
    'That name and password or PIN do not match an account.'
  )
})

test('the app locks itself after the idle time, saves first, and keeps no patient on the locked screen', async ({
  app
}) => {
  const page = app.page
  // The page's clock is the test's: idle minutes pass in a moment (the main process keeps real time).
  await page.clock.install()
  await page.reload()
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  const form = new IntakeForm(page)
  await form.startAsStaff()
  const id = form.intakeId()
  await page.getByRole('textbox', { name: /Last name/ }).fill('Quimby-Lockwood')

  // Four and a half minutes later: the warning, with "Stay signed in".
  await page.clock.fastForward('04:31')
  const warning = page.getByRole('alertdialog', { name: 'Still there?' })
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused()
  await page.screenshot({ path: join(SCREENSHOTS, 'idle-warning.png') })
  // The button has the focus: Enter presses it, as a keyboard user would. (A mouse click waits
  // for animation frames, which the page's stopped clock does not deliver.)
  await page.keyboard.press('Enter')
  await expect(warning).toHaveCount(0)

  // Five quiet minutes: locked.
  await page.clock.fastForward('05:01')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('locked itself after 5 minutes')
  await page.screenshot({ path: join(SCREENSHOTS, 'locked.png') })
  const text = await page.locator('body').innerText()
  expect(text).not.toContain('Quimby')
  const html = await page.content()
  expect(html).not.toContain('Quimby')
  expect(html).not.toContain(id)
  const stores = await storeState(page)
  expect(stores).not.toContain('Quimby')
  expect(stores).not.toContain(id)
  const locked = await page.evaluate(() => window.api.getSession({}))
  expect(locked.ok && locked.value.role).toBe('signed-out')

  // What was typed was saved before the lock; the same person returns to the form.
  await page.getByLabel('Name', { exact: true }).fill(TEST_ADMINISTRATOR.name)
  await page.getByLabel('Password or PIN', { exact: true }).fill(TEST_ADMINISTRATOR.secret)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/intake/${id}`))
  await expect(page.getByRole('textbox', { name: /Last name/ })).toHaveValue('Quimby-Lockwood')
  expect((await storedIntake(page, id)).answers['patient.familyName']).toBe('Quimby-Lockwood')
})
