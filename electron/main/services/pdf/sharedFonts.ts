/**
 * Loads pdfmake so that every document rendered by this thread shares one
 * parsed copy of each font and one cache of shaped words.
 *
 * Why: pdfkit (under pdfmake) parses each font afresh for every document, and
 * fontkit's OpenType shaping of a freshly parsed font costs 50–150 ms before
 * the first word is laid out; shaping every word again costs as much once
 * more. For a clinic printing one summary after another that was most of the
 * time of a summary. So this module hands pdfkit a fontkit whose `create`
 * returns the font already parsed for the same bytes, with `layout` answered
 * from a bounded cache (a copy of the positions each time, since pdfkit scales
 * them in place).
 *
 * A parsed font is not quite read-only, though: fontkit keeps one glyph object
 * per glyph id (`getGlyph(id, codePoints)` stores the code points of the first
 * call and returns that object to every later one, whatever they pass), and
 * pdfkit writes each document's ToUnicode map from `glyph.codePoints`. Shared
 * between documents, a glyph first made elsewhere carried the wrong text: the
 * bold "." first made without code points as a part of "·" or "…" when an
 * earlier summary was subset, so "1.3" read back as "1=3"; "一" first made for
 * the Kangxi radical "⼀" (one glyph for both); the "fi" ligature first made
 * for "ﬁ". Hence every shared font answers `getGlyph` with one glyph object
 * per glyph id *and* code points, made by fontkit itself, so a glyph always
 * carries the code points of the text it was asked for, and a cached run
 * (same text, same glyphs) carries its own text. Only glyph objects are made
 * apart; the parsed tables, the layout engine and the shaped runs stay shared.
 *
 * The substitution goes through Node's module cache before pdfkit is loaded.
 * If pdfkit ever resolves another fontkit, or fontkit's glyph store is not the
 * one known here, nothing breaks: documents are just slower (each parses its
 * own fonts, as pdfkit does), and {@link sharedFontStats} shows no hits.
 */
import { createRequire } from 'node:module'
import type * as PdfmakeModule from 'pdfmake'

type Pdfmake = typeof PdfmakeModule

interface Position {
  [key: string]: number
}

interface GlyphRunLike {
  positions: Position[]
}

interface GlyphLike {
  readonly id: number
  readonly codePoints: readonly number[]
}

interface FontLike {
  layout(text: string, ...rest: unknown[]): GlyphRunLike
  getGlyph(id: number, codePoints?: number[]): GlyphLike | null
  /** fontkit's own glyph store: one glyph object per id, whatever code points it was made for. */
  _glyphs?: unknown
}

interface FontkitLike {
  create(buffer: Uint8Array, postscriptName?: string): FontLike
}

/** Distinct shaped strings kept per font; a hostile document cannot grow it past this. */
const MAX_RUNS_PER_FONT = 20_000
/** Distinct (glyph, code points) pairs kept per font, bounded for the same reason. */
const MAX_GLYPHS_PER_FONT = 50_000

const stats = { fontsParsed: 0, fontHits: 0, runHits: 0, runMisses: 0 }

/** How often the shared fonts and shaped runs were reused (for tests and the benchmark). */
export function sharedFontStats(): Readonly<typeof stats> {
  return { ...stats }
}

/** Copies a shaped run so pdfkit may scale its positions without touching the cached one. */
function copyRun(run: GlyphRunLike): GlyphRunLike {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as object, run)
  return Object.assign(copy, {
    positions: run.positions.map((position) =>
      Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position)
    )
  }) as GlyphRunLike
}

/**
 * Makes `font.getGlyph` return one glyph object per glyph id and code points,
 * instead of fontkit's one per glyph id: each is made by fontkit's own
 * `getGlyph` against an empty store, so it is of the font's own glyph class,
 * with the code points asked for. fontkit's layout and pdfkit's subsetting
 * both call `font.getGlyph`, so every glyph of a run then carries the code
 * points of its own text. False (and the font left alone) if the font does not
 * keep its glyphs where this fontkit does.
 */
function glyphsByCodePoints(font: FontLike): boolean {
  if (typeof font._glyphs !== 'object' || font._glyphs === null) return false
  if (typeof font.getGlyph !== 'function') return false
  const make = font.getGlyph.bind(font)
  const made = new Map<string, GlyphLike | null>()
  font.getGlyph = (id: number, codePoints: number[] = []): GlyphLike | null => {
    const key = `${id}:${codePoints.join(',')}`
    const known = made.get(key)
    if (known !== undefined) return known
    const store = font._glyphs
    font._glyphs = {}
    let glyph: GlyphLike | null
    try {
      // A copy: fontkit keeps the array it is given, and its caller may still change it.
      glyph = make(id, [...codePoints])
    } finally {
      font._glyphs = store
    }
    if (made.size >= MAX_GLYPHS_PER_FONT) made.clear()
    made.set(key, glyph)
    return glyph
  }
  return true
}

function cachedLayout(font: FontLike): void {
  const original = font.layout.bind(font)
  const runs = new Map<string, GlyphRunLike>()
  font.layout = (text: string, ...rest: unknown[]): GlyphRunLike => {
    // Only the plain call is cached: features or a script make another key space.
    if (rest.some((argument) => argument !== undefined)) return original(text, ...rest)
    const cached = runs.get(text)
    if (cached !== undefined) {
      stats.runHits += 1
      return copyRun(cached)
    }
    stats.runMisses += 1
    const run = original(text)
    if (runs.size >= MAX_RUNS_PER_FONT) runs.clear()
    runs.set(text, copyRun(run))
    return run
  }
}

let loaded: Pdfmake | null = null

/** pdfmake, loaded once per thread with the shared-font fontkit in place. */
export function loadPdfmake(): Pdfmake {
  if (loaded !== null) return loaded
  const require = createRequire(import.meta.url)
  const fromPdfkit = createRequire(require.resolve('pdfkit'))
  const fontkitPath = fromPdfkit.resolve('fontkit')
  const fontkit = fromPdfkit('fontkit') as FontkitLike
  const parsed = new WeakMap<Uint8Array, Map<string, FontLike>>()
  const shared: FontkitLike = {
    ...(fontkit as unknown as Record<string, unknown>),
    create(buffer, postscriptName) {
      const byName = parsed.get(buffer) ?? new Map<string, FontLike>()
      parsed.set(buffer, byName)
      const key = postscriptName ?? ''
      const known = byName.get(key)
      if (known !== undefined) {
        stats.fontHits += 1
        return known
      }
      stats.fontsParsed += 1
      const font = fontkit.create(buffer, postscriptName)
      // Not safe to share unless each glyph carries its own text: then this document keeps its own.
      if (!glyphsByCodePoints(font)) return font
      cachedLayout(font)
      byName.set(key, font)
      return font
    }
  }
  const entry = fromPdfkit.cache[fontkitPath]
  if (entry !== undefined) entry.exports = shared
  loaded = require('pdfmake') as Pdfmake
  return loaded
}
