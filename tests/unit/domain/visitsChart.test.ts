/**
 * The visits chart's geometry, shared by the record screen and the PDF:
 * visits oldest first and spread between the frame's edges (one alone in the
 * middle), every value at its height on the 0..10 axis, a line broken where
 * a score is missing, the shaded band's width, and the paths of the lines
 * and markers.
 */
import { describe, expect, it } from 'vitest'
import {
  VISIT_SERIES,
  currentVisitHalfWidth,
  markerPath,
  pathThrough,
  visitSeriesStyles,
  visitsChartGeometry,
  type MarkerSize,
  type PatientVisit,
  type VisitsChartFrame
} from '../../../src/domain'

const FRAME: VisitsChartFrame = { width: 640, left: 34, right: 14, top: 10, bottom: 190, edge: 48 }
const MARKER: MarkerSize = {
  radius: 4,
  triangleTip: 1,
  triangleBase: 0.5,
  triangleSide: 0.5,
  diamond: 1.5
}

function visit(
  intakeId: string,
  day: string,
  scores: Partial<Pick<PatientVisit, 'painNow' | 'painWorst' | 'peg' | 'startBackTotal'>> = {}
): PatientVisit {
  return {
    intakeId,
    kind: intakeId === 'first' ? 'initial' : 'follow-up',
    submittedAt: `${day}T09:00:00.000Z`,
    concern: 'none',
    painNow: 3,
    painWorst: 5,
    peg: 2.7,
    startBackTotal: 4,
    startBackRisk: 'medium',
    change: null,
    ...scores
  }
}

const VISITS = [
  visit('third', '2026-12-04', { painNow: 1 }),
  visit('first', '2026-11-20'),
  visit('second', '2026-11-27', { painNow: 6, painWorst: null })
]

describe('visitsChartGeometry', () => {
  it('puts the visits oldest first, spread evenly from edge to edge of the plot', () => {
    const chart = visitsChartGeometry(VISITS, FRAME)
    expect(chart.visits.map((entry) => entry.intakeId)).toEqual(['first', 'second', 'third'])
    expect(chart.step).toBe((640 - 34 - 14 - 2 * 48) / 2)
    expect(chart.xs).toEqual([34 + 48, 34 + 48 + chart.step, 640 - 14 - 48])
    // The visits passed in are left as they came.
    expect(VISITS.map((entry) => entry.intakeId)).toEqual(['third', 'first', 'second'])
  })

  it('puts a single visit in the middle of the plot, with no room between visits', () => {
    const chart = visitsChartGeometry([visit('first', '2026-11-20')], FRAME)
    expect(chart.step).toBe(0)
    expect(chart.xs).toEqual([(34 + 640 - 14) / 2])
    for (const series of chart.series) {
      expect(series.points).toHaveLength(1)
      expect(series.runs).toEqual([])
    }
  })

  it('draws 0..10 from the bottom to the top of the plot, a value beyond it at its end', () => {
    const { yAt } = visitsChartGeometry(VISITS, FRAME)
    expect(yAt(0)).toBe(190)
    expect(yAt(10)).toBe(10)
    expect(yAt(5)).toBe(100)
    expect(yAt(-3)).toBe(190)
    expect(yAt(14)).toBe(10)
  })

  it('gives every score its points and breaks its line where a visit has none', () => {
    const chart = visitsChartGeometry(VISITS, FRAME)
    expect(chart.series.map((series) => series.key)).toEqual(VISIT_SERIES.map((s) => s.key))
    const byKey = Object.fromEntries(chart.series.map((series) => [series.key, series]))
    const painNow = byKey.painNow
    expect(painNow?.points.map((point) => point.value)).toEqual([3, 6, 1])
    expect(painNow?.points.map((point) => point.x)).toEqual(chart.xs)
    expect(painNow?.points.map((point) => point.y)).toEqual([3, 6, 1].map(chart.yAt))
    expect(painNow?.runs.map((run) => run.length)).toEqual([3])
    // Worst pain missing at the middle visit: two points, each alone, so no line at all.
    const worst = byKey.painWorst
    expect(worst?.points.map((point) => point.intakeId)).toEqual(['first', 'third'])
    expect(worst?.runs).toEqual([])
  })

  it('joins the values either side of none and skips a value that is not a number', () => {
    const four = [...VISITS, visit('fourth', '2026-12-11', { painWorst: 4, peg: Number.NaN })]
    const chart = visitsChartGeometry(four, FRAME)
    const worst = chart.series.find((series) => series.key === 'painWorst')
    expect(worst?.runs.map((run) => run.map((point) => point.intakeId))).toEqual([
      ['third', 'fourth']
    ])
    const peg = chart.series.find((series) => series.key === 'peg')
    expect(peg?.points.map((point) => point.intakeId)).toEqual(['first', 'second', 'third'])
  })
})

describe('currentVisitHalfWidth', () => {
  it('is half the room between visits, at most the maximum, less the inset', () => {
    expect(currentVisitHalfWidth(50, 40)).toBe(25)
    expect(currentVisitHalfWidth(120, 40)).toBe(40)
    expect(currentVisitHalfWidth(0, 40)).toBe(40)
    expect(currentVisitHalfWidth(50, 36, 2)).toBe(23)
    expect(currentVisitHalfWidth(0, 36, 2)).toBe(34)
  })
})

describe('paths', () => {
  it('writes a line through points as M then L, each coordinate formatted', () => {
    const points = [
      { x: 1.26, y: 2 },
      { x: 3, y: 4.04 }
    ]
    expect(pathThrough(points)).toBe('M1.26 2L3 4.04')
    expect(pathThrough(points, (value) => value.toFixed(1))).toBe('M1.3 2.0L3.0 4.0')
  })

  it('centres each marker on its point, the triangle and diamond reaching beyond the radius', () => {
    expect(markerPath('circle', 10, 20, MARKER)).toBe('M6 20A4 4 0 1 0 14 20A4 4 0 1 0 6 20Z')
    expect(markerPath('square', 10, 20, MARKER)).toBe('M6 16H14V24H6Z')
    expect(markerPath('triangle', 10, 20, MARKER)).toBe('M10 15L14.5 23.5L5.5 23.5Z')
    expect(markerPath('diamond', 10, 20, MARKER)).toBe('M10 14.5L15.5 20L10 25.5L4.5 20Z')
  })

  it('gives every score its own marker, with the dashes the medium chose', () => {
    const styles = visitSeriesStyles({ painNow: '', painWorst: '1', peg: '2', startBackTotal: '3' })
    const markers = VISIT_SERIES.map(({ key }) => `${styles[key].marker}-${styles[key].filled}`)
    expect(new Set(markers).size).toBe(VISIT_SERIES.length)
    expect(VISIT_SERIES.map(({ key }) => styles[key].dash)).toEqual(['', '1', '2', '3'])
  })
})
