/**
 * File names offered in the save dialog. Patient names come from what was
 * typed at the front desk, so anything a file system refuses (or reads as a
 * folder) is replaced, and the result is kept short enough for every platform.
 */

import { replaceCharacters } from '../../../../src/domain'

/** Characters Windows, macOS or Linux refuse in a file name. */
const REFUSED = new Set('<>:"/\\|?*'.split('').map((character) => character.charCodeAt(0)))

/** What a file name may not hold: the refused characters, C0 controls and DEL. */
function isUnsafeInFileName(code: number): boolean {
  return code <= 0x1f || code === 0x7f || REFUSED.has(code)
}
/** Well under the 255 bytes most file systems allow, leaving room for a folder's own suffixes. */
const MAX_STEM_LENGTH = 150

/**
 * A file name from free text and an extension: unsafe characters become
 * spaces, runs of spaces one, no leading or trailing dots or spaces (Windows
 * drops them), at most {@link MAX_STEM_LENGTH} characters before the extension.
 *
 * @param extension with its dot, e.g. `.fhir.json`.
 */
export function safeFileName(stem: string, extension: string): string {
  const cleaned = replaceCharacters(stem.normalize('NFC'), isUnsafeInFileName, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  // Cut by code points, never inside a surrogate pair.
  const short = Array.from(cleaned).slice(0, MAX_STEM_LENGTH).join('').trimEnd()
  return `${short || 'export'}${extension}`
}
