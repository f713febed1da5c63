/**
 * The summary's fonts: Noto Sans for Latin, Greek, Cyrillic and Devanagari
 * text, Noto Sans SC for Chinese (and Japanese kana), read as files from
 * `resources/fonts/` (copied there from their npm packages by
 * scripts/fonts.mjs; see resources/fonts/README.md). pdfkit embeds only the
 * glyphs a document uses, so the 10 MB CJK font costs a page a few KB.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFontCoverage, type CodePointSet } from './fontCoverage'

/** The font families the document definition names. */
export type FontFamily = 'NotoSans' | 'NotoSansSC'

/** File names in the font folder; scripts/fonts.mjs copies exactly these. */
export const FONT_FILES = {
  NotoSans: {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Italic.ttf',
    bolditalics: 'NotoSans-Bold.ttf'
  },
  // One weight only: the bold CJK file is another 10 MB, and a Chinese name
  // in the regular weight reads perfectly well beside a bold Latin one.
  NotoSansSC: {
    normal: 'NotoSansSC-Regular.ttf',
    bold: 'NotoSansSC-Regular.ttf',
    italics: 'NotoSansSC-Regular.ttf',
    bolditalics: 'NotoSansSC-Regular.ttf'
  }
} as const satisfies Record<
  FontFamily,
  Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>
>

/** Every file the renderer may read: the local access policy allows these and nothing else. */
export function fontPaths(fontDir: string): string[] {
  const names = new Set<string>()
  for (const styles of Object.values(FONT_FILES))
    for (const name of Object.values(styles)) names.add(name)
  return [...names].map((name) => join(fontDir, name))
}

/** Which characters each family draws, for choosing the font of every text run. */
export interface FontCoverage {
  readonly NotoSans: CodePointSet
  readonly NotoSansSC: CodePointSet
}

/**
 * Reads the coverage of both families from their regular files.
 *
 * @throws Error naming the folder when a font file is missing (run `node scripts/fonts.mjs`).
 */
export function loadFontCoverage(fontDir: string): FontCoverage {
  const read = (name: string): CodePointSet => {
    let bytes: Buffer
    try {
      bytes = readFileSync(join(fontDir, name))
    } catch (error) {
      throw new Error(
        `The PDF font ${name} is missing from ${fontDir}. Run "node scripts/fonts.mjs" (npm install does it).`,
        { cause: error }
      )
    }
    return readFontCoverage(bytes)
  }
  return {
    NotoSans: read(FONT_FILES.NotoSans.normal),
    NotoSansSC: read(FONT_FILES.NotoSansSC.normal)
  }
}
