/**
 * The stored form of a drawn signature: one compact SVG path, `M x y L x y ...`
 * per stroke, integer coordinates in the pad's CSS pixel space, for example
 * `M12 40L15 38L19 35M60 42L61 44`. Pure functions, no DOM.
 */

export interface PathPoint {
  readonly x: number
  readonly y: number
}

/** Structurally compatible with signature_pad's `PointGroup`. */
export interface StrokeLike {
  readonly points: ReadonlyArray<PathPoint>
}

/**
 * Point groups to a path string. Points are rounded to integers and
 * consecutive duplicates (after rounding) dropped; a stroke of one point (a
 * dot) is kept as a bare `M x y`. Returns '' when there is nothing drawn.
 */
export function pointGroupsToSvgPath(groups: ReadonlyArray<StrokeLike>): string {
  const parts: string[] = []
  for (const group of groups) {
    let last: PathPoint | undefined
    let command = 'M'
    for (const p of group.points) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
      const x = Math.round(p.x)
      const y = Math.round(p.y)
      if (last && last.x === x && last.y === y) continue
      // `+ 0` turns a rounded -0 into 0, so it never prints as "-0".
      parts.push(`${command}${x + 0} ${y + 0}`)
      command = 'L'
      last = { x, y }
    }
  }
  return parts.join('')
}

const TOKEN = /([MLml])|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/g

/**
 * A path string (as written by pointGroupsToSvgPath) back to strokes. Tolerant
 * of spaces and commas; relative `m`/`l` are resolved. Anything it does not
 * understand ends the parse, keeping what came before. Never throws.
 */
export function svgPathToStrokes(path: string | undefined | null): PathPoint[][] {
  const strokes: PathPoint[][] = []
  if (!path) return strokes
  let current: PathPoint[] | undefined
  let command: string | undefined
  let pending: number | undefined
  let pen: PathPoint = { x: 0, y: 0 }
  let consumed = 0
  for (const match of path.matchAll(TOKEN)) {
    const gap = path.slice(consumed, match.index)
    if (!/^[\s,]*$/.test(gap)) break
    consumed = match.index + match[0].length
    if (match[1]) {
      if (pending !== undefined) break
      command = match[1]
      if (command === 'M' || command === 'm') current = undefined
      continue
    }
    if (command === undefined) break
    const value = Number(match[2])
    if (pending === undefined) {
      pending = value
      continue
    }
    const relative = command === 'm' || command === 'l'
    const point = relative ? { x: pen.x + pending, y: pen.y + value } : { x: pending, y: value }
    pending = undefined
    pen = point
    if (!current) {
      current = []
      strokes.push(current)
    }
    current.push(point)
    // Extra pairs after M/m are implicit L/l, as in SVG.
    if (command === 'M') command = 'L'
    else if (command === 'm') command = 'l'
  }
  return strokes
}
