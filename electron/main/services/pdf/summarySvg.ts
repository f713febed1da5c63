/**
 * The summary's two drawings as SVG built here from numbers only: the body map
 * (the screen's own shapes, chosen regions shaded and hatched so they read in
 * black and white) and the drawn signature (re-drawn from its parsed points).
 * No text a person typed ever reaches an SVG: region codes are checked against
 * the catalogue, and signature path data is parsed to numbers and written anew.
 */
import { BODY_REGIONS } from '../../../../src/domain/catalogue'
import {
  CLIP_PARTS,
  FIGURE_HEIGHT,
  FIGURE_PARTS,
  FIGURE_WIDTH,
  MIRROR_TRANSFORM,
  REGION_SHAPES,
  type BodyView,
  type FigureShape
} from '../../../../src/domain/bodyMapShapes'
import { svgPathToStrokes } from '../../../../src/domain/signaturePath'

const KNOWN_REGIONS: ReadonlySet<string> = new Set(BODY_REGIONS.map((region) => region.code))

function transform(shape: { readonly mirror?: boolean }): string {
  return shape.mirror ? ` transform="${MIRROR_TRANSFORM}"` : ''
}

function partsOf(view: BodyView, parts: readonly FigureShape[]): FigureShape[] {
  return parts.filter((part) => part.view === undefined || part.view === view)
}

/** Diagonal lines over the whole figure box; each region's clip keeps its own part. */
const HATCH = (() => {
  const lines: string[] = []
  for (let x = -FIGURE_HEIGHT; x < FIGURE_WIDTH; x += 6) {
    lines.push(`M${x} 0L${x + FIGURE_HEIGHT} ${FIGURE_HEIGHT}`)
  }
  return lines.join('')
})()

/**
 * One view of the body map as an SVG document: the figure's outline, every
 * region's border faintly, and the chosen regions filled grey with black
 * hatching and a black border, so they stand out on a black-and-white print.
 *
 * @param selected region codes (unknown codes are ignored)
 */
export function bodyMapSvg(view: BodyView, selected: readonly string[]): string {
  const chosen = new Set(selected.filter((code) => KNOWN_REGIONS.has(code)))
  const body = partsOf(view, CLIP_PARTS)
    .map((part) => `<path d="${part.d}"${transform(part)}/>`)
    .join('')
  const figure = partsOf(view, FIGURE_PARTS)
    .map((part) => `<path d="${part.d}"${transform(part)}/>`)
    .join('')
  const regions = REGION_SHAPES.filter((shape) => shape.view === view)
  const chosenPaths = regions
    .filter((shape) => chosen.has(shape.code))
    .map((shape) => `<path d="${shape.d}"${transform(shape)}/>`)
  // One clip for all chosen regions, so the hatching is drawn once per view.
  const defs = [`<clipPath id="body">${body}</clipPath>`]
  if (chosenPaths.length > 0) defs.push(`<clipPath id="chosen">${chosenPaths.join('')}</clipPath>`)
  const fill =
    chosenPaths.length === 0
      ? ''
      : `<g clip-path="url(#chosen)"><rect x="0" y="0" width="${FIGURE_WIDTH}" height="${FIGURE_HEIGHT}" fill="#b8b8b8"/>` +
        `<path d="${HATCH}" stroke="#000000" stroke-width="1.6" fill="none"/></g>`
  const outlines = regions.map((shape) =>
    chosen.has(shape.code)
      ? ''
      : `<path d="${shape.d}"${transform(shape)} fill="none" stroke="#9a9a9a" stroke-width="0.8"/>`
  )
  // Chosen borders last, so a neighbour's faint border never paints over them.
  const chosenOutlines = regions
    .filter((shape) => chosen.has(shape.code))
    .map(
      (shape) =>
        `<path d="${shape.d}"${transform(shape)} fill="none" stroke="#000000" stroke-width="3"/>`
    )
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FIGURE_WIDTH} ${FIGURE_HEIGHT}" width="${FIGURE_WIDTH}" height="${FIGURE_HEIGHT}">` +
    `<defs>${defs.join('')}</defs>` +
    `<g fill="#f2f2f2" stroke="#555555" stroke-width="2.5">${figure}</g>` +
    `<g fill="#f2f2f2">${figure}</g>` +
    `<g clip-path="url(#body)">${fill}${outlines.join('')}${chosenOutlines.join('')}</g>` +
    `</svg>`
  )
}

/** At most this many points are drawn: a hand signature has far fewer; a hostile one stops here. */
const MAX_SIGNATURE_POINTS = 20_000

/** A drawn signature re-drawn from its points, with the aspect ratio of what was drawn. */
export interface SignatureDrawing {
  readonly svg: string
  readonly width: number
  readonly height: number
}

/**
 * The signature's path data as a fresh SVG, or `null` when it holds no
 * stroke. Only numbers from the parsed points are written, never the stored
 * string itself.
 */
export function signatureSvg(path: string): SignatureDrawing | null {
  const strokes = svgPathToStrokes(path)
  let budget = MAX_SIGNATURE_POINTS
  const kept: Array<Array<{ x: number; y: number }>> = []
  for (const stroke of strokes) {
    if (budget <= 0) break
    const points = stroke
      .slice(0, budget)
      .filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y))
    budget -= points.length
    if (points.length > 0) kept.push(points)
  }
  const all = kept.flat()
  if (all.length === 0) return null
  const xs = all.map((point) => point.x)
  const ys = all.map((point) => point.y)
  const pad = 4
  const minX = Math.min(...xs) - pad
  const minY = Math.min(...ys) - pad
  const width = Math.max(Math.max(...xs) - minX + pad, 1)
  const height = Math.max(Math.max(...ys) - minY + pad, 1)
  const round = (value: number): string => String(Math.round(value * 10) / 10)
  const d = kept
    .map((points) => {
      // A dot (one point) is drawn as a tiny stroke so it shows.
      const drawn =
        points.length === 1 && points[0]
          ? [points[0], { ...points[0], x: points[0].x + 0.5 }]
          : points
      return drawn
        .map(
          (point, index) =>
            `${index === 0 ? 'M' : 'L'}${round(point.x - minX)} ${round(point.y - minY)}`
        )
        .join('')
    })
    .join('')
  return {
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}">` +
      `<path d="${d}" fill="none" stroke="#000000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
    width,
    height
  }
}
