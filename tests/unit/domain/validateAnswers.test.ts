import { describe, expect, it } from 'vitest'
import {
  CATALOGUE,
  evaluateIntake,
  validateAnswers,
  type ValidationIssue,
  type ValidationResult
} from '../../../src/domain'
import { AS_OF, answersWith, BASELINE, loadGoldenCases } from './testAnswers'

function issuesOf(result: ValidationResult): readonly ValidationIssue[] {
  return result.ok ? [] : result.issues
}

/** Validates in draft mode against AS_OF and expects exactly one issue. */
function singleIssue(
  input: Record<string, unknown>,
  asOf: string | undefined = AS_OF
): ValidationIssue {
  const issues = issuesOf(
    validateAnswers(input, asOf === undefined ? { mode: 'draft' } : { mode: 'draft', asOf })
  )
  expect(issues).toHaveLength(1)
  const [first] = issues
  if (first === undefined) throw new Error('expected an issue')
  return first
}

function expectIssue(
  input: Record<string, unknown>,
  itemId: string,
  code: ValidationIssue['code']
): ValidationIssue {
  const found = singleIssue(input)
  expect(found.itemId).toBe(itemId)
  expect(found.code).toBe(code)
  // Plain English naming the item, so staff can find the field and fix it.
  expect(found.message).toContain(itemId)
  expect(found.message.length).toBeGreaterThan(itemId.length + 20)
  return found
}

describe('validateAnswers: shape', () => {
  it.each([null, undefined, [], 'answers', 42, true, new Date(0)])(
    'rejects %s as not an object',
    (input) => {
      const result = validateAnswers(input, { mode: 'draft' })
      expect(result.ok).toBe(false)
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({ itemId: '', code: 'not-an-object' })
      ])
    }
  )

  it('accepts an empty draft and an object without a prototype', () => {
    expect(validateAnswers({}, { mode: 'draft' })).toEqual({ ok: true, answers: {} })
    const bare: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    bare['pain.now'] = 4
    expect(validateAnswers(bare, { mode: 'draft' })).toEqual({
      ok: true,
      answers: { 'pain.now': 4 }
    })
  })

  it('rejects an unknown item id, including __proto__ from JSON', () => {
    expectIssue({ 'patient.nickname': 'Mo' }, 'patient.nickname', 'unknown-item')
    expectIssue(
      JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>,
      '__proto__',
      'unknown-item'
    )
  })

  it('treats an undefined value as unanswered', () => {
    expect(
      validateAnswers({ 'patient.email': undefined, 'pain.now': 2 }, { mode: 'draft' })
    ).toEqual({
      ok: true,
      answers: { 'pain.now': 2 }
    })
  })

  it('throws on an invalid asOf, a programming error rather than a patient error', () => {
    expect(() => validateAnswers({}, { mode: 'draft', asOf: '2026-13-01' })).toThrow(RangeError)
  })
})

