/**
 * SQL for searching intakes: the full-text indexes of migration 0009, the
 * name keys, and filters on the intake row and its triage decisions, in the
 * order of the queue's index (migration 0010): highest concern first, then the
 * most recent (submitted, or created while a draft). The search service
 * decides what each typed word means; this module turns that into SQL and
 * returns the matching intakes in order, before their rows are read.
 *
 * User text reaches FTS5 only as a quoted phrase ({@link ftsPhrase}) and LIKE
 * only as an escaped pattern ({@link likeContains}), always as a bound
 * parameter: FTS5 query syntax (`OR`, `NEAR(`, `-`, `*`, column filters)
 * typed by a person is searched for as text, never obeyed.
 *
 * Two plans, chosen per search from cheap counts of what each condition
 * matches (each count stops at {@link DRIVING_LIMIT}), because neither is fast
 * for every search (figures at 100,000 intakes):
 * - sparse: start from the condition that matches fewest intakes (a rare
 *   word, a date of birth), read those intakes, test the rest and sort them.
 *   Cost follows the number of matches: 1.4 ms for a word in 430 intakes,
 *   27 ms for one in 5,000.
 * - walk: go down the queue index in result order, testing every condition
 *   on each intake (a full-text condition as membership in the set of
 *   matching documents, built once), and stop at the page size. Cost follows
 *   how far down the first page's matches lie: 2 ms for that word in 5,000,
 *   5 ms for the one in 430, and the whole index for a condition nothing
 *   meets (which is why a count of none answers at once, without a plan).
 */
import type { Database, Statement } from 'better-sqlite3'
import {
  concernRank,
  type ConcernLevel,
  type ReviewStatus,
  type TriageDecision
} from '../../../../src/domain'
import { prefixUpperBound } from './nameKeys'
import {
  followUpColumn,
  intactIntake,
  latestTriageColumns,
  latestTriageJoin,
  reviewStateOf,
  storedIntakeColumns,
  WAITING_SINCE,
  type IntactIntake,
  type LatestTriageRow,
  type ReviewState,
  type StoredIntakeRow
} from './reviewListRows'

export type { IntactIntake } from './reviewListRows'

/** What a search asks of the database, already checked and classified by the service. */
export interface SearchRequest {
  /** Each matched as the start of a word of the names or the free text (words index). */
  readonly wordPrefixes: readonly string[]
  /** Each matched anywhere in the names or the free text; three characters or more (trigram index). */
  readonly substrings: readonly string[]
  /**
   * Short words (one or two characters, in scripts written with spaces): each
   * matched as the start of the given or family name's search key, or as a
   * whole word of the free text ('L4', 'BP').
   */
  readonly shortWords: readonly { readonly nameKey: string; readonly word: string }[]
  /**
   * One or two characters of a script written without spaces (Chinese), each
   * matched anywhere in the names or the free text through the trigrams that
   * start with it.
   */
  readonly shortSubstrings: readonly string[]
  readonly dateOfBirth?: string
  /** `[from, to)` of the moment an intake was submitted (created, for a draft), ISO-8601 UTC. */
  readonly waitingFrom?: string
  readonly waitingTo?: string
  readonly concern?: ConcernLevel
  readonly status?: ReviewStatus
  readonly decision?: TriageDecision
  /** Intakes wanted; one more is looked for to tell whether there are more. */
  readonly limit: number
}

/** One matching intake in result order, with its latest decision, before its row is read. */
export interface SearchHit extends ReviewState {
  readonly id: string
  /** Submitted, or created while a draft (ISO-8601 UTC): the order within a concern level. */
  readonly waitingSince: string
  /** A follow-up visit's short form rather than a first intake. */
  readonly followUp: boolean
}

