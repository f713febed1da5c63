/**
 * Reading a PDF back the way a person or another program would: its text
 * through pdfjs-dist, its structure through `qpdf --check`, its pages as PNG
 * pictures through `pdftoppm` (poppler-utils) for people to open.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of every page, in reading order, items joined by spaces. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0
  }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    const content = await page.getTextContent()
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replaceAll('\u200B', '')
    )
  }
  await document.destroy()
  return pages
}

/** `qpdf --check` output; throws with it when qpdf finds a problem. */
export function qpdfCheck(bytes: Uint8Array): string {
  const folder = mkdtempSync(join(tmpdir(), 'qpdf-'))
  try {
    const file = join(folder, 'check.pdf')
    writeFileSync(file, bytes)
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
    if (result.status !== 0)
      throw new Error(`qpdf --check failed:\n${result.stdout}${result.stderr}`)
    return result.stdout
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Whether the poppler and qpdf tools are installed (the CI script installs them). */
export function pdfToolsInstalled(): boolean {
  return ['qpdf', 'pdftoppm'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
  )
}

/**
 * Writes the PDF and its pages as 60 dpi PNGs to `folder` (`name.pdf`,
 * `name-1.png`...), for people to open; returns the PNG paths.
 */
export function keepPdfAndPages(bytes: Uint8Array, folder: string, name: string): string[] {
  mkdirSync(folder, { recursive: true })
  const pdf = join(folder, `${name}.pdf`)
  writeFileSync(pdf, bytes)
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(folder, name)])
  return readdirSync(folder)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .map((file) => join(folder, file))
}
