/**
 * The visits chart and table of the PDF summary, read as data: visits drawn
 * in date order whatever order they come in, one line per score with its own
 * dashes and marker (never colour alone) and a key, a gap where a score is
 * missing, the visit of the summary marked, and an SVG of numbers only (its
 * words are text nodes placed over it).
 */
import { describe, expect, it } from 'vitest'
import {
  VISIT_SERIES_LABELS,
  VISIT_SERIES_STYLES,
  VISIT_TABLE_HEAD,
  visitRows,
  visitsChartSvg,
  type VisitsChartOptions
} from '../../../../../electron/main/services/pdf/visitsChart'
import { VISIT_SERIES, type PatientVisit } from '../../../../../src/domain'
import { VISIT_IDS, threeVisits } from './summaryFixtures'

const OPTIONS: VisitsChartOptions = {
  currentIntakeId: VISIT_IDS.third,
  dayOf: (iso) => iso.slice(0, 10),
  width: 515
}

/** Every `<tag .../>` or `<tag ...>` of the SVG with its attributes. */
function elements(svg: string, tag: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]])
    )
  )
}

/** The x of each point of a path's `M`/`L` commands, run by run. */
function runs(d: string): Array<Array<{ x: number; y: number }>> {
  return d
    .split('M')
    .filter((part) => part !== '')
    .map((part) =>
      part.split('L').map((point) => {
        const [x, y] = point.trim().split(' ').map(Number)
        return { x: x ?? NaN, y: y ?? NaN }
      })
    )
}

/** The data lines (not the key's samples): paths with no fill and more than one point. */
function dataLines(svg: string): Array<Record<string, string>> {
  return elements(svg, 'path').filter(
    (path) => path.fill === 'none' && (path.d ?? '').includes('L') && !(path.d ?? '').includes('H')
  )
}

