/**
 * An export is there whole or not at all: the atomic write replaces a file in
 * one step and leaves nothing behind when it fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../../electron/main/services/export/writeFileAtomic'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('atomic-write')
const bytes = (text: string) => new TextEncoder().encode(text)

describe('writeFileAtomic', () => {
  it('writes the file whole and leaves no temporary file', async () => {
    const dir = tempDir()
    const target = path.join(dir, '2026-11-20 Okafor, Maya – intake.fhir.json')
    await writeFileAtomic(target, bytes('{"resourceType":"Bundle"}\n'))
    expect(fs.readFileSync(target, 'utf8')).toBe('{"resourceType":"Bundle"}\n')
    expect(fs.readdirSync(dir)).toEqual([path.basename(target)])
  })

  it('replaces an existing file', async () => {
    const dir = tempDir()
    const target = path.join(dir, 'export.json')
    fs.writeFileSync(target, 'old contents that are longer than the new ones')
    await writeFileAtomic(target, bytes('new'))
    expect(fs.readFileSync(target, 'utf8')).toBe('new')
    expect(fs.readdirSync(dir)).toEqual(['export.json'])
  })

  it('keeps what was there and removes its temporary file when the last step fails', async () => {
    const dir = tempDir()
    // A folder where the file should go: the final rename fails after every byte was written.
    const target = path.join(dir, 'taken')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'inside.txt'), 'untouched')
    await expect(writeFileAtomic(target, bytes('x'.repeat(100_000)))).rejects.toThrow()
    expect(fs.readdirSync(dir)).toEqual(['taken'])
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('untouched')
  })

  it('fails without creating anything when the folder does not exist', async () => {
    const dir = tempDir()
    await expect(
      writeFileAtomic(path.join(dir, 'missing', 'export.json'), bytes('x'))
    ).rejects.toMatchObject({ code: 'ENOENT' })
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
