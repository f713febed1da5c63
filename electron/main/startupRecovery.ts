/**
 * What the app offers when its database cannot be used at start-up (a newer
 * version's file, a corrupt or foreign file): quit, or restore a backup and
 * start again. A refused backup says why and offers the choice again, so a
 * clinic with a good backup is never stuck behind a bad one.
 *
 * The dialogs and the restore are injected: index.ts passes Electron's
 * (createElectronRecoveryDialogs), the tests pass scripted ones.
 */
import type { Dialog } from 'electron'

export interface RecoveryDialogs {
  /**
   * Shows the problem with two buttons, "Quit" and "Restore from a backup…".
   * `detail` is the reason (the database's, or why the last backup was refused).
   */
  chooseAction(detail: string): Promise<'quit' | 'restore'>
  /** A file dialog for a `.sqlite3` backup; null when cancelled. */
  chooseBackup(): Promise<string | null>
}

export interface RecoveryOptions {
  /** Why the database cannot be used (DatabaseOpenError's message). */
  readonly problem: string
  readonly dialogs: RecoveryDialogs
  /**
   * Puts the backup in place of the database; throws when it refuses, with a
   * message for people that names the backup and the reason
   * (services/dataSafety/backups.ts restoreDatabaseFile).
   */
  readonly restore: (backupPath: string) => Promise<unknown>
  readonly logError?: (error: unknown) => void
}

/** 'restored': relaunch the app on the restored database; 'quit': exit. */
export type RecoveryOutcome = 'restored' | 'quit'

/** Runs the quit-or-restore dialog until the user quits or a backup is restored. */
export async function recoverFromUnusableDatabase(
  options: RecoveryOptions
): Promise<RecoveryOutcome> {
  let detail = options.problem
  for (;;) {
    if ((await options.dialogs.chooseAction(detail)) === 'quit') return 'quit'
    const backupPath = await options.dialogs.chooseBackup()
    if (backupPath === null) {
      // Cancelled the file dialog: back to the original problem.
      detail = options.problem
      continue
    }
    try {
      await options.restore(backupPath)
      return 'restored'
    } catch (error) {
      options.logError?.(error)
      detail = `${refusalOf(error, backupPath)}\n\n${options.problem}`
    }
  }
}

/** The restore's own words (they name the backup and the reason), or a plain fallback. */
function refusalOf(error: unknown, backupPath: string): string {
  if (error instanceof Error && error.message) return error.message
  return `The backup ${backupPath} could not be restored.`
}

/** Button order of the message box: Quit first, so Escape and closing the box quit. */
const QUIT = 0
const RESTORE = 1

/**
 * The recovery dialogs on Electron's `dialog`. There is no window yet, so
 * both are application-modal. `backupFolder` is where the file dialog opens.
 */
export function createElectronRecoveryDialogs(
  dialog: Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>,
  backupFolder: string
): RecoveryDialogs {
  return {
    async chooseAction(detail) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Back Intake cannot start',
        message: 'Back Intake cannot open its database.',
        detail,
        buttons: ['Quit', 'Restore from a backup…'],
        defaultId: QUIT,
        cancelId: QUIT,
        noLink: true
      })
      return response === RESTORE ? 'restore' : 'quit'
    },
    async chooseBackup() {
      const result = await dialog.showOpenDialog({
        title: 'Choose a backup to restore',
        defaultPath: backupFolder,
        properties: ['openFile'],
        filters: [{ name: 'Back Intake backup', extensions: ['sqlite3'] }]
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}
