/**
 * Start-up recovery: quit, or restore a backup; a refused backup says why and
 * offers the choice again; a cancelled file dialog goes back to the choice.
 */
import { describe, expect, it } from 'vitest'
import type { Dialog } from 'electron'
import {
  createElectronRecoveryDialogs,
  recoverFromUnusableDatabase,
  type RecoveryDialogs
} from '../../../electron/main/startupRecovery'

const PROBLEM = 'This database was written by a newer version of Back Intake.'

/** Dialogs that answer from a script and record what they were shown. */
function scripted(
  actions: Array<'quit' | 'restore'>,
  backups: Array<string | null>
): RecoveryDialogs & { shown: string[]; fileDialogs: number } {
  const dialogs = {
    shown: [] as string[],
    fileDialogs: 0,
    async chooseAction(detail: string) {
      dialogs.shown.push(detail)
      const next = actions.shift()
      if (!next) throw new Error('asked once too often')
      return next
    },
    async chooseBackup() {
      dialogs.fileDialogs += 1
      const next = backups.shift()
      if (next === undefined) throw new Error('file dialog opened once too often')
      return next
    }
  }
  return dialogs
}

describe('recoverFromUnusableDatabase', () => {
  it('quits when asked, restoring nothing', async () => {
    const dialogs = scripted(['quit'], [])
    const restored: string[] = []
    const outcome = await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: async (path) => restored.push(path)
    })
    expect(outcome).toBe('quit')
    expect(dialogs.shown).toEqual([PROBLEM])
    expect(dialogs.fileDialogs).toBe(0)
    expect(restored).toEqual([])
  })

  it('restores the chosen backup', async () => {
    const dialogs = scripted(['restore'], ['/backups/back-intake-2026-11-20.sqlite3'])
    const restored: string[] = []
    const outcome = await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: async (path) => restored.push(path)
    })
    expect(outcome).toBe('restored')
    expect(restored).toEqual(['/backups/back-intake-2026-11-20.sqlite3'])
  })

  it('shows why a backup was refused and offers again; a second backup can succeed', async () => {
    const dialogs = scripted(
      ['restore', 'restore'],
      ['/backups/bad.sqlite3', '/backups/good.sqlite3']
    )
    const logged: unknown[] = []
    const outcome = await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: async (path) => {
        if (path.endsWith('bad.sqlite3'))
          throw new Error('The backup bad.sqlite3 cannot be restored: it has no intakes.')
      },
      logError: (error) => logged.push(error)
    })
    expect(outcome).toBe('restored')
    expect(dialogs.shown).toHaveLength(2)
    expect(dialogs.shown[1]).toBe(
      `The backup bad.sqlite3 cannot be restored: it has no intakes.\n\n${PROBLEM}`
    )
    expect(logged).toHaveLength(1)
  })

  it('lets the user quit after a refused backup', async () => {
    const dialogs = scripted(['restore', 'quit'], ['/backups/bad.sqlite3'])
    const outcome = await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: () => Promise.reject(new Error('checksum mismatch'))
    })
    expect(outcome).toBe('quit')
    expect(dialogs.shown[1]).toContain('checksum mismatch')
  })

  it('goes back to the choice, with the original problem, when the file dialog is cancelled', async () => {
    const dialogs = scripted(['restore', 'quit'], [null])
    const outcome = await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: () => Promise.reject(new Error('must not be called'))
    })
    expect(outcome).toBe('quit')
    expect(dialogs.shown).toEqual([PROBLEM, PROBLEM])
  })

  it('names the backup when the refusal carries no message', async () => {
    const dialogs = scripted(['restore', 'quit'], ['/backups/odd.sqlite3'])
    await recoverFromUnusableDatabase({
      problem: PROBLEM,
      dialogs,
      restore: () => Promise.reject('no')
    })
    expect(dialogs.shown[1]).toContain('The backup /backups/odd.sqlite3 could not be restored.')
  })
})

describe('createElectronRecoveryDialogs', () => {
  /** Electron's dialog, answering with the given button and file, recording the options it got. */
  function fakeDialog(button: number, file: { canceled: boolean; filePaths: string[] }) {
    const calls: unknown[] = []
    const dialog = {
      showMessageBox: async (options: unknown) => {
        calls.push(options)
        return { response: button, checkboxChecked: false }
      },
      showOpenDialog: async (options: unknown) => {
        calls.push(options)
        return file
      }
    }
    return { dialog: dialog as unknown as Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>, calls }
  }

  it('offers Quit and Restore, with Quit as the default and the cancel answer', async () => {
    const { dialog, calls } = fakeDialog(1, { canceled: false, filePaths: [] })
    const dialogs = createElectronRecoveryDialogs(dialog, '/data')
    expect(await dialogs.chooseAction(PROBLEM)).toBe('restore')
    expect(calls[0]).toMatchObject({
      title: 'Back Intake cannot start',
      detail: PROBLEM,
      buttons: ['Quit', 'Restore from a backup…'],
      defaultId: 0,
      cancelId: 0
    })
    const quit = createElectronRecoveryDialogs(
      fakeDialog(0, { canceled: true, filePaths: [] }).dialog,
      '/data'
    )
    expect(await quit.chooseAction(PROBLEM)).toBe('quit')
  })

  it('asks for one .sqlite3 file, starting in the given folder, and returns null when cancelled', async () => {
    const chosen = fakeDialog(1, { canceled: false, filePaths: ['/data/backup.sqlite3'] })
    expect(await createElectronRecoveryDialogs(chosen.dialog, '/data').chooseBackup()).toBe(
      '/data/backup.sqlite3'
    )
    expect(chosen.calls[0]).toMatchObject({
      defaultPath: '/data',
      properties: ['openFile'],
      filters: [{ name: 'Back Intake backup', extensions: ['sqlite3'] }]
    })
    const cancelled = fakeDialog(1, { canceled: true, filePaths: [] })
    expect(await createElectronRecoveryDialogs(cancelled.dialog, '/data').chooseBackup()).toBeNull()
  })
})
