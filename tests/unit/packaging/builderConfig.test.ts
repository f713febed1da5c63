/**
 * The packaging configuration, checked without building an installer (that
 * needs Electron's download): electron-builder.yml is loaded and validated by
 * electron-builder's own loader and schema, and the security settings are
 * pinned: every fuse, the archive, the unpacked database driver, the fonts
 * outside the archive, the three platforms' targets, and no sources or tests
 * in the app.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
// electron-builder's own config loader and schema validator, from the package
// electron-builder runs (it pins app-builder-lib to its own version); the CLI
// has no validate-only command.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
/** The prebuilt Node-API driver of each platform, as better-sqlite3's package ships them. */
const DRIVERS = [
  'node_modules/better-sqlite3/prebuilds/linux-x64.node',
  'node_modules/better-sqlite3/prebuilds/win32-x64.node',
  'node_modules/better-sqlite3/prebuilds/darwin-arm64.node'
]

type Match = (file: string, pattern: string, options: { dot: boolean }) => boolean

/** The minimatch electron-builder matches `files` and `asarUnpack` with, with its options. */
function builderMinimatch(): (file: string, pattern: string) => boolean {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))
  const loaded: unknown = fromBuilder('minimatch')
  if (
    typeof loaded !== 'object' ||
    loaded === null ||
    !('minimatch' in loaded) ||
    typeof loaded.minimatch !== 'function'
  ) {
    throw new Error("app-builder-lib's minimatch has an unexpected shape")
  }
  const minimatch = loaded.minimatch as Match
  return (file, pattern) => minimatch(file, pattern, { dot: true })
}

/**
 * The patterns of a `files`-like option, as strings. The loader turns a plain
 * list into one file set `{ filter: [...] }` for the app folder; a set with
 * its own `from` would be another folder, which this config does not use.
 */
function patternsOf(value: Configuration['files']): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value]
  return list.flatMap((entry) => {
    if (typeof entry === 'string') return [entry]
    if (entry.from !== undefined) throw new Error(`unexpected file set from ${entry.from}`)
    const filter = entry.filter ?? []
    return typeof filter === 'string' ? [filter] : [...filter]
  })
}

/** The target names of a platform's `target` option. */
function targetNames(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : value == null ? [] : [value]
  return list.map((entry) => {
    if (typeof entry === 'string') return entry
    if (typeof entry === 'object' && entry !== null && 'target' in entry)
      return String(entry.target)
    throw new Error(`unexpected target ${JSON.stringify(entry)}`)
  })
}

let config: Configuration
let match: (file: string, pattern: string) => boolean

beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml', null)
  match = builderMinimatch()
})

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is validated for real: a misspelt option is refused', async () => {
    const misspelt = { ...config, electronFuse: { runAsNode: false } } as Configuration
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /electronFuse/
    )
  })

  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/)
    expect(config.productName).toBe('Back Intake')
  })

  it('sets every Electron fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('packs the app into an archive and unpacks only the native database driver', () => {
    expect(config.asar).toBe(true)
    const unpack = patternsOf(config.asarUnpack)
    for (const driver of DRIVERS) {
      expect({ driver, unpacked: unpack.some((pattern) => match(driver, pattern)) }).toEqual({
        driver,
        unpacked: true
      })
    }
    // Nothing is recompiled for Electron: the Node-API binary loads there as it is.
    expect(config.npmRebuild).toBe(false)
    for (const packed of [
      'out/main/index.js',
      'out/renderer/index.html',
      'node_modules/better-sqlite3/lib/database.js',
      'package.json'
    ]) {
      expect({ packed, unpacked: unpack.some((pattern) => match(packed, pattern)) }).toEqual({
        packed,
        unpacked: false
      })
    }
  })

  it('puts only the build and package.json into the app: no sources, tests or scripts', () => {
    const patterns = patternsOf(config.files)
    const included = patterns.filter((pattern) => !pattern.startsWith('!'))
    const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((p) => p.slice(1))
    for (const pattern of included) {
      expect(pattern === 'package.json' || pattern.startsWith('out/')).toBe(true)
    }
    const isIncluded = (file: string): boolean =>
      included.some((pattern) => match(file, pattern)) &&
      !excluded.some((pattern) => match(file, pattern))

    for (const shipped of [
      'package.json',
      'out/main/index.js',
      'out/main/pdfWorker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-XmkwfhMj.js'
    ]) {
      expect({ shipped, included: isIncluded(shipped) }).toEqual({ shipped, included: true })
    }
    for (const source of [
      'src/main.ts',
      'src/index.html',
      'src/domain/evaluateIntake.ts',
      'electron/main/index.ts',
      'tests/unit/main/index.test.ts',
      'tests/e2e/fixtures.ts',
      'scripts/dist.mjs',
      'electron.vite.config.ts',
      'resources/fonts/NotoSans-Regular.ttf',
      'out/main/index.js.map',
      '.env'
    ]) {
      expect({ source, included: isIncluded(source) }).toEqual({ source, included: false })
    }
  })

  it("trims the driver's sources and build leftovers, but never the driver itself", () => {
    const excluded = patternsOf(config.files)
      .filter((pattern) => pattern.startsWith('!'))
      .map((pattern) => pattern.slice(1))
    const trimmed = (file: string): boolean => excluded.some((pattern) => match(file, pattern))
    expect(trimmed('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(true)
    expect(trimmed('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(true)
    expect(trimmed('node_modules/better-sqlite3/binding.gyp')).toBe(true)
    for (const driver of DRIVERS)
      expect({ driver, trimmed: trimmed(driver) }).toEqual({ driver, trimmed: false })
    expect(trimmed('node_modules/better-sqlite3/lib/index.js')).toBe(false)
    expect(trimmed('node_modules/better-sqlite3/package.json')).toBe(false)
  })

  it('ships the PDF fonts outside the archive, where the main process reads them, with their licence', () => {
    const resources = config.extraResources
    const entries = Array.isArray(resources) ? resources : []
    const fonts = entries.find(
      (entry) => typeof entry === 'object' && entry !== null && entry.from === 'resources/fonts'
    )
    expect(fonts).toMatchObject({ to: 'fonts', filter: expect.arrayContaining(['*.ttf']) })
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null || !entry.from) continue
      expect({ from: entry.from, exists: fs.existsSync(path.join(ROOT, entry.from)) }).toEqual({
        from: entry.from,
        exists: true
      })
      expect(entry.to?.startsWith('fonts')).toBe(true)
    }
    expect(entries.filter((entry) => JSON.stringify(entry).includes('LICENSE'))).toHaveLength(2)
  })

  it('builds NSIS for Windows, a DMG for macOS, and AppImage and deb for Linux', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb'])
    // deb refuses to build without a maintainer; the Windows installer never deletes the records.
    expect(config.linux?.maintainer).toBeTruthy()
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })
})

describe('package.json', () => {
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const field = (name: string): Record<string, string> => {
    if (typeof pkg !== 'object' || pkg === null || !(name in pkg)) return {}
    const value: unknown = (pkg as Record<string, unknown>)[name]
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {}
  }

  it('pins Electron exactly, to a supported major (43 or later)', () => {
    const electron = field('devDependencies')['electron'] ?? ''
    expect(electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Number(electron.split('.')[0])).toBeGreaterThanOrEqual(43)
  })

  it('has dist scripts that build before packaging, and electron-builder to run them', () => {
    expect(field('scripts')['dist']).toBe('node scripts/dist.mjs')
    expect(field('scripts')['dist:dir']).toBe('node scripts/dist.mjs --dir')
    expect(field('devDependencies')['electron-builder']).toBeTruthy()
    expect(fs.readFileSync(path.join(ROOT, 'scripts/dist.mjs'), 'utf8')).toContain(
      "'run', '--silent', 'build'"
    )
  })

  it('lists as dependencies only what the main process loads at run time (the renderer is bundled)', () => {
    expect(Object.keys(field('dependencies')).sort()).toEqual(['better-sqlite3', 'pdfmake', 'zod'])
  })
})
