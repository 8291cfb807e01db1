/** One way to call a cloud function from any page: answers the data or throws a CallFailure. */
import type { Contract, InputOf, OutputOf } from '../domain/contract'
import { errorMessages, type CallError, type ErrorCode } from '../domain/errors'
import { send } from './transport'

export class CallFailure extends Error {
  readonly code: ErrorCode
  readonly data?: unknown
  constructor(error: CallError) {
    super(error.message)
    this.code = error.code
    this.data = error.data
  }
}

export async function call<T>(fn: string, action: string, data: object = {}): Promise<T> {
  let envelope
  try {
    envelope = await send<T>(fn, action, data)
  } catch {
    throw new CallFailure({ code: 'network', message: errorMessages.network })
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new CallFailure({ code: 'internal', message: errorMessages.internal })
  }
  if (!envelope.ok) throw new CallFailure(envelope.error)
  return envelope.data
}

/**
 * A function's actions as typed calls, from its contract (a type-only import, so no schema reaches
 * the bundle): `const sites = endpoint<typeof sitesContract>('sites'); sites('list')(input)`.
 */
export function endpoint<C extends Contract>(fn: string) {
  return <K extends keyof C & string>(action: K) =>
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "does {} satisfy the input" asks whether it is optional
    (...[input]: {} extends InputOf<C[K]> ? [input?: InputOf<C[K]>] : [input: InputOf<C[K]>]): Promise<OutputOf<C[K]>> =>
      call<OutputOf<C[K]>>(fn, action, (input ?? {}) as object)
}
