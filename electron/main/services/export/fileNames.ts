/**
 * File names offered in the save dialog. Patient names come from what was
 * typed at the front desk, so anything a file system refuses (or reads as a
 * folder) is replaced, and the result is kept short enough for every platform.
 */

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g
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
  const cleaned = stem
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  // Cut by code points, never inside a surrogate pair.
  const short = Array.from(cleaned).slice(0, MAX_STEM_LENGTH).join('').trimEnd()
  return `${short || 'export'}${extension}`
}
