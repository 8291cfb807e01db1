/** The error model: handlers throw AppError; anything else becomes `internal` without details. */
import { errorMessages, type CallError, type Envelope, type ErrorCode } from '../../src/domain/errors'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly data?: unknown,
  ) {
    super(message ?? errorMessages[code])
  }
}

export const fail = (code: ErrorCode, message?: string, data?: unknown): never => {
  throw new AppError(code, message, data)
}

export function toFailure(error: unknown): Envelope<never> {
  if (error instanceof AppError) {
    const body: CallError = { code: error.code, message: error.message }
    if (error.data !== undefined) body.data = error.data
    return { ok: false, error: body }
  }
  console.error('[internal]', error)
  return { ok: false, error: { code: 'internal', message: errorMessages.internal } }
}
