/**
 * Golden cases entered through the UI as staff would, end to end: the stored evaluation must match
 * the case's `expect`, and the clinician's detail view must show it. The app evaluates with today's
 * date and the cases with their `asOf`; none of the cases chosen here depends on that difference.
 */
import {
  CONCERN_LABELS,
  CONDITION_LABELS,
  formatTriggerLine,
  triggerLine,
  type ConcernLevel
} from '../../src/domain'
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
  'doms-routine',
  // Version 2: the exertion emergency is urgent and is never explained away as soreness;
  'rhabdomyolysis-after-workout-not-doms',
  // "does not apply to me" raises nothing;
  'sexual-not-applicable-no-flag',
  // age with no improvement, and no symptom, is review (version 1 made it urgent).
  'age-58-no-improvement-is-review'
] as const

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
      CONCERN_LABELS[golden.expect.concern as ConcernLevel]
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
    expect(stored.evaluation.rulesVersion).toBe(2)
    expect(flagSet(stored.evaluation.flags)).toEqual(flagSet(golden.expect.flags))
    expect(stored.evaluation.patterns.map((pattern) => pattern.id).sort()).toEqual(
      [...golden.expect.patterns].sort()
    )

    // The clinician sees each flag by its condition, and every answer behind it with its value.
    const flags = page.getByTestId('flags')
    if (golden.expect.flags.length === 0)
      await expect(page.getByText('No red flags on this questionnaire.')).toBeVisible()
    for (const flag of stored.evaluation.flags) {
      const entry = flags.locator(`[data-condition="${flag.condition}"]`)
      await expect(entry).toContainText(
        `${CONCERN_LABELS[flag.level]}: ${CONDITION_LABELS[flag.condition]}`
      )
      await expect(entry.getByTestId('uncertain')).toHaveCount(flag.uncertain ? 1 : 0)
      for (const id of flag.triggeredBy) {
        const line = formatTriggerLine(triggerLine(id, stored.answers, stored.evaluation.age))
        await expect(entry.locator(`[data-trigger="${id}"]`)).toHaveText(line)
      }
      await expect(entry).toContainText(flag.recommendation)
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
