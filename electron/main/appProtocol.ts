/**
 * The `app://` protocol the built renderer is served from, instead of
 * `file://`. A `file:` page has no origin of its own (so the CSP's 'self' and
 * the IPC sender check have nothing to compare), Chromium refuses its module
 * scripts, and Electron grants it extra privileges over the whole disk. A
 * standard, secure custom scheme gives the app a real origin,
 * `app://back-intake`, and the handler below serves the built files in
 * out/renderer and nothing else.
 *
 * Free of Electron so the path rules can be tested alone; index.ts registers
 * the scheme and the handler.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

export const APP_SCHEME = 'app'
/** The one host the handler answers for; a request for another host is one the app never makes. */
export const APP_HOST = 'back-intake'
/**
 * The app's origin. Compared by scheme and host, never through URL.origin:
 * Node's URL gives every non-special scheme the opaque origin "null", so two
 * different app: hosts would compare equal.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What the window loads. Hash routes follow it (#/intake/...), so it never changes path. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The privileges registered for the scheme before the app is ready:
 * - standard: a real origin for 'self', storage and relative URLs (./assets/...);
 * - secure: a secure context, so module scripts and other secure-only features work;
 * - supportFetchAPI: fetch() of the app's own files.
 * Deliberately not corsEnabled (it lets other origins read the scheme's
 * responses; the app's own loads are same-origin and need no CORS), not
 * bypassCSP, not allowServiceWorkers, not stream.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true
} as const

/**
 * The only types served. Vite's build holds HTML, scripts, styles, images and
 * fonts; anything else in the folder is not part of the app and is refused
 * rather than guessed at. Scripts must carry a JavaScript type: Chromium
 * enforces strict MIME checking for module scripts.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

/** The path functions of one platform; tests pass `path.win32` to check Windows rules on any machine. */
export type PathApi = Pick<
  typeof path.posix,
  'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'
>

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly contentType: string }
  | { readonly kind: 'not-found'; readonly reason: string }

function notFound(reason: string): AppRequestResolution {
  return { kind: 'not-found', reason }
}

/**
 * Maps an `app://` URL to a file inside `rootDir`, or says why it is refused.
 * Only the path is used (query and fragment are ignored); it is
 * percent-decoded once, and refused when it holds a NUL, a backslash, a colon
 * or a `.`/`..` segment, or when the resolved file lies outside the root
 * (a second line of defence that does not rely on the checks before it). `/`
 * is the entry page. Whether the file exists is the handler's business.
 */
export function resolveAppRequest(
  url: string,
  rootDir: string,
  pathApi: PathApi = path
): AppRequestResolution {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return notFound('not a URL')
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return notFound('not the app scheme')
  if (parsed.host !== APP_HOST) return notFound('not the app host')
  if (parsed.username || parsed.password) return notFound('credentials in the URL')

  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    return notFound('malformed percent-encoding')
  }
  if (decoded.includes('\0')) return notFound('NUL in the path')
  // On Windows a backslash is a separator and a colon starts a drive letter
  // or an NTFS stream (index.html::$DATA). Vite never emits either.
  if (decoded.includes('\\')) return notFound('backslash in the path')
  if (decoded.includes(':')) return notFound('colon in the path')

  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return notFound('dot segment in the path')
  }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join(pathApi.sep)

  const root = pathApi.resolve(rootDir)
  const filePath = pathApi.resolve(root, relativePath)
  if (!isInside(root, filePath, pathApi)) return notFound('outside the app folder')

  const contentType = CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()]
  if (!contentType) return notFound('not a type the app serves')
  return { kind: 'file', filePath, contentType }
}

/** True when `candidate` is `root` itself or below it. */
export function isInside(root: string, candidate: string, pathApi: PathApi = path): boolean {
  const relative = pathApi.relative(root, candidate)
  if (relative === '') return true
  return !relative.startsWith('..') && !pathApi.isAbsolute(relative)
}

export interface AppProtocolHandlerOptions {
  /** The built renderer (out/renderer). */
  readonly rootDir: string
  /** Told why a request was refused, for the log; the renderer only sees a 404. */
  readonly onRefused?: (url: string, reason: string) => void
}

/** The request fields the handler reads (Electron passes a fetch Request). */
export interface AppProtocolRequest {
  readonly url: string
  readonly method: string
}

/**
 * The `protocol.handle('app', …)` handler: GET and HEAD of files inside the
 * root, with their content type; 404 for anything else (405 for other
 * methods). Symbolic links are resolved before the inside check, so a link in
 * the build folder cannot reach the rest of the disk.
 */
export function createAppProtocolHandler(
  options: AppProtocolHandlerOptions
): (request: AppProtocolRequest) => Promise<Response> {
  const refuse = (url: string, reason: string, status = 404): Response => {
    options.onRefused?.(url, reason)
    return new Response(status === 405 ? 'Method not allowed' : 'Not found', {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
    })
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(request.url, `method ${request.method}`, 405)
    }
    const resolved = resolveAppRequest(request.url, options.rootDir)
    if (resolved.kind === 'not-found') return refuse(request.url, resolved.reason)
    try {
      const realFile = await realpath(resolved.filePath)
      if (!isInside(await realpath(options.rootDir), realFile)) {
        return refuse(request.url, 'links outside the folder')
      }
      if (!(await stat(realFile)).isFile()) return refuse(request.url, 'not a file')
      const body = request.method === 'HEAD' ? null : await readFile(realFile)
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': resolved.contentType,
          'X-Content-Type-Options': 'nosniff',
          // The files change only with a new build, and a new build restarts the app.
          'Cache-Control': 'no-cache'
        }
      })
    } catch {
      return refuse(request.url, 'no such file')
    }
  }
}
