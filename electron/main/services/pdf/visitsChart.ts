/**
 * The summary's visits chart and table: pain now, worst pain, PEG and the
 * STarT Back total across a patient's first intake and follow-ups, as pure
 * functions of the visits so tests can read them without rendering.
 *
 * The chart is printed in black and white, so each score has its own line
 * style and marker (never a colour), with a key above the plot; the visit the
 * summary is of is shaded and its label printed bold. A score not given at a
 * visit leaves a gap in its line. The SVG holds only numbers: its words (the
 * key, the axis, each visit's day and kind) are placed over it as text nodes,
 * so they are set in the summary's fonts and can be read back.
 */
import { answerText } from '../../../../src/domain/answerText'
import {
  VISIT_SERIES,
  type PatientVisit,
  type VisitSeriesKey
} from '../../../../src/domain/followUp'
import {
  VISITS_CHART_TICKS,
  currentVisitHalfWidth,
  markerPath,
  pathThrough,
  visitSeriesStyles,
  visitsChartGeometry,
  visitsInOrder,
  type MarkerSize
} from '../../../../src/domain/visitsChart'

/** How each score is drawn: line dashes and a marker, filled or hollow. */
export const VISIT_SERIES_STYLES = visitSeriesStyles({
  painNow: '',
  painWorst: '6 3',
  peg: '1.5 2.5',
  startBackTotal: '7 2.5 1.5 2.5'
})

/** The key's words: STarT Back's 0..9 is drawn on the 0..10 axis, and the key says so. */
export const VISIT_SERIES_LABELS: Readonly<Record<VisitSeriesKey, string>> = {
  painNow: 'Pain now',
  painWorst: 'Worst pain',
  peg: 'PEG',
  startBackTotal: 'STarT Back total (0–9)'
}

export const VISIT_KIND_LABELS: Readonly<Record<PatientVisit['kind'], string>> = {
  initial: 'First intake',
  'follow-up': 'Follow-up'
}

export interface VisitsChartOptions {
  /** The intake the summary is of: its visit is shaded and labelled. */
  readonly currentIntakeId: string
  /** The calendar day (`YYYY-MM-DD`) an instant is printed as. */
  readonly dayOf: (iso: string) => string
  /** Width of the drawing in points (the page's content width). */
  readonly width: number
}

/**
 * A word printed on the chart, placed in the drawing's coordinates (points,
 * from its top left): the text is a pdfmake text node laid over the SVG, not
 * SVG text, so it is set in the summary's own fonts and stays extractable
 * (pdfmake's SVG text cannot open fonts given to pdfmake in memory).
 */
export interface ChartLabel {
  readonly text: string
  /** Left edge of the box the text is aligned in. */
  readonly x: number
  /** Top of the line of text. */
  readonly y: number
  readonly width: number
  readonly alignment: 'left' | 'center' | 'right'
  readonly fontSize: number
  readonly bold: boolean
}

export interface VisitsChart {
  /** The lines, markers, grid and shading: numbers only, no text. */
  readonly svg: string
  readonly width: number
  readonly height: number
  /** The key, the axis numbers and each visit's day and kind. */
  readonly labels: readonly ChartLabel[]
}

const HEIGHT = 176
const LEFT = 26
const RIGHT = 8
const TOP = 24
const BOTTOM = 132
const EDGE = 36
/** Where a line of text sits against its top: about the cap height down to mid-height. */
const MID_LINE = 0.68
const MARKER: MarkerSize = {
  radius: 3,
  triangleTip: 0.8,
  triangleBase: 0.3,
  triangleSide: 0.5,
  diamond: 1
}

/** Coordinates to a tenth of a point: enough for print, and a short SVG. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10)
}

function marker(key: VisitSeriesKey, x: number, y: number): string {
  const style = VISIT_SERIES_STYLES[key]
  return `<path d="${markerPath(style.marker, x, y, MARKER, num)}" fill="${style.filled ? '#000000' : '#ffffff'}" stroke="#000000" stroke-width="1.1"/>`
}

function line(d: string, key: VisitSeriesKey): string {
  const dash = VISIT_SERIES_STYLES[key].dash
  return `<path d="${d}" fill="none" stroke="#000000" stroke-width="1.3" stroke-linejoin="round"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`
}

/**
 * The chart of a patient's visits: an SVG document for pdfmake's `svg` node
 * and the words to print over it. x is the visits in date order (each
 * labelled with its day and kind), y is 0..10 with the STarT Back total
 * (0..9) on the same axis, one line per score of {@link VISIT_SERIES} with its
 * own dashes and marker, and a key above the plot.
 *
 * @param visits the patient's submitted visits (any order; drawn oldest first)
 * @param options the visit to mark, how to print a day, and the width in points
 */
