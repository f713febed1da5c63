/**
 * Geometry for the body map: two simple figures, front and back, in one
 * 200 x 440 coordinate box each. Data only, in the domain so the screen
 * (BodyMap.vue) and the PDF summary draw the same figure from one source.
 *
 * Every shape is written for the VIEWER's left half of the figure (x < 100).
 * `mirror: true` reflects it onto the viewer's right half (x -> 200 - x).
 * On the BACK view the viewer's left is the patient's left; on the FRONT view
 * the viewer's left is the patient's right, which is why the codes below swap.
 *
 * Region shapes are bands the component clips to the body outline
 * (`CLIP_PARTS`), so their outer edges may overshoot a little; but the centre
 * of each shape's bounding box must stay on the body, because that is where a
 * pointer (and Playwright's click) lands first.
 */

export type BodyView = 'front' | 'back'

export const BODY_VIEWS: readonly BodyView[] = ['front', 'back']

export const FIGURE_WIDTH = 200
export const FIGURE_HEIGHT = 440
/** Applied to shapes with `mirror: true`. */
export const MIRROR_TRANSFORM = `matrix(-1 0 0 1 ${FIGURE_WIDTH} 0)`

export interface FigureShape {
  /** SVG path data, in the 200 x 440 figure box. */
  readonly d: string
  readonly mirror?: boolean
  /** Only on this view; both views when absent. */
  readonly view?: BodyView
}

export interface RegionShape {
  /** A code of BODY_REGIONS (catalogue.ts). */
  readonly code: string
  readonly view: BodyView
  readonly d: string
  readonly mirror?: boolean
}

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`
}

const HEAD = ellipse(100, 32, 22, 26)
const EAR = ellipse(78, 34, 4, 7)
const NECK = 'M88 50H112V84H88Z'
const TORSO =
  'M64 76Q100 66 136 76Q156 80 158 100L150 142Q142 172 142 200Q146 226 148 262H52Q54 226 58 200Q58 172 50 142L42 100Q44 80 64 76Z'
const SHOULDER_CAP = ellipse(48, 102, 14, 22)
const ARM = 'M48 84Q32 88 30 112L24 182Q20 216 22 246H34Q36 216 40 186L50 138Z'
const HAND = ellipse(28, 258, 8, 13)
const LEG = 'M52 248H100V270Q98 306 95 344Q99 378 92 410H70Q62 378 65 344Q53 300 52 248Z'
const FOOT_FRONT = 'M70 404H92Q96 420 92 434Q76 441 60 436Q55 428 64 416Z'
const HEEL_BACK = 'M70 404H92Q95 424 88 434Q80 439 72 434Q65 424 70 404Z'

function pair(d: string, view?: BodyView): FigureShape[] {
  return view
    ? [
        { d, view },
        { d, view, mirror: true }
      ]
    : [{ d }, { d, mirror: true }]
}

/** The outline of the figure: drawn under the regions, not interactive. */
export const FIGURE_PARTS: readonly FigureShape[] = [
  { d: NECK },
  ...pair(EAR),
  { d: HEAD },
  ...pair(ARM),
  ...pair(HAND),
  { d: TORSO },
  ...pair(SHOULDER_CAP),
  ...pair(LEG),
  ...pair(FOOT_FRONT, 'front'),
  ...pair(HEEL_BACK, 'back')
]

/** The area regions may cover: the figure without head, arms and hands. */
export const CLIP_PARTS: readonly FigureShape[] = [
  { d: NECK },
  { d: TORSO },
  ...pair(SHOULDER_CAP),
  ...pair(LEG),
  ...pair(FOOT_FRONT, 'front'),
  ...pair(HEEL_BACK, 'back')
]

export interface Decoration {
  readonly view: BodyView
  readonly d: string
  /** `line`/`dash`: stroked only; `dot`: filled only; `hair`: the head seen from behind. */
  readonly kind: 'line' | 'dash' | 'dot' | 'hair'
}

/** Orientation cues, drawn above the regions and never interactive. */
export const DECORATIONS: readonly Decoration[] = [
  { view: 'front', kind: 'dot', d: ellipse(92, 28, 2.4, 2.6) },
  { view: 'front', kind: 'dot', d: ellipse(108, 28, 2.4, 2.6) },
  { view: 'front', kind: 'line', d: 'M92 41Q100 47 108 41' },
  { view: 'front', kind: 'dot', d: ellipse(100, 214, 1.8, 1.8) },
  // Back of the head, and the spine.
  { view: 'back', kind: 'hair', d: HEAD },
  { view: 'back', kind: 'dash', d: 'M100 88V244' }
]

const NECK_REGION = 'M80 56H120V82H80Z'
const SHOULDER = 'M30 60H80V80Q66 94 60 132H30Z'
const UPPER_BACK = 'M80 80H120Q134 94 140 132H160V150H40V132H60Q66 94 80 80Z'
const MID_BACK = 'M76 150H124V204H76Z'
const FLANK = 'M44 150H76V204L44 208Z'
const LOW_BACK_SIDE = 'M44 208L76 204H89V248H44Z'
const LOW_BACK_CENTRE = 'M89 204H111V248H89Z'
const BUTTOCK = 'M50 248H100V288Q74 306 50 294Z'
const THIGH_BACK = 'M50 294Q74 306 100 288V344H50Z'
const ABDOMEN = 'M40 160H160V232L128 240H72L40 232Z'
const GROIN = 'M72 240H128L100 292Z'
const THIGH_FRONT = 'M50 232L72 240L100 292V344H50Z'
const BELOW_KNEE = 'M50 352H100V402H50Z'
const FOOT = 'M50 402H100V440H50Z'

/** Codes listed on the viewer's left first, then their mirrored twin. */
function sides(view: BodyView, d: string, viewerLeft: string, viewerRight: string): RegionShape[] {
  return [
    { code: viewerLeft, view, d },
    { code: viewerRight, view, d, mirror: true }
  ]
}

function bilateral(view: BodyView, d: string, name: string): RegionShape[] {
  return view === 'back'
    ? sides(view, d, `${name}-left`, `${name}-right`)
    : sides(view, d, `${name}-right`, `${name}-left`)
}

export const REGION_SHAPES: readonly RegionShape[] = [
  // Back view: the patient's left is on the viewer's left.
  { code: 'neck', view: 'back', d: NECK_REGION },
  ...bilateral('back', SHOULDER, 'shoulder'),
  { code: 'upper-back', view: 'back', d: UPPER_BACK },
  { code: 'mid-back', view: 'back', d: MID_BACK },
  ...bilateral('back', FLANK, 'flank'),
  ...bilateral('back', LOW_BACK_SIDE, 'low-back'),
  { code: 'low-back-centre', view: 'back', d: LOW_BACK_CENTRE },
  ...bilateral('back', BUTTOCK, 'buttock'),
  ...bilateral('back', THIGH_BACK, 'thigh'),
  ...bilateral('back', BELOW_KNEE, 'below-knee'),
  ...bilateral('back', FOOT, 'foot'),
  // Front view: the patient's left is on the viewer's right.
  ...bilateral('front', SHOULDER, 'shoulder'),
  { code: 'abdomen', view: 'front', d: ABDOMEN },
  { code: 'groin-saddle', view: 'front', d: GROIN },
  ...bilateral('front', THIGH_FRONT, 'thigh'),
  ...bilateral('front', BELOW_KNEE, 'below-knee'),
  ...bilateral('front', FOOT, 'foot')
]
