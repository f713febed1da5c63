/**
 * Putting database files in place so that they survive a power cut: synced
 * to disk before they are named, named without replacing anything, and the
 * new name synced too. Shared by opening the database (a new one is built
 * under a temporary name) and by backups and restores.
 */
import fs from 'node:fs'

/** Writes the file's data to the disk (a renamed file is only as complete as what was synced). */
export function syncFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes new names durable where the platform can sync a folder (POSIX; NTFS journals renames). */
export function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(folder, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Best effort: the files are complete under their names either way.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * Renames `from` to `to`, refusing to replace a file that is there (or that
 * appears meanwhile): a hard link fails if the name is taken, where a rename
 * would silently overwrite it. File systems without hard links get the
 * rename after one more look.
 *
 * @throws an error with code `EEXIST` when `to` exists
 */
export function placeWithoutReplacing(from: string, to: string): void {
  try {
    fs.linkSync(from, to)
    fs.rmSync(from)
    return
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST') {
      throw error
    }
  }
  if (fs.existsSync(to)) throw Object.assign(new Error(`${to} already exists`), { code: 'EEXIST' })
  fs.renameSync(from, to)
}
