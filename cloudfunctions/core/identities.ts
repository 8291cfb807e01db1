/**
 * A person's identities (kernel table `user_identities`): the mini-program's openid, the 服务号's
 * web openid and, when the accounts are bound to one open platform, their shared unionid. An
 * identity reaches an existing account only by that unionid or by a one-time code the account's
 * owner showed; each such link is audited. `users.openid` stays the account's key (the router's
 * caller): a web-only account's is `web:<openid>`.
 */
import type { IdentityProvider } from '../../src/domain/signin'
import { audit } from './audit'
import type { Queryable } from './db'
import { lockKey } from './locks'

export interface WechatIdentity {
  provider: IdentityProvider
  openid: string
  unionid?: string
}

const actor = (action: string, userId: number | null = null) => ({ userId, fn: 'signin', action })
const accountKey = ({ provider, openid }: WechatIdentity) => (provider === 'weapp' ? openid : `${provider}:${openid}`)

/**
 * The account of this identity, made when there is none (run it in a transaction): found by the
 * identity itself, else by its unionid (linked, audited), else a new account (or the mini-program
 * account of the same openid that has no identity row yet).
 */
export async function accountOf(tx: Queryable, identity: WechatIdentity, now: Date): Promise<{ userId: number; created: boolean }> {
  const { provider, openid, unionid } = identity
  // Two first sign-ins sharing a unionid (the mini-program and the web at once) must not make two accounts.
  if (unionid) await lockKey(tx, `identity:${unionid}`)
  const [known] = await tx.query<{ user_id: number; unionid: string | null }>('SELECT user_id, unionid FROM user_identities WHERE provider = $1 AND openid = $2', [provider, openid])
  if (known) {
    if (unionid && !known.unionid) await tx.query('UPDATE user_identities SET unionid = $3 WHERE provider = $1 AND openid = $2', [provider, openid, unionid])
    return { userId: known.user_id, created: false }
  }
  if (unionid) {
    const [sibling] = await tx.query<{ user_id: number }>('SELECT user_id FROM user_identities WHERE unionid = $1 ORDER BY id LIMIT 1', [unionid])
    if (sibling) {
      await tx.query(`INSERT INTO user_identities (user_id, provider, openid, unionid, linked_by) VALUES ($1, $2, $3, $4, 'unionid')`, [sibling.user_id, provider, openid, unionid])
      await audit(tx, now, actor('identity.linked', sibling.user_id), `user:${sibling.user_id}`, { provider, via: 'unionid' })
      return { userId: sibling.user_id, created: false }
    }
  }
  const made = await tx.query<{ id: number }>('INSERT INTO users (openid) VALUES ($1) ON CONFLICT (openid) DO NOTHING RETURNING id', [accountKey(identity)])
  const [{ id }] = made.length ? made : await tx.query<{ id: number }>('SELECT id FROM users WHERE openid = $1', [accountKey(identity)])
  await tx.query(`INSERT INTO user_identities (user_id, provider, openid, unionid, linked_by) VALUES ($1, $2, $3, $4, 'signin')`, [id, provider, openid, unionid ?? null])
  return { userId: id, created: made.length > 0 }
}

/**
 * The web identities of `fromUserId` move onto `intoUserId`, whose owner showed the one-time code
 * in the mini-program (run it in a transaction). The account left behind keeps its own records.
 */
export async function linkByCode(tx: Queryable, fromUserId: number, intoUserId: number, now: Date): Promise<number> {
  if (fromUserId === intoUserId) return 0
  const moved = await tx.query(`UPDATE user_identities SET user_id = $2, linked_by = 'code' WHERE user_id = $1 AND provider = 'web' RETURNING id`, [fromUserId, intoUserId])
  if (moved.length) await audit(tx, now, actor('identity.linked', intoUserId), `user:${intoUserId}`, { provider: 'web', via: 'code', from: fromUserId })
  return moved.length
}
