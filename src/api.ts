/**
 * The one place the renderer touches `window.api`. Its type is derived from
 * the IPC contract, so a renamed or retyped method fails to compile here and
 * at every caller.
 */
import type { AppApi } from './domain'

declare global {
  interface Window {
    readonly api: AppApi
  }
}

export const api: AppApi = window.api
