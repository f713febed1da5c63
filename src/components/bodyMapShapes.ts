/**
 * The body map's geometry lives in the domain, so the PDF summary (main
 * process) draws the very shapes the patient tapped; re-exported here for the
 * renderer's components.
 */
export * from '../domain/bodyMapShapes'
