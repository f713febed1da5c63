/**
 * The geometry of the visits chart, shared by the record screen's SVG and the
 * PDF summary's drawing: visits oldest first along x, every score on one
 * 0..10 axis (the STarT Back total's 0..9 drawn on it unchanged), one line
 * per score broken where a visit has no value, and the marker drawn at each
 * value. Each medium keeps its own frame, sizes, dashes and words; where the
 * points go, and which of them a line joins, is worked out here once.
 */
import { VISIT_SERIES, type PatientVisit, type VisitSeriesKey } from './followUp'

/** The marker of a score's points: a shape, so the chart reads without colour. */
export type VisitMarker = 'circle' | 'square' | 'triangle' | 'diamond'

/** How a score is drawn: line dashes (empty for solid) and a marker, filled or hollow. */
export interface VisitSeriesStyle {
  readonly dash: string
  readonly marker: VisitMarker
  readonly filled: boolean
}

/** Each score's marker, the same on screen and in print. */
const SERIES_MARKERS: Readonly<Record<VisitSeriesKey, Omit<VisitSeriesStyle, 'dash'>>> = {
  painNow: { marker: 'circle', filled: true },
  painWorst: { marker: 'square', filled: false },
  peg: { marker: 'triangle', filled: true },
  startBackTotal: { marker: 'diamond', filled: false }
}

/**
 * Each score's style: its marker, with the dashes a medium draws it with
 * (each scales the same pattern to its own line width).
 *
 * @param dashes an SVG `stroke-dasharray` per score, `''` for a solid line
 */
export function visitSeriesStyles(
  dashes: Readonly<Record<VisitSeriesKey, string>>
): Readonly<Record<VisitSeriesKey, VisitSeriesStyle>> {
  const style = (key: VisitSeriesKey): VisitSeriesStyle => ({
    dash: dashes[key],
    ...SERIES_MARKERS[key]
  })
  return {
    painNow: style('painNow'),
    painWorst: style('painWorst'),
    peg: style('peg'),
    startBackTotal: style('startBackTotal')
  }
}

/** The top of the y axis: the pain scores' 10. */
export const VISITS_CHART_Y_MAX = 10
/** The y axis's grid lines and numbers. */
export const VISITS_CHART_TICKS: readonly number[] = [0, 2, 4, 6, 8, 10]

/** Where the plot sits in a drawing, in the drawing's own units from its top left. */
export interface VisitsChartFrame {
  readonly width: number
  /** Room left of the plot (for the axis numbers) and right of it. */
  readonly left: number
  readonly right: number
  /** The y of the axis's 10 and of its 0. */
  readonly top: number
  readonly bottom: number
  /** Room kept inside each end of the x axis so the first and last visits' labels fit. */
  readonly edge: number
}

export interface ChartPoint {
  readonly x: number
  readonly y: number
}

/** A visit's value of one score, where its marker goes. */
export interface VisitPoint extends ChartPoint {
  readonly intakeId: string
  readonly value: number
}

export interface VisitsChartSeries {
  readonly key: VisitSeriesKey
  /** One point per visit that has a value, in visit order. */
  readonly points: readonly VisitPoint[]
  /** The line: runs of two or more consecutive visits with a value (a missing one breaks it). */
  readonly runs: ReadonlyArray<readonly VisitPoint[]>
}

export interface VisitsChartGeometry {
  /** The visits, oldest first. */
  readonly visits: readonly PatientVisit[]
  /** Room between two visits along x; 0 when there is one visit or none. */
  readonly step: number
  /** The x of each visit, in the order of `visits`. */
  readonly xs: readonly number[]
  /** The y of a value on the 0..10 axis (clamped to it). */
  readonly yAt: (value: number) => number
  /** One entry per score of {@link VISIT_SERIES}, in its order. */
  readonly series: readonly VisitsChartSeries[]
}

/**
 * A patient's visits oldest first, whatever order they came in.
 *
 * @param visits the visits in any order (not changed)
 */
export function visitsInOrder(visits: readonly PatientVisit[]): PatientVisit[] {
  return [...visits].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
}

/**
 * A visit's value of one score, or `null` when it was not given (or is not a
 * finite number): the chart leaves a gap there rather than guess.
 */
