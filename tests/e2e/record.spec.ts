/**
 * The clinician's record laid out as the PDF summary is: the header (who, age, sex, language,
 * when, the patient's other intakes), the concern, the episode, the body map drawn with its
 * regions, scores with their meaning, and every answer still reachable under "All answers".
 * Screenshots go to test-results/screenshots/record/ for people to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake, storedIntake } from './support'
import {
  CATALOGUE,
  START_BACK_NOTICE,
  ageOn,
  answerText,
  todayIso,
  type IntakeAnswers
} from '../../src/domain'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots/record')

test('a record reads like the PDF: header, episode, body map, scores and all answers', async ({
  app
}) => {
  const page = app.page
  mkdirSync(SCREENSHOTS, { recursive: true })
  const strain = goldenCase('strain-during-deadlift').answers
  // The same patient came before with an emergency; another Okafor has a different birthday.
  const earlier = await seedIntake(page, goldenCase('cauda-equina-emergency').answers, {
    submit: true
  })
  const stranger = await seedIntake(
    page,
    { ...strain, 'patient.givenName': 'Ada', 'patient.dateOfBirth': '1970-01-01' },
    { submit: true }
  )
  const id = await seedIntake(page, strain, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)

  // Header: who, how old, sex, language, when; age is no longer under Scores.
  const header = page.getByTestId('record-header')
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Maya Okafor')
  await expect(page.getByTestId('concern')).toHaveText('No flags')
  const age = ageOn('1996-03-14', todayIso(new Date()))
  await expect(header.locator('[data-fact="age"]')).toHaveText(`Age${age}`)
  await expect(header.locator('[data-fact="dateOfBirth"]')).toContainText('1996-03-14')
  await expect(header.locator('[data-fact="sex"]')).toContainText('Female')
  await expect(header.locator('[data-fact="language"]')).toContainText('English')
  await expect(header.locator('[data-fact="intake"]')).toContainText(
    new RegExp(`Submitted ${todayIso(new Date())} \\d{2}:\\d{2}`)
  )
  const others = page.getByRole('navigation', { name: 'Other intakes of this patient' })
  await expect(others.getByRole('link')).toHaveCount(1)
  await expect(others.getByRole('link')).toContainText('Emergency')
  await expect(others.getByRole('link')).toHaveAttribute('href', `#/intakes/${earlier}`)
  await expect(page.locator(`a[href="#/intakes/${stranger}"]`)).toHaveCount(0)

  // The episode: the story in the catalogue's clinician words.
  const episode = page.getByRole('region', { name: 'This episode' })
  for (const [itemId, text] of [
    ['complaint.duration', 'Less than 1 week'],
    ['complaint.onsetType', 'Sudden'],
    ['complaint.onsetContext', 'During a workout'],
    ['complaint.activities', 'Deadlift'],
    ['complaint.trainingFactors', 'Trained to failure'],
    ['complaint.trend', 'Improving']
  ] as const)
    await expect(episode.locator(`[data-item="${itemId}"] dd`)).toHaveText(text)
  await expect(episode).toContainText(
    '“Sore across the lower back two days after heavy deadlifts.”'
  )

  // The body map: the marked regions drawn on the figure and named beside it.
  const map = page.getByRole('region', { name: 'Where it hurts' })
  await expect(map.getByTestId('body-map-regions')).toHaveText('Low back, left; Buttock, left')
  await expect(map.locator('path[data-region]')).toHaveCount(2)
  await expect(map.locator('path[data-region="low-back-left"]')).toHaveCount(1)
  await expect(map.locator('path[data-region="buttock-left"]')).toHaveCount(1)
  await expect(map.getByRole('img', { name: /Back: Low back, left; Buttock, left/ })).toBeVisible()

  // Scores, with what they mean, under Keele's notice.
  const scores = page.getByRole('region', { name: 'Scores' })
  await expect(scores.locator('[data-score="painNow"] dd')).toHaveText('3 / 10')
  await expect(scores.locator('[data-score="painWorst"] dd')).toHaveText('5 / 10')
  await expect(scores.locator('[data-score="peg"] dd')).toContainText(
    '2.7 (average pain 3, enjoyment of life 2, general activity 3)'
  )
  await expect(scores.locator('[data-score="startBack"] dd')).toContainText(
    'Low risk · total 0 of 9 · psychosocial subscore 0 of 5'
  )
  await expect(scores.locator('[data-score="startBack"] dd')).toContainText('Matched care')
  await expect(scores).toContainText(START_BACK_NOTICE)
  await expect(scores).not.toContainText('Age')

  await page.screenshot({ path: join(SCREENSHOTS, 'record-top.png') })
  await page.screenshot({ path: join(SCREENSHOTS, 'record-full.png'), fullPage: true })

  // Every stored answer is still there, folded away, worded as everywhere else.
  const all = page.getByTestId('all-answers')
  const stored = (await storedIntake(page, id)).answers
  const answered = CATALOGUE.filter((item) => stored[item.id] !== undefined)
  await expect(all.locator('dl [data-item]').first()).toBeHidden()
  await all.getByText('All answers').click()
  await expect(all.locator('dl [data-item]')).toHaveCount(answered.length)
  for (const item of answered) {
    const row = all.locator(`dl [data-item="${item.id}"]`)
    await expect(row.locator('dt')).toHaveText(item.label)
    if (item.id !== 'consent.signature')
      await expect(row.locator('dd')).toHaveText(answerText(item.id, stored[item.id]))
  }
  await expect(all.locator('[data-item="consent.signature"] svg')).toBeVisible()
  await all.screenshot({ path: join(SCREENSHOTS, 'record-all-answers.png') })

  // The earlier intake opens from the header, through the same store.
  await others.getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`#/intakes/${earlier}$`))
  await expect(page.getByTestId('concern')).toHaveText('Emergency')
  await expect(page.getByTestId('flags').locator('[data-condition="cauda-equina"]')).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Other intakes of this patient' }).getByRole('link')
  ).toHaveAttribute('href', `#/intakes/${id}`)
  await page.screenshot({ path: join(SCREENSHOTS, 'record-emergency-top.png') })
})

test('a record with every kind of answer shows each section and its words', async ({ app }) => {
  const page = app.page
  mkdirSync(SCREENSHOTS, { recursive: true })
  const everything: IntakeAnswers = goldenCase('everything-at-once').answers
  const id = await seedIntake(page, everything, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)
  await expect(page.getByTestId('concern')).toHaveText('Emergency')
  for (const name of [
    'Concern and flags',
    'This episode',
    'Where it hurts',
    'Scores',
    'Patterns to consider',
    'History',
    'Goals',
    'Consent'
  ])
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible()
  // Anticoagulants come first in the history, marked when yes or not sure.
  const history = page.getByTestId('history')
  if (everything['history.anticoagulants'] !== undefined)
    await expect(history.locator('[data-item]').first()).toHaveAttribute(
      'data-item',
      'history.anticoagulants'
    )
  await page.screenshot({ path: join(SCREENSHOTS, 'record-everything.png'), fullPage: true })
})
