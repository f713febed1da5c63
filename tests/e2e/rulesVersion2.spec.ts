/**
 * Version 2 of the clinical rules and form, through the UI: records kept under version 1 (a draft
 * that lacks the new questions, a snapshot the current rules would read differently), the
 * conditional questions, the under-16 notice, and screenshots of the changed steps in the three
 * patient languages (test-results/screenshots/v2/).
 */
import Database from 'better-sqlite3'
import {
  contentDigest,
  rowDigest,
  SEALED_ROW_COLUMNS,
  type SealedRowFields
} from '../../electron/main/services/database/intakeDigest'
import { join } from 'node:path'
import { expect, test, type AppHandle } from './fixtures'
import { IntakeForm, message } from './pages/intakeForm'
import { answersOf, goldenCase, seedIntake, storedIntake } from './support'

const OUT = join(import.meta.dirname, '../../test-results/screenshots/v2')

/**
 * Changes a stored row as an older build of the app would have left it. Rows
 * written before check values existed were sealed by the migration that added
 * them, so the rewritten rows are sealed again the same way (unsealed, they
 * would rightly read as damaged).
 */
function rewriteRow(app: AppHandle, sql: string, ...params: unknown[]): void {
  const db = new Database(join(app.dataDir, 'back-intake.sqlite3'))
  try {
    db.prepare(sql).run(...params)
    const rows = db
      .prepare<[], SealedRowFields & { answers: string; evaluation: string | null }>(
        `SELECT ${SEALED_ROW_COLUMNS}, answers, evaluation FROM intakes`
      )
      .all()
    const seal = db.prepare('UPDATE intakes SET content_digest = ?, row_digest = ? WHERE id = ?')
    for (const row of rows) {
      const content = contentDigest(row.answers, row.evaluation)
      seal.run(content, rowDigest({ ...row, content_digest: content }), row.id)
    }
  } finally {
    db.close()
  }
}

test('a draft begun on form version 1 keeps its answers and asks the new questions before submitting', async ({
  app
}) => {
  const page = app.page
  const answers = { ...goldenCase('doms-routine').answers }
  delete (answers as Record<string, unknown>)['rf.darkUrine']
  const id = await seedIntake(page, answers)
  rewriteRow(app, 'UPDATE intakes SET form_version = 1 WHERE id = ?', id)

  await page.goto(`${page.url().split('#')[0]}#/intake/${id}?step=review`)
  const notice = page.getByTestId('new-questions')
  await expect(notice).toContainText('New questions since this intake was started')
  await expect(notice.getByRole('button')).toHaveText([
    'Dark urine (possible myoglobinuria)',
    'Age when back pain first began',
    'Anticoagulants',
    'Signer’s relationship'
  ])

  // Submitting without the new required question is refused, and nothing typed is lost.
  const form = new IntakeForm(page)
  await form.submit()
  await expect(page.getByText(message('form.fixBeforeSubmit'))).toBeVisible()
  expect((await storedIntake(page, id)).status).toBe('draft')

  await notice.getByRole('button', { name: 'Dark urine (possible myoglobinuria)' }).click()
  await form.stepHeading('safety').waitFor()
  await form
    .group(message('items.rf.darkUrine.label'))
    .getByRole('radio', { name: 'No', exact: true })
    .check()
  await page.getByRole('button', { name: message('steps.review') }).click()
  await form.submit()
  await expect(page.getByTestId('concern')).toHaveText('No flags')

  const stored = await storedIntake(page, id)
  expect(stored).toMatchObject({ status: 'submitted', formVersion: 2 })
  // Every answer of the version 1 draft is still there.
  expect(stored.answers).toMatchObject(
    Object.fromEntries(
      Object.entries(answers).filter(
        ([key, value]) => key !== 'consent.signature' && !(Array.isArray(value) && !value.length)
      )
    )
  )
  expect(stored.answers['rf.darkUrine']).toBe('no')
})

