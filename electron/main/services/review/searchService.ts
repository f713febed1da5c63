/**
 * Search for clinicians: by name (partial, accents and case ignored, any
 * script), date of birth, a range of days (the day an intake was submitted, or
 * begun while a draft, as the queue counts it), concern, review status, triage
 * decision and words in the patient's free text, all combined. Results come
 * highest concern first, then the most recent, each as a queue item.
 *
 * What a typed word means depends on the word, because no single index serves
 * every script and length well (migration 0009 explains the indexes):
 * - three characters or more in a script written with spaces ('deadl',
 *   'nunez', 'Петров'): the start of a word of the names or the free text;
 * - Chinese, Japanese, Thai… (written without spaces, so a word can sit
 *   anywhere in a run: '王', '小明', '腰痛三'): anywhere in the names or the
 *   free text;
 * - one or two characters otherwise ('Li', 'L4'): the start of the given or
 *   family name, or a whole word of the free text (the start of any word
 *   would match nearly every record at one letter).
 * Every word must match (AND). A word with no letter or digit ('-', '*', '"')
 * is ignored, as the index ignores punctuation.
 */
import type { Database } from 'better-sqlite3'
import {
  CONCERN_ORDER,
  isIsoDate,
  todayIso,
  TRIAGE_DECISIONS,
  type QueueItem,
  type ReviewStatus,
  type SearchQuery,
  type SearchResults
} from '../../../../src/domain'
import { createIntakeRepository } from '../database/intakeRepository'
import { mapSqliteError } from '../database/mapSqliteError'
import { searchKey } from '../database/nameKeys'
import { createSearchRepository, type SearchRequest } from '../database/searchRepository'
import { oneOf } from '../database/storedJson'
import { ServiceError } from '../serviceError'
import { localDayRange, type InstantRange } from './localDays'
import { storedItemSource, toQueueItem } from './queueItem'

export interface SearchService {
  /** The matching intakes, highest concern first, then the newest; `more` when the limit cut them. */
  search(query: SearchQuery): Promise<SearchResults>
}

export interface SearchServiceOptions {
  /** The clock: drafts' flags are evaluated as of today, as their record shows them. */
  readonly now: () => Date
}

export const DEFAULT_SEARCH_LIMIT = 50
export const MAX_SEARCH_LIMIT = 200
/** The contract's limit on the search text. */
export const MAX_SEARCH_TEXT_LENGTH = 200
/** Each word is one more condition; a pasted paragraph is not a search. */
export const MAX_SEARCH_WORDS = 10
/** The trigram index finds substrings of at least this many characters. */
const TRIGRAM_LENGTH = 3

const REVIEW_STATUSES: readonly ReviewStatus[] = ['draft', 'submitted', 'reviewed']

/** Scripts written without spaces between words: a word can only be found inside a run. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u
/** What the word index keeps: letters and digits. A "word" without either finds nothing. */
const SEARCHABLE = /[\p{L}\p{N}]/u

/** The text conditions of a search, by how each word is matched (see the file comment). */
export type SearchTerms = Pick<
  SearchRequest,
  'wordPrefixes' | 'substrings' | 'shortWords' | 'shortSubstrings'
>

/**
 * Splits the typed text into words and sorts each into how it is matched.
 * Pure, so the rules can be tested without a database.
 *
 * @throws {ServiceError} `invalid-argument` for more than {@link MAX_SEARCH_WORDS} words.
 */
