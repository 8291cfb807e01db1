/**
 * Self-hosted sign-in (issue 22): the kinds of identity a person has, how an identity came to its
 * account, which client a session belongs to, and how long sessions last. Pure: the host and the
 * kernel (core/sessions.ts, core/identities.ts) use them, and the schema's CHECK lists equal them.
 */

/** Where an openid comes from: the mini-program (code2Session) or the 服务号's web authorisation. */
export const identityProviders = ['weapp', 'web'] as const
export type IdentityProvider = (typeof identityProviders)[number]

/** How an identity reached its account: the upgrade, its own first sign-in, a shared unionid, a one-time code. */
export const identityLinks = ['migrated', 'signin', 'unionid', 'code'] as const
export type IdentityLink = (typeof identityLinks)[number]

/** The client a session serves: the mini-program (bearer token) or a browser (cookie). */
export const sessionClients = ['weapp', 'web'] as const
export type SessionClient = (typeof sessionClients)[number]

/** The two web authorisation scopes: silent (openid only) and with the person's consent (a name). */
export const oauthScopes = ['snsapi_base', 'snsapi_userinfo'] as const
export type OauthScope = (typeof oauthScopes)[number]

const MINUTE = 60_000
const DAY = 86_400_000

/** Residents stay signed in 30 days; staff 12 hours, and 30 minutes without a request ends it sooner. */
export const sessionLife = {
  resident: { absoluteMs: 30 * DAY, idleMs: undefined },
  staff: { absoluteMs: 12 * 60 * MINUTE, idleMs: 30 * MINUTE },
} as const

/** A web authorisation `state` lives 10 minutes; a one-time staff code 5. */
export const STATE_TTL_MS = 10 * MINUTE
export const CODE_TTL_MS = 5 * MINUTE

/** The one-time code a staff member reads off the mini-program and types into a browser. */
export const SIGNIN_CODE = /^\d{8}$/

/** A return path after web sign-in: a path on this site only (no scheme, no `//host`, no backslash). */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s\\]{0,200}$/.test(value) ? value : '/'
}

/** Who gets a staff session (12 hours, 30 minutes idle): anyone who can act on others' records. */
export const staffSessionRoles = ['site_admin', 'unit_handler', 'staff', 'auditor', 'admin'] as const
