/**
 * The summary's bytes: rendered by the same function the PDF worker runs,
 * then read back with pdfjs-dist (text, page count), checked with
 * `qpdf --check`, and kept as PNG pages under test-results/pdf-pages/ for
 * people to open. Hostile input must still give a valid PDF in bounded time.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createSummaryRenderer,
  type RenderSummary
} from '../../../../../electron/main/services/pdf/renderSummary'
import { loadPdfmake, sharedFontStats } from '../../../../../electron/main/services/pdf/sharedFonts'
import { CATALOGUE, type AnswerValue } from '../../../../../src/domain'
import { keepPdfAndPages, pdfPages, pdfToolsInstalled, qpdfCheck } from './pdfBytes'
import {
  FONT_DIR,
  ROOT,
  caseRecord,
  chineseRecord,
  complexRecord,
  emergencyRecord,
  followUpRecord,
  summaryInput,
  typicalRecord
} from './summaryFixtures'

const PAGES_DIR = join(ROOT, 'test-results', 'pdf-pages')
const tools = pdfToolsInstalled()
if (!tools) console.log('qpdf/pdftoppm not installed: structure checks and page pictures skipped')

let render: RenderSummary

beforeAll(() => {
  render = createSummaryRenderer({ fontDir: FONT_DIR, timeZone: 'UTC' })
})

/** Renders, checks the structure and keeps the pages; returns the text of each page. */
async function renderAndRead(
  name: string,
  input: ReturnType<typeof summaryInput>
): Promise<string[]> {
  const bytes = await render(input)
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  if (tools) {
    expect(qpdfCheck(bytes)).toContain('No syntax or stream encoding errors')
    expect(keepPdfAndPages(bytes, PAGES_DIR, name).length).toBeGreaterThan(0)
  }
  return pdfPages(bytes)
}

describe('the rendered summary', () => {
  it('prints a typical intake on two A4 pages, with the name, scores and the page footer', async () => {
    const pages = await renderAndRead('typical', summaryInput(typicalRecord()))
    expect(pages.length).toBeLessThanOrEqual(2)
    const text = pages.join('\n')
    for (const expected of [
      'Okafor, Maya',
      'Intake summary',
      'No red flags on this questionnaire (20 of 20 answered no)',
      '3 / 10',
      'Low risk',
      'STarT Back Screening Tool © Keele University 2007',
      'Consistent with delayed-onset muscle soreness',
      'Confidential patient information'
    ])
      expect(text).toContain(expected)
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`)
    expect(text).not.toMatch(/rf\.|sb\.\d|patient\./)
  })

  it('prints an emergency with its reasons and recommendation on the first page', async () => {
    const pages = await renderAndRead('emergency', summaryInput(emergencyRecord()))
    const first = pages[0] ?? ''
    expect(first).toContain('Overall concern: EMERGENCY')
    expect(first).toContain('Cauda equina')
    expect(first).toContain('Bladder dysfunction: yes')
    expect(first).toContain('Saddle anaesthesia: yes')
    expect(first).toContain('Emergency Department')
  })

  it('fits a complex intake (every flag at once) on three pages', async () => {
    const pages = await renderAndRead('complex', summaryInput(complexRecord()))
    expect(pages.length).toBeLessThanOrEqual(3)
    const text = pages.join('\n')
    for (const condition of ['Cauda equina', 'Malignancy', 'Spinal infection', 'Fracture'])
      expect(text).toContain(condition)
    expect(text).toContain('Apixaban 5 mg twice daily')
  })

  it('prints a Chinese name and Chinese text as real glyphs (extractable, not boxes)', async () => {
    const pages = await renderAndRead('chinese-name', summaryInput(chineseRecord()))
    const text = pages.join('\n')
    expect(text).toContain('王, 小明')
    expect(text).toContain('硬拉后第二天腰部酸痛')
    expect(text).toContain('Chinese (Simplified)')
  })

  it('follows the US Letter setting', async () => {
    const bytes = await render(summaryInput(typicalRecord(), 'LETTER'))
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/)
  })

  it('wraps very long free text instead of running off the page', async () => {
    const long = Array.from({ length: 60 }, (_, index) =>
      index % 7 === 0
        ? 'https://example.org/a-very-long-unbroken-address-that-never-ends-with-a-space-in-it'
        : 'The pain started during the third set of deadlifts and has not eased since then.'
    ).join(' ')
    const record = caseRecord('doms-routine', {
      'complaint.description': long.slice(0, 2000),
      'history.medications': 'x'.repeat(2000),
      'goals.text': long.slice(0, 2000)
    })
    const pages = await renderAndRead('long-free-text', summaryInput(record))
    // Every letter printed, even where the row continues on the next page.
    const runs =
      pages
        .join('')
        .replace(/\s/g, '')
        .match(/x{10,}/g) ?? []
    expect(runs.reduce((sum, run) => sum + run.length, 0)).toBe(2000)
  })

  it('draws a PNG signature, and still makes the summary when the PNG cannot be decoded', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const good = await render(
      summaryInput(caseRecord('doms-routine', { 'consent.signature': png }))
    )
    if (tools) qpdfCheck(good)
    expect(Buffer.from(good).toString('latin1')).toContain('/Subtype /Image')
    // PNG magic, then garbage: the summary comes out without the image.
    const broken = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64')}`
    const bytes = await render(
      summaryInput(caseRecord('doms-routine', { 'consent.signature': broken }))
    )
    expect((await pdfPages(bytes)).join('\n')).toContain('Drawn on the device (kept in the record)')
  })

  it('lets pdfmake read no file and fetch no URL', async () => {
    const pdfmake = loadPdfmake()
    const attempt = (image: string): Promise<unknown> =>
      pdfmake.createPdf({ content: [{ image }], defaultStyle: { font: 'NotoSans' } }).getBuffer()
    await expect(attempt(join(FONT_DIR, 'NotoSans-Regular.ttf'))).rejects.toThrow(
      /denied by resource access policy/
    )
    await expect(attempt('/etc/hostname')).rejects.toThrow(/denied by resource access policy/)
    await expect(attempt('https://example.org/tracker.png')).rejects.toThrow(
      /denied by resource access policy/
    )
  })

  it('reuses the parsed fonts and shaped words from one summary to the next', async () => {
    const before = sharedFontStats()
    await render(summaryInput(typicalRecord()))
    const after = sharedFontStats()
    expect(after.fontsParsed).toBe(before.fontsParsed)
    expect(after.runHits).toBeGreaterThan(before.runHits)
  })

  it('gives a valid PDF in bounded time for hostile input', async () => {
    const everyText: Record<string, AnswerValue> = {}
    for (const item of CATALOGUE)
      if (item.type === 'text' && item.id !== 'consent.signature')
        everyText[item.id] = `${'Ünïcødé ✓ 中文 '.repeat(140)}`.slice(0, 2000)
    const record = caseRecord('everything-at-once', {
      ...everyText,
      'patient.givenName': `\u202Eevil\u202C Maya 😀👩‍⚕️ \uD800 \uDFFF`,
      'patient.familyName': 'W'.repeat(100_000),
      'history.surgeries': 'Z'.repeat(100_000),
      'complaint.description': `${'🙂'.repeat(500)} \u0000\u0007 ${'\u202E'.repeat(50)} 한국어 עברית العربية`
    })
    const started = performance.now()
    const pages = await renderAndRead('hostile', summaryInput(record))
    expect(performance.now() - started).toBeLessThan(30_000)
    const text = pages.join('\n')
    expect(text).toContain('evil Maya')
    expect(text).not.toContain('\u202E')
    const flat = text.replace(/\s/g, '')
    // A name is cut to the form's 100 characters; free text is printed whole, wrapped.
    expect(flat).toContain(`${'W'.repeat(99)}…`)
    expect(flat).not.toContain('W'.repeat(100))
    expect(flat).toContain('Z'.repeat(1000))
    // Red flags still come first, on page 1.
    expect(pages[0]).toContain('RED FLAGS')
  }, 60_000)
})

