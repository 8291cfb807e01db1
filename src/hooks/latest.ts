/** Helpers of the call hooks: keep only the newest answer, and turn anything thrown into a CallFailure. */
import { errorMessages } from '@/domain/errors'
import { CallFailure } from '@/services/call'

/** Hands out tickets; a ticket stays current until the next one is taken. */
export function createLatest() {
  let newest = 0
  return {
    take(): () => boolean {
      const ticket = ++newest
      return () => ticket === newest
    },
  }
}

export function asFailure(error: unknown): CallFailure {
  return error instanceof CallFailure ? error : new CallFailure({ code: 'internal', message: errorMessages.internal })
}
