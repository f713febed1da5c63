/**
 * Writes a file so that it is either there whole or not changed at all: the
 * bytes go to a temporary file beside the target, are flushed to disk, and
 * the temporary file is renamed over the target (a rename within one folder
 * is atomic). A failure removes the temporary file, so no half-written export
 * is ever left where staff would find it.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * @param target where the file ends up; an existing file there is replaced.
 * @throws the file system's error (the target is untouched).
 */
export async function writeFileAtomic(target: string, contents: Uint8Array): Promise<void> {
  const folder = dirname(target)
  // Hidden and unique, in the target's own folder: a rename across file systems is not atomic.
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | null = null
  try {
    handle = await open(temporary, 'wx')
    await handle.writeFile(contents)
    // Flushed before the rename, or a power cut could leave the new name on empty blocks.
    await handle.sync()
    await handle.close()
    handle = null
    await rename(temporary, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(folder)
}

/**
 * Makes the rename itself durable where the platform allows it (POSIX); a
 * folder cannot be opened for syncing on Windows, where NTFS journals renames.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | null = null
  try {
    handle = await open(folder, 'r')
    await handle.sync()
  } catch {
    // Best effort: the file is complete and renamed either way.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
