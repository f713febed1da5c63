/**
 * The environment overrides are for development and the test suites: an
 * installed app ignores all of them, a production build ignores the renderer
 * URL, and the unpackaged build the e2e fixture launches keeps its data folder
 * and driver.
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

  it('honours all three in the dev server build', () => {
    expect(readDevOverrides(ENV, { isPackaged: false, developmentBuild: true })).toEqual({
      rendererUrl: ENV.ELECTRON_RENDERER_URL,
      sqliteBinding: ENV.BACK_INTAKE_SQLITE_BINDING,
      dataDir: ENV.BACK_INTAKE_DATA_DIR
    })
  })

  it('keeps the data folder and driver, but never a renderer URL, in an unpackaged production build (npm start, e2e)', () => {
    expect(readDevOverrides(ENV, { isPackaged: false, developmentBuild: false })).toEqual({
      sqliteBinding: ENV.BACK_INTAKE_SQLITE_BINDING,
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
