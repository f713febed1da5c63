/**
 * Turning text a person typed into pdfmake text runs that print: well-formed,
 * without invisible controls, split per font so every character is drawn by
 * a font that has it, and with break opportunities in long unbroken strings
 * so they wrap instead of running off the page. Pure functions.
 */
import { isControlExceptLineFeed, replaceCharacters } from '../../../../src/domain'
import type { FontCoverage, FontFamily } from './fonts'

/** One inline run of a pdfmake `text` array: plain text in one font family. */
export interface TextRun {
  readonly text: string
  readonly font: FontFamily
}

/** Shown for characters no bundled font draws (emoji, Hangul, Arabic...): visible, never a blank box. */
export const REPLACEMENT = '\uFFFD'
const ZERO_WIDTH_SPACE = '\u200B'

/** Longest run of characters without a break opportunity before one is inserted. */
export const MAX_UNBROKEN = 24

// Lone halves of surrogate pairs: not text, and pdfkit would encode garbage.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Bidirectional embedding, override and isolate controls, and the marks: a
// right-to-left override in a name must not be able to disguise what it says,
// and pdfkit lays text out left to right anyway.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
// Variation selectors and the zero-width joiner only shape emoji, which are replaced.
const EMOJI_SHAPING = /[\uFE00-\uFE0F\u200D]|\uDB40[\uDD00-\uDDEF]/g

/**
 * Text as it may be printed: lone surrogates replaced, line breaks made `\n`,
 * tabs made spaces, control and bidirectional-override characters removed,
 * and NFC-normalised.
 */
export function cleanText(text: string): string {
  const spaced = text
    .replace(LONE_SURROGATE, REPLACEMENT)
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
  // C0 and C1 controls except the line feed (tabs became spaces just above).
  return replaceCharacters(spaced, isControlExceptLineFeed, '')
    .replace(BIDI_CONTROL, '')
    .replace(EMOJI_SHAPING, '')
    .normalize('NFC')
}

/** Ideographs and kana: each is a line-break opportunity of its own. */
function breaksItself(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  )
}

function isSpace(character: string): boolean {
  return character === ' ' || character === '\n'
}

/** Spaces, digits, ASCII and general punctuation: drawn well by either family. */
function isNeutral(codePoint: number): boolean {
  if (codePoint >= 0x2010 && codePoint <= 0x2027) return true
  return codePoint < 0x80 && !/[A-Za-z]/.test(String.fromCodePoint(codePoint))
}

/**
 * Which family draws a character: ideographs and kana in Noto Sans SC,
 * everything else in Noto Sans where it can; `null` when neither can.
 */
function familyFor(
  codePoint: number,
  coverage: FontCoverage,
  current: FontFamily
): FontFamily | null {
  // Spaces and shared punctuation stay in the current run, so text does not
  // split into a new run at every space between two Chinese words.
  // A line break is layout, not a glyph: it never needs a font of its own.
  if (codePoint === 0x0a) return current
  if (isNeutral(codePoint) && coverage[current].has(codePoint)) return current
  if (breaksItself(codePoint) && coverage.NotoSansSC.has(codePoint)) return 'NotoSansSC'
  if (coverage.NotoSans.has(codePoint)) return 'NotoSans'
  if (coverage.NotoSansSC.has(codePoint)) return 'NotoSansSC'
  return null
}

/**
 * Splits cleaned text into runs by font family, replacing each stretch of
 * characters neither family draws with one {@link REPLACEMENT}, and inserting
 * a zero-width space (a break opportunity that prints nothing) into any
 * stretch of more than {@link MAX_UNBROKEN} characters with no break of its own.
 */
export function textRuns(text: string, coverage: FontCoverage): TextRun[] {
  const runs: TextRun[] = []
  let font: FontFamily = 'NotoSans'
  let buffer = ''
  let unbroken = 0
  let replacing = false
  const flush = (): void => {
    if (buffer !== '') runs.push({ text: buffer, font })
    buffer = ''
  }
  for (const character of cleanText(text)) {
    const codePoint = character.codePointAt(0) ?? 0
    const family = familyFor(codePoint, coverage, font)
    if (family === null) {
      if (replacing) continue
      replacing = true
      if (font !== 'NotoSans') {
        flush()
        font = 'NotoSans'
      }
      buffer += REPLACEMENT
      unbroken += 1
      continue
    }
    replacing = false
    if (family !== font) {
      flush()
      font = family
    }
    if (isSpace(character) || breaksItself(codePoint) || character === '-') unbroken = 0
    else if (unbroken >= MAX_UNBROKEN && font === 'NotoSans') {
      buffer += ZERO_WIDTH_SPACE
      unbroken = 0
    }
    if (!isSpace(character) && !breaksItself(codePoint)) unbroken += 1
    buffer += character
  }
  flush()
  return runs
}

/** The plain text of runs, as pdfjs extracts it (zero-width spaces removed). */
export function runsText(runs: readonly TextRun[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replaceAll(ZERO_WIDTH_SPACE, '')
}
