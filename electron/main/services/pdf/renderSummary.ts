/**
 * pdfmake set up for the summary: the bundled fonts read once from their
 * files and handed to pdfmake in memory, every URL refused and no file on
 * disk readable at all. Runs in the PDF worker (pdfWorker.ts); tests call it
 * in-process to read the bytes it makes.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { FONT_FILES, fontPaths, loadFontCoverage, type FontCoverage } from './fonts'
import { loadPdfmake } from './sharedFonts'
import { buildSummaryDocument, type SummaryInput } from './summaryDocument'

export interface SummaryRendererOptions {
  /** The folder holding the .ttf files (resources/fonts). */
  readonly fontDir: string
  /** IANA zone for the times printed; the machine's own by default. */
  readonly timeZone?: string
}

/** Renders one summary to PDF bytes. */
export type RenderSummary = (input: SummaryInput) => Promise<Uint8Array<ArrayBuffer>>

/** pdfmake's in-memory file store (Node build), which the typings leave out. */
interface WithVirtualFs {
  readonly virtualfs: { writeFileSync(name: string, content: Buffer): void }
}

/**
 * Configures pdfmake once (fonts, access policies) and returns the function
 * that turns a summary's input into PDF bytes. A PNG signature that pdfkit
 * cannot decode does not cost the clinic its summary: the document is made
 * again without the image (the record still holds it).
 */
export function createSummaryRenderer(options: SummaryRendererOptions): RenderSummary {
  const fontDir = resolve(options.fontDir)
  const coverage: FontCoverage = loadFontCoverage(fontDir)
  const pdfmake = loadPdfmake()
  // The same Buffer objects for every document, so sharedFonts.ts can reuse the parsed fonts.
  const files = (pdfmake as unknown as WithVirtualFs).virtualfs
  for (const path of fontPaths(fontDir)) {
    files.writeFileSync(`fonts/${path.slice(fontDir.length + 1)}`, readFileSync(path))
  }
  pdfmake.setFonts(
    Object.fromEntries(
      Object.entries(FONT_FILES).map(([family, styles]) => [
        family,
        Object.fromEntries(Object.entries(styles).map(([style, file]) => [style, `fonts/${file}`]))
      ])
    )
  )
  // Nothing in a summary comes from the network or from disk: the fonts are already in memory.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)

  const render = async (definition: TDocumentDefinitions): Promise<Uint8Array<ArrayBuffer>> => {
    const buffer = await pdfmake.createPdf(definition).getBuffer()
    // A fresh, unshared buffer, so it can be transferred out of the worker.
    return new Uint8Array(buffer)
  }

  return async (input) => {
    const build = (omitSignatureImage: boolean): TDocumentDefinitions =>
      buildSummaryDocument(input, {
        coverage,
        omitSignatureImage,
        ...(options.timeZone ? { timeZone: options.timeZone } : {})
      })
    const definition = build(false)
    try {
      return await render(definition)
    } catch (error) {
      if (definition.images === undefined) throw error
      return render(build(true))
    }
  }
}

/** The font folder of a source checkout or an unpacked build: `<root>/resources/fonts`. */
export function defaultFontDir(root: string): string {
  return join(root, 'resources', 'fonts')
}