describe('validateAnswers: types and codes', () => {
  it.each([
    ['patient.givenName', 42],
    ['patient.givenName', null],
    ['patient.dateOfBirth', 19900101],
    ['patient.sex', ['female']],
    ['pain.regions', 'low-back-left'],
    ['pain.now', '3'],
    ['pain.now', null],
    ['rf.bladder', true],
    ['consent.treatment', 'true'],
    ['consent.privacy', 1]
  ])('rejects %s = %j as the wrong type', (itemId, value) => {
    expectIssue({ [itemId]: value }, itemId, 'wrong-type')
  })

  it('rejects a non-text entry inside a multi', () => {
    expectIssue({ 'pain.quality': ['sharp', 3] }, 'pain.quality', 'wrong-type')
  })

  it.each([
    ['patient.sex', 'woman'],
    ['complaint.duration', '2w'],
    ['rf.fever', 'maybe'],
    ['rf.fever', 'Yes'],
    ['sb.9', 'very much']
  ])('rejects %s = %j as an unknown code', (itemId, value) => {
    const found = expectIssue({ [itemId]: value }, itemId, 'unknown-code')
    expect(found.message).toContain(`"${value}"`)
  })

  it('rejects an unknown code in a multi, naming the code and the allowed ones', () => {
    const found = expectIssue(
      { 'pain.regions': ['low-back-left', 'knee'] },
      'pain.regions',
      'unknown-code'
    )
    expect(found.message).toContain('"knee"')
    expect(found.message).toContain('"low-back-centre"')
  })

  it('rejects a code listed twice in a multi, once per duplicated code', () => {
    const found = expectIssue(
      { 'complaint.activities': ['squat', 'deadlift', 'squat', 'squat'] },
      'complaint.activities',
      'duplicate-code'
    )
    expect(found.message).toContain('"squat"')
  })

  it('keeps the given order of a multi and accepts an empty list as "none of these"', () => {
    const result = validateAnswers(
      { 'pain.quality': ['tingling', 'dull-ache'], 'complaint.trainingFactors': [] },
      { mode: 'draft' }
    )
    expect(result).toEqual({
      ok: true,
      answers: { 'pain.quality': ['tingling', 'dull-ache'], 'complaint.trainingFactors': [] }
    })
  })

  it.each([11, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects the scale value %s as out of range',
    (value) => {
      expectIssue({ 'peg.activity': value }, 'peg.activity', 'out-of-range')
    }
  )

  it('accepts the scale ends 0 and 10', () => {
    expect(validateAnswers({ 'pain.now': 0, 'pain.worst': 10 }, { mode: 'draft' }).ok).toBe(true)
  })

  it('reports one issue per problem, all at once', () => {
    const result = validateAnswers(
      {
        'pain.now': 12,
        'rf.fever': 'maybe',
        'patient.email': 'nope',
        'x.y': 1,
        'pain.regions': ['neck', 'neck']
      },
      { mode: 'draft' }
    )
    expect(
      issuesOf(result)
        .map((found) => `${found.itemId}:${found.code}`)
        .sort()
    ).toEqual([
      'pain.now:out-of-range',
      'pain.regions:duplicate-code',
      'patient.email:invalid-email',
      'rf.fever:unknown-code',
      'x.y:unknown-item'
    ])
  })
})

describe('validateAnswers: dates', () => {
  it.each([
    '2025-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '1990-4-1',
    '1990-04-01T00:00:00Z',
    '01/04/1990',
    ''
  ])('rejects %j as an impossible date', (value) => {
    expectIssue({ 'patient.dateOfBirth': value }, 'patient.dateOfBirth', 'invalid-date')
  })

  it('accepts 29 February in a leap year', () => {
    expect(
      validateAnswers({ 'patient.dateOfBirth': '2024-02-29' }, { mode: 'draft', asOf: AS_OF }).ok
    ).toBe(true)
  })

  it.each([
    ['patient.dateOfBirth', 'birth-in-future'],
    ['complaint.onsetDate', 'future-date']
  ] as const)('rejects %s after asOf as %s, accepts it on asOf', (itemId, code) => {
    expectIssue({ [itemId]: '2026-11-21' }, itemId, code)
    expect(validateAnswers({ [itemId]: AS_OF }, { mode: 'draft', asOf: AS_OF }).ok).toBe(true)
  })

  it('skips the future and age checks when asOf is absent', () => {
    expect(
      singleIssueOrNone({
        'complaint.onsetDate': '2999-01-01',
        'patient.dateOfBirth': '1800-01-01'
      })
    ).toBeNull()
  })

  it('accepts an age of 120 and rejects 121', () => {
    expect(
      validateAnswers({ 'patient.dateOfBirth': '1905-11-21' }, { mode: 'draft', asOf: AS_OF }).ok
    ).toBe(true)
    expectIssue({ 'patient.dateOfBirth': '1905-11-20' }, 'patient.dateOfBirth', 'age-out-of-range')
  })

  it('gives each refused date its own code, so the form can word each one', () => {
    const codes = (input: Record<string, unknown>): string[] =>
      issuesOf(validateAnswers(input, { mode: 'draft', asOf: AS_OF })).map(
        (found) => `${found.itemId}:${found.code}`
      )
    expect(codes({ 'patient.dateOfBirth': '2026-11-21' })).toEqual([
      'patient.dateOfBirth:birth-in-future'
    ])
    expect(codes({ 'patient.dateOfBirth': '1905-11-20' })).toEqual([
      'patient.dateOfBirth:age-out-of-range'
    ])
    expect(codes({ 'complaint.onsetDate': '2026-11-21' })).toEqual([
      'complaint.onsetDate:future-date'
    ])
    expect(codes({ 'complaint.onsetDate': '2026-04-31' })).toEqual([
      'complaint.onsetDate:invalid-date'
    ])
    expect(
      codes({ 'patient.dateOfBirth': '1990-04-23', 'complaint.onsetDate': '1990-04-22' })
    ).toEqual(['complaint.onsetDate:before-birth'])
  })
})

describe('validateAnswers: onset date and date of birth', () => {
  const BORN = '1990-04-23'

  it('refuses an onset the day before the birth, marking the onset and keeping the birth', () => {
    const result = validateAnswers(
      { 'patient.dateOfBirth': BORN, 'complaint.onsetDate': '1990-04-22', 'pain.now': 3 },
      { mode: 'draft', asOf: AS_OF }
    )
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ itemId: 'complaint.onsetDate', code: 'before-birth' })],
      // A draft still saves the birth date and the rest; only the onset is held back.
      validAnswers: { 'patient.dateOfBirth': BORN, 'pain.now': 3 }
    })
    const [found] = issuesOf(result)
    expect(found?.message).toContain('complaint.onsetDate')
    expect(found?.message).toContain(BORN)
  })

  it('accepts an onset on the day of birth or later', () => {
    for (const onset of [BORN, '1990-04-24', AS_OF]) {
      expect(
        validateAnswers(
          { 'patient.dateOfBirth': BORN, 'complaint.onsetDate': onset },
          { mode: 'draft', asOf: AS_OF }
        ).ok,
        onset
      ).toBe(true)
    }
  })

  it('does not compare the dates when either is missing or asOf is absent', () => {
    expect(
      validateAnswers({ 'complaint.onsetDate': '1900-01-01' }, { mode: 'draft', asOf: AS_OF }).ok
    ).toBe(true)
    expect(
      validateAnswers(
        { 'patient.dateOfBirth': BORN, 'complaint.onsetDate': '1980-01-01' },
        { mode: 'draft' }
      ).ok
    ).toBe(true)
  })

  it('reports only the date of birth when it is itself refused', () => {
    const issues = issuesOf(
      validateAnswers(
        { 'patient.dateOfBirth': '2026-11-21', 'complaint.onsetDate': '2026-11-01' },
        { mode: 'draft', asOf: AS_OF }
      )
    )
    expect(issues.map((found) => `${found.itemId}:${found.code}`)).toEqual([
      'patient.dateOfBirth:birth-in-future'
    ])
  })

  it('refuses the onset in submit mode too, beside nothing else', () => {
    const result = validateAnswers(
      answersWith({ 'patient.dateOfBirth': BORN, 'complaint.onsetDate': '1989-12-31' }),
      { mode: 'submit', asOf: AS_OF }
    )
    expect(issuesOf(result).map((found) => `${found.itemId}:${found.code}`)).toEqual([
      'complaint.onsetDate:before-birth'
    ])
  })
})

