/**
 * How an export reaches a file the user chose, behind one small function so
 * the services never see Electron: the desktop app asks with the save dialog,
 * the end-to-end web fixture and unit tests save into a folder they read back.
 * Either way the file is written atomically ({@link writeFileAtomic}).
 */
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron'
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ServiceError } from '../serviceError'
import { writeFileAtomic } from './writeFileAtomic'

/** One kind of file the dialog offers, e.g. `{ name: 'FHIR JSON', extensions: ['json'] }`. */
export interface FileFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

export interface SaveFileRequest {
  /** The file name offered (no folder); the user may change it. */
  readonly suggestedName: string
  readonly filters: readonly FileFilter[]
  readonly contents: Uint8Array
}

/** Where the file went, or that the user closed the dialog (nothing was written). */
export type SaveFileOutcome =
  | { readonly saved: true; readonly fileName: string; readonly path: string }
  | { readonly saved: false }

/**
 * Asks where to save and writes the file there.
 *
 * @throws ServiceError `storage` when the file cannot be written (the message
 *   says why in plain words; nothing half-written is left).
 */
export type SaveFile = (request: SaveFileRequest) => Promise<SaveFileOutcome>

async function write(path: string, contents: Uint8Array): Promise<SaveFileOutcome> {
  try {
    await writeFileAtomic(path, contents)
  } catch (error) {
    throw new ServiceError('storage', writeFailureMessage(error), { cause: error })
  }
  return { saved: true, fileName: basename(path), path }
}

/** Why a file could not be written, in words the person at the screen can act on. */
function writeFailureMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'The file could not be saved there: that folder does not allow it. Choose another folder.'
    case 'ENOSPC':
      return 'The file could not be saved: the disk is full.'
    case 'ENOENT':
      return 'The file could not be saved: that folder no longer exists.'
    default:
      return 'The file could not be saved. Nothing was written; please try again.'
  }
}

/**
 * The desktop app's saver: the system save dialog (over the app window, so it
 * is modal to it), then an atomic write.
 *
 * @param defaultFolder the folder the dialog opens in (the user's documents).
 */
export function createDialogSaveFile(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parentWindow: () => BrowserWindow | null,
  defaultFolder: () => string
): SaveFile {
  return async (request) => {
    const options: SaveDialogOptions = {
      defaultPath: join(defaultFolder(), request.suggestedName),
      filters: request.filters.map((filter) => ({
        name: filter.name,
        extensions: [...filter.extensions]
      })),
      properties: ['createDirectory', 'showOverwriteConfirmation']
    }
    const window = parentWindow()
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false }
    return write(choice.filePath, request.contents)
  }
}

/**
 * A saver with no dialog: every file goes into `folder` under its suggested
 * name, as if the user had accepted it. The end-to-end web fixture (which has
 * no system dialog) and unit tests use it to read back what was exported.
 */
export function createFolderSaveFile(folder: string): SaveFile {
  return async (request) => {
    await mkdir(folder, { recursive: true })
    return write(join(folder, basename(request.suggestedName)), request.contents)
  }
}