export interface SearchRepository {
  /** The matching intakes, highest concern first, then the most recent; `more` when `limit` cut them. */
  search(request: SearchRequest): { readonly hits: SearchHit[]; readonly more: boolean }
  /**
   * One listed intake, when its row and content pass their check values and
   * read cleanly; `null` otherwise (absent, damaged, or written before check
   * values existed), for the caller to read it the intake repository's way,
   * which says what is wrong. A search lists up to 200 intakes at every
   * keystroke: this reads only what a result line shows (a sealed draft's
   * answers are parsed without validating them again, as the intake
   * repository does), at about a third of the cost of reading the record.
   */
  readIntact(id: string): IntactIntake | null
}

/**
 * A condition matched by fewer intakes than this drives the sparse plan.
 * Measured at 100,000 intakes: reading and sorting matches costs 3 to 5 µs
 * each (about 5 ms for 1,000), and once about 1% of intakes match, the walk
 * meets a page of them soon enough to cost less (7 ms against 16 ms for a
 * name in 1,500 intakes).
 */
export const DRIVING_LIMIT = 1000

/**
 * The most trigrams one short Chinese search is widened to. More (a very
 * common character) and the search scans the text with LIKE instead, which
 * costs the same whatever the character.
 */
export const MAX_SHORT_TEXT_TRIGRAMS = 500

/** How many distinct statements are kept prepared (each combination of filters is one). */
const STATEMENT_CACHE_SIZE = 64

/**
 * The text of a search as an FTS5 phrase: double quotes doubled and the whole
 * in double quotes, so every character typed is text to find (FTS5 reads a
 * quoted string as one phrase of the tokens in it, whatever they spell).
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character escaped. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

const RESULT_ORDER = `ORDER BY concern_rank DESC, ${WAITING_SINCE} DESC, intakes.id DESC`

/**
 * One text condition, in the three forms the plans need: a test of the
 * current `intakes` row, a subquery listing the matching intake ids (to drive
 * the sparse plan), and a count of matches up to a cap (to choose the plan;
 * `null` when counting would cost as much as the search).
 */
interface Condition {
  readonly test: string
  readonly driver: string
  readonly parameters: Record<string, string>
  readonly count: ((cap: number) => number) | null
}

type Bindings = Record<string, string | number>
type HitRow = LatestTriageRow & { id: string; waiting_since: string; follow_up: number }