describe('the rendered triage decision', () => {
  it('prints the current decision, its time and who made it on page 1', async () => {
    const record = {
      ...emergencyRecord(),
      triage: [
        {
          version: 1,
          decision: 'emergency-referral' as const,
          notes: 'Sent to A&E.',
          acknowledgedFlags: ['cauda-equina' as const],
          decidedBy: { staffId: 'staff-1', name: 'Dr Ada Byrne' },
          decidedAt: '2026-11-20T09:52:00.000Z'
        }
      ]
    }
    const pages = await renderAndRead('triage', summaryInput(record))
    const first = (pages[0] ?? '').replace(/\s+/g, ' ')
    expect(first).toContain('Triage decision: Emergency referral')
    expect(first).toContain('decided 2026-11-20 09:52 by Dr Ada Byrne')
    expect(first.indexOf('Triage decision')).toBeLessThan(first.indexOf('RED FLAGS'))
  })

  it('prints "Not yet reviewed" before any decision', async () => {
    const pages = await renderAndRead('not-reviewed', summaryInput(typicalRecord()))
    expect((pages[0] ?? '').replace(/\s+/g, ' ')).toContain('Triage decision: Not yet reviewed')
  })
})

describe('the rendered visits', () => {
  it('prints a follow-up with the chart and table of three visits, on one page, text extractable', async () => {
    const pages = await renderAndRead('follow-up-visits', summaryInput(followUpRecord()))
    expect(pages).toHaveLength(1)
    const text = (pages[0] ?? '').replace(/\s+/g, ' ')
    for (const expected of [
      'Follow-up visit summary',
      'Change since last visit: Much better',
      'Patient match confirmed by Cleo Park',
      // The chart's key and labels are real text in the Noto font, not outlines.
      'STarT Back total (0–9)',
      'This summary',
      '2026-11-27 Follow-up 6 – 5.3 4 of 9, medium risk A little worse',
      // The bold row of this visit, rendered after other summaries in the same thread.
      '2026-12-04 (this summary) Follow-up 1 2 1.3 0 of 9, low risk Much better'
    ])
      expect(text).toContain(expected)
    expect(text).not.toContain('Where it hurts')
    expect(text).not.toContain('Consent')
  })
})
