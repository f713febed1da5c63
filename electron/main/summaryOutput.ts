/**
 * The desktop shell's part of exporting and printing summaries: the folder
 * dialog of a day's export and the system print dialog (single files go
 * through the app's save dialog saver, services/export/saveFile.ts). Deliberately thin (everything
 * else is in services/pdf, tested without Electron); covered by a test with a
 * fake `electron` module.
 */
import { BrowserWindow, dialog } from 'electron'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from './services/export/writeFileAtomic'
import type { SummaryOutput } from './services/pdf/summaryService'

export interface ElectronSummaryOutputOptions {
  /** The app window the dialogs belong to (modal to it); null when it is gone. */
  readonly window: () => BrowserWindow | null
  /** Where the folder dialog starts (the user's Documents folder). */
  readonly defaultFolder: () => string
}

/** Dialogs and printing through Electron. */
export function createElectronSummaryOutput(options: ElectronSummaryOutputOptions): SummaryOutput {
  return {
    async chooseFolder(date) {
      const settings = {
        title: `Folder for the summaries of ${date}`,
        defaultPath: options.defaultFolder(),
        properties: ['openDirectory', 'createDirectory'] as Array<
          'openDirectory' | 'createDirectory'
        >
      }
      const parent = options.window()
      const result = parent
        ? await dialog.showOpenDialog(parent, settings)
        : await dialog.showOpenDialog(settings)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },

    async print(pdf, title) {
      // The built-in PDF viewer prints the very bytes that Export saves. It reads
      // a file, so the PDF goes to a private temporary folder removed afterwards.
      const folder = await mkdtemp(join(tmpdir(), 'back-intake-print-'))
      const file = join(folder, 'summary.pdf')
      const window = new BrowserWindow({
        show: false,
        title,
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          // The PDF viewer is a plugin: without it the window would show nothing to print.
          plugins: true
        }
      })
      try {
        await writeFileAtomic(file, pdf)
        await window.loadFile(file)
        return await new Promise<boolean>((resolve) => {
          window.webContents.print({ silent: false, printBackground: true }, (success) =>
            resolve(success)
          )
        })
      } finally {
        if (!window.isDestroyed()) window.destroy()
        await rm(folder, { recursive: true, force: true })
      }
    }
  }
}