/** Creates the repository over a connection migrated to version 10 or later. */
export function createSearchRepository(db: Database): SearchRepository {
  // Most recently used last; the oldest goes when the cache is full.
  const statements = new Map<string, Statement<[Bindings], unknown>>()
  const prepared = <Row>(sql: string): Statement<[Bindings], Row> => {
    let statement = statements.get(sql)
    if (statement === undefined) {
      statement = db.prepare<[Bindings], unknown>(sql)
      if (statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value
        if (oldest !== undefined) statements.delete(oldest)
      }
    } else {
      statements.delete(sql)
    }
    statements.set(sql, statement)
    return statement as Statement<[Bindings], Row>
  }
  const countOf = (sql: string, bindings: Bindings): number =>
    prepared<{ matches: number }>(sql).get(bindings)?.matches ?? 0

  /** Full-text matches in one index: `match` is an FTS5 expression of quoted phrases. */
  const fullText = (index: 'words' | 'grams', name: string, match: string): Condition => {
    const table = `intake_search_${index}`
    const matching = `SELECT rowid FROM ${table} WHERE ${table} MATCH @${name}`
    return {
      // The intake's document, looked up in the small unique index, in the set built once.
      test: `(SELECT doc FROM intake_search_text WHERE intake_id = intakes.id) IN (${matching})`,
      driver: `SELECT found.intake_id FROM ${table}
        CROSS JOIN intake_search_text AS found ON found.doc = ${table}.rowid
        WHERE ${table} MATCH @${name}`,
      parameters: { [name]: match },
      count: (cap) =>
        countOf(`SELECT count(*) AS matches FROM (${matching} LIMIT @cap)`, {
          [name]: match,
          cap
        })
    }
  }

  /** A short word: the start of either name's search key, or a whole word of the text. */
  const shortWord = (name: string, nameKey: string, word: string): Condition => {
    const words = fullText('words', `${name}_word`, ftsPhrase(word))
    const range = { [`${name}_low`]: nameKey, [`${name}_high`]: prefixUpperBound(nameKey) }
    const given = `given_name_search >= @${name}_low AND given_name_search < @${name}_high`
    const family = `family_name_search >= @${name}_low AND family_name_search < @${name}_high`
    return {
      test: `((${given}) OR (${family}) OR ${words.test})`,
      driver: `SELECT id AS intake_id FROM intakes WHERE ${given}
        UNION SELECT id FROM intakes WHERE ${family}
        UNION ${words.driver}`,
      parameters: { ...range, ...words.parameters },
      count: (cap) =>
        countOf(
          `SELECT count(*) AS matches FROM (
            SELECT 1 FROM intakes WHERE ${given}
            UNION ALL SELECT 1 FROM intakes WHERE ${family}
            LIMIT @cap)`,
          { ...range, cap }
        ) + (words.count?.(cap) ?? 0)
    }
  }

  /** Text found anywhere by scanning the extracted text: the fallback for a very common character. */
  const scanned = (name: string, text: string): Condition => {
    const driver = `SELECT intake_id FROM intake_search_text
      WHERE joined_name LIKE @${name} ESCAPE '\\' OR story LIKE @${name} ESCAPE '\\'`
    return {
      test: `intakes.id IN (${driver})`,
      driver,
      parameters: { [name]: likeContains(text) },
      count: null
    }
  }

  const gramTerms = db.prepare<[string, string, number], { term: string }>(
    'SELECT term FROM intake_search_gram_terms WHERE term >= ? AND term < ? LIMIT ?'
  )
  /**
   * The trigrams that start with a short text, as an FTS5 OR of phrases;
   * `null` when there are too many, and an empty string when there are none.
   * The index keeps its terms folded the way the trigram tokenizer folds them
   * (lower case, no diacritics), so the text is folded the same way first.
   */
  const trigramsStartingWith = (text: string): string | null => {
    const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC')
    const rows = gramTerms.all(folded, prefixUpperBound(folded), MAX_SHORT_TEXT_TRIGRAMS + 1)
    if (rows.length > MAX_SHORT_TEXT_TRIGRAMS) return null
    return rows.map(({ term }) => ftsPhrase(term)).join(' OR ')
  }

  /** The text conditions of a request; `null` when one of them can match nothing. */
  const conditionsOf = (request: SearchRequest): Condition[] | null => {
    const conditions: Condition[] = []
    if (request.wordPrefixes.length > 0) {
      // Implicit AND of one prefix phrase per word: all must be found.
      const match = request.wordPrefixes.map((word) => `${ftsPhrase(word)}*`).join(' ')
      conditions.push(fullText('words', 'words', match))
    }
    const gramGroups = request.substrings.map(ftsPhrase)
    for (const [index, text] of request.shortSubstrings.entries()) {
      const trigrams = trigramsStartingWith(text)
      if (trigrams === '') return null
      if (trigrams === null) conditions.push(scanned(`scan${index}`, text))
      else gramGroups.push(`(${trigrams})`)
    }
    if (gramGroups.length > 0) {
      conditions.push(fullText('grams', 'grams', gramGroups.join(' AND ')))
    }
    request.shortWords.forEach(({ nameKey, word }, index) => {
      conditions.push(shortWord(`short${index}`, nameKey, word))
    })
    if (request.dateOfBirth !== undefined) {
      const dateOfBirth = request.dateOfBirth
      conditions.push({
        test: 'date_of_birth = @date_of_birth',
        driver: 'SELECT id AS intake_id FROM intakes WHERE date_of_birth = @date_of_birth',
        parameters: { date_of_birth: dateOfBirth },
        count: (cap) =>
          countOf(
            `SELECT count(*) AS matches FROM (
              SELECT 1 FROM intakes WHERE date_of_birth = @date_of_birth LIMIT @cap)`,
            { date_of_birth: dateOfBirth, cap }
          )
      })
    }
    return conditions
  }

  const listedStatement = db.prepare<[string], StoredIntakeRow>(
    `SELECT ${storedIntakeColumns()} FROM intakes WHERE id = ?`
  )

  return {
    readIntact(id) {
      const row = listedStatement.get(id)
      return row === undefined ? null : intactIntake(row)
    },

    search(request) {
      const conditions = conditionsOf(request)
      if (conditions === null) return { hits: [], more: false }
      // The condition with the fewest matches, counted no further than needed.
      let driver: Condition | null = null
      let fewest = DRIVING_LIMIT
      for (const condition of conditions) {
        const matches = condition.count?.(fewest) ?? DRIVING_LIMIT
        if (matches === 0) return { hits: [], more: false }
        if (matches < fewest) {
          driver = condition
          fewest = matches
        }
      }
      const bindings: Bindings = { limit: request.limit + 1 }
      for (const condition of conditions) Object.assign(bindings, condition.parameters)
      const where = [
        ...rowFilters(request, bindings),
        ...conditions.filter((condition) => condition !== driver).map(({ test }) => test)
      ]
      const from =
        driver === null
          ? `intakes INDEXED BY intakes_queue`
          : `(${driver.driver}) AS driver CROSS JOIN intakes ON intakes.id = driver.intake_id`
      const sql = `SELECT intakes.id, ${WAITING_SINCE} AS waiting_since,
          ${followUpColumn('intakes.id')}, ${latestTriageColumns('latest')}
        FROM ${from}
        ${latestTriageJoin('latest', 'intakes.id')}
        ${where.length === 0 ? '' : `WHERE ${where.map((test) => `(${test})`).join('\n          AND ')}`}
        ${RESULT_ORDER}
        LIMIT @limit`
      const rows = prepared<HitRow>(sql).all(bindings)
      return { hits: rows.slice(0, request.limit).map(toHit), more: rows.length > request.limit }
    }
  }
}

