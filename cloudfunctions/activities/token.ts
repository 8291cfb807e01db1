/**
 * The rotating check-in code: an HMAC-SHA256 of the activity, the code's period and its time slot
 * under a server secret, cut to 12 base64url characters (72 bits). Verified from the token alone,
 * with no database read: the current and the previous slot pass (a code shown at the end of its
 * slot still works while the person's scan travels), older is expired.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { activityScene, type ActivityToken } from '../../src/domain/activities'
import type { Platform } from '../core/platform'

/** The host's and the tests' secret when ACTIVITY_CODE_SECRET is not set; a deployed function requires the variable. */
export const DEV_CODE_SECRET = 'dev-only-activity-code-secret'

export function codeSecret(platform: Pick<Platform, 'name'>): string {
  const secret = process.env.ACTIVITY_CODE_SECRET
  if (secret) return secret
  if (platform.name === 'local') return DEV_CODE_SECRET
  throw new Error('ACTIVITY_CODE_SECRET is not set for the deployed function')
}

export const slotOf = (now: Date, periodS: number) => Math.floor(now.getTime() / (periodS * 1000))

function macOf(secret: string, activityId: number, periodS: number, slot: number): string {
  return createHmac('sha256', secret).update(`${activityId}.${periodS}.${slot}`).digest('base64url').slice(0, 12)
}

export function issueToken(secret: string, activityId: number, periodS: number, now: Date): { scene: string; refreshAt: Date } {
  const slot = slotOf(now, periodS)
  const scene = activityScene({ activityId, periodS, slot, mac: macOf(secret, activityId, periodS, slot) })
  return { scene, refreshAt: new Date((slot + 1) * periodS * 1000) }
}

export type Verdict = 'ok' | 'forged' | 'expired'

export function verifyToken(secret: string, token: ActivityToken, now: Date): Verdict {
  const expected = Buffer.from(macOf(secret, token.activityId, token.periodS, token.slot))
  const given = Buffer.from(token.mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  const current = slotOf(now, token.periodS)
  // One slot ahead is allowed for clock skew between instances; a signed slot further ahead is not ours.
  if (token.slot > current + 1) return 'forged'
  return token.slot >= current - 1 ? 'ok' : 'expired'
}
