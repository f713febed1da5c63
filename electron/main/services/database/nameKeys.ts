/**
 * Keys derived from people's names for matching in SQL. SQLite's `NOCASE` and
 * `LOWER()` only fold ASCII, so 'ÑÚÑEZ' and 'ñúñez' would not match there; the
 * folding is done once in JavaScript and stored beside the name.
 */

/**
 * Identity key: the same name with different capitalisation is the same
 * person, but accents are kept ('Muller' and 'Müller' are different people
 * until a human says otherwise).
 */
export function identityKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

/**
 * Search key: case and accents are dropped so staff who type 'nunez' on an
 * English keyboard still find 'Núñez'. Compatibility decomposition (NFKD) also
 * splits ligatures and full-width letters into what people type.
 */
export function searchKey(name: string): string {
  // Lower-case before and after the decomposition: some capitals lower-case to
  // a letter plus a combining mark ('İ' → 'i̇'), which the stripping then
  // removes, and compatibility forms can decompose to capitals ('Ａ' → 'A').
  // NFC at the end puts back together what NFKD split that is not an accent
  // (Hangul syllables).
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .normalize('NFC')
    .trim()
}

/**
 * Upper bound (exclusive) of the keys that start with `prefix`. SQLite compares
 * TEXT in BINARY collation byte by byte (UTF-8), and U+10FFFF encodes to the
 * largest valid UTF-8 sequence, so every key starting with `prefix` sorts
 * between `prefix` and `prefix + '\u{10FFFF}'`. A range lets a plain index
 * serve the search, which `LIKE` (case-insensitive, ASCII-only) would not.
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`
}
