/**
 * A feature as the kernel sees it: its cloud function, the tables it owns (only its code writes
 * them), its demo seeding steps, the demo people it brings and the figures it reports. `cloudfunctions/features.ts` lists
 * the features; the host, its seeding and its job runner read that list. A deployed function's
 * bundle starts from its `index.ts` and never carries a manifest or demo data.
 */
import type { EventType } from '../../src/domain/events'
import type { RoleGrant } from '../../src/domain/roles'
import type { Figure } from './figures'
import type { CloudFunction } from './router'
import type { SeedStep } from './seed'

/**
 * The kernel's tables: written only by core/ (a feature asks the kernel: identity, audit, jobs, rate
 * limits, uploads, events). `users` is identity: the kernel makes a person's row on their first call.
 */
export const KERNEL_TABLES = [
  'schema_migrations', 'seed_steps', 'audit_log', 'platform_messages',
  'job_schedule', 'job_runs', 'rate_events', 'uploads', 'users',
  'wechat_tokens', 'user_identities', 'sessions', 'oauth_states', 'signin_codes', 'audit_archive',
] as const

export interface DemoContext {
  now: Date
  /** Days of daily activities from the first start (tests use a few). */
  activityDays: number
}

export interface DemoPerson {
  openid: string
  persona: string
  nickname: string
  grants: RoleGrant[]
}

export interface Feature {
  definition: CloudFunction
  main: (event: unknown, context: unknown) => Promise<unknown>
  /** The tables this feature creates and alone writes. */
  tables: readonly string[]
  /** Its demo data, in order; a step's name is recorded once applied, so it must never change. */
  demo?: readonly SeedStep<DemoContext>[]
  /** Demo identities the dev sign-in offers. */
  personas?: readonly DemoPerson[]
  /** The domain events its code publishes (the notices feature reacts to each: cloudfunctions/reactions.ts). */
  publishes?: readonly EventType[]
  /** What it counts per site and month, read-only from its own tables (the assessment reads them). */
  figures?: readonly Figure[]
}