test('a record submitted under rules version 1 keeps its snapshot and says what the current rules would flag', async ({
  app
}) => {
  const page = app.page
  const answers = goldenCase('age-58-no-improvement-is-review').answers
  const id = await seedIntake(page, answers, { submit: true })
  const versionOne = {
    concern: 'urgent',
    flags: [
      {
        condition: 'malignancy',
        level: 'urgent',
        triggeredBy: ['noImprovement', 'age'],
        uncertain: false,
        recommendation:
          'Concern for possible spinal malignancy: a clinician should review before any treatment and consider urgent referral for investigation.'
      }
    ],
    patterns: [],
    scores: { startBack: null, peg: 2.7, painNow: 3, painWorst: 5 },
    age: 58,
    missingRequired: []
  }
  rewriteRow(
    app,
    'UPDATE intakes SET evaluation = ?, concern = ?, form_version = 1 WHERE id = ?',
    JSON.stringify(versionOne),
    'urgent',
    id
  )

  await page.goto(`${page.url().split('#')[0]}#/intakes/${id}`)
  await expect(page.getByTestId('concern')).toHaveText('Urgent')
  await expect(page.getByTestId('rules-version')).toContainText('under rules version 1')
  const current = page.getByTestId('current-rules')
  await expect(current).toContainText('Under the current rules (version 2):')
  await expect(current).toContainText('Malignancy: Review (was Urgent)')
  await expect(page.getByTestId('flags').locator('[data-condition="malignancy"]')).toContainText(
    'Urgent: Malignancy'
  )
  await page.screenshot({ path: join(OUT, 'record-rules-v1-snapshot.png'), fullPage: true })

  // The stored snapshot is untouched by reading it.
  expect((await storedIntake(page, id)).evaluation.concern).toBe('urgent')
})

test('pain for six weeks or more makes the trend required, and under 16 a guardian must sign', async ({
  app
}) => {
  const page = app.page
  const form = new IntakeForm(page)
  const base = goldenCase('doms-routine').answers
  await form.startAsStaff()
  await form.fillStep('about', {
    ...answersOf(base, 'patient.'),
    'patient.dateOfBirth': '2012-09-01'
  })
  await form.next()
  // Under 16 the staff banner says the rules are for people aged 16 and over.
  await expect(page.getByTestId('concern-banner')).toContainText('Under 16')

  const trend = form.group(message('items.complaint.trend.label'))
  await form.fillStep('episode', {
    ...answersOf(base, 'complaint.'),
    'complaint.trend': undefined as never,
    'complaint.duration': '6-12w'
  })
  await expect(trend).toContainText(message('form.complaintTrendHelp'))
  await form.next()
  await expect(trend).toContainText(message('validation.required'))
  await trend.getByRole('radio', { name: 'Getting better', exact: true }).check()
  await form.next()
  await form.stepHeading('where').waitFor()

  for (const step of ['where', 'howMuch', 'safety', 'startBack', 'history', 'goals'] as const) {
    await form.stepHeading(step).waitFor()
    await form.fillStep(step, base)
    await form.next()
  }
  await form.stepHeading('consent').waitFor()
  const signer = form.group(message('items.consent.signerRelationship.label'))
  await expect(signer).toContainText(message('items.consent.signerRelationship.help'))
  await form.fillStep('consent', base)
  await form.next()
  await expect(signer).toContainText(message('validation.required'))
  await signer
    .getByRole('radio', { name: message('items.consent.signerRelationship.codes.self') })
    .check()
  await form.next()
  await expect(signer).toContainText(message('validation.required'))
  await signer
    .getByRole('radio', {
      name: message('items.consent.signerRelationship.codes.parent-or-guardian')
    })
    .check()
  await form.next()
  await form.stepHeading('review').waitFor()
})

for (const language of ['en', 'zh', 'es'] as const) {
  test(`screenshots of the version 2 steps in ${language}`, async ({ app }) => {
    const page = app.page
    await page.setViewportSize({ width: 1024, height: 768 })
    const answers = {
      ...goldenCase('rhabdomyolysis-after-workout-not-doms').answers,
      'patient.preferredLanguage': language,
      'rf.sexualDysfunction': 'not-applicable',
      'pain.regions': ['low-back-centre', 'mid-back'],
      'history.firstBackPainAge': 'under-35',
      'history.anticoagulants': 'no',
      'history.conditions': ['enthesitis'],
      'consent.signerRelationship': 'self'
    }
    const id = await seedIntake(page, answers)
    const origin = page.url().split('#')[0]
    for (const step of ['where', 'safety', 'history', 'consent'] as const) {
      await page.goto(`${origin}#/intake/${id}?step=${step}`)
      await page.locator('h1').first().waitFor()
      await expect(page.locator('html')).toHaveAttribute(
        'lang',
        language === 'zh' ? 'zh-Hans' : language
      )
      await page.screenshot({ path: join(OUT, `${language}-${step}.png`), fullPage: true })
    }
  })
}
