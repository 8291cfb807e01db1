/**
 * How a function's actions are declared once, in `contracts/<fn>.ts`: each action's input schema
 * and output type. The handlers (`defineFunction` in cloudfunctions/core/router.ts) and the client
 * services (`endpoint` in src/services/call.ts) are both typed from the same declaration.
 */
import type * as v from 'valibot'

export interface ActionContract<S extends v.GenericSchema = v.GenericSchema, O = unknown> {
  input: S
  /** Type only: never read at run time. */
  output: O
}

export type Contract = Record<string, ActionContract>

/** Declares an action: `{ input: schema, output: returns<Output>() }`. */
export function returns<O>(): O {
  return undefined as O
}

export type InputOf<A extends ActionContract> = v.InferInput<A['input']>
export type ParsedInputOf<A extends ActionContract> = v.InferOutput<A['input']>
export type OutputOf<A extends ActionContract> = A['output']
