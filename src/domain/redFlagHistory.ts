/**
 * The history of one intake's red-flag answers and alerts: what was answered,
 * what it was changed to, which alerts went up on the way, when, and on whose
 * screen. The evaluation is always computed from the final answers; this
 * history is what keeps an emergency answer that was later changed (and the
 * alert it raised) from disappearing without trace.
 *
 * Only codes are kept: `ynu` answer codes, condition and level names and the
 * caller's role. Never free text, so the history can be shown or exported
 * without leaking anything typed by a person.
 */
import { catalogueItem, RED_FLAG_ITEMS } from './catalogue'
import { CONCERN_LABELS, CONDITION_LABELS } from './clinicianText'
import { concernRank } from './evaluateIntake'
import type { Flag, FlagCondition, FlagLevel, IntakeAnswers } from './types'

/** A red-flag answer as stored (§1): the `ynu` codes plus `rf.sexualDysfunction`'s "does not apply". */
export type RedFlagValue = 'yes' | 'no' | 'unsure' | 'not-applicable'

export const RED_FLAG_VALUES: readonly RedFlagValue[] = ['yes', 'no', 'unsure', 'not-applicable']

/**
 * Who made a change: the role of the call that saved it (the contract's
 * `Role`), `patient` in patient mode and `staff` otherwise. Not the intake's
 * entry mode: a draft begun by staff may be finished by the patient.
 */
export type RedFlagActor = 'staff' | 'patient'

/** The red-flag item ids, in the order the spec lists them. */
export const RED_FLAG_ITEM_IDS: readonly string[] = RED_FLAG_ITEMS.map(([id]) => id)

/** One red-flag answer that appeared (`from` null), changed, or was removed (`to` null). */
export interface RedFlagAnswerChange {
  readonly itemId: string
  readonly from: RedFlagValue | null
  readonly to: RedFlagValue | null
}

/** A flag that appeared (`previousLevel` null) or rose in level. */
export interface RaisedAlert {
  readonly condition: FlagCondition
  readonly level: FlagLevel
  readonly previousLevel: FlagLevel | null
}

interface EventStamp {
  /** When the save that made the change was written: ISO-8601 UTC. */
  readonly at: string
  readonly by: RedFlagActor
}

export interface RedFlagAnswerEvent extends RedFlagAnswerChange, EventStamp {
  readonly kind: 'answer'
}

export interface AlertRaisedEvent extends RaisedAlert, EventStamp {
  readonly kind: 'alert'
}

/** One entry of an intake's red-flag history, oldest first in a record. */
export type RedFlagEvent = RedFlagAnswerEvent | AlertRaisedEvent

/** Whether `value` is a red-flag answer code. */
export function isRedFlagValue(value: unknown): value is RedFlagValue {
  return typeof value === 'string' && (RED_FLAG_VALUES as readonly string[]).includes(value)
}

function redFlagValue(answers: IntakeAnswers, itemId: string): RedFlagValue | null {
  const value = answers[itemId]
  // Validation only lets ynu codes into red-flag items; anything else cannot be recorded as a code.
  return isRedFlagValue(value) ? value : null
}

/**
 * The red-flag answers that differ between two sets of answers: each one that
 * appeared, changed or was removed, in the spec's item order. Other items are
 * ignored, and an answer saved again unchanged is no change.
 *
 * @param before the answers stored before the save (`{}` for a new draft)
 * @param after the answers the save stores
 */
export function redFlagChanges(before: IntakeAnswers, after: IntakeAnswers): RedFlagAnswerChange[] {
  const changes: RedFlagAnswerChange[] = []
  for (const itemId of RED_FLAG_ITEM_IDS) {
    const from = redFlagValue(before, itemId)
    const to = redFlagValue(after, itemId)
    if (from !== to) changes.push({ itemId, from, to })
  }
  return changes
}

/**
 * The alerts a save raised: every flag of `after` that `before` lacks or has
 * at a lower level. A flag that falls or goes away raises nothing (its alert
 * stays in the history from when it was raised).
 *
 * @param before the evaluation of the answers stored before the save, or
 *   `null` when nothing was stored yet
 * @param after the evaluation of the answers the save stores
 */
