/**
 * Builds `window.api` from the IPC contract: exactly the contract's methods,
 * each closing over its own channel. The renderer never sees ipcRenderer and
 * never names a channel. Runs sandboxed, so it imports only 'electron' and
 * the (bundled) contract.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, channelFor } from '../../src/domain/ipc/contract'
import type { AppApi } from '../../src/domain/ipc/contract'

const api = Object.fromEntries(
  API_METHODS.map((method) => {
    const channel = channelFor(method)
    return [method, (args: unknown) => ipcRenderer.invoke(channel, args)]
  })
) as unknown as AppApi

contextBridge.exposeInMainWorld('api', Object.freeze(api))
