/**
 * What the PDF summary's export and print calls report back to the screen.
 * The PDF itself never crosses the IPC boundary: the main process writes it
 * where staff chose, or hands it to the system print dialog.
 */

/** One summary saved through the save dialog. */
export interface SummaryExportResult {
  /** False when staff closed the dialog without saving (nothing was written). */
  readonly saved: boolean
  /** The file name written (no folder), or the one suggested when nothing was saved. */
  readonly fileName: string
}

/** One summary sent to the system print dialog. */
export interface SummaryPrintResult {
  /** False when the print dialog was cancelled or printing failed. */
  readonly printed: boolean
}

/** One summary of a day's export that could not be written. */
export interface DayExportFailure {
  readonly id: string
  readonly fileName: string
  readonly message: string
}

/** The end of a day's export: every summary written, or where it stopped. */
export interface DayExportResult {
  readonly date: string
  /** The folder written to; `null` when staff closed the folder dialog. */
  readonly folder: string | null
  readonly total: number
  readonly written: number
  /** True when staff pressed Cancel: files already written are kept, none is half written. */
  readonly cancelled: boolean
  readonly failed: readonly DayExportFailure[]
}

/** Pushed after each file of a day's export (and once at the start, with `done` 0). */
export interface DayExportProgress {
  readonly date: string
  readonly done: number
  readonly total: number
}