function singleIssueOrNone(input: Record<string, unknown>): ValidationIssue | null {
  const issues = issuesOf(validateAnswers(input, { mode: 'draft' }))
  return issues[0] ?? null
}

describe('validateAnswers: text', () => {
  it('trims and NFC-normalises text', () => {
    const result = validateAnswers(
      { 'patient.givenName': '  Jose\u0301 ', 'patient.familyName': '\tOkafor\n' },
      { mode: 'draft' }
    )
    expect(result).toEqual({
      ok: true,
      answers: { 'patient.givenName': 'Jos\u00e9', 'patient.familyName': 'Okafor' }
    })
  })

  it('drops text that is empty after trimming (an unanswered item is absent)', () => {
    expect(
      validateAnswers({ 'patient.occupation': '   ', 'goals.text': '' }, { mode: 'draft' })
    ).toEqual({
      ok: true,
      answers: {}
    })
  })

  it('limits names to 100 characters and other text to 2000, after normalising', () => {
    expect(validateAnswers({ 'patient.givenName': 'a'.repeat(100) }, { mode: 'draft' }).ok).toBe(
      true
    )
    const found = expectIssue(
      { 'patient.givenName': 'a'.repeat(101) },
      'patient.givenName',
      'too-long'
    )
    expect(found.message).toContain('100')
    expect(validateAnswers({ 'history.medications': 'm'.repeat(2000) }, { mode: 'draft' }).ok).toBe(
      true
    )
    expectIssue({ 'history.medications': 'm'.repeat(2001) }, 'history.medications', 'too-long')
    // 100 decomposed é (200 code points) become 100 characters once composed.
    expect(
      validateAnswers({ 'patient.familyName': 'e\u0301'.repeat(100) }, { mode: 'draft' }).ok
    ).toBe(true)
    // Surrounding spaces do not count.
    expect(
      validateAnswers({ 'patient.familyName': ` ${'b'.repeat(100)} ` }, { mode: 'draft' }).ok
    ).toBe(true)
  })

  it('allows an occupation of more than 100 characters (it is prose, not a name)', () => {
    const occupation =
      'Warehouse operative on night shifts, lifting boxes of up to 25 kg all night; weekend youth football coach and referee'
    expect(occupation.length).toBeGreaterThan(100)
    expect(validateAnswers({ 'patient.occupation': occupation }, { mode: 'draft' }).ok).toBe(true)
  })

  it('counts characters, not UTF-16 units (an emoji is one character)', () => {
    expect(
      validateAnswers({ 'patient.givenName': '\u{1F3CB}'.repeat(100) }, { mode: 'draft' }).ok
    ).toBe(true)
    expectIssue({ 'patient.givenName': '\u{1F3CB}'.repeat(101) }, 'patient.givenName', 'too-long')
  })

  it.each([
    'maya',
    'maya@',
    'maya@example',
    '@example.com',
    'maya ok@example.com',
    'maya@exa mple.com',
    'a@b@c.com'
  ])('rejects the e-mail %j', (email) => {
    expectIssue({ 'patient.email': email }, 'patient.email', 'invalid-email')
  })

  it.each(['maya@example.com', 'maya.okafor+intake@mail.example.co.uk', ' maya@example.com '])(
    'accepts the e-mail %j',
    (email) => {
      expect(validateAnswers({ 'patient.email': email }, { mode: 'draft' })).toEqual({
        ok: true,
        answers: { 'patient.email': email.trim() }
      })
    }
  )
})

