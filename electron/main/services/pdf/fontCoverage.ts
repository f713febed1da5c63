/**
 * Which characters a TrueType font can draw, read from its `cmap` table. The
 * summary chooses the font of each text run from this, so a character is
 * given to a font that really has its glyph (never drawn as an empty box),
 * and one no bundled font covers is replaced visibly instead.
 *
 * A small reader of the two subtables every modern font carries (format 4 for
 * the Basic Multilingual Plane, format 12 for all of Unicode), so the main
 * process needs no font library of its own beside pdfmake.
 */

/** Sorted, non-overlapping inclusive code point ranges a font maps to a real glyph. */
export interface CodePointSet {
  has(codePoint: number): boolean
}

/** Ranges are `[start0, end0, start1, end1, ...]`, sorted: a binary search answers `has`. */
function rangeSet(flat: readonly number[]): CodePointSet {
  const ranges = Int32Array.from(flat)
  const count = ranges.length / 2
  return {
    has(codePoint) {
      let low = 0
      let high = count - 1
      while (low <= high) {
        const middle = (low + high) >> 1
        const start = ranges[middle * 2] ?? 0
        const end = ranges[middle * 2 + 1] ?? -1
        if (codePoint < start) high = middle - 1
        else if (codePoint > end) low = middle + 1
        else return true
      }
      return false
    }
  }
}

/** Adds `codePoint` to flat ranges built in increasing order, merging neighbours. */
function push(flat: number[], start: number, end: number): void {
  const last = flat.length - 1
  if (last > 0 && (flat[last] ?? -2) + 1 >= start) {
    flat[last] = Math.max(flat[last] ?? end, end)
    return
  }
  flat.push(start, end)
}

function format12(view: DataView, offset: number): number[] {
  const groups = view.getUint32(offset + 12)
  const flat: number[] = []
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < groups; i++) {
    const base = offset + 16 + i * 12
    const start = view.getUint32(base)
    const end = view.getUint32(base + 4)
    const glyph = view.getUint32(base + 8)
    // A group starting at glyph 0 maps its first code point to .notdef.
    pairs.push([glyph === 0 ? start + 1 : start, end])
  }
  pairs.sort((a, b) => a[0] - b[0])
  for (const [start, end] of pairs) if (start <= end) push(flat, start, end)
  return flat
}

function format4(view: DataView, offset: number): number[] {
  const segments = view.getUint16(offset + 6) / 2
  const endCodes = offset + 14
  const startCodes = endCodes + segments * 2 + 2
  const deltas = startCodes + segments * 2
  const rangeOffsets = deltas + segments * 2
  const flat: number[] = []
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(endCodes + s * 2)
    const start = view.getUint16(startCodes + s * 2)
    const delta = view.getInt16(deltas + s * 2)
    const rangeOffset = view.getUint16(rangeOffsets + s * 2)
    for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (codePoint + delta) & 0xffff
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2
        const raw = at + 1 < view.byteLength ? view.getUint16(at) : 0
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (glyph !== 0) push(flat, codePoint, codePoint)
    }
  }
  return flat
}

/**
 * The characters a TrueType (`.ttf`) font maps to a glyph.
 *
 * @throws Error when the bytes hold no Unicode `cmap` subtable this reader knows.
 */
export function readFontCoverage(font: Uint8Array): CodePointSet {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const tables = view.getUint16(4)
  let cmap = -1
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3)
    )
    if (tag === 'cmap') cmap = view.getUint32(record + 8)
  }
  if (cmap < 0) throw new Error('The font has no cmap table.')
  const subtables = view.getUint16(cmap + 2)
  let best: { format: number; offset: number } | null = null
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8
    const platform = view.getUint16(record)
    const encoding = view.getUint16(record + 2)
    const offset = cmap + view.getUint32(record + 4)
    const format = view.getUint16(offset)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode || (format !== 4 && format !== 12)) continue
    // Format 12 covers everything format 4 does and the planes beyond it.
    if (best === null || (format === 12 && best.format !== 12)) best = { format, offset }
  }
  if (best === null) throw new Error('The font has no Unicode cmap subtable.')
  return rangeSet(best.format === 12 ? format12(view, best.offset) : format4(view, best.offset))
}
