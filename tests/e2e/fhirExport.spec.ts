/**
 * The FHIR R4 export from the staff screens: "Export FHIR…" on a record and "Export the day as
 * FHIR" on the list. The web fixture has no system save dialog, so the file lands in the
 * fixture's export folder under the name the app suggests; each bundle is kept under
 * test-results/fhir/ for people to open, and its content is checked here.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Bundle, FhirResource, QuestionnaireResponse } from 'fhir/r4'
import { LOINC } from '../../src/domain/fhir'
import { expect, test } from './fixtures'
import { flagSet, goldenCase, seedIntake } from './support'

const KEPT = join(import.meta.dirname, '../../test-results/fhir')
const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots')

/** Reads an exported bundle and keeps a copy under test-results/fhir/. */
function exported(exportDir: string, fileName: string, keepAs: string): Bundle {
  mkdirSync(KEPT, { recursive: true })
  copyFileSync(join(exportDir, fileName), join(KEPT, keepAs))
  return JSON.parse(readFileSync(join(exportDir, fileName), 'utf8')) as Bundle
}

function resources<T extends FhirResource['resourceType']>(
  bundle: Bundle,
  type: T
): Array<Extract<FhirResource, { resourceType: T }>> {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is Extract<FhirResource, { resourceType: T }> => {
      return resource?.resourceType === type
    })
}

function answerOf(response: QuestionnaireResponse, linkId: string) {
  return (response.item ?? [])
    .flatMap((group) => group.item ?? [])
    .find((item) => item.linkId === linkId)?.answer
}

test.beforeEach(({ app }) => {
  test.skip(
    app.kind === 'electron',
    'The system save dialog cannot be answered from a test; its glue is covered by tests/unit/main/services/export/saveFile.test.ts.'
  )
})

test('exports one record as a FHIR bundle with its answers, scores and flags', async ({ app }) => {
  const page = app.page
  const everything = goldenCase('everything-at-once')
  const id = await seedIntake(page, everything.answers, { submit: true })
  await page.evaluate((intakeId) => (window.location.hash = `#/intakes/${intakeId}`), id)

  await page.getByRole('button', { name: 'Export FHIR…' }).click()
  const status = page.getByRole('status').filter({ hasText: 'Saved one intake as' })
  await expect(status).toContainText('Okafor, Maya – intake.fhir.json')
  const fileName = ((await status.textContent()) ?? '')
    .replace(/^\s*Saved one intake as /, '')
    .replace(/\.\s*$/, '')
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, 'fhir-export-record.png') })

  const bundle = exported(app.exportDir, fileName, 'everything-at-once.fhir.json')
  expect(bundle.resourceType).toBe('Bundle')
  expect(bundle.type).toBe('collection')
  const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl))
  for (const entry of bundle.entry ?? []) expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)

  const [questionnaire] = resources(bundle, 'Questionnaire')
  const linkIds = (questionnaire?.item ?? []).flatMap((group) =>
    (group.item ?? []).map((item) => item.linkId)
  )
  expect(linkIds).toContain('rf.saddleNumbness')
  expect(linkIds).not.toContain('consent.signature')

  const [response] = resources(bundle, 'QuestionnaireResponse')
  if (response === undefined) throw new Error('no QuestionnaireResponse')
  expect(response.identifier?.value).toBe(id)
  expect(response.status).toBe('completed')
  expect(answerOf(response, 'rf.saddleNumbness')?.[0]?.valueCoding?.code).toBe('yes')
  expect(answerOf(response, 'pain.now')).toEqual([{ valueInteger: 3 }])
  expect(answerOf(response, 'patient.givenName')).toEqual([{ valueString: 'Maya' }])
  expect(fullUrls.has(response.subject?.reference)).toBe(true)

  const loinc = resources(bundle, 'Observation').map(
    (observation) => observation.code.coding?.[0]?.code
  )
  expect(loinc).toEqual([
    LOINC.startBackPanel,
    LOINC.startBackTotal,
    LOINC.startBackPsychosocial,
    LOINC.startBackRisk,
    LOINC.pegPanel,
    LOINC.pegScore,
    LOINC.painNow
  ])
  expect(loinc).toEqual([
    '91349-1',
    '91351-7',
    '91350-9',
    '91352-5',
    '91148-7',
    '91147-9',
    '72514-3'
  ])

  const flags = resources(bundle, 'Flag')
  const levelOf = (flag: (typeof flags)[number]) =>
    flag.extension?.find((extension) => extension.url.endsWith('/flag-level'))?.valueCode
  expect(
    flagSet(
      flags.map((flag) => ({
        condition: flag.code.coding?.[0]?.code ?? '',
        level: levelOf(flag) ?? ''
      }))
    )
  ).toEqual(flagSet(everything.expect.flags))
  for (const flag of flags) {
    expect(fullUrls.has(flag.subject.reference)).toBe(true)
    expect(flag.extension?.some((extension) => extension.url.endsWith('/flag-trigger'))).toBe(true)
  }

  // The drawn signature never leaves the app as text.
  const json = readFileSync(join(app.exportDir, fileName), 'utf8')
  expect(json).not.toContain(String(everything.answers['consent.signature']))
})

test('exports the day from the list: every intake submitted today, no draft', async ({ app }) => {
  const page = app.page
  const first = await seedIntake(page, goldenCase('doms-routine').answers, { submit: true })
  const second = await seedIntake(page, goldenCase('cauda-equina-emergency').answers, {
    submit: true
  })
  await seedIntake(page, goldenCase('fever').answers)
  await page.evaluate(() => (window.location.hash = '#/intakes'))

  const day = page.getByLabel('Day', { exact: true })
  const today = await day.inputValue()
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await page.getByRole('button', { name: 'Export the day as FHIR' }).click()
  const fileName = `${today} intakes.fhir.json`
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    `Saved 2 intakes as ${fileName}.`
  )
  await page.screenshot({ path: join(SCREENSHOTS, 'fhir-export-day.png') })

  const bundle = exported(app.exportDir, fileName, 'day.fhir.json')
  const responses = resources(bundle, 'QuestionnaireResponse')
  expect(responses.map((response) => response.identifier?.value)).toEqual([first, second])
  expect(resources(bundle, 'Questionnaire')).toHaveLength(1)
  const flagged = resources(bundle, 'Flag').map((flag) => flag.code.coding?.[0]?.code)
  expect(flagged).toEqual(['cauda-equina'])

  // A day with no submitted intake says so, and writes nothing.
  await day.fill('2001-01-01')
  await page.getByRole('button', { name: 'Export the day as FHIR' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'No intake was submitted' })).toHaveText(
    'No intake was submitted on 2001-01-01.'
  )
})