export function visitScore(visit: PatientVisit, key: VisitSeriesKey): number | null {
  const value = visit[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * Where everything of the visits chart goes in a frame: the visits spread
 * evenly between the frame's edges (a single visit in the middle), the y of
 * each value on the 0..10 axis, and each score's points and the runs of its
 * line.
 *
 * @param visits the patient's visits, in any order (drawn oldest first)
 * @param frame the drawing's size and the plot's margins, in its own units
 */
export function visitsChartGeometry(
  visits: readonly PatientVisit[],
  frame: VisitsChartFrame
): VisitsChartGeometry {
  const ordered = visitsInOrder(visits)
  const count = ordered.length
  const step =
    count < 2 ? 0 : (frame.width - frame.left - frame.right - 2 * frame.edge) / (count - 1)
  const xs = ordered.map((_, index) =>
    count < 2
      ? (frame.left + frame.width - frame.right) / 2
      : frame.left + frame.edge + index * step
  )
  const yAt = (value: number): number =>
    frame.bottom -
    (Math.min(Math.max(value, 0), VISITS_CHART_Y_MAX) / VISITS_CHART_Y_MAX) *
      (frame.bottom - frame.top)
  const series = VISIT_SERIES.map(({ key }): VisitsChartSeries => {
    const points: VisitPoint[] = []
    const runs: VisitPoint[][] = []
    let run: VisitPoint[] = []
    ordered.forEach((visit, index) => {
      const value = visitScore(visit, key)
      if (value === null) {
        if (run.length > 1) runs.push(run)
        run = []
        return
      }
      const point = { intakeId: visit.intakeId, value, x: xs[index] ?? 0, y: yAt(value) }
      points.push(point)
      run.push(point)
    })
    if (run.length > 1) runs.push(run)
    return { key, points, runs }
  })
  return { visits: ordered, step, xs, yAt, series }
}

/**
 * Half the width of the band shaded behind the visit on show: half the room
 * between two visits, at most `max`, less `inset` so neighbouring bands never
 * touch.
 */
export function currentVisitHalfWidth(step: number, max: number, inset = 0): number {
  return Math.min(step > 0 ? step / 2 - inset : max, max - inset)
}

/**
 * An SVG path through points in order (`M` then `L`s).
 *
 * @param format how a coordinate is written (for example rounded)
 */
export function pathThrough(
  points: readonly ChartPoint[],
  format: (value: number) => string = String
): string {
  return points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${format(point.x)} ${format(point.y)}`)
    .join('')
}

/**
 * A marker's size: the radius of the circle (and half the square's side),
 * and what the triangle and diamond stand out beyond it so the four shapes
 * look the same size.
 */
export interface MarkerSize {
  readonly radius: number
  /** How far the triangle's tip rises above the radius. */
  readonly triangleTip: number
  /** How far the triangle's base stays inside the radius below the centre. */
  readonly triangleBase: number
  /** How far the triangle's base corners reach beyond the radius each side. */
  readonly triangleSide: number
  /** How far the diamond's corners reach beyond the radius. */
  readonly diamond: number
}

/**
 * The SVG path of a marker centred on (x, y).
 *
 * @param format how a coordinate is written (for example rounded)
 */
export function markerPath(
  marker: VisitMarker,
  x: number,
  y: number,
  size: MarkerSize,
  format: (value: number) => string = String
): string {
  const r = size.radius
  const f = format
  switch (marker) {
    case 'circle':
      return `M${f(x - r)} ${f(y)}A${r} ${r} 0 1 0 ${f(x + r)} ${f(y)}A${r} ${r} 0 1 0 ${f(x - r)} ${f(y)}Z`
    case 'square':
      return `M${f(x - r)} ${f(y - r)}H${f(x + r)}V${f(y + r)}H${f(x - r)}Z`
    case 'triangle': {
      const { triangleTip: tip, triangleBase: base, triangleSide: side } = size
      return `M${f(x)} ${f(y - r - tip)}L${f(x + r + side)} ${f(y + r - base)}L${f(x - r - side)} ${f(y + r - base)}Z`
    }
    case 'diamond': {
      const d = size.diamond
      return `M${f(x)} ${f(y - r - d)}L${f(x + r + d)} ${f(y)}L${f(x)} ${f(y + r + d)}L${f(x - r - d)} ${f(y)}Z`
    }
  }
}
