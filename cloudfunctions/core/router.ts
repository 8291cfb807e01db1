/**
 * The action router: one entry per cloud function. It reads the envelope, finds the action,
 * resolves the caller and their roles, checks the access table, validates the input with the
 * action's schema, runs the handler and answers `{ ok, data | error }`. Nothing else leaves it.
 */
import * as v from 'valibot'
import type { CallEvent, Envelope } from '../../src/domain/errors'
import { mayCall } from './access'
import { audit } from './audit'
import { fail, toFailure } from './errors'
import { loadCaller, type Caller } from './identity'
import { grantedPlatform, type Openapi, type Platform } from './platform'
import { getRuntime, type Runtime } from './runtime'

export interface Ctx<I> {
  input: I
  caller: Caller
  db: Runtime['db']
  platform: Platform
  now: Date
  /** Records a privileged action in the audit log. */
  audit(target: string, detail?: Record<string, unknown>): Promise<void>
}

export interface Action<S extends v.GenericSchema = v.GenericSchema> {
  input: S
  run(ctx: Ctx<v.InferOutput<S>>): Promise<unknown>
}

export interface CloudFunction {
  name: string
  /** Exactly the openapi this function calls; the build writes it into config.json. */
  openapi: readonly Openapi[]
  actions: Record<string, Action>
}

export function action<S extends v.GenericSchema>(input: S, run: (ctx: Ctx<v.InferOutput<S>>) => Promise<unknown>): Action {
  return { input, run } as Action
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  const generic = issue.message.startsWith('Invalid')
  return generic ? '输入有误，请检查后重试' : issue.message
}

export async function dispatch(fn: CloudFunction, event: unknown, context: unknown, runtime: Runtime): Promise<Envelope<unknown>> {
  try {
    const call = (event ?? {}) as Partial<CallEvent>
    if (typeof call.action !== 'string' || !Object.hasOwn(fn.actions, call.action)) {
      fail('invalid_input', '未知的操作')
    }
    const name = call.action as string
    const act = fn.actions[name]
    const parsed = v.safeParse(act.input, call.data ?? {})
    if (!parsed.success) fail('invalid_input', firstIssue(parsed.issues))
    const openid = runtime.platform.callerOpenid(context)
    if (!openid) fail('unauthenticated')
    const caller = await loadCaller(runtime.db, openid as string)
    const allowed = mayCall(fn.name, name, caller.roles)
    if (allowed === undefined) throw new Error(`no access row for ${fn.name}.${name}`)
    if (!allowed) fail('forbidden')
    const now = runtime.clock.now()
    const data = await act.run({
      input: parsed.output,
      caller,
      db: runtime.db,
      platform: grantedPlatform(runtime.platform, fn.openapi),
      now,
      audit: (target, detail) => audit(runtime.db, now, caller, fn.name, name, target, detail),
    })
    return { ok: true, data }
  } catch (error) {
    return toFailure(error)
  }
}

/** The cloud entry, `exports.main = createMain(fn)`: same dispatch, runtime from the environment. */
export function createMain(fn: CloudFunction) {
  return async (event: unknown, context: unknown): Promise<Envelope<unknown>> => {
    let runtime: Runtime
    try {
      runtime = await getRuntime()
    } catch (error) {
      return toFailure(error)
    }
    return dispatch(fn, event, context, runtime)
  }
}