describe('validateAnswers: draft and submit modes', () => {
  it('accepts partial answers in draft mode', () => {
    expect(
      validateAnswers(
        { 'rf.bladder': 'yes', 'patient.givenName': 'Maya' },
        { mode: 'draft', asOf: AS_OF }
      ).ok
    ).toBe(true)
  })

  it('accepts the complete baseline in submit mode', () => {
    expect(validateAnswers(BASELINE, { mode: 'submit', asOf: AS_OF })).toEqual({
      ok: true,
      answers: BASELINE
    })
  })

  it('requires every required item in submit mode, in catalogue order', () => {
    const result = validateAnswers(
      answersWith({ 'pain.now': undefined, 'patient.givenName': '  ', 'sb.9': undefined }),
      { mode: 'submit', asOf: AS_OF }
    )
    expect(issuesOf(result).map((found) => [found.itemId, found.code])).toEqual([
      ['patient.givenName', 'required'],
      ['pain.now', 'required'],
      ['sb.9', 'required']
    ])
    for (const found of issuesOf(result)) expect(found.message).toContain(found.itemId)
  })

  it('requires at least one pain region in submit mode', () => {
    const result = validateAnswers(answersWith({ 'pain.regions': [] }), {
      mode: 'submit',
      asOf: AS_OF
    })
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ itemId: 'pain.regions', code: 'required' })
    ])
    expect(
      validateAnswers(answersWith({ 'pain.regions': [] }), { mode: 'draft', asOf: AS_OF }).ok
    ).toBe(true)
  })

  it('requires both consents to be true in submit mode', () => {
    const result = validateAnswers(
      answersWith({ 'consent.treatment': false, 'consent.privacy': undefined }),
      {
        mode: 'submit',
        asOf: AS_OF
      }
    )
    expect(issuesOf(result).map((found) => [found.itemId, found.code])).toEqual([
      ['consent.treatment', 'must-be-true'],
      ['consent.privacy', 'required']
    ])
    expect(validateAnswers(answersWith({ 'consent.treatment': false }), { mode: 'draft' }).ok).toBe(
      true
    )
  })

  it('reports a wrong value once, not also as missing', () => {
    const result = validateAnswers(answersWith({ 'pain.now': 11 }), { mode: 'submit', asOf: AS_OF })
    expect(issuesOf(result).map((found) => found.code)).toEqual(['out-of-range'])
  })

  it('returns a new object and leaves the input untouched', () => {
    const input = Object.freeze({
      'patient.givenName': ' Maya ',
      'pain.regions': Object.freeze(['neck'])
    })
    const result = validateAnswers(input, { mode: 'draft' })
    expect(input).toEqual({ 'patient.givenName': ' Maya ', 'pain.regions': ['neck'] })
    if (!result.ok) throw new Error('expected ok')
    expect(result.answers).not.toBe(input)
    expect(result.answers['pain.regions']).not.toBe(input['pain.regions'])
  })
})