export function visitsChartSvg(
  visits: readonly PatientVisit[],
  options: VisitsChartOptions
): VisitsChart {
  const width = Math.max(options.width, 200)
  const {
    visits: ordered,
    step,
    xs,
    yAt,
    series
  } = visitsChartGeometry(visits, {
    width,
    left: LEFT,
    right: RIGHT,
    top: TOP,
    bottom: BOTTOM,
    edge: EDGE
  })
  const xAt = (index: number): number => xs[index] ?? 0
  // Many visits leave little room under each: the labels shrink, then lose the kind line.
  const labelSize = step > 0 && step < 60 ? 6 : 7.5
  const showKind = step === 0 || step >= 44
  const labelWidth = step === 0 ? 2 * EDGE : Math.min(step, 2 * EDGE)

  const parts: string[] = []
  const labels: ChartLabel[] = []
  const label = (text: string, at: Omit<ChartLabel, 'text'>): void => {
    labels.push({ text, ...at })
  }
  // The visit the summary is of, shaded behind everything, its labels included.
  const band = currentVisitHalfWidth(step, EDGE, 2)
  ordered.forEach((visit, index) => {
    if (visit.intakeId !== options.currentIntakeId) return
    parts.push(
      `<rect x="${num(xAt(index) - band)}" y="${TOP - 6}" width="${num(2 * band)}" height="${HEIGHT - TOP + 6}" fill="#e4e4e4"/>`
    )
  })
  // Grid and the y axis.
  for (const tick of VISITS_CHART_TICKS) {
    const y = num(yAt(tick))
    parts.push(
      `<line x1="${LEFT}" y1="${y}" x2="${num(width - RIGHT)}" y2="${y}" stroke="${tick === 0 ? '#000000' : '#bbbbbb'}" stroke-width="${tick === 0 ? 0.8 : 0.5}"/>`
    )
    label(String(tick), {
      x: 0,
      y: yAt(tick) - 7 * MID_LINE,
      width: LEFT - 5,
      alignment: 'right',
      fontSize: 7,
      bold: false
    })
  }
  // Each visit's day and kind under the axis; the visit the summary is of in bold.
  ordered.forEach((visit, index) => {
    const current = visit.intakeId === options.currentIntakeId
    const lines = [options.dayOf(visit.submittedAt)]
    if (showKind) lines.push(VISIT_KIND_LABELS[visit.kind] ?? 'Visit')
    if (current) lines.push('This summary')
    lines.forEach((text, row) => {
      label(text, {
        x: xAt(index) - labelWidth / 2,
        y: BOTTOM + 4 + row * (labelSize + 3),
        width: labelWidth,
        alignment: 'center',
        fontSize: labelSize,
        bold: current
      })
    })
  })
  // One line per score, broken where a visit has no value, then its markers on top.
  for (const { key, points, runs } of series) {
    for (const run of runs) parts.push(line(pathThrough(run, num), key))
    for (const point of points) parts.push(marker(key, point.x, point.y))
  }
  // The key, above the plot: a sample of each line with its marker, then its name.
  let keyX = LEFT
  for (const { key } of VISIT_SERIES) {
    const name = VISIT_SERIES_LABELS[key]
    const nameWidth = name.length * 4.2 + 4
    parts.push(line(`M${num(keyX)} 7H${num(keyX + 26)}`, key), marker(key, keyX + 13, 7))
    label(name, {
      x: keyX + 30,
      y: 7 - 7.5 * MID_LINE,
      width: nameWidth,
      alignment: 'left',
      fontSize: 7.5,
      bold: false
    })
    keyX += 30 + nameWidth + 14
  }
  return {
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${HEIGHT}" width="${num(width)}" height="${HEIGHT}">` +
      parts.join('') +
      `</svg>`,
    width,
    height: HEIGHT,
    labels
  }
}

/** The visits table's column headings, in the order a row's cells are printed. */
export const VISIT_TABLE_HEAD = [
  'Visit',
  'Kind',
  'Pain now',
  'Worst pain',
  'PEG',
  'STarT Back',
  'Change since last visit'
] as const

/** One row of the visits table, as printed. */
export interface VisitRow {
  readonly intakeId: string
  readonly current: boolean
  readonly day: string
  readonly kind: string
  readonly painNow: string
  readonly painWorst: string
  readonly peg: string
  readonly startBack: string
  readonly change: string
}

/** The visits table's rows, oldest first, with the same numbers the chart draws. */
export function visitRows(
  visits: readonly PatientVisit[],
  options: Pick<VisitsChartOptions, 'currentIntakeId' | 'dayOf'>
): VisitRow[] {
  const plain = (value: number | null): string =>
    value === null || !Number.isFinite(value) ? '–' : String(value)
  return visitsInOrder(visits).map((visit) => ({
    intakeId: visit.intakeId,
    current: visit.intakeId === options.currentIntakeId,
    day: options.dayOf(visit.submittedAt),
    kind: VISIT_KIND_LABELS[visit.kind] ?? 'Visit',
    painNow: plain(visit.painNow),
    painWorst: plain(visit.painWorst),
    peg: plain(visit.peg),
    startBack:
      visit.startBackTotal === null
        ? '–'
        : `${visit.startBackTotal} of 9${visit.startBackRisk === null ? '' : `, ${visit.startBackRisk} risk`}`,
    change: visit.change === null ? '–' : answerText('followUp.change', visit.change)
  }))
}
