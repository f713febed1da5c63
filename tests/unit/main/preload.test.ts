import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS } from '../../../src/domain/ipc/contract'

/** What the preload hands to the page, and every call it makes on ipcRenderer. */
const bridge = vi.hoisted(() => {
  const exposed: { key: string; api: unknown }[] = []
  const ipcRenderer = {
    invoke: vi.fn((channel: string, args: unknown) =>
      Promise.resolve({ ok: true, value: { channel, args } })
    ),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
    once: vi.fn(),
    postMessage: vi.fn()
  }
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.push({ key, api })
    })
  }
  return { exposed, ipcRenderer, contextBridge }
})

vi.mock('electron', () => ({
  contextBridge: bridge.contextBridge,
  ipcRenderer: bridge.ipcRenderer
}))

// The preload does its work when loaded, as it does in the sandboxed renderer.
await import('../../../electron/preload/index')

/** The one object the preload exposed. */
function exposedApi(): Record<string, unknown> {
  expect(bridge.exposed).toHaveLength(1)
  const [only] = bridge.exposed
  if (!only || typeof only.api !== 'object' || only.api === null)
    throw new Error('the preload exposed no object')
  return only.api as Record<string, unknown>
}

function method(name: string): (args: unknown) => Promise<unknown> {
  const candidate = exposedApi()[name]
  if (typeof candidate !== 'function') throw new Error(`${name} is not a function`)
  return candidate as (args: unknown) => Promise<unknown>
}

beforeEach(() => {
  bridge.ipcRenderer.invoke.mockClear()
})

describe('the preload API', () => {
  it('exposes one object, as window.api, and nothing else', () => {
    expect(bridge.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(bridge.exposed.map(({ key }) => key)).toEqual(['api'])
  })

  it('has exactly the methods of the contract, all functions', () => {
    const api = exposedApi()
    // Own names include non-enumerable ones, so nothing can hide from this check.
    expect(Object.getOwnPropertyNames(api).sort()).toEqual([...API_METHODS, 'on'].sort())
    expect(Object.getOwnPropertySymbols(api)).toEqual([])
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
    for (const name of [...API_METHODS, 'on']) expect(typeof api[name]).toBe('function')
  })

  it('is frozen', () => {
    const api = exposedApi()
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      api['getIntake'] = () => Promise.resolve('replaced')
    }).toThrow(TypeError)
    expect(() => {
      api['ipcRenderer'] = bridge.ipcRenderer
    }).toThrow(TypeError)
  })

  it.each(API_METHODS)(
    '%s invokes app:%s with its argument and returns the answer',
    async (name) => {
      const args = { probe: name }

      const result = await method(name)(args)

      expect(bridge.ipcRenderer.invoke).toHaveBeenCalledTimes(1)
      expect(bridge.ipcRenderer.invoke).toHaveBeenCalledWith(`app:${name}`, args)
      expect(result).toEqual({ ok: true, value: { channel: `app:${name}`, args } })
    }
  )

  it('never hands out ipcRenderer or uses any other channel API', async () => {
    const api = exposedApi()
    for (const value of Object.values(api)) {
      expect(value).not.toBe(bridge.ipcRenderer)
      expect(value).not.toBe(bridge.ipcRenderer.invoke)
      expect(Object.getOwnPropertyNames(value)).not.toContain('ipcRenderer')
    }
    for (const name of API_METHODS) await method(name)({})
    expect(bridge.ipcRenderer.send).not.toHaveBeenCalled()
    expect(bridge.ipcRenderer.sendSync).not.toHaveBeenCalled()
    expect(bridge.ipcRenderer.on).not.toHaveBeenCalled()
    expect(bridge.ipcRenderer.once).not.toHaveBeenCalled()
    expect(bridge.ipcRenderer.postMessage).not.toHaveBeenCalled()
  })

  it('listens to a contract event on its own channel, hands over only the payload, and stops', () => {
    const on = exposedApi()['on'] as (
      event: string,
      listener: (payload: unknown) => void
    ) => () => void
    const heard: unknown[] = []
    const stop = on('flushRequested', (payload) => heard.push(payload))

    expect(bridge.ipcRenderer.on).toHaveBeenCalledTimes(1)
    const [channel, forward] = bridge.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (event: unknown, payload: unknown) => void
    ]
    expect(channel).toBe('app-event:flushRequested')
    forward({ sender: 'the IPC event, never handed out' }, { probe: 1 })
    expect(heard).toEqual([{ probe: 1 }])

    stop()
    expect(bridge.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward)
  })

  it('refuses to listen to a channel outside the contract', () => {
    bridge.ipcRenderer.on.mockClear()
    const on = exposedApi()['on'] as (event: string, listener: () => void) => () => void
    on('app:getIntake', () => undefined)
    expect(bridge.ipcRenderer.on).not.toHaveBeenCalled()
  })
})