describe('validateAnswers: golden cases', () => {
  const cases = loadGoldenCases()

  it.each(cases.map((golden) => [golden.file, golden] as const))(
    '%s passes validation unchanged, and submit mode refuses exactly the missing items',
    (_file, golden) => {
      const draft = validateAnswers(golden.answers, { mode: 'draft', asOf: golden.asOf })
      expect(draft).toEqual({ ok: true, answers: golden.answers })

      const missing = evaluateIntake(golden.answers, { asOf: golden.asOf }).missingRequired
      const submit = validateAnswers(golden.answers, { mode: 'submit', asOf: golden.asOf })
      // Compared as sets (§8): conditional items are reported after the catalogue-ordered ones.
      expect(
        issuesOf(submit)
          .map((found) => found.itemId)
          .sort()
      ).toEqual([...missing].sort())
      expect(submit.ok).toBe(missing.length === 0)
    }
  )

  it('has complete intakes among the cases', () => {
    const complete = cases.filter(
      (golden) => validateAnswers(golden.answers, { mode: 'submit', asOf: golden.asOf }).ok
    )
    expect(complete.length).toBeGreaterThanOrEqual(20)
  })
})

describe('validateAnswers: signature format (§2)', () => {
  const PNG_PREFIX = 'data:image/png;base64,'

  it.each([
    'M10 10 L40 30 L70 12',
    'M12 40L15 38L19 35M60 42L61 44',
    'm1.5,-2.25 l3 4 c1 2 3 4 5 6 q1 1 2 2 z',
    'M0,0 C1,2,3,4,5,6 Q7,8,9,10 L-1.5 -.5 Z',
    'M-3.25-4.5L.5.5z',
    'M 0 0 L 1 1',
    `${PNG_PREFIX}iVBORw0KGgo=`,
    `${PNG_PREFIX}iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==`
  ])('accepts the drawn signature %j', (signature) => {
    expect(validateAnswers({ 'consent.signature': signature }, { mode: 'draft' })).toEqual({
      ok: true,
      answers: { 'consent.signature': signature }
    })
  })

  it('accepts a signature surrounded by spaces, stored trimmed', () => {
    expect(validateAnswers({ 'consent.signature': '  M1 1 L2 2 ' }, { mode: 'draft' })).toEqual({
      ok: true,
      answers: { 'consent.signature': 'M1 1 L2 2' }
    })
  })

  it.each([
    '<svg onload=alert(1)>',
    '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0 L1 1"/></svg>',
    'javascript:alert(document.cookie)',
    'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:text/html;base64,PHNjcmlwdD4=',
    `${PNG_PREFIX}<script>alert(1)</script>`,
    PNG_PREFIX,
    'M0 0 A10 10 0 0 1 20 20',
    'm0 0 a5 5 0 1 0 10 10',
    'M0 0 H10 V10',
    'M0 0 T10 10',
    'M0 0 L1e5 1',
    'Maya Okafor',
    'M0 0;L1 1'
  ])('refuses %j as invalid-signature, without echoing it', (signature) => {
    const found = expectIssue(
      { 'consent.signature': signature },
      'consent.signature',
      'invalid-signature'
    )
    expect(found.message).not.toContain(signature)
    for (const fragment of ['<', 'svg', 'script', 'javascript', 'jpeg', 'onload', 'base64']) {
      if (signature.includes(fragment)) expect(found.message).not.toContain(fragment)
    }
  })

  it('refuses an invalid signature in submit mode once, not also as missing', () => {
    const result = validateAnswers(answersWith({ 'consent.signature': 'javascript:void(0)' }), {
      mode: 'submit',
      asOf: AS_OF
    })
    expect(issuesOf(result).map((found) => [found.itemId, found.code])).toEqual([
      ['consent.signature', 'invalid-signature']
    ])
  })

  it('accepts up to 200,000 characters and refuses 200,001 as too long', () => {
    const path = (length: number): string => `M1,1${'L2,2'.repeat(50_000)}`.slice(0, length)
    expect(path(200_000)).toHaveLength(200_000)
    expect(validateAnswers({ 'consent.signature': path(200_000) }, { mode: 'draft' }).ok).toBe(true)
    const found = expectIssue(
      { 'consent.signature': path(200_001) },
      'consent.signature',
      'too-long'
    )
    expect(found.message).toContain('200000')
    expect(found.message).not.toContain(path(200_001))

    const png = (length: number): string => `${PNG_PREFIX}${'A'.repeat(length - PNG_PREFIX.length)}`
    expect(validateAnswers({ 'consent.signature': png(200_000) }, { mode: 'draft' }).ok).toBe(true)
    expectIssue({ 'consent.signature': png(200_001) }, 'consent.signature', 'too-long')
  })
})