describe('visitsChartSvg', () => {
  it('draws the visits oldest first, each labelled with its day and kind, this one marked', () => {
    const chart = visitsChartSvg([...threeVisits()].reverse(), OPTIONS)
    expect(chart.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(chart.width).toBe(515)
    expect(chart.height).toBeGreaterThan(100)
    const labels = chart.labels.map((label) => label.text)
    const days = labels.filter((text) => /^\d{4}-\d{2}-\d{2}$/.test(text))
    expect(days).toEqual(['2026-11-20', '2026-11-27', '2026-12-04'])
    expect(labels.filter((text) => text === 'First intake')).toHaveLength(1)
    expect(labels.filter((text) => text === 'Follow-up')).toHaveLength(2)
    expect(labels.filter((text) => text === 'This summary')).toHaveLength(1)
    // The y axis runs 0..10 in steps of 2.
    expect(labels.filter((text) => /^\d+$/.test(text))).toEqual(['0', '2', '4', '6', '8', '10'])
    // Each visit's labels are centred under it, in date order left to right.
    const dayLabels = chart.labels.filter((label) => /^\d{4}-\d{2}-\d{2}$/.test(label.text))
    const centres = dayLabels.map((label) => label.x + label.width / 2)
    expect([...centres].sort((a, b) => a - b)).toEqual(centres)
    // The visit of the summary: bold labels, and one shaded band behind it at its x.
    const bold = chart.labels.filter((label) => label.bold)
    expect(bold.map((label) => label.text)).toEqual(['2026-12-04', 'Follow-up', 'This summary'])
    const band = elements(chart.svg, 'rect')
    expect(band).toHaveLength(1)
    const bandCentre = Number(band[0]?.x) + Number(band[0]?.width) / 2
    expect(Math.abs(bandCentre - (centres[2] ?? 0))).toBeLessThan(0.2)
    // Every word stays inside the drawing.
    for (const label of chart.labels) {
      expect(label.x).toBeGreaterThanOrEqual(0)
      expect(label.x + label.width).toBeLessThanOrEqual(chart.width)
      expect(label.y).toBeGreaterThanOrEqual(0)
      expect(label.y + label.fontSize).toBeLessThanOrEqual(chart.height)
    }
  })

  it('has a key naming every score, STarT Back with its 0–9 range, each with its own line and marker', () => {
    const { svg, labels: placed } = visitsChartSvg(threeVisits(), OPTIONS)
    const labels = placed.map((label) => label.text)
    for (const name of ['Pain now', 'Worst pain', 'PEG', 'STarT Back total (0–9)'])
      expect(labels).toContain(name)
    const dashes = VISIT_SERIES.map((entry) => VISIT_SERIES_STYLES[entry.key].dash)
    expect(new Set(dashes).size).toBe(VISIT_SERIES.length)
    const markers = VISIT_SERIES.map(
      (entry) => `${VISIT_SERIES_STYLES[entry.key].marker}-${VISIT_SERIES_STYLES[entry.key].filled}`
    )
    expect(new Set(markers).size).toBe(VISIT_SERIES.length)
    // Printed in black and white: the only colours are black, white and greys.
    for (const colour of svg.match(/#[0-9a-f]{6}/gi) ?? []) {
      const [r, g, b] = [1, 3, 5].map((at) => colour.slice(at, at + 2))
      expect(r === g && g === b).toBe(true)
    }
  })

  it('puts each value at its height on the 0..10 axis and leaves a gap where one is missing', () => {
    const { svg } = visitsChartSvg(threeVisits(), OPTIONS)
    const lines = dataLines(svg)
    const solid = lines.filter((line) => line['stroke-dasharray'] === undefined)
    expect(solid).toHaveLength(1)
    // Pain now 3 → 6 → 1: one run of three points, the middle one highest on the page (smallest y).
    const painNow = runs(solid[0]?.d ?? '')
    expect(painNow).toHaveLength(1)
    const [first, second, third] = painNow[0] ?? []
    expect(second && first && second.y < first.y).toBe(true)
    expect(third && first && third.y > first.y).toBe(true)
    const zero = Number(elements(svg, 'line')[0]?.y1)
    const ten = Number(elements(svg, 'line').at(-1)?.y1)
    const perPoint = (zero - ten) / 10
    expect(first && (zero - first.y) / perPoint).toBeCloseTo(3, 1)
    expect(second && (zero - second.y) / perPoint).toBeCloseTo(6, 1)
    // Worst pain was not given at the second visit: no line crosses it, so nothing at all is drawn
    // between 5 and 2 (each end alone), and the key's sample is the only dashed "6 3" path.
    const worst = lines.filter(
      (line) => line['stroke-dasharray'] === VISIT_SERIES_STYLES.painWorst.dash
    )
    expect(worst).toHaveLength(0)
  })

  it('breaks a line into runs around a missing value and joins the values either side of none', () => {
    const visits: PatientVisit[] = threeVisits()
    const four: PatientVisit[] = [
      ...visits,
      { ...visits[2]!, intakeId: 'fourth', submittedAt: '2026-12-11T09:00:00.000Z', painWorst: 4 }
    ]
    const { svg } = visitsChartSvg(four, OPTIONS)
    const worst = dataLines(svg).filter(
      (line) => line['stroke-dasharray'] === VISIT_SERIES_STYLES.painWorst.dash
    )
    expect(worst).toHaveLength(1)
    // Visits 3 and 4 joined; visit 1 stands alone (its marker only).
    expect(runs(worst[0]?.d ?? '').map((run) => run.length)).toEqual([2])
  })

  it('draws numbers only: a damaged instant is a label (a text node), never part of the SVG', () => {
    const visits = threeVisits()
    const hostile = visits.map((visit, index) =>
      index === 0 ? { ...visit, submittedAt: '<script>alert(1)</script>' } : visit
    )
    const chart = visitsChartSvg(hostile, { ...OPTIONS, dayOf: (iso) => iso })
    expect(chart.svg).not.toContain('script')
    expect(chart.svg).not.toContain('<text')
    expect(chart.svg).not.toMatch(/NaN|Infinity|undefined/)
    expect(chart.labels.map((label) => label.text)).toContain('<script>alert(1)</script>')
  })

  it('draws a single visit in the middle without a line', () => {
    const [only] = threeVisits()
    const chart = visitsChartSvg([only!], { ...OPTIONS, currentIntakeId: VISIT_IDS.first })
    expect(dataLines(chart.svg)).toHaveLength(0)
    expect(chart.labels.map((label) => label.text)).toContain('This summary')
  })
})

describe('visitRows', () => {
  it('gives the table the same numbers, oldest first, with the change since the last visit', () => {
    const rows = visitRows([...threeVisits()].reverse(), OPTIONS)
    expect(
      rows.map((row) => [
        row.day,
        row.kind,
        row.painNow,
        row.painWorst,
        row.peg,
        row.startBack,
        row.change,
        row.current
      ])
    ).toEqual([
      ['2026-11-20', 'First intake', '3', '5', '2.7', '0 of 9, low risk', '–', false],
      ['2026-11-27', 'Follow-up', '6', '–', '5.3', '4 of 9, medium risk', 'A little worse', false],
      ['2026-12-04', 'Follow-up', '1', '2', '1.3', '0 of 9, low risk', 'Much better', true]
    ])
    // A heading for each printed cell, the scores named as the chart's key names them.
    expect(VISIT_TABLE_HEAD).toHaveLength(7)
    for (const key of ['painNow', 'painWorst', 'peg'] as const)
      expect(VISIT_TABLE_HEAD).toContain(VISIT_SERIES_LABELS[key])
  })
})
