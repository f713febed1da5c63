/**
 * The app:// protocol serves the built renderer and nothing else: traversal in
 * every spelling, absolute paths, other hosts and unknown types are refused;
 * the app's files come back with the type Chromium needs to run them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppRequest
} from '../../../electron/main/appProtocol'
import { useTempDirs } from './support/tempDir'

const ROOT = '/opt/back-intake/resources/app.asar/out/renderer'

describe('resolveAppRequest', () => {
  it('serves the entry page for the entry URL and for the bare origin', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, ROOT)).toEqual({
      kind: 'file',
      filePath: `${ROOT}/index.html`,
      contentType: 'text/html; charset=utf-8'
    })
    expect(resolveAppRequest(`${APP_ORIGIN}/`, ROOT)).toMatchObject({
      filePath: `${ROOT}/index.html`
    })
    expect(resolveAppRequest(APP_ORIGIN, ROOT)).toMatchObject({ filePath: `${ROOT}/index.html` })
  })

  it.each([
    ['assets/index-XmkwfhMj.js', 'text/javascript; charset=utf-8'],
    ['assets/index-Nsj4Es3O.css', 'text/css; charset=utf-8'],
    ['assets/body-map.svg', 'image/svg+xml'],
    ['assets/logo.PNG', 'image/png'],
    ['assets/noto.woff2', 'font/woff2'],
    ['assets/noto.ttf', 'font/ttf']
  ])('serves %s as %s', (file, contentType) => {
    expect(resolveAppRequest(`${APP_ORIGIN}/${file}`, ROOT)).toEqual({
      kind: 'file',
      filePath: `${ROOT}/${file}`,
      contentType
    })
  })

  it('ignores the query string and the fragment', () => {
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/a.js?v=3#x`, ROOT)).toMatchObject({
      kind: 'file',
      filePath: `${ROOT}/assets/a.js`
    })
    expect(resolveAppRequest(`${APP_ENTRY_URL}#/intake/5b0d7c1e`, ROOT)).toMatchObject({
      filePath: `${ROOT}/index.html`
    })
  })

  it('decodes percent-encoded names once', () => {
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/a%20b.js`, ROOT)).toMatchObject({
      filePath: `${ROOT}/assets/a b.js`
    })
    // Decoded once: "%2e%2e" stays a (harmless) file name, not a parent folder.
    expect(resolveAppRequest(`${APP_ORIGIN}/%252e%252e/x.js`, ROOT)).toMatchObject({
      filePath: `${ROOT}/%2e%2e/x.js`
    })
  })

  /** Traversal in every spelling: each one is refused or lands inside the root, never outside. */
  const TRAVERSALS = [
    ['plain ..', `${APP_ORIGIN}/../../etc/passwd.txt`],
    ['.. after a folder', `${APP_ORIGIN}/assets/../../secret.js`],
    ['encoded dots', `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd.txt`],
    ['mixed-case encoded dots', `${APP_ORIGIN}/%2E%2e/secret.js`],
    ['encoded slashes', `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd.txt`],
    ['encoded dots and slashes', `${APP_ORIGIN}/%2e%2e%2f%2e%2e%2fsecret.js`],
    ['an encoded backslash', `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`],
    ['a single dot segment, encoded', `${APP_ORIGIN}/assets/%2e%2fa.js`],
    ['an absolute path, encoded', `${APP_ORIGIN}/%2fetc%2fpasswd.txt`],
    ['a Windows drive, encoded', `${APP_ORIGIN}/C%3a%5cWindows%5cwin.ini`],
    ['a Windows drive with a slash', `${APP_ORIGIN}/C:/Windows/win.ini`],
    ['an NTFS stream', `${APP_ORIGIN}/index.html::$DATA`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['malformed encoding', `${APP_ORIGIN}/%E0%A4%A.js`]
  ] as const

  it.each(TRAVERSALS)('never leaves the root: %s', (_name, url) => {
    const result = resolveAppRequest(url, ROOT)
    const inside = result.kind === 'file' && result.filePath.startsWith(`${ROOT}/`)
    expect({ url, outcome: result.kind === 'not-found' || inside }).toEqual({ url, outcome: true })
  })

  it('resolves dots the URL itself holds the way Chromium does, inside the root', () => {
    // The URL parser removes plain and %2e dot segments before the path is read,
    // as Chromium does before the request reaches the handler.
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/../../secret.js`, ROOT)).toMatchObject({
      kind: 'file',
      filePath: `${ROOT}/secret.js`
    })
    expect(resolveAppRequest(`${APP_ORIGIN}/%2e%2e/%2e%2e/index.html`, ROOT)).toMatchObject({
      filePath: `${ROOT}/index.html`
    })
  })

  it.each([
    ['encoded slashes', `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd.txt`, 'dot segment in the path'],
    ['encoded dots and slashes', `${APP_ORIGIN}/%2e%2e%2fsecret.js`, 'dot segment in the path'],
    ['a single dot, encoded', `${APP_ORIGIN}/assets/%2e%2fa.js`, 'dot segment in the path'],
    ['an encoded backslash', `${APP_ORIGIN}/..%5csecret.js`, 'backslash in the path'],
    ['a Windows drive', `${APP_ORIGIN}/C%3a%5cWindows%5cwin.ini`, 'backslash in the path'],
    ['a drive with a slash', `${APP_ORIGIN}/C:/Windows/win.ini`, 'colon in the path'],
    ['an NTFS stream', `${APP_ORIGIN}/index.html::$DATA`, 'colon in the path'],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`, 'NUL in the path'],
    ['malformed encoding', `${APP_ORIGIN}/%E0%A4%A.js`, 'malformed percent-encoding']
  ])('refuses %s', (_name, url, reason) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'not-found', reason })
  })

  it.each([
    ['another host', 'app://evil/index.html'],
    ['the app host with a port', 'app://back-intake:8080/index.html'],
    ['credentials', 'app://user:pw@back-intake/index.html'],
    ['another scheme', 'file:///opt/back-intake/resources/app.asar/out/renderer/index.html'],
    ['https', 'https://back-intake/index.html'],
    ['not a URL', 'index.html']
  ])('refuses %s', (_name, url) => {
    expect(resolveAppRequest(url, ROOT).kind).toBe('not-found')
  })

  it('refuses file types the build does not make', () => {
    for (const name of ['app.asar', 'package', 'main.cjs', 'notes.md', 'data.sqlite3']) {
      expect(resolveAppRequest(`${APP_ORIGIN}/${name}`, ROOT)).toEqual({
        kind: 'not-found',
        reason: 'not a type the app serves'
      })
    }
  })

  it('keeps Windows paths inside the root too', () => {
    const windowsRoot = 'C:\\Program Files\\Back Intake\\resources\\app.asar\\out\\renderer'
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/a.js`, windowsRoot, path.win32)).toEqual({
      kind: 'file',
      filePath: `${windowsRoot}\\assets\\a.js`,
      contentType: 'text/javascript; charset=utf-8'
    })
    for (const url of [
      `${APP_ORIGIN}/..%5c..%5c..%5cWindows%5cwin.ini`,
      `${APP_ORIGIN}/%5c%5cserver%5cshare%5cx.js`,
      `${APP_ORIGIN}/D%3a%5cx.js`,
      `${APP_ORIGIN}/..%2f..%2fx.js`
    ]) {
      expect(resolveAppRequest(url, windowsRoot, path.win32).kind).toBe('not-found')
    }
  })
})

describe('APP_SCHEME_PRIVILEGES', () => {
  it('is standard and secure with fetch, and grants nothing that loosens the sandbox', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })
})

describe('createAppProtocolHandler', () => {
  const tempDir = useTempDirs('app-protocol')

  /** A built renderer folder with a secret beside it, as out/ holds main/ beside renderer/. */
  function builtApp(): { root: string; outside: string } {
    const base = tempDir()
    const root = path.join(base, 'renderer')
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Back Intake</title>')
    fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'export const ok = 1\n')
    fs.mkdirSync(path.join(root, 'assets', 'folder.js'))
    const outside = path.join(base, 'secret.js')
    fs.writeFileSync(outside, 'the database key')
    return { root, outside }
  }

  function get(url: string, method = 'GET') {
    return { url, method }
  }

  it('serves the app files with their content type and nosniff', async () => {
    const { root } = builtApp()
    const handler = createAppProtocolHandler({ rootDir: root })

    const page = await handler(get(APP_ENTRY_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Back Intake</title>')

    const script = await handler(get(`${APP_ORIGIN}/assets/index.js?import`))
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export const ok = 1\n')
  })

  it('answers HEAD without a body, and refuses other methods', async () => {
    const { root } = builtApp()
    const handler = createAppProtocolHandler({ rootDir: root })
    const head = await handler(get(APP_ENTRY_URL, 'HEAD'))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await handler(get(APP_ENTRY_URL, 'POST'))).status).toBe(405)
  })

  it('answers 404 for a missing file, a folder, and a traversal, and says why to the log', async () => {
    const { root } = builtApp()
    const refused: string[] = []
    const handler = createAppProtocolHandler({
      rootDir: root,
      onRefused: (_url, reason) => refused.push(reason)
    })
    for (const url of [
      `${APP_ORIGIN}/assets/missing.js`,
      `${APP_ORIGIN}/assets/folder.js`,
      `${APP_ORIGIN}/..%2fsecret.js`
    ]) {
      const response = await handler(get(url))
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('Not found')
    }
    expect(refused).toEqual(['no such file', 'not a file', 'dot segment in the path'])
  })

  it('does not follow a link inside the folder to a file outside it', async (context) => {
    const { root, outside } = builtApp()
    try {
      fs.symlinkSync(outside, path.join(root, 'assets', 'linked.js'), 'file')
    } catch (error) {
      // Creating links needs a privilege on Windows; the check is the same everywhere.
      context.skip(`cannot create a symbolic link here: ${String(error)}`)
    }
    const handler = createAppProtocolHandler({ rootDir: root })
    const response = await handler(get(`${APP_ORIGIN}/assets/linked.js`))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('database key')
  })
})