describe('validateAnswers: first back pain age band (§2)', () => {
  const BORN_30 = '1996-03-14'
  const BORN_34 = '1991-11-21'
  const BORN_35 = '1991-11-20'
  const BORN_44 = '1981-11-21'
  const BORN_45 = '1981-11-20'

  it('refuses 45-or-over from a 30-year-old with age-band-above-age', () => {
    const found = expectIssue(
      { 'patient.dateOfBirth': BORN_30, 'history.firstBackPainAge': '45-or-over' },
      'history.firstBackPainAge',
      'age-band-above-age'
    )
    expect(found.message).toContain('30')
  })

  it.each([
    [BORN_30, '35-44'],
    [BORN_34, '35-44'],
    [BORN_44, '45-or-over']
  ])('refuses a band that starts above the age (born %s, %s)', (dateOfBirth, band) => {
    expectIssue(
      { 'patient.dateOfBirth': dateOfBirth, 'history.firstBackPainAge': band },
      'history.firstBackPainAge',
      'age-band-above-age'
    )
  })

  it.each([
    [BORN_35, '35-44'],
    [BORN_45, '35-44'],
    [BORN_45, '45-or-over'],
    [BORN_30, 'under-35'],
    [BORN_45, 'under-35'],
    [AS_OF, 'under-35']
  ])('accepts a band that starts at or below the age (born %s, %s)', (dateOfBirth, band) => {
    const input = { 'patient.dateOfBirth': dateOfBirth, 'history.firstBackPainAge': band }
    expect(validateAnswers(input, { mode: 'draft', asOf: AS_OF })).toEqual({
      ok: true,
      answers: input
    })
  })

  it('does not check the band without a date of birth', () => {
    expect(
      validateAnswers({ 'history.firstBackPainAge': '45-or-over' }, { mode: 'draft', asOf: AS_OF })
        .ok
    ).toBe(true)
  })

  it('does not check the band without asOf (no age can be computed)', () => {
    expect(
      validateAnswers(
        { 'patient.dateOfBirth': BORN_30, 'history.firstBackPainAge': '45-or-over' },
        { mode: 'draft' }
      ).ok
    ).toBe(true)
  })

  it('reports only the date problem when the date of birth itself is refused', () => {
    const issues = issuesOf(
      validateAnswers(
        { 'patient.dateOfBirth': '2026-11-21', 'history.firstBackPainAge': '45-or-over' },
        { mode: 'draft', asOf: AS_OF }
      )
    )
    expect(issues.map((found) => found.code)).toEqual(['birth-in-future'])
  })

  it('refuses the band in submit mode too, and only it', () => {
    const result = validateAnswers(answersWith({ 'history.firstBackPainAge': '45-or-over' }), {
      mode: 'submit',
      asOf: AS_OF
    })
    expect(issuesOf(result).map((found) => [found.itemId, found.code])).toEqual([
      ['history.firstBackPainAge', 'age-band-above-age']
    ])
  })

  it('refuses an unknown band code', () => {
    expectIssue({ 'history.firstBackPainAge': '30-39' }, 'history.firstBackPainAge', 'unknown-code')
  })
})

