/**
 * Environment variables that point the app somewhere else: the dev server's
 * URL and a data folder. They exist for development and the test suites; in
 * an installed app they would let anyone who can set an environment variable
 * (a shortcut, a login script) make the clinic's app load remote code or
 * another data folder. So the rule, decided here once:
 *
 * | variable                     | honoured when                                   |
 * | ---------------------------- | ----------------------------------------------- |
 * | ELECTRON_RENDERER_URL        | a development build (`electron-vite dev`), not packaged |
 * | BACK_INTAKE_DATA_DIR         | not packaged                                     |
 *
 * A packaged app honours neither. The renderer URL needs the development
 * build too: loading code from a URL is the more dangerous of the two and only
 * the dev server needs it. The data folder must keep working in an unpackaged
 * production build, because the end-to-end electron fixture launches the
 * built app with it (tests/e2e/fixtures.ts).
 *
 * There is no override for the database driver: better-sqlite3 is a Node-API
 * module, so the one file in node_modules loads in Node and in Electron alike,
 * and nothing may point the app at another native library.
 */

export interface BuildFlavour {
  /** Electron's `app.isPackaged`: running from an installer's app.asar. */
  readonly isPackaged: boolean
  /** Built by `electron-vite dev` (Vite's `import.meta.env.DEV`), not `electron-vite build`. */
  readonly developmentBuild: boolean
}

export interface DevOverrides {
  readonly rendererUrl?: string
  readonly dataDir?: string
}

/** The overrides this build honours, read from `env`; empty values count as unset. */
export function readDevOverrides(
  env: Readonly<Record<string, string | undefined>>,
  build: BuildFlavour
): DevOverrides {
  if (build.isPackaged) return {}
  const value = (name: string): string | undefined => env[name] || undefined
  const rendererUrl = build.developmentBuild ? value('ELECTRON_RENDERER_URL') : undefined
  const dataDir = value('BACK_INTAKE_DATA_DIR')
  return {
    ...(rendererUrl ? { rendererUrl } : {}),
    ...(dataDir ? { dataDir } : {})
  }
}

/**
 * Whether this is a production build: packaged, or built by `electron-vite
 * build`. Production builds get no application menu, no DevTools and the
 * DevTools shortcuts blocked.
 */
export function isProductionBuild(build: BuildFlavour): boolean {
  return build.isPackaged || !build.developmentBuild
}
