/**
 * The opaque cursor of the intake list. It carries the sort key of the last
 * row shown (updated_at, id) so the next page starts strictly after it
 * (keyset pagination): unlike OFFSET, pages stay correct when rows are added
 * while someone is paging, and page 500 costs the same as page 1.
 */

export interface ListPosition {
  readonly updatedAt: string
  readonly id: string
}

/** Encodes a position as a URL-safe string the renderer passes back unchanged. */
export function encodeListCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id]), 'utf8').toString(
    'base64url'
  )
}

/**
 * Decodes a cursor made by {@link encodeListCursor}.
 *
 * @returns `null` for anything else, so the caller can report a bad argument
 *   rather than crash on input that crossed the process boundary.
 */
export function decodeListCursor(cursor: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null
  const [updatedAt, id]: unknown[] = parsed
  if (typeof updatedAt !== 'string' || typeof id !== 'string') return null
  if (updatedAt.length === 0 || updatedAt.length > 40 || id.length === 0 || id.length > 100)
    return null
  return { updatedAt, id }
}
