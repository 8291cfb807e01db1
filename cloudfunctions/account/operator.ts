/**
 * The operator's grants (`npm run admin -- grant-admin|revoke-admin <who>`): the admin role given
 * or taken by the people who run the deployment, instead of hand-written SQL. `who` is a person's
 * openid, or the bind code of a profile they have bound (staff read it from their profile). Each
 * change is one transaction with its audit row (fn `operator`, no acting user: it came from the
 * command line). The last admin cannot be revoked.
 */
import type { Db, Queryable } from '../core/db'
import { audit } from '../core/audit'
import { ensureUser } from '../core/identity'

const OPENID = /^[A-Za-z0-9_-]{1,64}$/
/** A bind code's shape (admin's alphabet has no 0/O/1/I/L). */
const BIND_CODE = /^[A-HJKMNP-Z2-9]{8}$/

export class OperatorError extends Error {}

export interface Outcome {
  userId: number
  changed: boolean
}

/** The person `who` names: a bound profile's user for a bind code, else the openid (made when new, for a first admin). */
async function personOf(db: Queryable, who: string): Promise<{ userId: number; via: 'code' | 'openid' }> {
  if (BIND_CODE.test(who)) {
    const [profile] = await db.query<{ bound_user_id: number | null }>('SELECT bound_user_id FROM profiles WHERE bind_code = $1', [who])
    if (profile) {
      if (profile.bound_user_id === null) throw new OperatorError(`绑定码 ${who} 尚未被绑定：请先让本人在小程序“我的”里输入它`)
      return { userId: profile.bound_user_id, via: 'code' }
    }
  }
  if (!OPENID.test(who)) throw new OperatorError('请给出 openid 或已绑定的绑定码')
  await ensureUser(db, who)
  const [user] = await db.query<{ id: number }>('SELECT id FROM users WHERE openid = $1', [who])
  return { userId: user.id, via: 'openid' }
}

export function grantAdmin(db: Db, who: string, now: Date): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const { userId, via } = await personOf(tx, who)
    const added = await tx.query(
      `INSERT INTO user_roles (user_id, role, granted_at) VALUES ($1, 'admin', $2) ON CONFLICT DO NOTHING RETURNING id`,
      [userId, now],
    )
    await audit(tx, now, { userId: null, fn: 'operator', action: 'grantAdmin' }, `user:${userId}`, { via, changed: added.length > 0 })
    return { userId, changed: added.length > 0 }
  })
}

export function revokeAdmin(db: Db, who: string, now: Date): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const { userId, via } = await personOf(tx, who)
    // Counted under a lock on the admin rows, so two revocations at once cannot leave none.
    const admins = await tx.query<{ user_id: number }>("SELECT user_id FROM user_roles WHERE role = 'admin' FOR UPDATE")
    const isAdmin = admins.some((row) => row.user_id === userId)
    if (isAdmin && new Set(admins.map((row) => row.user_id)).size === 1) throw new OperatorError('这是最后一位系统管理员，不能撤销：请先为另一人授权')
    const removed = await tx.query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'admin' RETURNING id", [userId])
    await audit(tx, now, { userId: null, fn: 'operator', action: 'revokeAdmin' }, `user:${userId}`, { via, changed: removed.length > 0 })
    return { userId, changed: removed.length > 0 }
  })
}
