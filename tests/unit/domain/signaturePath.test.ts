import { describe, expect, it } from 'vitest'
import { pointGroupsToSvgPath, svgPathToStrokes } from '../../../src/domain/signaturePath'

const group = (...pts: Array<[number, number]>) => ({ points: pts.map(([x, y]) => ({ x, y })) })

describe('pointGroupsToSvgPath', () => {
  it('writes one M…L… run per stroke', () => {
    expect(pointGroupsToSvgPath([group([1, 2], [3, 4], [5, 6]), group([10, 20], [30, 40])])).toBe(
      'M1 2L3 4L5 6M10 20L30 40'
    )
  })

  it('rounds coordinates to integers, half away from zero for positives', () => {
    expect(pointGroupsToSvgPath([group([10.4, 10.5], [0.49, 99.51])])).toBe('M10 11L0 100')
  })

  it('never prints -0 and keeps real negatives', () => {
    expect(pointGroupsToSvgPath([group([-0.3, 4], [-2.6, -0.4])])).toBe('M0 4L-3 0')
  })

  it('drops points that round onto the previous one, keeps a dot as a bare M', () => {
    expect(pointGroupsToSvgPath([group([5.1, 5.2], [4.9, 5.4], [6, 5]), group([7.2, 8.3])])).toBe(
      'M5 5L6 5M7 8'
    )
  })

  it('returns an empty string for nothing drawn and skips empty or non-finite points', () => {
    expect(pointGroupsToSvgPath([])).toBe('')
    expect(pointGroupsToSvgPath([group()])).toBe('')
    expect(pointGroupsToSvgPath([group([Number.NaN, 1], [2, 3])])).toBe('M2 3')
  })
})

describe('svgPathToStrokes', () => {
  it('round-trips: path -> strokes -> path is stable and strokes equal the rounded input', () => {
    const input = [
      group([12.2, 40.7], [15.5, 38.1], [19.9, 35]),
      group([300.49, 120.5]),
      group([60, 42], [61, 44], [61.2, 44.4], [70, 50])
    ]
    const path = pointGroupsToSvgPath(input)
    const strokes = svgPathToStrokes(path)
    expect(strokes).toEqual([
      [
        { x: 12, y: 41 },
        { x: 16, y: 38 },
        { x: 20, y: 35 }
      ],
      [{ x: 300, y: 121 }],
      [
        { x: 60, y: 42 },
        { x: 61, y: 44 },
        { x: 70, y: 50 }
      ]
    ])
    expect(pointGroupsToSvgPath(strokes.map((points) => ({ points })))).toBe(path)
  })

  it('accepts spaces, commas, implicit L and relative commands', () => {
    expect(svgPathToStrokes(' M 1,2 L 3 4 5 6 m 10 10 l 1 1 ')).toEqual([
      [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
        { x: 5, y: 6 }
      ],
      [
        { x: 15, y: 16 },
        { x: 16, y: 17 }
      ]
    ])
  })

  it('returns no strokes for empty input and stops at what it does not understand', () => {
    expect(svgPathToStrokes(undefined)).toEqual([])
    expect(svgPathToStrokes('')).toEqual([])
    expect(svgPathToStrokes('hello')).toEqual([])
    expect(svgPathToStrokes('M1 2L3 4C5 6 7 8 9 10')).toEqual([
      [
        { x: 1, y: 2 },
        { x: 3, y: 4 }
      ]
    ])
    expect(svgPathToStrokes('1 2 L3 4')).toEqual([])
  })
})