describe('validateAnswers: conditionally required items in submit mode (§2)', () => {
  const BORN_15 = '2010-11-21'
  const BORN_16 = '2010-11-20'

  it.each(['6-12w', 'gt-12w'])('requires complaint.trend for a duration of %s', (duration) => {
    const answers = answersWith({ 'complaint.duration': duration, 'complaint.trend': undefined })
    const result = validateAnswers(answers, { mode: 'submit', asOf: AS_OF })
    const issues = issuesOf(result)
    expect(issues.map((found) => [found.itemId, found.code])).toEqual([
      ['complaint.trend', 'required']
    ])
    expect(issues[0]?.message).toContain('complaint.trend')
    expect(validateAnswers(answers, { mode: 'draft', asOf: AS_OF }).ok).toBe(true)
    expect(
      validateAnswers(answersWith({ 'complaint.duration': duration, 'complaint.trend': 'same' }), {
        mode: 'submit',
        asOf: AS_OF
      }).ok
    ).toBe(true)
  })

  it.each(['lt-1w', '1-6w'])(
    'does not require complaint.trend for a duration of %s',
    (duration) => {
      expect(
        validateAnswers(
          answersWith({ 'complaint.duration': duration, 'complaint.trend': undefined }),
          {
            mode: 'submit',
            asOf: AS_OF
          }
        ).ok
      ).toBe(true)
    }
  )

  it.each([undefined, 'self'])(
    'under 16, refuses a signer relationship of %s in submit mode, not in draft mode',
    (relationship) => {
      const answers = answersWith({
        'patient.dateOfBirth': BORN_15,
        'consent.signerRelationship': relationship
      })
      const issues = issuesOf(validateAnswers(answers, { mode: 'submit', asOf: AS_OF }))
      expect(issues.map((found) => [found.itemId, found.code])).toEqual([
        ['consent.signerRelationship', 'required']
      ])
      expect(issues[0]?.message).toContain('consent.signerRelationship')
      expect(validateAnswers(answers, { mode: 'draft', asOf: AS_OF }).ok).toBe(true)
    }
  )

  it.each(['parent-or-guardian', 'representative'])(
    'under 16, accepts %s as the signer',
    (relationship) => {
      const answers = answersWith({
        'patient.dateOfBirth': BORN_15,
        'consent.signerRelationship': relationship
      })
      expect(validateAnswers(answers, { mode: 'submit', asOf: AS_OF })).toEqual({
        ok: true,
        answers
      })
    }
  )

  it('does not require a parent or guardian from 16', () => {
    for (const relationship of [undefined, 'self']) {
      const answers = answersWith({
        'patient.dateOfBirth': BORN_16,
        'consent.signerRelationship': relationship
      })
      expect(validateAnswers(answers, { mode: 'submit', asOf: AS_OF }).ok).toBe(true)
    }
  })

  it('refuses an unknown signer relationship code', () => {
    expectIssue(
      { 'consent.signerRelationship': 'friend' },
      'consent.signerRelationship',
      'unknown-code'
    )
  })

  it('requires rf.darkUrine in submit mode (a version 1 record lacks it)', () => {
    const result = validateAnswers(answersWith({ 'rf.darkUrine': undefined }), {
      mode: 'submit',
      asOf: AS_OF
    })
    expect(issuesOf(result).map((found) => [found.itemId, found.code])).toEqual([
      ['rf.darkUrine', 'required']
    ])
  })
})