export function alertsRaised(
  before: { readonly flags: readonly Flag[] } | null,
  after: { readonly flags: readonly Flag[] }
): RaisedAlert[] {
  const previous = new Map((before?.flags ?? []).map((flag) => [flag.condition, flag.level]))
  const raised: RaisedAlert[] = []
  for (const flag of after.flags) {
    const previousLevel = previous.get(flag.condition) ?? null
    if (previousLevel === null || concernRank(flag.level) > concernRank(previousLevel)) {
      raised.push({ condition: flag.condition, level: flag.level, previousLevel })
    }
  }
  return raised
}

/**
 * The events one save adds to the history: its answer changes, then the
 * alerts they raised, all stamped with the save's time and caller.
 */
export function redFlagEvents(
  changes: readonly RedFlagAnswerChange[],
  alerts: readonly RaisedAlert[],
  stamp: { readonly at: string; readonly by: RedFlagActor }
): RedFlagEvent[] {
  return [
    ...changes.map((change): RedFlagEvent => ({ kind: 'answer', ...change, ...stamp })),
    ...alerts.map((alert): RedFlagEvent => ({ kind: 'alert', ...alert, ...stamp }))
  ]
}

const VALUE_WORDS: Readonly<Record<RedFlagValue, string>> = {
  yes: 'yes',
  no: 'no',
  unsure: 'not sure',
  'not-applicable': 'does not apply'
}

const ACTOR_WORDS: Readonly<Record<RedFlagActor, string>> = {
  patient: "on the patient's screen",
  staff: 'on the staff screen'
}

/** A red-flag answer in clinician wording: "yes", "no", "not sure" or "does not apply". */
export function redFlagValueText(value: RedFlagValue): string {
  return VALUE_WORDS[value]
}

/** Where a change was made, as the record says it: "on the patient's screen" or "on the staff screen". */
export function redFlagActorText(actor: RedFlagActor): string {
  return ACTOR_WORDS[actor]
}

