/**
 * Control characters in text a person typed or pasted: never meant to be
 * stored, printed or put in a file name. Tested by code point rather than
 * with a regular expression, so the ranges read as numbers.
 */

/** C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F). */
export function isControlCode(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f)
}

const LINE_FEED = 0x0a

/** A control character other than the line feed, which multi-line text keeps. */
export function isControlExceptLineFeed(code: number): boolean {
  return code !== LINE_FEED && isControlCode(code)
}

/**
 * `text` with every character for which `matches` holds (given its code
 * point) replaced by `replacement`.
 */
export function replaceCharacters(
  text: string,
  matches: (code: number) => boolean,
  replacement: string
): string {
  let out = ''
  for (const character of text) {
    out += matches(character.codePointAt(0) ?? 0) ? replacement : character
  }
  return out
}
