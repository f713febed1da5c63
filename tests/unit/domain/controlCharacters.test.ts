import { describe, expect, it } from 'vitest'
import {
  isControlCode,
  isControlExceptLineFeed,
  replaceCharacters
} from '../../../src/domain/controlCharacters'

describe('control characters', () => {
  it('knows C0, DEL and C1 as controls, and nothing printable', () => {
    for (const code of [0x00, 0x09, 0x0a, 0x1f, 0x7f, 0x80, 0x9f])
      expect(isControlCode(code)).toBe(true)
    for (const code of [0x20, 0x41, 0x7e, 0xa0, 0x4e2d, 0x1f600])
      expect(isControlCode(code)).toBe(false)
  })

  it('keeps the line feed for multi-line text', () => {
    expect(isControlExceptLineFeed(0x0a)).toBe(false)
    expect(isControlExceptLineFeed(0x0d)).toBe(true)
  })

  it('replaces by code point, leaving emoji and Chinese whole', () => {
    expect(replaceCharacters('a\u0000b\u0085c\n王😀', isControlExceptLineFeed, '')).toBe(
      'abc\n王😀'
    )
    expect(replaceCharacters('x\u0007y', isControlCode, ' ')).toBe('x y')
  })
})
