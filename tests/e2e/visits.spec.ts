/**
 * A patient's visits on the record: a first intake and two follow-ups a week
 * apart, created through the real intake service on the app's own database
 * (with its clock set to each visit's day), then read on screen. The latest
 * follow-up shows the chart and the table of all three visits with their
 * numbers, the change since the last visit, the previous visit and who
 * confirmed the match, and none of the sections a follow-up never asks; the
 * first intake shows the same visits with itself marked. The visits section
 * is kept as a picture in /tmp/shots/visits-record.png for people to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE_NAME } from '../../electron/main/appCore'
import { openDatabase } from '../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../electron/main/services/intakes/sqliteIntakeService'
import { RED_FLAG_ITEMS, todayIso, type IntakeAnswers } from '../../src/domain'
import { expect, test, type AppHandle } from './fixtures'
import { goldenCase, seedIntake } from './support'

const SHOTS = '/tmp/shots'

/** Noon, `daysAgo` days before today, on this computer's clock. */
function daysAgo(days: number): Date {
  const date = new Date()
  date.setHours(12, 0, 0, 0)
  date.setDate(date.getDate() - days)
  return date
}

/** A follow-up's answers: every red flag no, STarT Back disagreed except `agreed`, the rest given. */
function followUpAnswers(
  scores: IntakeAnswers,
  agreed: readonly string[] = []
): Record<string, IntakeAnswers[string]> {
  return {
    ...Object.fromEntries(RED_FLAG_ITEMS.map(([id]) => [id, 'no'])),
    ...Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [
        `sb.${n}`,
        agreed.includes(`sb.${n}`) ? 'agree' : 'disagree'
      ])
    ),
    'sb.9': 'slightly',
    ...scores
  }
}

interface Visits {
  readonly first: string
  readonly second: string
  readonly third: string
  readonly days: readonly [string, string, string]
}

/**
 * The three visits, written by the main process's intake service over the
 * app's database file (the follow-up screens are not part of this spec). The
 * member of staff who confirms the match is the one signed in.
 */
async function seedVisits(app: AppHandle): Promise<Visits> {
  const session = await app.page.evaluate(() => window.api.getSession({}))
  if (!session.ok || session.value.staff === null) throw new Error('No member of staff signed in')
  const staff = { id: session.value.staff.id, name: session.value.staff.name }
  const db = openDatabase(join(app.dataDir, DATABASE_FILE_NAME))
  try {
    let clock = daysAgo(14)
    const intakes = createSqliteIntakeService(db, { now: () => clock })
    const answers = goldenCase('strain-during-deadlift').answers
    const draft = await intakes.createDraft({ answers, entryMode: 'staff' }, 'staff')
    const first = await intakes.submit({ id: draft.id, revision: draft.revision, answers }, 'staff')
    if (first.patientId === null) throw new Error('The first intake was not linked to a patient')

    const followUp = async (scores: IntakeAnswers, agreed: readonly string[] = []) => {
      const started = await intakes.startFollowUp(
        { patientId: first.patientId ?? '', entryMode: 'staff' },
        staff
      )
      return intakes.submit(
        {
          id: started.id,
          revision: started.revision,
          answers: { ...started.answers, ...followUpAnswers(scores, agreed) }
        },
        'staff'
      )
    }
    clock = daysAgo(7)
    // Worse, "worst pain" left out: a gap in its line.
    const second = await followUp(
      {
        'pain.now': 6,
        'peg.pain': 6,
        'peg.enjoyment': 5,
        'peg.activity': 5,
        'followUp.change': 'worse'
      },
      ['sb.1', 'sb.4', 'sb.5', 'sb.6']
    )
    clock = daysAgo(0)
    const third = await followUp({
      'pain.now': 1,
      'pain.worst': 2,
      'peg.pain': 1,
      'peg.enjoyment': 1,
      'peg.activity': 2,
      'followUp.change': 'much-better'
    })
    return {
      first: first.id,
      second: second.id,
      third: third.id,
      days: [todayIso(daysAgo(14)), todayIso(daysAgo(7)), todayIso(daysAgo(0))]
    }
  } finally {
    db.close()
  }
}

/** The table's rows as text, cell by cell, header row first. */
async function tableRows(app: AppHandle): Promise<string[][]> {
  const table = app.page.getByRole('table', { name: 'Scores at each visit, oldest first' })
  return table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim()
        )
      )
    )
}

