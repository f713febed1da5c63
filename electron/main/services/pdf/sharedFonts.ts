/**
 * Loads pdfmake so that every document rendered by this thread shares one
 * parsed copy of each font and one cache of shaped words.
 *
 * Why: pdfkit (under pdfmake) parses each font afresh for every document, and
 * fontkit's OpenType shaping of a freshly parsed font costs 50–150 ms before
 * the first word is laid out; shaping every word again costs as much once
 * more. For a clinic printing one summary after another that was most of the
 * time of a summary. fontkit is pure (a font object is read-only once parsed;
 * a shaped run is data), so this module hands pdfkit a fontkit whose `create`
 * returns the font already parsed for the same bytes, with `layout` answered
 * from a bounded cache (a copy of the positions each time, since pdfkit scales
 * them in place).
 *
 * The substitution goes through Node's module cache before pdfkit is loaded.
 * If pdfkit ever resolves another fontkit, nothing breaks: documents are just
 * slower, and {@link sharedFontStats} shows no hits.
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

interface FontLike {
  layout(text: string, ...rest: unknown[]): GlyphRunLike
}

interface FontkitLike {
  create(buffer: Uint8Array, postscriptName?: string): FontLike
}

/** Distinct shaped strings kept per font; a hostile document cannot grow it past this. */
const MAX_RUNS_PER_FONT = 20_000

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
