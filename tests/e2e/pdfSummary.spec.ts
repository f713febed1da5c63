/**
 * The PDF summary from the staff screens: "Export PDF…" and "Print…" on the
 * record, "Export the day's summaries" on the list with its progress. In the
 * web fixture the save, folder and print dialogs are replaced by the test
 * transport, which hands the real PDF bytes (rendered by the real worker) to
 * the test; each PDF is read back with pdfjs-dist and kept under
 * test-results/pdf/ for people to open.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pdfPages } from '../unit/main/services/pdf/pdfBytes'
import { ROOT } from '../support/webApp'
import { expect, test } from './fixtures'
import { goldenCase, seedIntake } from './support'
import staff from '../../src/i18n/staff'

const TEXT = staff.staff.pdf
const KEPT = join(ROOT, 'test-results', 'pdf')

test.beforeEach(({ app }) => {
  test.skip(
    app.kind !== 'web',
    'PDF export needs the web fixture: its transport stands in for the save, folder and print dialogs.'
  )
})

/** Keeps a PDF the test read, under test-results/pdf/, named after the test. */
function keep(name: string, bytes: Uint8Array): void {
  mkdirSync(KEPT, { recursive: true })
  writeFileSync(join(KEPT, name), bytes)
}

function today(): string {
  const now = new Date()
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

test('exports and prints the summary from the record', async ({ app }) => {
  const page = app.page
  const emergency = goldenCase('cauda-equina-emergency')
  const id = await seedIntake(page, emergency.answers, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)

  await page.getByRole('button', { name: TEXT.export, exact: true }).click()
  const fileName = `${today()} Okafor, Maya – intake.pdf`
  await expect(page.getByTestId('pdf-status')).toHaveText(
    TEXT.saved.replace('{fileName}', fileName)
  )
  const bytes = readFileSync(join(app.exportDir, fileName))
  keep('record-export-emergency.pdf', bytes)
  const pages = await pdfPages(bytes)
  const text = pages.join('\n')
  expect(pages[0]).toContain('Overall concern: EMERGENCY')
  for (const expected of [
    'Okafor, Maya',
    'Cauda equina',
    'Bladder dysfunction: yes',
    'Saddle anaesthesia: yes',
    'Emergency Department',
    '3 / 10',
    'STarT Back Screening Tool © Keele University 2007',
    `Page 1 of ${pages.length}`
  ])
    expect(text).toContain(expected)

  await page.screenshot({ path: join(KEPT, 'record-export.png') })
  await page.getByRole('button', { name: TEXT.print, exact: true }).click()
  await expect(page.getByTestId('pdf-status')).toHaveText(TEXT.printed)
  expect(app.printedPdfs).toHaveLength(1)
  const printed = app.printedPdfs[0] ?? new Uint8Array()
  keep('record-print-emergency.pdf', printed)
  // The same document: only the generation time may differ.
  expect((await pdfPages(printed)).join('\n').replace(/Generated \S+ \S+/g, '')).toBe(
    text.replace(/Generated \S+ \S+/g, '')
  )
})

test('exports the day’s summaries from the list, one file each, with progress', async ({ app }) => {
  const page = app.page
  const names = [
    ['doms-routine', 'Maya', 'Okafor'],
    ['strain-during-deadlift', 'Tomás', 'García'],
    ['start-back-high', '小明', '王']
  ] as const
  for (const [name, given, family] of names) {
    const answers = {
      ...goldenCase(name).answers,
      'patient.givenName': given,
      'patient.familyName': family
    }
    await seedIntake(page, answers, { submit: true })
  }
  await page.evaluate(() => (window.location.hash = '#/intakes'))

  // Listen as the screen does, to see every progress event the main process pushes.
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { __progress: number[] }).__progress = seen
    window.api.on('dayExportProgress', (progress) => seen.push(progress.done))
  })
  const card = page.getByRole('region', { name: TEXT.dayTitle })
  await expect(card.getByLabel(TEXT.day, { exact: true })).toHaveValue(today())
  await card.getByRole('button', { name: TEXT.exportDay }).click()
  await expect(card.getByTestId('day-export-status')).toContainText('Saved 3 of 3 summaries')
  expect(
    await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress)
  ).toEqual([0, 1, 2, 3])
  await page.screenshot({ path: join(KEPT, 'list-day-export.png'), fullPage: true })

  const folder = join(app.exportDir, `summaries ${today()}`)
  const files = readdirSync(folder).sort()
  expect(files).toEqual(
    [
      `${today()} García, Tomás – intake.pdf`,
      `${today()} Okafor, Maya – intake.pdf`,
      `${today()} 王, 小明 – intake.pdf`
    ].sort()
  )
  for (const file of files) {
    mkdirSync(join(KEPT, 'day-export'), { recursive: true })
    copyFileSync(join(folder, file), join(KEPT, 'day-export', file))
    const text = (await pdfPages(readFileSync(join(folder, file)))).join('\n')
    expect(text).toContain('Intake summary')
    expect(text).toContain('Confidential patient information')
  }
  const chinese = (
    await pdfPages(readFileSync(join(folder, `${today()} 王, 小明 – intake.pdf`)))
  ).join('\n')
  expect(chinese).toContain('王, 小明')
  expect(chinese).toContain('High risk')
})