test('a patient’s three visits: chart and table on the latest follow-up and on the first intake', async ({
  app
}) => {
  mkdirSync(SHOTS, { recursive: true })
  const page = app.page
  const visits = await seedVisits(app)
  const [firstDay, secondDay, thirdDay] = visits.days

  await page.evaluate((id) => (window.location.hash = `#/intakes/${id}`), visits.third)
  const header = page.getByTestId('record-header')
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Maya Okafor')

  // The follow-up says so: the change since the last visit, that visit, who confirmed the match.
  await expect(page.getByTestId('record-kind')).toHaveText('Follow-up visit')
  const followUp = page.getByTestId('follow-up')
  await expect(followUp.locator('[data-fact="change"] dd')).toHaveText('Much better')
  const previous = followUp.locator('[data-fact="previous"]').getByRole('link')
  await expect(previous).toHaveAttribute('href', `#/intakes/${visits.second}`)
  await expect(previous).toContainText(`${secondDay}`)
  await expect(page.getByTestId('follow-up-confirmed')).toHaveText(
    'Patient match confirmed by Test Administrator'
  )
  await header.screenshot({ path: join(SHOTS, 'visits-header.png') })
  // The other visits, newest first, by patient.
  const others = page.getByRole('navigation', { name: 'Other intakes of this patient' })
  await expect(others.getByRole('link')).toHaveCount(2)
  await expect(others.getByRole('link').first()).toHaveAttribute(
    'href',
    `#/intakes/${visits.second}`
  )

  // No empty boxes for what a follow-up never asks.
  await expect(page.getByRole('region', { name: 'Scores' })).toBeVisible()
  for (const name of ['This episode', 'Where it hurts', 'History', 'Goals', 'Consent'])
    await expect(page.getByRole('region', { name, exact: true })).toHaveCount(0)

  // The table: three visits, oldest first, the same numbers the chart draws.
  const section = page.getByRole('region', { name: 'Visits' })
  await expect(section).toBeVisible()
  await expect
    .poll(() => tableRows(app))
    .toEqual([
      ['Visit', 'Kind', 'Pain now', 'Worst pain', 'PEG', 'STarT Back', 'Change since last visit'],
      [
        expect.stringMatching(new RegExp(`^${firstDay} \\d{2}:\\d{2}$`)),
        'First intake',
        '3',
        '5',
        '2.7',
        '0 / 9, low risk',
        '–'
      ],
      [
        expect.stringMatching(new RegExp(`^${secondDay} \\d{2}:\\d{2}$`)),
        'Follow-up',
        '6',
        '–',
        '5.3',
        '4 / 9, medium risk',
        'A little worse'
      ],
      [
        expect.stringMatching(new RegExp(`^${thirdDay} \\d{2}:\\d{2} \\(this record\\)$`)),
        'Follow-up',
        '1',
        '2',
        '1.3',
        '0 / 9, low risk',
        'Much better'
      ]
    ])
  // Each visit's date opens its record; the one on screen is marked as the current page.
  const dates = section.locator('tbody th a')
  await expect(dates).toHaveCount(3)
  await expect(dates.nth(0)).toHaveAttribute('href', `#/intakes/${visits.first}`)
  await expect(dates.nth(2)).toHaveAttribute('aria-current', 'page')
  await expect(section.locator('tbody tr.visits__row--current')).toHaveAttribute(
    'data-visit',
    visits.third
  )

  // The chart: one labelled column per visit, one line per score, a gap where one is missing.
  const chart = section.getByRole('img', { name: /across 3 visits/ })
  await expect(chart).toBeVisible()
  await expect(chart.locator('.visits__label')).toHaveCount(3)
  await expect(chart.locator('.visits__label').nth(0)).toContainText(
    new RegExp(`${firstDay}\\s*First intake`)
  )
  await expect(chart.locator('.visits__label--current')).toHaveAttribute('data-visit', visits.third)
  for (const [series, markers, lines] of [
    ['painNow', 3, 1],
    ['painWorst', 2, 0],
    ['peg', 3, 1],
    ['startBackTotal', 3, 1]
  ] as const) {
    const group = chart.locator(`[data-series="${series}"]`)
    await expect(group.locator('.visits__marker')).toHaveCount(markers)
    await expect(group.locator('.visits__line')).toHaveCount(lines)
  }
  // Line styles differ, not only colours; the key names every score.
  const dashes = await chart
    .locator('.visits__line')
    .evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke-dasharray') ?? 'solid'))
  expect(new Set(dashes).size).toBe(3)
  await expect(section.getByTestId('visits-legend').getByRole('listitem')).toHaveText([
    'Pain now',
    'Worst pain',
    'PEG',
    'STarT Back total (0–9)'
  ])
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: join(SHOTS, 'visits-record.png') })

  // The first intake shows the same visits, itself marked, and its own sections.
  await dates.nth(0).click()
  await expect(page).toHaveURL(new RegExp(`#/intakes/${visits.first}$`))
  await expect(page.getByTestId('record-kind')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'This episode' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Consent' })).toBeVisible()
  await expect.poll(async () => (await tableRows(app)).length).toBe(4)
  const rows = await tableRows(app)
  expect(rows.map((row) => row[2])).toEqual(['Pain now', '3', '6', '1'])
  expect(rows[1]?.[0]).toMatch(/\(this record\)$/)
  await expect(
    page.getByRole('region', { name: 'Visits' }).locator('tbody tr.visits__row--current')
  ).toHaveAttribute('data-visit', visits.first)
  await expect(
    page.getByRole('region', { name: 'Visits' }).locator('.visits__label--current')
  ).toHaveAttribute('data-visit', visits.first)
  await page
    .getByRole('region', { name: 'Visits' })
    .screenshot({ path: join(SHOTS, 'visits-record-first.png') })
})

test('a patient’s only visit shows one line, not a chart', async ({ app }) => {
  const page = app.page
  const answers = goldenCase('strain-during-deadlift').answers
  const id = await seedIntake(page, answers, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)
  await expect(page.getByTestId('visits-first')).toHaveText(
    'First visit: no other visit of this patient yet.'
  )
  await expect(page.getByRole('region', { name: 'Visits' })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Other intakes of this patient' })).toHaveCount(
    0
  )
})
