/**
 * What other features may use of admin: the profiles staff issue, as binding needs them. Binding is
 * account's (who binds, the roles it grants); a profile's row, its one-time code and whether it is
 * used are admin's, so only admin writes `profiles`.
 */
import type { BindableRole } from '../../src/domain/roles'
import type { Queryable } from '../core/db'

/** An issued profile as binding reads it (snake_case columns, as stored). */
export type IssuedProfile = {
  id: number
  role: BindableRole
  name: string
  site_id: string | null
  unit_id: string | null
  sector: string | null
  member_user_id: number | null
}

/** The unbound profile of `code`, locked until the binding transaction ends; undefined when unknown or used. */
export async function unboundProfile(db: Queryable, code: string): Promise<IssuedProfile | undefined> {
  const [profile] = await db.query<IssuedProfile>(
    `SELECT id, role, name, site_id, unit_id, sector, member_user_id FROM profiles WHERE bind_code = $1 AND bound_user_id IS NULL FOR UPDATE`,
    [code],
  )
  return profile
}

/** Whether a profile with this code was ever issued. */
export async function profileIssued(db: Queryable, code: string): Promise<boolean> {
  return (await db.query<{ one: number }>('SELECT 1 AS one FROM profiles WHERE bind_code = $1', [code])).length > 0
}

/** Whether the profile of this code is bound to the account that holds this openid now. */
export async function profileBoundTo(db: Queryable, code: string, openid: string): Promise<boolean> {
  const rows = await db.query<{ one: number }>(
    'SELECT 1 AS one FROM profiles p JOIN users u ON u.id = p.bound_user_id WHERE p.bind_code = $1 AND u.openid = $2',
    [code, openid],
  )
  return rows.length > 0
}

/** Marks the profile used: bound to `userId` at `now`. */
export async function markProfileBound(db: Queryable, profileId: number, userId: number, now: Date): Promise<void> {
  await db.query('UPDATE profiles SET bound_user_id = $1, bound_at = $2 WHERE id = $3', [userId, now, profileId])
}
