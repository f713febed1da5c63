/**
 * The tables, columns and indexes a database has, compared with those the
 * app's own migrations build. SQLite keeps the schema as SQL text in the file;
 * a damaged byte there (a column name with one letter changed) passes
 * SQLite's integrity checks, yet every statement naming that column fails.
 * Comparing shapes (not SQL text, which SQLite versions may format
 * differently) lets the database be refused as damaged when it is opened,
 * with the recovery that goes with it, instead of the app failing later.
 *
 * Only what the app relies on is compared: a table, column or index another
 * tool added is not damage, and is allowed.
 */
import Database from 'better-sqlite3'
import type { Migration } from './migrations'

interface ColumnShape {
  readonly name: string
  readonly type: string
  readonly notNull: number
  readonly primaryKey: number
  readonly defaultValue: string | null
}

interface IndexShape {
  readonly table: string
  readonly unique: number
  readonly partial: number
  readonly columns: readonly (string | null)[]
}

export interface SchemaShape {
  readonly tables: ReadonlyMap<string, readonly ColumnShape[]>
  readonly indexes: ReadonlyMap<string, IndexShape>
  /** Triggers and views, by name and the table they belong to (their SQL text is not compared). */
  readonly others: ReadonlyMap<string, string>
}

/** Reads the shape of every table, index, trigger and view (SQLite's own `sqlite_*` objects aside). */
export function schemaShape(db: Database.Database): SchemaShape {
  const objects = db
    .prepare<[], { type: string; name: string; tbl_name: string }>(
      "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    )
    .all()
  const columnsOf = db.prepare<[string], ColumnShape>(
    `SELECT name, type, "notnull" AS "notNull", pk AS "primaryKey", dflt_value AS "defaultValue"
     FROM pragma_table_xinfo(?) ORDER BY cid`
  )
  const indexList = db.prepare<[string], { name: string; unique: number; partial: number }>(
    'SELECT name, "unique", partial FROM pragma_index_list(?)'
  )
  const indexColumns = db.prepare<[string], { name: string | null }>(
    'SELECT name FROM pragma_index_info(?) ORDER BY seqno'
  )
  const tables = new Map<string, readonly ColumnShape[]>()
  const indexes = new Map<string, IndexShape>()
  const others = new Map<string, string>()
  for (const object of objects) {
    if (object.type === 'table') {
      tables.set(object.name, columnsOf.all(object.name))
      for (const index of indexList.all(object.name)) {
        if (index.name.startsWith('sqlite_')) continue
        indexes.set(index.name, {
          table: object.name,
          unique: index.unique,
          partial: index.partial,
          columns: indexColumns.all(index.name).map((column) => column.name)
        })
      }
    } else if (object.type !== 'index') {
      others.set(`${object.type} ${object.name}`, object.tbl_name)
    }
  }
  return { tables, indexes, others }
}

const expectedShapes = new WeakMap<readonly Migration[], Map<number, SchemaShape>>()

/**
 * The shape the first `version` steps of `migrations` build, from an empty
 * database in memory (a few milliseconds; remembered per list and version).
 */
export function expectedSchemaShape(
  migrations: readonly Migration[],
  version: number,
  nativeBinding?: string
): SchemaShape {
  let byVersion = expectedShapes.get(migrations)
  if (byVersion === undefined) {
    byVersion = new Map()
    expectedShapes.set(migrations, byVersion)
  }
  const known = byVersion.get(version)
  if (known !== undefined) return known
  const db = new Database(':memory:', nativeBinding === undefined ? {} : { nativeBinding })
  try {
    for (const migration of migrations.slice(0, version)) {
      db.transaction(() => migration.up(db))()
    }
    const shape = schemaShape(db)
    byVersion.set(version, shape)
    return shape
  } finally {
    db.close()
  }
}

/**
 * What `expected` has that `actual` lacks or has differently, in words for
 * the log; empty when `actual` has everything the app relies on.
 */
export function schemaDifferences(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = []
  for (const [table, columns] of expected.tables) {
    const found = actual.tables.get(table)
    if (found === undefined) {
      differences.push(`table ${table} is missing`)
      continue
    }
    for (const column of columns) {
      const match = found.find((candidate) => candidate.name === column.name)
      if (match === undefined) differences.push(`column ${table}.${column.name} is missing`)
      else if (JSON.stringify(match) !== JSON.stringify(column)) {
        differences.push(`column ${table}.${column.name} differs`)
      }
    }
  }
  for (const [name, index] of expected.indexes) {
    const found = actual.indexes.get(name)
    if (found === undefined) differences.push(`index ${name} is missing`)
    else if (JSON.stringify(found) !== JSON.stringify(index)) {
      differences.push(`index ${name} differs`)
    }
  }
  for (const [name, table] of expected.others) {
    if (actual.others.get(name) !== table) differences.push(`${name} is missing`)
  }
  return differences
}
