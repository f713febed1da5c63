/**
 * The one way a renderer call reaches the main process. Every method of the
 * contract goes through {@link createDispatcher}: sender check (at the
 * transport), then role check, payload caps, argument schema and the handler,
 * all of whose failures come back as typed values, never as stack traces.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { AsyncLocalStorage } from 'node:async_hooks'
import {
  API_METHODS,
  METHOD_ACCESS,
  channelFor,
  type ApiArgs,
  type ApiMethod,
  type ApiResult,
  type AppError,
  type CallerRole,
  type Result,
  type StaffIdentity,
  type ValidationIssue
} from '../../src/domain'
import type { z } from 'zod'
import { API_SCHEMAS } from '../../src/domain/ipc/schemas'
import { ServiceError } from './services/serviceError'

/** What a handler knows about its caller. */
export interface CallContext {
  readonly role: CallerRole
  /** The member of staff signed in (null when signed out or in patient mode). */
  readonly staff: StaffIdentity | null
  /** In patient mode, the only intake the caller may touch. */
  readonly lockedIntakeId: string | null
}

/**
 * The context of the call being handled, for code a handler reaches through
 * a service (the audit of a red-flag alert raised inside a save's
 * transaction names the person who made the save).
 */
const currentCall = new AsyncLocalStorage<CallContext>()

/** The caller of the IPC call in progress, or undefined outside one (a timer, start-up). */
export function currentCaller(): CallContext | undefined {
  return currentCall.getStore()
}

/** One handler per contract method; `satisfies ApiHandlers` makes a gap a compile error. */
export type ApiHandlers = {
  readonly [M in ApiMethod]: (args: ApiArgs<M>, context: CallContext) => Promise<ApiResult<M>>
}

export type Dispatch = (method: ApiMethod, rawArgs: unknown) => Promise<Result<unknown>>

export interface DispatcherOptions {
  /**
   * The caller's role, person and lock, read fresh on every call (patient
   * mode can start or end, and a session can lock itself, at any time).
   */
  readonly context: () => CallContext
  /**
   * Where unexpected errors go: logged in full in the main process, never sent
   * to the renderer. Also told of payloads refused by the caps, which the app's
   * own renderer never sends.
   */
  readonly logError?: (method: ApiMethod, error: unknown) => void
}

/**
 * What one call may carry, checked by a walk that stops at the first excess,
 * before any schema sees the arguments: the schemas (and the domain
 * validators behind them) are written for intake-sized input, and a single
 * call must not be able to make the main process allocate in proportion to
 * whatever the caller sent.
 */
export interface PayloadLimits {
  /**
   * Roughly the length of the arguments as JSON text, in UTF-16 code units:
   * each string counts its length plus its quotes, each key its length plus
   * punctuation, every other value a few characters.
   */
  readonly maxChars: number
  /** Own keys of any one object. */
  readonly maxKeysPerObject: number
  /** Length of any one list (holes count: `length` is what a loop would visit). */
  readonly maxArrayLength: number
  /** Objects and lists inside objects and lists; the arguments object itself is depth 0. */
  readonly maxDepth: number
}

/**
 * The largest legitimate intake is about 230,000 characters as JSON: a
 * 200,000-character signature, twelve other texts at their limits (12,854
 * characters, up to twice that in UTF-16 units for characters outside the
 * Basic Multilingual Plane), 73 item ids and seven multi-choice lists of at
 * most 20 codes. A million characters leaves more than four times that.
 */
export const INTAKE_PAYLOAD_LIMITS: PayloadLimits = {
  maxChars: 1_000_000,
  // The catalogue has 73 items; the answers object is the widest object any call carries.
  maxKeysPerObject: 200,
  // Multi-choice answers list at most 20 codes; exportFhir takes at most 200 ids.
  maxArrayLength: 250,
  // Arguments → answers → a multi-choice list is two levels; nothing legitimate goes deeper.
  maxDepth: 8
}

/**
 * Every other method carries at most a privacy notice (three languages of
 * 10,000 characters: 60,000 UTF-16 units even if every character were an
 * emoji), a list of 200 record ids (about 8,000) or less.
 */
export const DEFAULT_PAYLOAD_LIMITS: PayloadLimits = {
  ...INTAKE_PAYLOAD_LIMITS,
  maxChars: 200_000
}

/** The methods whose arguments hold a whole intake's answers, signature included. */
const INTAKE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'createDraft',
  'saveDraft',
  'submitIntake'
])

/** The caps that apply to a method's arguments. */
export function payloadLimitsFor(method: ApiMethod): PayloadLimits {
  return INTAKE_METHODS.has(method) ? INTAKE_PAYLOAD_LIMITS : DEFAULT_PAYLOAD_LIMITS
}

/**
 * At most this many issues go back with an error (the last of them saying how
 * many more there were): the form marks one issue per field, the catalogue has
 * 73 items, and an error must stay small whatever the caller sent.
 */
