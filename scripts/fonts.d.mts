/** Types of scripts/fonts.mjs, for electron.vite.config.ts. */
export declare const FONT_SOURCES: ReadonlyArray<
  readonly [file: string, pkg: string, inner: string]
>
/** Copies the PDF fonts from their npm packages into `target` (resources/fonts); returns it. */
export declare function copyFonts(target?: string): string