/**
 * The filters on the row itself. With a range of days and no level chosen,
 * `concern_rank IN (…)` lets the walk seek each level's range of the queue
 * index instead of reading every intake outside it.
 */
function rowFilters(request: SearchRequest, bindings: Bindings): string[] {
  const tests: string[] = []
  const hasDecision =
    'EXISTS (SELECT 1 FROM triage_decisions AS any_decision WHERE any_decision.intake_id = intakes.id)'
  if (request.concern !== undefined) {
    tests.push('concern_rank = @concern_rank')
    bindings['concern_rank'] = concernRank(request.concern)
  } else if (request.waitingFrom !== undefined || request.waitingTo !== undefined) {
    tests.push('concern_rank IN (3, 2, 1, 0)')
  }
  if (request.waitingFrom !== undefined) {
    tests.push(`${WAITING_SINCE} >= @waiting_from`)
    bindings['waiting_from'] = request.waitingFrom
  }
  if (request.waitingTo !== undefined) {
    tests.push(`${WAITING_SINCE} < @waiting_to`)
    bindings['waiting_to'] = request.waitingTo
  }
  if (request.status === 'draft') tests.push("status = 'draft'")
  else if (request.status === 'submitted') tests.push(`status = 'submitted' AND NOT ${hasDecision}`)
  else if (request.status === 'reviewed') tests.push(`status = 'submitted' AND ${hasDecision}`)
  if (request.decision !== undefined) {
    tests.push('latest.decision = @decision')
    bindings['decision'] = request.decision
  }
  return tests
}

/** A hit from its row: the intake's id and waiting time, and where it stands in review. */
function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    waitingSince: row.waiting_since,
    followUp: row.follow_up === 1,
    ...reviewStateOf(row)
  }
}
