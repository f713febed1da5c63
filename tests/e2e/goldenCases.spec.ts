/**
 * Golden cases entered through the UI as staff would, end to end: the stored evaluation must match
 * the case's `expect`, and the clinician's detail view must show it. The app evaluates with today's
 * date and the cases with their `asOf`; none of the cases chosen here depends on that difference.
 */
import { CATALOGUE } from '../../src/domain'
import staffMessages from '../../src/i18n/staff'
import { expect, test } from './fixtures'
import { IntakeForm } from './pages/intakeForm'
import { flagSet, goldenCase, storedIntake } from './support'

const CASES = [
  'cauda-equina-emergency',
  'fever',
  'abdominal-pulsing',
  'axial-spa-refer',
  'strain-during-deadlift',
  'doms-routine'
] as const

const CONCERN_LABEL: Readonly<Record<string, string>> = staffMessages.staff.concern
const CONDITION_LABEL: Readonly<Record<string, string>> = staffMessages.staff.conditions
const PATTERN_LABEL: Readonly<Record<string, string>> = staffMessages.staff.patterns

for (const name of CASES) {
  test(`golden case ${name}: entered by staff, stored and shown as expected`, async ({ app }) => {
    const golden = goldenCase(name)
    const form = new IntakeForm(app.page)
    await form.startAsStaff()
    await form.fillAll(golden.answers)
    await form.submit()

    const page = app.page
    await expect(page.getByTestId('concern')).toHaveText(
      CONCERN_LABEL[golden.expect.concern] ?? golden.expect.concern
    )
    const stored = await storedIntake(page, form.intakeId())
    expect(stored.status).toBe('submitted')
    // Every answer the case gives arrived as given (empty "none of these" lists are not entered).
    const given = Object.fromEntries(
      Object.entries(golden.answers).filter(
        ([id, value]) => !(Array.isArray(value) && value.length === 0) && id !== 'consent.signature'
      )
    )
    expect(stored.answers).toMatchObject(given)
    expect(typeof stored.answers['consent.signature']).toBe('string')

    expect(stored.evaluation.concern).toBe(golden.expect.concern)
    expect(flagSet(stored.evaluation.flags)).toEqual(flagSet(golden.expect.flags))
    expect(stored.evaluation.patterns.map((pattern) => pattern.id).sort()).toEqual(
      [...golden.expect.patterns].sort()
    )

    // The clinician sees each flag by its condition, and why it fired.
    const flags = page.getByTestId('flags')
    if (golden.expect.flags.length === 0)
      await expect(page.getByText('No red flags fired.')).toBeVisible()
    for (const flag of stored.evaluation.flags) {
      const entry = flags
        .getByRole('listitem')
        .filter({ hasText: CONDITION_LABEL[flag.condition] ?? flag.condition })
      await expect(entry).toContainText(
        `${CONCERN_LABEL[flag.level]}: ${CONDITION_LABEL[flag.condition]}`
      )
      for (const id of flag.triggeredBy) {
        const reason = CATALOGUE.find((item) => item.id === id)?.label
        if (reason) await expect(entry).toContainText(reason)
      }
    }
    const patterns = page
      .getByRole('region', { name: 'Patterns to consider' })
      .getByRole('listitem')
    await expect(patterns).toHaveCount(golden.expect.patterns.length)
    for (const pattern of golden.expect.patterns) {
      await expect(patterns.filter({ hasText: PATTERN_LABEL[pattern] ?? pattern })).toHaveCount(1)
    }
  })
}