describe('validateAnswers: version 2 codes', () => {
  it('accepts "not-applicable" for rf.sexualDysfunction, in draft and submit mode', () => {
    expect(
      validateAnswers({ 'rf.sexualDysfunction': 'not-applicable' }, { mode: 'draft' })
    ).toEqual({ ok: true, answers: { 'rf.sexualDysfunction': 'not-applicable' } })
    expect(
      validateAnswers(answersWith({ 'rf.sexualDysfunction': 'not-applicable' }), {
        mode: 'submit',
        asOf: AS_OF
      }).ok
    ).toBe(true)
  })

  it.each(
    CATALOGUE.filter((entry) => entry.type === 'ynu' && entry.id !== 'rf.sexualDysfunction').map(
      (entry) => entry.id
    )
  )('refuses "not-applicable" for %s as an unknown code', (itemId) => {
    expectIssue({ [itemId]: 'not-applicable' }, itemId, 'unknown-code')
  })

  it.each(['yes', 'no', 'unsure'])(
    'accepts rf.darkUrine and history.anticoagulants = %s',
    (answer) => {
      const input = { 'rf.darkUrine': answer, 'history.anticoagulants': answer }
      expect(validateAnswers(input, { mode: 'draft' })).toEqual({ ok: true, answers: input })
    }
  )

  it('refuses an unknown history.anticoagulants answer', () => {
    expectIssue({ 'history.anticoagulants': 'warfarin' }, 'history.anticoagulants', 'unknown-code')
  })

  it('accepts enthesitis among history.conditions', () => {
    const input = { 'history.conditions': ['psoriasis', 'enthesitis', 'inflammatory-arthritis'] }
    expect(validateAnswers(input, { mode: 'draft' })).toEqual({ ok: true, answers: input })
  })
})
