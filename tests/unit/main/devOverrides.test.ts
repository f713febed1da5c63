/**
 * The environment overrides are for development and the test suites: an
 * installed app ignores all of them, a production build ignores the renderer
 * URL, the unpackaged build the e2e fixture launches keeps its data folder, and
 * no build takes a path to a database driver.
 */
import { describe, expect, it } from 'vitest'
import { isProductionBuild, readDevOverrides } from '../../../electron/main/devOverrides'

const ENV = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  BACK_INTAKE_SQLITE_BINDING: '/checkout/node_modules/.electron-native/better_sqlite3.node',
  BACK_INTAKE_DATA_DIR: '/tmp/back-intake-e2e-1'
}

describe('readDevOverrides', () => {
  it('ignores every override in a packaged app, development build or not', () => {
    expect(readDevOverrides(ENV, { isPackaged: true, developmentBuild: false })).toEqual({})
    expect(readDevOverrides(ENV, { isPackaged: true, developmentBuild: true })).toEqual({})
  })

  it('honours the renderer URL and data folder in the dev server build, never a driver path', () => {
    expect(readDevOverrides(ENV, { isPackaged: false, developmentBuild: true })).toEqual({
      rendererUrl: ENV.ELECTRON_RENDERER_URL,
      dataDir: ENV.BACK_INTAKE_DATA_DIR
    })
  })

  it('keeps the data folder, but never a renderer URL, in an unpackaged production build (e2e)', () => {
    expect(readDevOverrides(ENV, { isPackaged: false, developmentBuild: false })).toEqual({
      dataDir: ENV.BACK_INTAKE_DATA_DIR
    })
  })

  it('treats empty values as unset', () => {
    const empty = {
      ELECTRON_RENDERER_URL: '',
      BACK_INTAKE_SQLITE_BINDING: '',
      BACK_INTAKE_DATA_DIR: ''
    }
    expect(readDevOverrides(empty, { isPackaged: false, developmentBuild: true })).toEqual({})
  })
})

describe('isProductionBuild', () => {
  it('is production when packaged or built for production, development only from the dev server unpackaged', () => {
    expect(isProductionBuild({ isPackaged: true, developmentBuild: true })).toBe(true)
    expect(isProductionBuild({ isPackaged: true, developmentBuild: false })).toBe(true)
    expect(isProductionBuild({ isPackaged: false, developmentBuild: false })).toBe(true)
    expect(isProductionBuild({ isPackaged: false, developmentBuild: true })).toBe(false)
  })
})
