/**
 * Builds `window.api` from the IPC contract: exactly the contract's methods,
 * each closing over its own channel. The renderer never sees ipcRenderer and
 * never names a channel. Runs sandboxed, so it imports only 'electron' and
 * the (bundled) contract.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_EVENTS, API_METHODS, channelFor, eventChannelFor } from '../../src/domain/ipc/contract'
import type { ApiEvent, AppApi } from '../../src/domain/ipc/contract'

const methods = Object.fromEntries(
  API_METHODS.map((method) => {
    const channel = channelFor(method)
    return [method, (args: unknown) => ipcRenderer.invoke(channel, args)]
  })
)

/** Adds a listener for one contract event; the renderer gets the payload, never the IPC event. */
function on(event: ApiEvent, listener: (payload: unknown) => void): () => void {
  if (!(API_EVENTS as readonly string[]).includes(event)) return () => undefined
  const channel = eventChannelFor(event)
  const forward = (_event: unknown, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api = { ...methods, on } as unknown as AppApi

contextBridge.exposeInMainWorld('api', Object.freeze(api))
