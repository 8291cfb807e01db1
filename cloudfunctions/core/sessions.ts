/**
 * Server-side sessions and the short-lived secrets of signing in (kernel tables `sessions`,
 * `oauth_states`, `signin_codes`). Every secret is 256 random bits (a state 128) handed out once;
 * only its SHA-256 is stored, so a copy of the database signs nobody in. Each secret is taken in
 * one conditional statement (used once, in time, by the browser it was given to), so two requests
 * with the same secret cannot both succeed.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { CODE_TTL_MS, sessionLife, STATE_TTL_MS, staffSessionRoles, type OauthScope, type SessionClient } from '../../src/domain/signin'
import type { Queryable } from './db'

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex')
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

/** A session token or cookie value as it is handed out (43 base64url characters). */
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/

export interface Session {
  userId: number
  openid: string
  staff: boolean
}

/** Opens a session for the person; a staff member's lasts 12 hours and ends after 30 idle minutes. */
export async function openSession(db: Queryable, userId: number, client: SessionClient, now: Date): Promise<string> {
  const token = newSecret()
  const { staff, resident } = sessionLife
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, client, staff, created_at, seen_at, expires_at, idle_seconds)
     SELECT $1, $2, $3, s.staff, $4, $4, $4::timestamptz + CASE WHEN s.staff THEN $5::bigint ELSE $6::bigint END * interval '1 millisecond', CASE WHEN s.staff THEN $7::int END
     FROM (SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = $2 AND role = ANY ($8)) AS staff) s`,
    [secretHash(token), userId, client, now, staff.absoluteMs, resident.absoluteMs, staff.idleMs / 1000, staffSessionRoles],
  )
  return token
}

/**
 * The person a session token names, or `expired` (it existed and lapsed, which ends it), or
 * undefined (never issued, or logged out). A staff session's idle clock restarts with each request
 * (written at most once a minute).
 */
export async function resolveSession(db: Queryable, token: string, client: SessionClient, now: Date): Promise<Session | 'expired' | undefined> {
  if (!SESSION_TOKEN.test(token)) return undefined
  const id = secretHash(token)
  const [row] = await db.query<{ user_id: number; openid: string; staff: boolean; live: boolean; stale: boolean }>(
    `SELECT s.user_id, u.openid, s.staff,
       s.expires_at > $3 AND (s.idle_seconds IS NULL OR s.seen_at > $3 - s.idle_seconds * interval '1 second') AS live,
       s.seen_at < $3 - interval '1 minute' AS stale
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.client = $2`,
    [id, client, now],
  )
  if (!row) return undefined
  if (!row.live) {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [id])
    return 'expired'
  }
  if (row.stale) await db.query('UPDATE sessions SET seen_at = $2 WHERE id_hash = $1 AND seen_at < $2', [id, now])
  return { userId: row.user_id, openid: row.openid, staff: row.staff }
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [secretHash(token)])
}

/** A web authorisation begins: a fresh state bound to this browser's pre-login secret, for 10 minutes. */
export async function startOauth(db: Queryable, browser: string, scope: OauthScope, returnPath: string, now: Date): Promise<string> {
  const state = newSecret(16)
  await db.query('INSERT INTO oauth_states (state_hash, browser_hash, scope, return_path, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    secretHash(state), secretHash(browser), scope, returnPath, new Date(now.getTime() + STATE_TTL_MS),
  ])
  return state
}

/** Takes a state once: by the browser it was given to, within its 10 minutes; else undefined. */
export async function takeOauthState(db: Queryable, state: string, browser: string, now: Date): Promise<{ scope: OauthScope; returnPath: string } | undefined> {
  const [row] = await db.query<{ scope: OauthScope; return_path: string }>(
    `UPDATE oauth_states SET used_at = $3 WHERE state_hash = $1 AND browser_hash = $2 AND used_at IS NULL AND expires_at > $3 RETURNING scope, return_path`,
    [secretHash(state), secretHash(browser), now],
  )
  return row && { scope: row.scope, returnPath: row.return_path }
}

/** A one-time code of 8 digits for the person to type into a browser, good for 5 minutes. */
export async function issueSigninCode(db: Queryable, userId: number, now: Date): Promise<{ code: string; expiresAt: Date }> {
  for (;;) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0')
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS)
    const rows = await db.query('INSERT INTO signin_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (code_hash) DO NOTHING RETURNING 1', [secretHash(code), userId, expiresAt])
    if (rows.length) return { code, expiresAt }
  }
}

export async function takeSigninCode(db: Queryable, code: string, now: Date): Promise<number | undefined> {
  const [row] = await db.query<{ user_id: number }>(
    'UPDATE signin_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id',
    [secretHash(code), now],
  )
  return row?.user_id
}
