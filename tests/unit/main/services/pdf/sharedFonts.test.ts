/**
 * The fonts shared between documents (sharedFonts.ts) must not carry one
 * document's text into another's: pdfkit writes each document's ToUnicode map
 * (what copying, searching and screen readers get) from the code points of
 * the glyph objects fontkit hands it, and those objects are shared too. Each
 * test renders a first document in the same thread, then checks the text of
 * a second one exactly.
 */
import type { Content } from 'pdfmake/interfaces'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createSummaryRenderer,
  type RenderSummary
} from '../../../../../electron/main/services/pdf/renderSummary'
import { loadPdfmake, sharedFontStats } from '../../../../../electron/main/services/pdf/sharedFonts'
import { pdfPages } from './pdfBytes'
import {
  FONT_DIR,
  chineseRecord,
  complexRecord,
  followUpRecord,
  summaryInput,
  typicalRecord
} from './summaryFixtures'

let render: RenderSummary

beforeAll(() => {
  // Sets pdfmake's fonts (NotoSans, NotoSansSC) for the plain documents below too.
  render = createSummaryRenderer({ fontDir: FONT_DIR, timeZone: 'UTC' })
})

function plainDocument(content: Content): Promise<Buffer> {
  return loadPdfmake()
    .createPdf({ content, defaultStyle: { font: 'NotoSans', fontSize: 10 } })
    .getBuffer()
}

/**
 * The first page's text as the PDF maps it, without pdfjs's compatibility
 * normalisation (which would read a "ﬁ" mapping as "fi"; other readers do not).
 */
async function unnormalisedText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0
  }).promise
  try {
    const content = await (
      await document.getPage(1)
    ).getTextContent({
      disableNormalization: true
    })
    return content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('')
  } finally {
    await document.destroy()
  }
}

describe('text read back from a document rendered after others', () => {
  it('gives the values of a follow-up rendered after other summaries exactly', async () => {
    for (const record of [typicalRecord(), complexRecord(), chineseRecord()])
      await render(summaryInput(record))
    const bytes = await render(summaryInput(followUpRecord()))
    const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ')
    // The bold row of this visit: its PEG was read back as "1=3".
    expect(text).toContain(
      '2026-12-04 (this summary) Follow-up 1 2 1.3 0 of 9, low risk Much better'
    )
    expect(text).toContain('2026-11-27 Follow-up 6 – 5.3 4 of 9, medium risk A little worse')
  })

  it('gives digits, dots, equals signs, ligatures and Chinese exactly, whatever came before', async () => {
    // A first document with varied text. Some characters are drawn from other glyphs, or share
    // one with another character: bold "·" and "…" hold the glyph of ".", the italic "‐" (U+2010)
    // that of "-", "ﬁ" is the glyph of the "fi" ligature, and the Kangxi radicals "⼀⼆" are drawn
    // with the glyphs of "一二". No bold "." or italic "-" is written here.
    await plainDocument([
      { text: 'Office visit: PEG 4.7 = 3 + 1.7; ﬁrst ﬂare-up after 20 kg, 中文 硬拉' },
      { text: 'Scores · STarT Back 4 of 9 … worse, ﬁne = 9', bold: true },
      { text: 'was ‐ is ﬁne, 3 = 3', italics: true },
      { text: '⼀⼆\u00A0中文 12', font: 'NotoSansSC' }
    ])
    const parsedBefore = sharedFontStats().fontsParsed
    const lines = [
      'PEG 1.3, was 2.7 (= better)',
      'x = 2.7; office, fifth, first',
      'well-being, fifth 1.3',
      '一二 中文'
    ] as const
    const bytes = await plainDocument([
      { text: lines[0], bold: true },
      { text: lines[1] },
      { text: lines[2], italics: true },
      { text: lines[3], font: 'NotoSansSC' }
    ])
    expect((await pdfPages(bytes))[0]).toBe(lines.join('\n'))
    expect(await unnormalisedText(bytes)).toBe(lines.join('\n'))
    // Still fast: the second document used the fonts the first one parsed.
    expect(sharedFontStats().fontsParsed).toBe(parsedBefore)
  })
})
