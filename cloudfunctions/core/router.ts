/**
 * The action router: one entry per cloud function. It reads the envelope, finds the action,
 * validates the input with the action's schema from its contract, resolves the caller and their
 * roles, checks the action's access row, runs the handler and answers `{ ok, data | error }`. Nothing
 * else leaves it. A timer event (WeChat's trigger, never a person's call) runs the due jobs.
 */
import * as v from 'valibot'
import type { Contract, OutputOf, ParsedInputOf } from '../../src/domain/contract'
import type { CallEvent, Envelope } from '../../src/domain/errors'
import type { Role } from '../../src/domain/roles'
import { isCleanText, TEXT_REFUSED } from '../../src/domain/text'
import { mayCall } from './access'
import { fail, toFailure } from './errors'
import { loadCaller, type Caller } from './identity'
import { runDueJobs, timerTrigger, type Job, type JobRun, type TimerTrigger } from './jobs'
import { grantedPlatform, type Openapi, type Platform } from './platform'
import type { Queryable } from './db'
import { getRuntime, type Runtime } from './runtime'
import { scopeOf, transactionOf, type Scope } from './scope'

export interface Ctx<I> extends Scope {
  input: I
  caller: Caller
  platform: Platform
  /** Runs `work` in one transaction; its scope's db, audit and events are bound to it. */
  transaction<T>(work: (tx: Scope) => Promise<T>): Promise<T>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the router holds handlers of every input type
type Handler = (ctx: Ctx<any>) => Promise<unknown>
export type Handlers<C extends Contract> = { [K in keyof C]: (ctx: Ctx<ParsedInputOf<C[K]>>) => Promise<OutputOf<C[K]>> }

/**
 * A file behind a secret link, fetched with no sign-in (a calendar app subscribing to a feed): the
 * host serves it at GET /feeds/<fn>/<name>/<token>; undefined (an unknown, revoked or hostile
 * token) is a 404 that says nothing more.
 */
export type Feed = (scope: { db: Queryable; now: Date }, token: string) => Promise<{ contentType: string; body: string } | undefined>

export interface CloudFunction {
  name: string
  /** Exactly the openapi this function calls; the build writes it into config.json. */
  openapi: readonly Openapi[]
  contract: Contract
  /** Who may call each action (role groups in access.ts). */
  access: Readonly<Record<string, readonly Role[]>>
  actions: Record<string, Handler>
  jobs: Record<string, Job>
  /** Its one WeChat timer trigger, when it has jobs; the build writes it into config.json. */
  trigger?: TimerTrigger
  feeds?: Readonly<Record<string, Feed>>
}

/** A cloud function from its contract: a handler for exactly each declared action, typed by it. */
export function defineFunction<C extends Contract>(spec: {
  name: string
  contract: C
  openapi: readonly Openapi[]
  access: { [K in keyof C]: readonly Role[] }
  actions: Handlers<C>
  jobs?: Record<string, Job>
  feeds?: Record<string, Feed>
}): CloudFunction {
  const jobs = spec.jobs ?? {}
  return { ...spec, actions: spec.actions as Record<string, Handler>, jobs, trigger: timerTrigger(jobs) }
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  const generic = issue.message.startsWith('Invalid')
  return generic ? '输入有误，请检查后重试' : issue.message
}

const DATA_NOT_OBJECT = '请求数据格式有误'

/** `data` is an object or absent, for every action: an array, a string or null is never read as `{}`. */
function isDataShape(data: unknown): boolean {
  return data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data))
}

/** Every string anywhere in the input obeys the text rule, whatever the schema says. */
function cleanStrings(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isCleanText(value)
  if (depth > 8 || value === null || typeof value !== 'object') return true
  return Object.entries(value).every(([key, item]) => isCleanText(key) && cleanStrings(item, depth + 1))
}

export async function dispatch(fn: CloudFunction, event: unknown, context: unknown, runtime: Runtime): Promise<Envelope<unknown>> {
  try {
    if (runtime.platform.timerOf(event, context) !== undefined) {
      return { ok: true, data: (await runDueJobs(fn, runtime, 'timer')) satisfies JobRun[] }
    }
    const call = (event ?? {}) as Partial<CallEvent>
    if (typeof call.action !== 'string' || !Object.hasOwn(fn.actions, call.action)) {
      fail('invalid_input', '未知的操作')
    }
    const name = call.action as string
    if (!isDataShape(call.data)) fail('invalid_input', DATA_NOT_OBJECT)
    if (!cleanStrings(call.data)) fail('invalid_input', TEXT_REFUSED)
    const parsed = v.safeParse(fn.contract[name].input, call.data ?? {})
    if (!parsed.success) fail('invalid_input', firstIssue(parsed.issues))
    const openid = runtime.platform.callerOpenid(context)
    if (!openid) fail('unauthenticated')
    const caller = await loadCaller(runtime.db, openid as string)
    const allowed = mayCall(fn.access, name, caller.roles)
    if (allowed === undefined) throw new Error(`no access row for ${fn.name}.${name}`)
    if (!allowed) fail('forbidden')
    const now = runtime.clock.now()
    const actor = { userId: caller.userId, fn: fn.name, action: name }
    const data = await fn.actions[name]({
      ...scopeOf(runtime.db, now, actor),
      input: parsed.output,
      caller,
      platform: grantedPlatform(runtime.platform, fn.openapi),
      transaction: transactionOf(runtime.db, now, actor),
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
