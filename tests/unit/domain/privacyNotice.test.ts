import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PRIVACY_NOTICE,
  PRIVACY_NOTICE_LANGUAGES,
  PRIVACY_NOTICE_MAX_LENGTH,
  isDefaultPrivacyNotice,
  normalisePrivacyNoticeText,
  privacyNoticeParagraphs,
  validatePrivacyNotice,
  type PrivacyNoticeValidation,
  type ValidationIssue
} from '../../../src/domain'
import en from '../../../src/i18n/en'
import es from '../../../src/i18n/es'
import zh from '../../../src/i18n/zh'

const VALID = {
  en: 'We keep your records safe.\n\nAsk at the front desk.',
  zh: '我们会妥善保管您的记录。\n\n请询问前台。',
  es: 'Guardamos su historia clínica.\n\nPregunte en recepción.'
} as const

function noticeOf(result: PrivacyNoticeValidation) {
  if (!result.ok) throw new Error(`expected a valid notice, got ${JSON.stringify(result.issues)}`)
  return result.notice
}

function issuesOf(result: PrivacyNoticeValidation): readonly ValidationIssue[] {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.notice)}`)
  return result.issues
}

function codesOf(result: PrivacyNoticeValidation): { itemId: string; code: string }[] {
  return issuesOf(result).map(({ itemId, code }) => ({ itemId, code }))
}

describe('validatePrivacyNotice', () => {
  it('accepts a text of several paragraphs in each language', () => {
    expect(noticeOf(validatePrivacyNotice(VALID))).toEqual(VALID)
  })

  it('accepts every language empty (all defaults), or any one left empty', () => {
    const none = noticeOf(validatePrivacyNotice({ en: '', zh: '', es: '' }))
    expect(none).toEqual(DEFAULT_PRIVACY_NOTICE)
    expect(isDefaultPrivacyNotice(none)).toBe(true)

    const spanishOnly = noticeOf(validatePrivacyNotice({ en: '', zh: '', es: VALID.es }))
    expect(spanishOnly).toEqual({ en: '', zh: '', es: VALID.es })
    expect(isDefaultPrivacyNotice(spanishOnly)).toBe(false)
  })

  it('turns white space alone into "use the default"', () => {
    expect(noticeOf(validatePrivacyNotice({ ...VALID, zh: ' \n\t\r\n  ' })).zh).toBe('')
  })

  it('normalises to NFC, so the same words typed two ways are stored the same', () => {
    const decomposed = 'Clínica San José: información'.normalize('NFD')
    expect(decomposed).not.toBe(decomposed.normalize('NFC'))

    const notice = noticeOf(validatePrivacyNotice({ ...VALID, es: decomposed }))

    expect(notice.es).toBe('Clínica San José: información'.normalize('NFC'))
  })

  it('keeps paragraphs and single line breaks, made \\n whatever the keyboard sent', () => {
    const notice = noticeOf(
      validatePrivacyNotice({
        ...VALID,
        en: 'Line one\r\nline two\rline three\u2028line four\u2029\u2029Next paragraph'
      })
    )
    expect(notice.en).toBe('Line one\nline two\nline three\nline four\n\nNext paragraph')
  })

  it('trims line ends and the whole text, makes tabs spaces, and keeps at most one empty line', () => {
    const notice = noticeOf(
      validatePrivacyNotice({
        ...VALID,
        en: '\n\n  First paragraph.   \n\n\n\n \t \nSecond\tparagraph.\t\n\n'
      })
    )
    expect(notice.en).toBe('First paragraph.\n\nSecond paragraph.')
  })

  it(`accepts exactly ${PRIVACY_NOTICE_MAX_LENGTH} characters and refuses one more`, () => {
    const atLimit = 'a'.repeat(PRIVACY_NOTICE_MAX_LENGTH)
    expect(noticeOf(validatePrivacyNotice({ ...VALID, en: atLimit })).en).toBe(atLimit)

    const result = validatePrivacyNotice({ ...VALID, en: `${atLimit}b` })
    expect(codesOf(result)).toEqual([{ itemId: 'en', code: 'too-long' }])
    expect(issuesOf(result)[0]?.message).toBe(
      'The English privacy notice can be at most 10,000 characters long (it has 10,001).'
    )
  })

  it('counts characters as a person does: a character outside the BMP is one, not two', () => {
    // '𠀀' is one character but two UTF-16 units; 10,000 of them are within the limit.
    const wide = '𠀀'.repeat(PRIVACY_NOTICE_MAX_LENGTH)
    expect(wide.length).toBe(2 * PRIVACY_NOTICE_MAX_LENGTH)
    expect(noticeOf(validatePrivacyNotice({ ...VALID, zh: wide })).zh).toBe(wide)
  })

  it('counts the limit after normalising, so trailing spaces do not count', () => {
    const text = `${'a'.repeat(PRIVACY_NOTICE_MAX_LENGTH)}     \n\n   `
    expect(noticeOf(validatePrivacyNotice({ ...VALID, es: text })).es).toHaveLength(
      PRIVACY_NOTICE_MAX_LENGTH
    )
  })

  it('refuses control characters that cannot be shown, naming the language', () => {
    const result = validatePrivacyNotice({ ...VALID, zh: '请\u0007询问', es: 'a\u0000b' })
    expect(codesOf(result)).toEqual([
      { itemId: 'zh', code: 'wrong-type' },
      { itemId: 'es', code: 'wrong-type' }
    ])
    expect(issuesOf(result)[0]?.message).toMatch(/^The Chinese privacy notice contains characters/)
  })

  it('refuses a missing language, a text that is not a string, and an unknown key', () => {
    const result = validatePrivacyNotice({ en: VALID.en, zh: 42, fr: 'Bonjour' })
    expect(codesOf(result)).toEqual([
      { itemId: 'fr', code: 'unknown-item' },
      { itemId: 'zh', code: 'wrong-type' },
      { itemId: 'es', code: 'required' }
    ])
  })

  it.each([
    ['null', null],
    ['a string', 'We keep your data safe.'],
    ['an array', [VALID.en, VALID.zh, VALID.es]],
    ['a number', 7]
  ])('refuses %s as a whole, with one issue naming no language', (_, input) => {
    expect(codesOf(validatePrivacyNotice(input))).toEqual([{ itemId: '', code: 'not-an-object' }])
  })

  it('gives a plain English message for every issue', () => {
    const result = validatePrivacyNotice({ en: 1, zh: 'x'.repeat(PRIVACY_NOTICE_MAX_LENGTH + 1) })
    for (const issue of issuesOf(result)) expect(issue.message).toMatch(/^The .+\.$/)
  })
})

describe('normalisePrivacyNoticeText', () => {
  it('is idempotent: a stored text normalises to itself', () => {
    const once = normalisePrivacyNoticeText(' a \r\n\r\n\r\nb\t\n  - c ')
    expect(once).toBe('a\n\nb\n  - c')
    expect(normalisePrivacyNoticeText(once)).toBe(once)
  })

  it('keeps the indent at the start of a line inside the text (a list)', () => {
    expect(normalisePrivacyNoticeText('We collect:\n  - your name\n  - your phone')).toBe(
      'We collect:\n  - your name\n  - your phone'
    )
  })
})

describe('privacyNoticeParagraphs', () => {
  it('splits at empty lines and keeps single line breaks inside a paragraph', () => {
    expect(privacyNoticeParagraphs('Who we are\nRiverside Physio\n\nWhat we collect')).toEqual([
      'Who we are\nRiverside Physio',
      'What we collect'
    ])
  })

  it('ignores lines of spaces between paragraphs and gives nothing for an empty text', () => {
    expect(privacyNoticeParagraphs('One\n   \nTwo')).toEqual(['One', 'Two'])
    expect(privacyNoticeParagraphs('')).toEqual([])
  })
})

describe('the default notices in the messages', () => {
  const defaults = { en, zh, es }

  it.each(PRIVACY_NOTICE_LANGUAGES)(
    'the %s default is a valid notice of several paragraphs, already normalised',
    (language) => {
      const text = defaults[language].privacyNotice.defaultText
      const notice = noticeOf(
        validatePrivacyNotice({ ...DEFAULT_PRIVACY_NOTICE, [language]: text })
      )
      expect(notice[language]).toBe(text)
      expect(privacyNoticeParagraphs(text).length).toBeGreaterThanOrEqual(6)
    }
  )

  it.each(PRIVACY_NOTICE_LANGUAGES)(
    'the %s default holds none of the characters vue-i18n reads as syntax',
    (language) => {
      // { } would be placeholders, | a plural separator, @ a linked message.
      expect(defaults[language].privacyNotice.defaultText).not.toMatch(/[{}|@]/)
    }
  )

  it('covers what, why, who, where, how long, rights and contact in English', () => {
    const text = en.privacyNotice.defaultText
    for (const topic of [
      'contact details',
      'health',
      'assess',
      'treatment',
      'clinical records',
      'clinicians and staff',
      'this clinic’s own computer',
      'as long as the law requires',
      'ask to see',
      'correct',
      'ask questions',
      'complain',
      'front desk'
    ]) {
      expect(text).toContain(topic)
    }
  })
})
