/**
 * Small readers shared by the record's sections: answers in clinician
 * wording (the domain's `answerText`, so the record words an answer as the
 * PDF does) and instants as the PDF prints them, in this computer's time.
 */
import { answerText, catalogueItem, todayIso, type IntakeRecord } from '../../domain'

/** One label and answer of a record section; `itemId` names the catalogue item it shows. */
export interface RecordRow {
  readonly itemId: string
  readonly label: string
  readonly value: string
  /** A yes or not-sure answer that matters before treatment: shown so it stands out. */
  readonly positive?: boolean
}

/** `YYYY-MM-DD HH:MM` in the machine's own time zone, as the PDF summary prints instants. */
export function localDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const hours = String(date.getHours()).padStart(2, '0')
  const minutes = String(date.getMinutes()).padStart(2, '0')
  return `${todayIso(date)} ${hours}:${minutes}`
}

/** The calendar day the intake belongs to: submission, or creation for a draft (as the PDF). */
export function intakeDay(record: IntakeRecord): string {
  const date = new Date(record.submittedAt ?? record.createdAt)
  return Number.isNaN(date.getTime()) ? '' : todayIso(date)
}

/**
 * The one date read against the intake day ("2 days before the intake"): how
 * long ago the pain began matters; how many days ago someone was born does not.
 */
const ONSET_DATE = 'complaint.onsetDate'

/**
 * The row of one answered item, or `null` when it was not answered (a section
 * lists what the patient said, not every question they skipped).
 */
export function answeredRow(
  record: IntakeRecord,
  itemId: string,
  label?: string
): RecordRow | null {
  const value = record.answers[itemId]
  if (value === undefined) return null
  const item = catalogueItem(itemId)
  return {
    itemId,
    label: label ?? item?.label ?? itemId,
    value: answerText(
      itemId,
      value,
      itemId === ONSET_DATE ? { relativeTo: intakeDay(record) } : {}
    ),
    positive: item?.type === 'ynu' && (value === 'yes' || value === 'unsure')
  }
}

/** The rows of the answered items among `candidates`, in the order given. */
export function answeredRows(
  record: IntakeRecord,
  candidates: ReadonlyArray<readonly [itemId: string, label?: string]>
): RecordRow[] {
  return candidates
    .map(([itemId, label]) => answeredRow(record, itemId, label))
    .filter((row): row is RecordRow => row !== null)
}
