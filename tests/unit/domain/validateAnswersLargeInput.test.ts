/**
 * The validator on input far bigger than any form sends: it reports problems,
 * it never throws (issue 9 found a spread `push` that overflowed the stack on
 * a list of 123,435 codes). The dispatcher caps payloads before they get here;
 * the domain must hold on its own too, because it also reads stored records.
 */
import { describe, expect, it } from 'vitest'
import { validateAnswers } from '../../../src/domain'

describe('validateAnswers on very large input', () => {
  it('reports a pain.quality list of 123,435 unknown strings without throwing', () => {
    const quality = Array.from({ length: 123_435 }, (_, i) => `quality-${i}`)

    const result = validateAnswers({ 'pain.quality': quality }, { mode: 'draft' })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(123_435)
    expect(result.issues[0]).toMatchObject({ itemId: 'pain.quality', code: 'unknown-code' })
    expect(result.validAnswers).toEqual({})
  })

  it('reports 200,000 repeats of a known code once, keeping the other answers', () => {
    const result = validateAnswers(
      { 'pain.quality': Array.from({ length: 200_000 }, () => 'sharp'), 'pain.now': 4 },
      { mode: 'draft' }
    )

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toEqual([
      expect.objectContaining({ itemId: 'pain.quality', code: 'duplicate-code' })
    ])
    expect(result.validAnswers).toEqual({ 'pain.now': 4 })
  })
})
