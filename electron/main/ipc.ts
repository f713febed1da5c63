/**
 * The one way a renderer call reaches the main process. Every method of the
 * contract goes through {@link createDispatcher}: sender check (at the
 * transport), argument schema, role check, then the handler, whose failures
 * come back as typed values, never as stack traces.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import {
  API_METHODS,
  METHOD_ACCESS,
  channelFor,
  type ApiArgs,
  type ApiMethod,
  type ApiResult,
  type AppError,
  type Result,
  type Role,
  type ValidationIssue
} from '../../src/domain'
import type { z } from 'zod'
import { API_SCHEMAS } from '../../src/domain/ipc/schemas'
import { ServiceError } from './services/serviceError'

/** What a handler knows about its caller. */
export interface CallContext {
  readonly role: Role
  /** In patient mode, the only intake the caller may touch. */
  readonly lockedIntakeId: string | null
}

/** One handler per contract method; `satisfies ApiHandlers` makes a gap a compile error. */
export type ApiHandlers = {
  readonly [M in ApiMethod]: (args: ApiArgs<M>, context: CallContext) => Promise<ApiResult<M>>
}

export type Dispatch = (method: ApiMethod, rawArgs: unknown) => Promise<Result<unknown>>

export interface DispatcherOptions {
  /** The caller's role and lock, read fresh on every call (patient mode can start or end any time). */
  readonly context: () => CallContext
  /** Where unexpected errors go: logged in full in the main process, never sent to the renderer. */
  readonly logError?: (method: ApiMethod, error: unknown) => void
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

function failure(error: AppError): Result<never> {
  return { ok: false, error }
}

/** The intake id a call names, for the patient-mode lock. */
function intakeIdOf(args: unknown): string | null {
  if (typeof args !== 'object' || args === null) return null
  const record = args as Record<string, unknown>
  const value = record['id'] ?? record['intakeId']
  return typeof value === 'string' ? value : null
}

/**
 * Builds the transport-independent call pipeline. Electron's ipcMain and the
 * end-to-end test transport both call the function it returns.
 */
export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions): Dispatch {
  return async (method, rawArgs) => {
    const schema = API_SCHEMAS[method]
    const parsed = schema.safeParse(rawArgs ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.flatMap(toValidationIssues)
      return failure({
        code: 'invalid-argument',
        message:
          issues.length === 1 && issues[0]
            ? issues[0].message
            : `${issues.length} answers need attention.`,
        issues
      })
    }

    const context = options.context()
    const access = METHOD_ACCESS[method]
    if (!access.roles.includes(context.role)) {
      return failure({
        code: 'forbidden',
        message: 'This action is not available in the current mode.'
      })
    }
    if (
      context.role === 'patient' &&
      access.lockedIntakeOnly &&
      intakeIdOf(parsed.data) !== context.lockedIntakeId
    ) {
      return failure({
        code: 'forbidden',
        message: 'Only the intake handed to the patient can be opened here.'
      })
    }

    try {
      // The schema table and the handler table are indexed by the same method,
      // so the parsed arguments are the handler's argument type.
      const handler = handlers[method] as (args: unknown, context: CallContext) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data, context) }
    } catch (error) {
      if (error instanceof ServiceError) {
        // A storage failure reaches the user as a plain sentence; the SQLite error
        // behind it (its `cause`) goes to the log, where someone can act on it.
        if (error.code === 'storage') options.logError?.(method, error)
        return failure({
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {})
        })
      }
      options.logError?.(method, error)
      return failure({
        code: 'internal',
        message: 'Something went wrong. Your answers are still on screen; please try again.'
      })
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
