/** File names offered in the save dialog: patient text never makes an unusable name. */
import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../../../electron/main/services/export/fileNames'

describe('safeFileName', () => {
  it('keeps names in any script, and the dash of the suggested name', () => {
    expect(safeFileName('2026-11-20 张, 伟 – intake', '.fhir.json')).toBe(
      '2026-11-20 张, 伟 – intake.fhir.json'
    )
    expect(safeFileName('2026-11-20 Núñez, José – intake', '.json')).toBe(
      '2026-11-20 Núñez, José – intake.json'
    )
  })

  it('replaces what a file system refuses or reads as a folder', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\nl', '.json')).toBe(
      'a b c d e f g h i j k l.json'
    )
    expect(safeFileName('../../etc/passwd', '.json')).toBe('etc passwd.json')
    expect(safeFileName(' . .. ', '.json')).toBe('export.json')
  })

  it('cuts a very long name by characters, never inside a surrogate pair', () => {
    const name = safeFileName('😀'.repeat(400), '.json')
    expect(Array.from(name.replace('.json', ''))).toHaveLength(150)
    // No lone surrogate: every high surrogate is followed by a low one and vice versa.
    expect(name).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    )
  })
})
