/**
 * SQL for the `red_flag_events` table (migration 0003), and the one place its
 * rows become the domain's `RedFlagEvent`. Which events a save produces is
 * decided by the intake service from the domain's diff functions; this module
 * only appends and reads, inside whatever transaction the caller holds.
 */
import type { Database } from 'better-sqlite3'
import {
  CONDITION_LABELS,
  isRedFlagValue,
  RED_FLAG_ITEM_IDS,
  type FlagCondition,
  type FlagLevel,
  type RedFlagActor,
  type RedFlagEvent
} from '../../../../src/domain'
import { ServiceError } from '../serviceError'
import { oneOf } from './storedJson'

export interface RedFlagEventRepository {
  /** Appends one save's events to an intake's history, in the given order. */
  append(intakeId: string, events: readonly RedFlagEvent[]): void
  /** An intake's whole history, oldest first (the order it was written). */
  listForIntake(intakeId: string): RedFlagEvent[]
}

interface EventRow {
  kind: string
  item_id: string | null
  from_value: string | null
  to_value: string | null
  flag_condition: string | null
  flag_level: string | null
  previous_level: string | null
  actor: string
  occurred_at: string
}

const FLAG_LEVELS: readonly FlagLevel[] = ['review', 'urgent', 'emergency']
const FLAG_CONDITIONS = Object.keys(CONDITION_LABELS) as FlagCondition[]
const ACTORS: readonly RedFlagActor[] = ['staff', 'patient']

/** Creates the repository over an open, migrated connection; statements are prepared once. */
export function createRedFlagEventRepository(db: Database): RedFlagEventRepository {
  const insertStatement = db.prepare<[Record<string, unknown>]>(`
    INSERT INTO red_flag_events (
      intake_id, kind, item_id, from_value, to_value,
      flag_condition, flag_level, previous_level, actor, occurred_at
    ) VALUES (
      @intake_id, @kind, @item_id, @from_value, @to_value,
      @flag_condition, @flag_level, @previous_level, @actor, @occurred_at
    )`)
  const listStatement = db.prepare<[string], EventRow>(`
    SELECT kind, item_id, from_value, to_value, flag_condition, flag_level, previous_level,
      actor, occurred_at
    FROM red_flag_events WHERE intake_id = ? ORDER BY id`)

  return {
    append(intakeId, events) {
      for (const event of events) insertStatement.run(toRow(intakeId, event))
    },
    listForIntake(intakeId) {
      return listStatement.all(intakeId).map((row) => toEvent(row, intakeId))
    }
  }
}

function toRow(intakeId: string, event: RedFlagEvent): Record<string, unknown> {
  const common = { intake_id: intakeId, actor: event.by, occurred_at: event.at }
  if (event.kind === 'answer') {
    return {
      ...common,
      kind: 'answer',
      item_id: event.itemId,
      from_value: event.from,
      to_value: event.to,
      flag_condition: null,
      flag_level: null,
      previous_level: null
    }
  }
  return {
    ...common,
    kind: 'alert',
    item_id: null,
    from_value: null,
    to_value: null,
    flag_condition: event.condition,
    flag_level: event.level,
    previous_level: event.previousLevel
  }
}

function damaged(intakeId: string): ServiceError {
  return new ServiceError(
    'storage',
    `The red-flag history of intake ${intakeId} could not be read; it may be damaged.`
  )
}

/**
 * Maps a row back to an event, checking it against the domain: the table's
 * own checks are deliberately looser (a pattern for item ids and conditions)
 * so that a later rules version need not rebuild it.
 */
function toEvent(row: EventRow, intakeId: string): RedFlagEvent {
  if (!oneOf(ACTORS, row.actor)) throw damaged(intakeId)
  const stamp = { at: row.occurred_at, by: row.actor }
  if (row.kind === 'answer') {
    const from = row.from_value
    const to = row.to_value
    if (
      row.item_id === null ||
      !RED_FLAG_ITEM_IDS.includes(row.item_id) ||
      (from !== null && !isRedFlagValue(from)) ||
      (to !== null && !isRedFlagValue(to))
    ) {
      throw damaged(intakeId)
    }
    return { kind: 'answer', itemId: row.item_id, from, to, ...stamp }
  }
  const previous = row.previous_level
  if (
    row.kind !== 'alert' ||
    !oneOf(FLAG_CONDITIONS, row.flag_condition) ||
    !oneOf(FLAG_LEVELS, row.flag_level) ||
    (previous !== null && !oneOf(FLAG_LEVELS, previous))
  ) {
    throw damaged(intakeId)
  }
  return {
    kind: 'alert',
    condition: row.flag_condition,
    level: row.flag_level,
    previousLevel: previous,
    ...stamp
  }
}
