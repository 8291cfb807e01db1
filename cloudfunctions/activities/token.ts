/** An activity's rotating check-in code (core/rotating-code.ts) with the activity as its subject. */
import { activityScene, type ActivityToken } from '../../src/domain/activities'
import { codeMac, slotOf, verifyCode, type Verdict } from '../core/rotating-code'

export { codeSecret, DEV_CODE_SECRET } from '../core/rotating-code'

export function issueToken(secret: string, activityId: number, periodS: number, now: Date): { scene: string; refreshAt: Date } {
  const slot = slotOf(now, periodS)
  const scene = activityScene({ activityId, periodS, slot, mac: codeMac(secret, String(activityId), periodS, slot) })
  return { scene, refreshAt: new Date((slot + 1) * periodS * 1000) }
}

export const verifyToken = (secret: string, token: ActivityToken, now: Date): Verdict => verifyCode(secret, String(token.activityId), token, now)
