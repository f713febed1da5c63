import { describe, expect, it } from 'vitest'
import {
  EMPTY_CLINIC_DETAILS,
  isClinicDetailsEmpty,
  validateClinicDetails,
  type ClinicDetailsValidation,
  type ValidationIssue
} from '../../../src/domain'

const VALID = {
  name: 'Riverside Physiotherapy',
  address: '12 Mill Lane\nRiverside RV1 2AB',
  phone: '+44 (0)20 7946-0000'
} as const

function detailsOf(result: ClinicDetailsValidation) {
  if (!result.ok) throw new Error(`expected valid details, got ${JSON.stringify(result.issues)}`)
  return result.details
}

function issuesOf(result: ClinicDetailsValidation): readonly ValidationIssue[] {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.details)}`)
  return result.issues
}

describe('validateClinicDetails', () => {
  it('accepts a name, a multi-line address and a phone number', () => {
    expect(detailsOf(validateClinicDetails(VALID))).toEqual(VALID)
  })

  it('accepts all three empty (clearing the details) and any one left empty', () => {
    expect(detailsOf(validateClinicDetails({ name: '', address: '', phone: '' }))).toEqual(
      EMPTY_CLINIC_DETAILS
    )
    expect(detailsOf(validateClinicDetails({ ...VALID, address: '' }))).toEqual({
      ...VALID,
      address: ''
    })
    expect(
      detailsOf(validateClinicDetails({ name: '', address: '', phone: '020 7946 0000' }))
    ).toEqual({ name: '', address: '', phone: '020 7946 0000' })
  })

  it('trims every field and turns white space alone into "not set"', () => {
    const details = detailsOf(
      validateClinicDetails({ name: '  Riverside  ', address: ' \n ', phone: '\t 020 7946 0000 ' })
    )
    expect(details).toEqual({ name: 'Riverside', address: '', phone: '020 7946 0000' })
  })

  it('keeps name and phone on one line, collapsing runs of white space', () => {
    const details = detailsOf(
      validateClinicDetails({ ...VALID, name: 'Riverside\n  Physio', phone: '020\t7946  0000' })
    )
    expect(details.name).toBe('Riverside Physio')
    expect(details.phone).toBe('020 7946 0000')
  })

  it('keeps the address lines, with Windows and old Mac line breaks made \\n', () => {
    const details = detailsOf(
      validateClinicDetails({
        ...VALID,
        address: '\n12 Mill Lane   \r\nRiverside\rRV1 2AB\n\n\n\nUnited Kingdom\n'
      })
    )
    expect(details.address).toBe('12 Mill Lane\nRiverside\nRV1 2AB\n\nUnited Kingdom')
  })

  it('normalises to NFC, so the same name typed two ways is stored the same', () => {
    const decomposed = 'Clínica San José'.normalize('NFD')
    expect(decomposed).not.toBe('Clínica San José')
    const details = detailsOf(validateClinicDetails({ ...VALID, name: decomposed }))
    expect(details.name).toBe('Clínica San José')
    expect(details.name).toBe(details.name.normalize('NFC'))
  })

  it('allows a name of 120 characters and refuses 121, naming the field', () => {
    expect(detailsOf(validateClinicDetails({ ...VALID, name: 'n'.repeat(120) })).name).toHaveLength(
      120
    )
    expect(issuesOf(validateClinicDetails({ ...VALID, name: 'n'.repeat(121) }))).toEqual([
      {
        itemId: 'name',
        code: 'too-long',
        message: 'The clinic name can be at most 120 characters long (it has 121).'
      }
    ])
  })

  it('counts characters as people do: 120 Chinese characters outside the BMP fit', () => {
    // U+20BB7 is one character but two UTF-16 units.
    const name = '𠮷'.repeat(120)
    expect(name.length).toBe(240)
    expect(detailsOf(validateClinicDetails({ ...VALID, name })).name).toBe(name)
  })

  it('allows an address of 300 characters and refuses 301', () => {
    const lines = `${'a'.repeat(149)}\n${'b'.repeat(150)}`
    expect(lines).toHaveLength(300)
    expect(detailsOf(validateClinicDetails({ ...VALID, address: lines })).address).toBe(lines)
    expect(issuesOf(validateClinicDetails({ ...VALID, address: `${lines}c` }))).toEqual([
      expect.objectContaining({ itemId: 'address', code: 'too-long' })
    ])
  })

  it.each([
    ['020 7946 0000'],
    ['+44 20 7946 0000'],
    ['(02) 9876-5432'],
    ['555.123.4567'],
    ['123456'],
    ['+1 (555) 010-0199']
  ])('accepts the phone number %s', (phone) => {
    expect(detailsOf(validateClinicDetails({ ...VALID, phone })).phone).toBe(phone)
  })

  it.each([
    ['letters', '020 7946 CALL'],
    ['an extension word', '020 7946 0000 ext 12'],
    ['a slash', '020/7946 0000'],
    ['a hash', '#020 7946 0000'],
    ['full-width digits', '０２０ ７９４６ ００００']
  ])('refuses a phone number with %s, saying which characters are allowed', (_, phone) => {
    expect(issuesOf(validateClinicDetails({ ...VALID, phone }))).toEqual([
      {
        itemId: 'phone',
        code: 'wrong-type',
        message:
          'The clinic phone number may contain only digits, spaces and the characters + - ( ) .'
      }
    ])
  })

  it('needs at least 6 digits in a phone number, whatever else it holds', () => {
    expect(detailsOf(validateClinicDetails({ ...VALID, phone: '12 34 56' })).phone).toBe('12 34 56')
    for (const phone of ['12345', '+(1) 2-3.4 5', '---', '+']) {
      expect(issuesOf(validateClinicDetails({ ...VALID, phone }))).toEqual([
        {
          itemId: 'phone',
          code: 'out-of-range',
          message: 'The clinic phone number needs at least 6 digits.'
        }
      ])
    }
  })

  it('allows a phone number of 30 characters and refuses 31', () => {
    const thirty = '1234567890 1234567890 12345678'
    expect(thirty).toHaveLength(30)
    expect(detailsOf(validateClinicDetails({ ...VALID, phone: thirty })).phone).toBe(thirty)
    expect(issuesOf(validateClinicDetails({ ...VALID, phone: `${thirty}9` }))).toEqual([
      expect.objectContaining({ itemId: 'phone', code: 'too-long' })
    ])
  })

  it('measures the limits after trimming', () => {
    expect(
      detailsOf(validateClinicDetails({ ...VALID, name: `   ${'n'.repeat(120)}   ` })).name
    ).toHaveLength(120)
  })

  it('refuses control characters that cannot be shown', () => {
    expect(issuesOf(validateClinicDetails({ ...VALID, name: 'Riverside\u0000' }))).toEqual([
      expect.objectContaining({ itemId: 'name', code: 'wrong-type' })
    ])
    expect(issuesOf(validateClinicDetails({ ...VALID, address: '12 Mill Lane\u0007' }))).toEqual([
      expect.objectContaining({ itemId: 'address', code: 'wrong-type' })
    ])
  })

  it('reports every field at fault, each under its own name', () => {
    const issues = issuesOf(
      validateClinicDetails({ name: 'n'.repeat(200), address: 42, phone: 'call us' })
    )
    expect(issues.map(({ itemId, code }) => ({ itemId, code }))).toEqual([
      { itemId: 'name', code: 'too-long' },
      { itemId: 'address', code: 'wrong-type' },
      { itemId: 'phone', code: 'wrong-type' }
    ])
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true)
  })

  it('refuses a missing field rather than clearing it silently', () => {
    expect(issuesOf(validateClinicDetails({ phone: '020 7946 0000' }))).toEqual([
      expect.objectContaining({ itemId: 'name', code: 'required' }),
      expect.objectContaining({ itemId: 'address', code: 'required' })
    ])
  })

  it('refuses a field that is not text, and an unknown field', () => {
    expect(issuesOf(validateClinicDetails({ ...VALID, phone: 2079460000 }))).toEqual([
      {
        itemId: 'phone',
        code: 'wrong-type',
        message: 'The clinic phone number must be text.'
      }
    ])
    expect(issuesOf(validateClinicDetails({ ...VALID, email: 'desk@example.org' }))).toEqual([
      expect.objectContaining({ itemId: 'email', code: 'unknown-item' })
    ])
  })

  it.each([[null], [undefined], ['Riverside'], [[VALID.name, VALID.address, VALID.phone]], [7]])(
    'refuses %j as not an object',
    (input) => {
      expect(issuesOf(validateClinicDetails(input))).toEqual([
        expect.objectContaining({ itemId: '', code: 'not-an-object' })
      ])
    }
  )

  it('returns a new object and leaves the input alone', () => {
    const input = { name: ' Riverside ', address: '', phone: '' }
    const details = detailsOf(validateClinicDetails(input))
    expect(details).not.toBe(input)
    expect(input.name).toBe(' Riverside ')
  })
})

describe('isClinicDetailsEmpty', () => {
  it('is true only when no field is set', () => {
    expect(isClinicDetailsEmpty(EMPTY_CLINIC_DETAILS)).toBe(true)
    expect(isClinicDetailsEmpty({ ...EMPTY_CLINIC_DETAILS, phone: '020 7946 0000' })).toBe(false)
    expect(isClinicDetailsEmpty({ ...EMPTY_CLINIC_DETAILS, name: 'Riverside' })).toBe(false)
  })
})
