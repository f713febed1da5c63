import { describe, expect, it } from 'vitest'
import {
  dateOrder,
  digitsFor,
  parseWholeDate,
  partsOf,
  readParts
} from '../../../../../src/components/fields/dateParts'

describe('dateOrder', () => {
  it('puts the day first in English and Spanish, the year first in Chinese', () => {
    expect(dateOrder('en')).toEqual(['day', 'month', 'year'])
    expect(dateOrder('es')).toEqual(['day', 'month', 'year'])
    expect(dateOrder('zh')).toEqual(['year', 'month', 'day'])
    expect(dateOrder('zh-Hans')).toEqual(['year', 'month', 'day'])
  })
})

describe('parseWholeDate', () => {
  const APRIL_23 = { day: '23', month: '04', year: '1990' }

  it.each(['1990-04-23', '23/04/1990', '23.04.1990', '23 04 1990', '23-04-1990', ' 23/04/1990 '])(
    'reads %j as 23 April 1990',
    (text) => {
      expect(parseWholeDate(text)).toEqual(APRIL_23)
    }
  )

  it.each([
    '1990年4月23日',
    '1990/4/23',
    '1990 年 4 月 23 日',
    '１９９０年４月２３日',
    '1990年04月23日'
  ])('reads the year-first %j', (text) => {
    const parts = parseWholeDate(text)
    expect(parts && Number(parts.day)).toBe(23)
    expect(parts && Number(parts.month)).toBe(4)
    expect(parts?.year).toBe('1990')
  })

  it.each(['1990', '23', '23/04', '04/23/90', 'yesterday', '1990-04-23T00:00', '123/04/1990', ''])(
    'leaves %j to the box it was pasted into',
    (text) => {
      expect(parseWholeDate(text)).toBeNull()
    }
  )
})

describe('digitsFor', () => {
  it('keeps digits only, up to the size of the box, full-width digits included', () => {
    expect(digitsFor('day', '2a3')).toBe('23')
    expect(digitsFor('day', '123')).toBe('12')
    expect(digitsFor('year', '１９９０')).toBe('1990')
    expect(digitsFor('month', '4/')).toBe('4')
  })
})

describe('partsOf', () => {
  it('splits a stored date and gives empty boxes for anything else', () => {
    expect(partsOf('1990-04-03')).toEqual({ year: '1990', month: '04', day: '03' })
    expect(partsOf(undefined)).toEqual({ year: '', month: '', day: '' })
    expect(partsOf('03/04/1990')).toEqual({ year: '', month: '', day: '' })
  })
})

describe('readParts', () => {
  it('reads a real date into its stored form, single digits padded', () => {
    expect(readParts({ day: '3', month: '4', year: '1990' })).toEqual({
      kind: 'date',
      iso: '1990-04-03'
    })
    expect(readParts({ day: '29', month: '02', year: '2024' })).toEqual({
      kind: 'date',
      iso: '2024-02-29'
    })
  })

  it('says which boxes are empty, and nothing about three empty boxes', () => {
    expect(readParts({ day: '', month: '', year: '' })).toEqual({ kind: 'empty' })
    expect(readParts({ day: '23', month: '4', year: '' })).toEqual({
      kind: 'incomplete',
      missing: ['year']
    })
    expect(readParts({ day: '', month: '4', year: '' })).toEqual({
      kind: 'incomplete',
      missing: ['day', 'year']
    })
  })

  it('asks for four digits of year rather than guessing the century', () => {
    expect(readParts({ day: '23', month: '4', year: '90' })).toEqual({ kind: 'year-digits' })
  })

  it('names a month that does not exist', () => {
    expect(readParts({ day: '1', month: '13', year: '1990' })).toEqual({
      kind: 'month-range',
      month: '13'
    })
    expect(readParts({ day: '1', month: '00', year: '1990' })).toEqual({
      kind: 'month-range',
      month: '0'
    })
  })

  it('gives the length of the month for a day it does not have (31 April, 29 February 2025)', () => {
    expect(readParts({ day: '31', month: '04', year: '1990' })).toEqual({
      kind: 'day-range',
      days: 30
    })
    expect(readParts({ day: '29', month: '2', year: '2025' })).toEqual({
      kind: 'day-range',
      days: 28
    })
    expect(readParts({ day: '0', month: '5', year: '1990' })).toEqual({
      kind: 'day-range',
      days: 31
    })
  })

  it('refuses year 0000, which is nobody’s date', () => {
    expect(readParts({ day: '1', month: '1', year: '0000' })).toEqual({ kind: 'not-real' })
  })
})
