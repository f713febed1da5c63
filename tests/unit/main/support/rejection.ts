import { ServiceError } from '../../../../electron/main/services/serviceError'

/** Awaits a promise that must reject with a ServiceError, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof ServiceError))
    throw new Error(`expected a ServiceError, got ${String(error)}`)
  return error
}