export function searchTermsOf(text: string): SearchTerms {
  const words = [
    ...new Set(
      text
        .normalize('NFC')
        .split(/\s+/u)
        .filter((word) => SEARCHABLE.test(word))
    )
  ]
  if (words.length > MAX_SEARCH_WORDS) {
    throw new ServiceError(
      'invalid-argument',
      `Search for at most ${MAX_SEARCH_WORDS} words at a time.`
    )
  }
  const wordPrefixes: string[] = []
  const substrings: string[] = []
  const shortWords: { nameKey: string; word: string }[] = []
  const shortSubstrings: string[] = []
  for (const word of words) {
    const long = [...word].length >= TRIGRAM_LENGTH
    if (UNSPACED_SCRIPT.test(word)) {
      if (long) substrings.push(word)
      else shortSubstrings.push(word)
    } else if (long) {
      wordPrefixes.push(word)
    } else {
      shortWords.push({ nameKey: searchKey(word), word })
    }
  }
  return { wordPrefixes, substrings, shortWords, shortSubstrings }
}

/**
 * Creates the search service over an open database migrated to version 10 or
 * later. It rejects with a `ServiceError` for a bad query, and SQLite
 * failures are translated, so no SQL reaches the caller.
 */
export function createSearchService(db: Database, options: SearchServiceOptions): SearchService {
  const search = createSearchRepository(db)
  const intakes = createIntakeRepository(db)

  /** The matches and their rows in one read transaction, so a row listed is a row read. */
  const read = db.transaction((request: SearchRequest, today: string): SearchResults => {
    const { hits, more } = search.search(request)
    const items: QueueItem[] = []
    for (const hit of hits) {
      // A row that fails its checks is read in full, so its item says what is wrong.
      const source = search.readIntact(hit.id) ?? storedItemSource(intakes.findById(hit.id))
      if (source !== null) items.push(toQueueItem(source, hit, today))
    }
    return { items, more }
  })

  return {
    search: (query) => {
      try {
        const today = todayIso(options.now())
        return Promise.resolve(read(searchRequest(query), today))
      } catch (error) {
        return Promise.reject(mapSqliteError(error))
      }
    }
  }
}

/** Checks a query (the IPC schema has, but services take plain data from anyone) and classifies it. */
function searchRequest(query: SearchQuery): SearchRequest {
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw invalid(`The number of results must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`)
  }
  const text = query.text ?? ''
  if (typeof text !== 'string' || text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw invalid(`The search text can be at most ${MAX_SEARCH_TEXT_LENGTH} characters.`)
  }
  if (query.dateOfBirth !== undefined && !isIsoDate(query.dateOfBirth)) {
    throw invalid('The date of birth must be a real calendar day (YYYY-MM-DD).')
  }
  if (query.concern !== undefined && !oneOf(CONCERN_ORDER, query.concern)) {
    throw invalid('Unknown level of concern.')
  }
  if (query.status !== undefined && !oneOf(REVIEW_STATUSES, query.status)) {
    throw invalid('The status must be unfinished, submitted or reviewed.')
  }
  if (query.decision !== undefined && !oneOf(TRIAGE_DECISIONS, query.decision)) {
    throw invalid('Unknown triage decision.')
  }
  // Either end may be left open: from a day on, or up to a day.
  const waitingFrom = query.fromDate === undefined ? undefined : dayBounds(query.fromDate).from
  const waitingTo = query.toDate === undefined ? undefined : dayBounds(query.toDate).to
  if (waitingFrom !== undefined && waitingTo !== undefined && waitingFrom >= waitingTo) {
    throw invalid('The first day must not be after the last day.')
  }
  return {
    ...searchTermsOf(text),
    ...(query.dateOfBirth === undefined ? {} : { dateOfBirth: query.dateOfBirth }),
    ...(waitingFrom === undefined ? {} : { waitingFrom }),
    ...(waitingTo === undefined ? {} : { waitingTo }),
    ...(query.concern === undefined ? {} : { concern: query.concern }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.decision === undefined ? {} : { decision: query.decision }),
    limit
  }
}

/** One local day as stored instants; a date that is not a real day is an `invalid-argument`. */
function dayBounds(date: string): InstantRange {
  return localDayRange(date, date, 1)
}

function invalid(message: string): ServiceError {
  return new ServiceError('invalid-argument', message)
}