/** The clinician label of a red-flag item, e.g. "Saddle anaesthesia". */
export function redFlagItemLabel(itemId: string): string {
  return catalogueItem(itemId)?.label ?? itemId
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * The time of an ISO timestamp on the clinic's clock, as `HH:MM` (24-hour).
 * The app runs on the clinic's own computer, so the process's local time zone
 * is the clinic's; storage keeps UTC.
 */
export function clinicTime(iso: string): string {
  const date = new Date(iso)
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`
}

/** The date and time of an ISO timestamp on the clinic's clock, as `YYYY-MM-DD HH:MM`. */
export function clinicDateTime(iso: string): string {
  const date = new Date(iso)
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`
  return `${day} ${clinicTime(iso)}`
}

/**
 * How to write the times of a history: the time alone when every event falls
 * on one day of the clinic's calendar, otherwise with the date too (a draft
 * continued the next day must not read as if it all happened at once).
 */
export function historyTimeFormat(events: readonly RedFlagEvent[]): (iso: string) => string {
  const days = new Set(events.map((event) => clinicDateTime(event.at).slice(0, 10)))
  return days.size > 1 ? clinicDateTime : clinicTime
}

export interface DescribeOptions {
  /** Writes a timestamp; {@link clinicTime} by default. */
  readonly formatTime?: (iso: string) => string
}

/** "Emergency — Cauda equina", with "(was Urgent)" when the flag rose from a lower level. */
function alertText(alert: RaisedAlert): string {
  const was = alert.previousLevel === null ? '' : ` (was ${CONCERN_LABELS[alert.previousLevel]})`
  return `${CONCERN_LABELS[alert.level]} — ${CONDITION_LABELS[alert.condition]}${was}`
}

/**
 * One change of an answer without its item label: "yes", "changed from yes to
 * no", "answer removed (was yes)"; later in an answer's course, "changed to no"
 * or "answered no" (after a removal).
 */
function changeText(change: RedFlagAnswerChange, first: boolean): string {
  if (change.to === null) {
    return change.from === null
      ? 'answer removed'
      : `answer removed (was ${VALUE_WORDS[change.from]})`
  }
  if (change.from === null)
    return first ? VALUE_WORDS[change.to] : `answered ${VALUE_WORDS[change.to]}`
  return first
    ? `changed from ${VALUE_WORDS[change.from]} to ${VALUE_WORDS[change.to]}`
    : `changed to ${VALUE_WORDS[change.to]}`
}

/**
 * One history event as a clinician reads it, e.g. "Saddle anaesthesia: yes at
 * 10:02 on the staff screen", "Saddle anaesthesia: changed from yes to no at
 * 10:04 on the staff screen", "Alert raised: Emergency — Cauda equina at 10:02
 * on the staff screen".
 */
export function describeRedFlagEvent(event: RedFlagEvent, options: DescribeOptions = {}): string {
  const time = (options.formatTime ?? clinicTime)(event.at)
  const where = ACTOR_WORDS[event.by]
  if (event.kind === 'alert') return `Alert raised: ${alertText(event)} at ${time} ${where}`
  return `${redFlagItemLabel(event.itemId)}: ${changeText(event, true)} at ${time} ${where}`
}

/** One line of the record's red-flag history. */
export interface RedFlagHistoryLine {
  /** The item id for an answer line; `alert:<condition>:<n>` for an alert. */
  readonly key: string
  readonly text: string
  /** For an alert line, the level it was raised at (so a screen can mark it by severity). */
  readonly level?: FlagLevel
}

/** The record's red-flag history, grouped for reading. */
export interface RedFlagHistorySummary {
  /** Every alert raised, oldest first. */
  readonly alerts: readonly RedFlagHistoryLine[]
  /**
   * Each answer that was changed or removed after it was first given, with its
   * whole course on one line, in the spec's item order: "Saddle anaesthesia:
   * yes at 10:02, changed to no at 10:04 on the staff screen".
   */
  readonly changed: readonly RedFlagHistoryLine[]
  /**
   * Each answer given once and never changed: "Bladder dysfunction: no at
   * 10:01", with "on the patient's screen" added only when they were not all
   * given on the same screen.
   */
  readonly unchanged: readonly RedFlagHistoryLine[]
  /** Where every unchanged answer was given, when that was one screen: "on the staff screen". */
  readonly unchangedWhere: string | null
}

/**
 * Groups a history for the record: alerts, the answers that changed (each on
 * one line, so a change back to where it started still shows), and the
 * answers given once. "Where" is said once at the end of a line when every
 * step of it was made on the same screen, otherwise after each step.
 */
export function summariseRedFlagHistory(
  events: readonly RedFlagEvent[],
  options: DescribeOptions = {}
): RedFlagHistorySummary {
  const formatTime = options.formatTime ?? historyTimeFormat(events)
  const alerts: RedFlagHistoryLine[] = []
  const byItem = new Map<string, RedFlagAnswerEvent[]>()
  events.forEach((event, index) => {
    if (event.kind === 'alert') {
      alerts.push({
        key: `alert:${event.condition}:${index}`,
        text: describeRedFlagEvent(event, { formatTime }),
        level: event.level
      })
      return
    }
    const course = byItem.get(event.itemId) ?? []
    course.push(event)
    byItem.set(event.itemId, course)
  })

  const changed: RedFlagHistoryLine[] = []
  const givenOnce: RedFlagAnswerEvent[] = []
  const order = [
    ...RED_FLAG_ITEM_IDS,
    ...[...byItem.keys()].filter((id) => !RED_FLAG_ITEM_IDS.includes(id))
  ]
  for (const itemId of order) {
    const course = byItem.get(itemId) ?? []
    const [first] = course
    if (first === undefined) continue
    if (course.length === 1 && first.from === null && first.to !== null) {
      givenOnce.push(first)
      continue
    }
    const oneScreen = course.every((event) => event.by === first.by)
    const steps = course.map((event, index) => {
      const step = `${changeText(event, index === 0)} at ${formatTime(event.at)}`
      return oneScreen ? step : `${step} ${ACTOR_WORDS[event.by]}`
    })
    const where = oneScreen ? ` ${ACTOR_WORDS[first.by]}` : ''
    changed.push({ key: itemId, text: `${redFlagItemLabel(itemId)}: ${steps.join(', ')}${where}` })
  }

  const screens = new Set(givenOnce.map((event) => event.by))
  const [onlyScreen] = screens
  const unchangedWhere =
    screens.size === 1 && onlyScreen !== undefined ? ACTOR_WORDS[onlyScreen] : null
  const unchanged = givenOnce.map((event) => {
    const text = `${redFlagItemLabel(event.itemId)}: ${changeText(event, true)} at ${formatTime(event.at)}`
    return {
      key: event.itemId,
      text: unchangedWhere === null ? `${text} ${ACTOR_WORDS[event.by]}` : text
    }
  })
  return { alerts, changed, unchanged, unchangedWhere }
}