export const MAX_ISSUES = 50
/** Item ids and messages are cut to these lengths: both can echo a key or value the caller chose. */
const MAX_ITEM_ID_LENGTH = 120
const MAX_MESSAGE_LENGTH = 400

const INTERNAL_MESSAGE = 'Something went wrong. Your answers are still on screen; please try again.'

/** Raised (and logged) when a payload exceeds a cap; the caller receives the typed error only. */
export class PayloadRefusedError extends Error {
  override readonly name = 'PayloadRefusedError'
}

/** One step of the payload walk: a value, how deep it sits and where it came from (for the error). */
interface Frame {
  readonly value: unknown
  readonly depth: number
  readonly parent: Frame | null
  readonly key: string | number | null
}

interface PayloadProblem {
  readonly frame: Frame
  readonly code: ValidationIssue['code']
  readonly describe: (where: string) => string
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = []
  for (let at: Frame | null = frame; at !== null; at = at.parent) {
    if (at.key !== null) path.push(at.key)
  }
  return path.reverse()
}

/** Every value that is not text counts as this many characters (`false`, `null`, a short number). */
const OTHER_VALUE_CHARS = 5

/**
 * Walks the arguments depth first and returns the first cap they break, or
 * null. Work is bounded by the caps, not by the input: a list's length and an
 * object's key count are checked before anything inside is visited, and every
 * visited value adds at least one character to a budget that stops the walk.
 * Shared or cyclic references are revisited, so a cycle ends at `maxDepth`.
 */
