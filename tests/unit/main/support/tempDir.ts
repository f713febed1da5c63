/**
 * A fresh temporary folder per test, removed afterwards, so tests never share
 * a database file and never touch the user's data folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

/** Registers cleanup and returns a function that makes a new temp folder each call. */
export function useTempDirs(prefix: string): () => string {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
    made.push(dir)
    return dir
  }
}
