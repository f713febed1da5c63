import { describe, expect, it } from 'vitest'
import {
  identityKey,
  prefixUpperBound,
  searchKey
} from '../../../../../electron/main/services/database/nameKeys'

describe('identityKey', () => {
  it('ignores case in any script but keeps accents', () => {
    expect(identityKey('ÉLODIE')).toBe(identityKey('élodie'))
    expect(identityKey('Ñúñez')).toBe(identityKey('ñÚÑEZ'))
    expect(identityKey('Müller')).not.toBe(identityKey('Muller'))
  })

  it('treats composed and decomposed accents as the same letters', () => {
    expect(identityKey('Jos\u00e9')).toBe(identityKey('Jose\u0301'))
  })
})

describe('searchKey', () => {
  it('drops case and accents so plain typing finds accented names', () => {
    expect(searchKey('Ñúñez')).toBe('nunez')
    expect(searchKey('ÉLODIE')).toBe('elodie')
    expect(searchKey('Łukasz')).toBe('łukasz') // a letter of its own, not an accented l
    expect(searchKey('İlker')).toBe('ilker')
  })

  it('folds compatibility forms people do not type', () => {
    expect(searchKey('Ｍａｙａ')).toBe('maya')
    expect(searchKey('ﬁona')).toBe('fiona')
  })

  it('leaves scripts without case unchanged, keeping Hangul syllables whole', () => {
    expect(searchKey('王芳')).toBe('王芳')
    expect(searchKey('김민준')).toBe('김민준')
  })
})

describe('prefixUpperBound', () => {
  it('sorts after every string that starts with the prefix, in UTF-8 byte order', () => {
    const bound = Buffer.from(prefixUpperBound('nu'))
    for (const key of ['nu', 'nuñez', 'nu\uffff', 'nu😀', 'nu𠀋']) {
      expect(Buffer.compare(Buffer.from(key), bound)).toBe(-1)
    }
    expect(Buffer.compare(Buffer.from('nv'), bound)).toBe(1)
  })
})