function findPayloadProblem(root: unknown, limits: PayloadLimits): PayloadProblem | null {
  let chars = 0
  const stack: Frame[] = [{ value: root, depth: 0, parent: null, key: null }]
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, depth } = frame
    if (typeof value === 'string') {
      chars += value.length + 2
    } else if (typeof value !== 'object' || value === null) {
      if (typeof value === 'function' || typeof value === 'symbol') {
        return {
          frame,
          code: 'wrong-type',
          describe: (where) => `${where} must be plain data, not a ${typeof value}.`
        }
      }
      chars += OTHER_VALUE_CHARS
    } else if (depth > limits.maxDepth) {
      return {
        frame,
        code: 'wrong-type',
        describe: (where) => `${where} is nested more than ${limits.maxDepth} levels deep.`
      }
    } else if (Array.isArray(value)) {
      const list: readonly unknown[] = value
      if (list.length > limits.maxArrayLength) {
        return {
          frame,
          code: 'too-long',
          describe: (where) =>
            `${where} lists ${list.length.toLocaleString('en')} entries; at most ${limits.maxArrayLength} are accepted.`
        }
      }
      chars += list.length + 2
      for (let index = list.length - 1; index >= 0; index--) {
        stack.push({ value: list[index], depth: depth + 1, parent: frame, key: index })
      }
    } else if (isPlainObject(value)) {
      // Object.keys is the one step whose cost follows the input rather than
      // the caps (V8 lists every key before the first can be read), which no
      // JavaScript API avoids; everything after it is bounded.
      const keys = Object.keys(value)
      if (keys.length > limits.maxKeysPerObject) {
        return {
          frame,
          code: 'too-long',
          describe: (where) =>
            `${where} has ${keys.length.toLocaleString('en')} entries; at most ${limits.maxKeysPerObject} are accepted.`
        }
      }
      chars += 2
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string
        chars += key.length + 4
        stack.push({ value: value[key], depth: depth + 1, parent: frame, key })
      }
    } else {
      // Dates, maps, typed arrays and the like can cross a structured clone,
      // but no method takes one; their size is not what their keys suggest.
      return {
        frame,
        code: 'wrong-type',
        describe: (where) =>
          `${where} must be plain data (text, numbers, true/false, lists and objects).`
      }
    }
    if (chars > limits.maxChars) {
      return {
        frame,
        code: 'too-long',
        describe: () =>
          `The request is larger than the ${limits.maxChars.toLocaleString('en')} characters this action accepts.`
      }
    }
  }
  return null
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${text.slice(0, end)}…`
}

function payloadError(problem: PayloadProblem): AppError {
  const itemId = clip(itemIdOf(pathOf(problem.frame)), MAX_ITEM_ID_LENGTH)
  const message = problem.describe(itemId === '' ? 'The request' : `"${itemId}"`)
  return {
    code: 'invalid-argument',
    message,
    issues: [{ itemId, code: problem.code, message }]
  }
}

/**
 * A schema problem as the form understands it: answers are named by their
 * item id (not `answers.<id>`), keeping the validator's own issue code.
 */
function toValidationIssues(issue: z.core.$ZodIssue): ValidationIssue[] {
  // A strict object reports refused keys in `keys`, at the object's own path:
  // name each key, or the issue would name nothing the caller can fix.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      itemId: itemIdOf([...issue.path, key]),
      code: 'unknown-item',
      message: `Unrecognized key: "${key}"`
    }))
  }
  const params =
    issue.code === 'custom'
      ? (issue.params as { issueCode?: ValidationIssue['code'] } | undefined)
      : undefined
  return [
    {
      itemId: itemIdOf(issue.path),
      code: params?.issueCode ?? 'wrong-type',
      message: issue.message
    }
  ]
}

function itemIdOf(path: readonly PropertyKey[]): string {
  const [first, second] = path
  return first === 'answers' && second !== undefined ? String(second) : path.map(String).join('.')
}

/**
 * At most {@link MAX_ISSUES} issues, each with its id and message cut short;
 * when some are left out, the last one says how many.
 */
function boundIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const kept = issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES - 1) : issues
  const bounded = kept.map((issue) => ({
    itemId: clip(issue.itemId, MAX_ITEM_ID_LENGTH),
    code: issue.code,
    message: clip(issue.message, MAX_MESSAGE_LENGTH)
  }))
  const left = issues.length - bounded.length
  if (left > 0) {
    bounded.push({
      itemId: '',
      code: 'too-long',
      message: `${left.toLocaleString('en')} more problems are not listed; fix the ones above and try again.`
    })
  }
  return bounded
}

function invalidArguments(issues: readonly ValidationIssue[]): AppError {
  const bounded = boundIssues(issues)
  return {
    code: 'invalid-argument',
    message:
      issues.length === 1 && bounded[0]
        ? bounded[0].message
        : `${issues.length.toLocaleString('en')} answers need attention.`,
    issues: bounded
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error }
}

/**
 * The intake id a call names, for the patient-mode lock. Read from the raw
 * arguments, own properties only, so the lock holds before anything is parsed;
 * the schemas take ids as they are (a uuid is never rewritten), so the parsed
 * arguments name the same intake.
 */
function intakeIdOf(args: unknown): string | null {
  if (typeof args !== 'object' || args === null || !isPlainObject(args)) return null
  const own = (key: string): unknown =>
    Object.prototype.hasOwnProperty.call(args, key) ? args[key] : undefined
  const value = own('id') ?? own('intakeId')
  return typeof value === 'string' ? value : null
}

/**
 * Builds the transport-independent call pipeline. Electron's ipcMain and the
 * end-to-end test transport both call the function it returns.
 *
 * Order matters, cheapest refusal first: the role (and the patient's intake
 * lock) is checked before the arguments are even looked at, then their size,
 * then the schema; the whole pipeline runs inside one try, so even a bug in a
 * validator comes back as a typed `internal` error and is logged.
 */
export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions): Dispatch {
  const log = (method: ApiMethod, error: unknown): void => {
    try {
      options.logError?.(method, error)
    } catch {
      // A failing logger must not turn a typed error into a rejected call.
    }
  }
  return async (method, rawArgs) => {
    try {
      const context = options.context()
      const access = METHOD_ACCESS[method]
      if (!access.roles.includes(context.role)) {
        return failure({
          code: 'forbidden',
          message: 'This action is not available in the current mode.'
        })
      }
      const args = rawArgs ?? {}
      if (
        context.role === 'patient' &&
        access.lockedIntakeOnly &&
        intakeIdOf(args) !== context.lockedIntakeId
      ) {
        return failure({
          code: 'forbidden',
          message: 'Only the intake handed to the patient can be opened here.'
        })
      }

      const problem = findPayloadProblem(args, payloadLimitsFor(method))
      if (problem !== null) {
        const error = payloadError(problem)
        log(method, new PayloadRefusedError(error.message))
        return failure(error)
      }

      const parsed = API_SCHEMAS[method].safeParse(args)
      if (!parsed.success) {
        return failure(invalidArguments(parsed.error.issues.flatMap(toValidationIssues)))
      }

      // The schema table and the handler table are indexed by the same method,
      // so the parsed arguments are the handler's argument type.
      const handler = handlers[method] as (args: unknown, context: CallContext) => Promise<unknown>
      return {
        ok: true,
        value: await currentCall.run(context, () => handler(parsed.data, context))
      }
    } catch (error) {
      if (error instanceof ServiceError) {
        // A storage failure reaches the user as a plain sentence; the SQLite error
        // behind it (its `cause`) goes to the log, where someone can act on it.
        if (error.code === 'storage') log(method, error)
        return failure({
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: boundIssues(error.issues) } : {}),
          ...(error.currentRevision === undefined ? {} : { currentRevision: error.currentRevision })
        })
      }
      log(method, error)
      return failure({ code: 'internal', message: INTERNAL_MESSAGE })
    }
  }
}

/**
 * Registers every contract method on ipcMain. Calls from anything but the
 * app's own window and origin are refused before the dispatcher sees them.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, rawArgs: unknown) => {
      if (!isTrustedSender(event)) {
        return failure({ code: 'forbidden', message: 'Refused a call from an unknown window.' })
      }
      return dispatch(method, rawArgs)
    })
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(channelFor(method))
  }
}
