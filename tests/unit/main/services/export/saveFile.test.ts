/**
 * The save-dialog glue with a fake Electron dialog (the binary is not
 * available here), and the folder saver the web fixture uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserWindow, Dialog, SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  createDialogSaveFile,
  createFolderSaveFile,
  type SaveFileRequest
} from '../../../../../electron/main/services/export/saveFile'
import { ServiceError } from '../../../../../electron/main/services/serviceError'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('save-file')

const request: SaveFileRequest = {
  suggestedName: '2026-11-20 Okafor, Maya – intake.fhir.json',
  filters: [{ name: 'FHIR JSON', extensions: ['json'] }],
  contents: new TextEncoder().encode('{}\n')
}

/** A dialog that answers with `answer` and records how it was asked. */
function fakeDialog(answer: SaveDialogReturnValue) {
  const calls: Array<{ window: unknown; options: SaveDialogOptions }> = []
  const showSaveDialog = ((...args: unknown[]) => {
    const [first, second] = args
    calls.push(
      second === undefined
        ? { window: null, options: first as SaveDialogOptions }
        : { window: first, options: second as SaveDialogOptions }
    )
    return Promise.resolve(answer)
  }) as Dialog['showSaveDialog']
  return { dialog: { showSaveDialog }, calls }
}

describe('createDialogSaveFile', () => {
  it('offers the suggested name in the default folder, over the app window, and writes the chosen file', async () => {
    const dir = tempDir()
    const chosen = path.join(dir, 'renamed.json')
    const window = { id: 1 } as unknown as BrowserWindow
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: chosen })
    const save = createDialogSaveFile(
      dialog,
      () => window,
      () => '/home/staff/Documents'
    )
    expect(await save(request)).toEqual({ saved: true, fileName: 'renamed.json', path: chosen })
    expect(fs.readFileSync(chosen, 'utf8')).toBe('{}\n')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.window).toBe(window)
    expect(calls[0]?.options).toMatchObject({
      defaultPath: path.join('/home/staff/Documents', request.suggestedName),
      filters: [{ name: 'FHIR JSON', extensions: ['json'] }]
    })
  })

  it('writes nothing when the dialog is closed', async () => {
    const dir = tempDir()
    const { dialog } = fakeDialog({ canceled: true, filePath: '' })
    const save = createDialogSaveFile(
      dialog,
      () => null,
      () => dir
    )
    expect(await save(request)).toEqual({ saved: false })
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('reports a folder that cannot be written to in plain words', async () => {
    const dir = tempDir()
    const { dialog } = fakeDialog({ canceled: false, filePath: path.join(dir, 'gone', 'x.json') })
    const save = createDialogSaveFile(
      dialog,
      () => null,
      () => dir
    )
    const failure = await save(request).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ServiceError)
    expect(failure).toMatchObject({
      code: 'storage',
      message: 'The file could not be saved: that folder no longer exists.'
    })
  })
})

describe('createFolderSaveFile', () => {
  it('saves under the suggested name in its folder, made when missing', async () => {
    const folder = path.join(tempDir(), 'exports')
    const outcome = await createFolderSaveFile(folder)(request)
    expect(outcome).toEqual({
      saved: true,
      fileName: request.suggestedName,
      path: path.join(folder, request.suggestedName)
    })
    expect(fs.readFileSync(path.join(folder, request.suggestedName), 'utf8')).toBe('{}\n')
  })
})
