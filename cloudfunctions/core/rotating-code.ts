/**
 * Rotating codes (an activity's check-in code, a site's visit code): an HMAC-SHA256 of a subject,
 * the code's period and its time slot under a server secret, cut to 12 base64url characters (72
 * bits). Verified from the code alone, with no database read: the current and the previous slot
 * pass (a code shown at the end of its slot still works while the scan travels), older is expired.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Platform } from './platform'

/** The host's and the tests' secret when ACTIVITY_CODE_SECRET is not set; a deployed function requires the variable. */
export const DEV_CODE_SECRET = 'dev-only-activity-code-secret'

export function codeSecret(platform: Pick<Platform, 'name'>): string {
  const secret = process.env.ACTIVITY_CODE_SECRET
  if (secret) return secret
  if (platform.name === 'local') return DEV_CODE_SECRET
  throw new Error('ACTIVITY_CODE_SECRET is not set for the deployed function')
}

export const slotOf = (now: Date, periodS: number) => Math.floor(now.getTime() / (periodS * 1000))

export function codeMac(secret: string, subject: string, periodS: number, slot: number): string {
  return createHmac('sha256', secret).update(`${subject}.${periodS}.${slot}`).digest('base64url').slice(0, 12)
}

export type Verdict = 'ok' | 'forged' | 'expired'

export function verifyCode(secret: string, subject: string, code: { periodS: number; slot: number; mac: string }, now: Date): Verdict {
  const expected = Buffer.from(codeMac(secret, subject, code.periodS, code.slot))
  const given = Buffer.from(code.mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  const current = slotOf(now, code.periodS)
  // One slot ahead is allowed for clock skew between instances; a signed slot further ahead is not ours.
  if (code.slot > current + 1) return 'forged'
  return code.slot >= current - 1 ? 'ok' : 'expired'
}
