/**
 * Who is calling: the platform's openid, and the roles the database grants it on this call. The
 * kernel owns identity, the `users` table (KERNEL_TABLES): a person's row is made on their first call
 * (or first upload), and a feature renames a person or moves an identity through the functions here.
 * The roles are account's (`user_roles`), read here for every call.
 */
import type { Role, RoleGrant } from '../../src/domain/roles'
import type { Queryable } from './db'

export interface Caller {
  userId: number
  openid: string
  nickname: string
  grants: RoleGrant[]
  roles: Set<Role>
}

type CallerRow = { id: number; nickname: string; role: Role | null; site_id: string | null; unit_id: string | null }

const callerQuery = `
  SELECT u.id, u.nickname, r.role, r.site_id, r.unit_id
  FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
  WHERE u.openid = $1`

/** The person's row is made on their first call (or first upload). */
export async function ensureUser(db: Queryable, openid: string): Promise<void> {
  await db.query('INSERT INTO users (openid) VALUES ($1) ON CONFLICT (openid) DO NOTHING', [openid])
}

export async function loadCaller(db: Queryable, openid: string): Promise<Caller> {
  let rows = await db.query<CallerRow>(callerQuery, [openid])
  if (rows.length === 0) {
    await ensureUser(db, openid)
    rows = await db.query<CallerRow>(callerQuery, [openid])
  }
  const grants: RoleGrant[] = [{ role: 'resident' }]
  for (const row of rows) {
    if (row.role) grants.push({ role: row.role, siteId: row.site_id, unitId: row.unit_id } as RoleGrant)
  }
  return {
    userId: rows[0].id,
    openid,
    nickname: rows[0].nickname,
    grants,
    roles: new Set(grants.map((grant) => grant.role)),
  }
}

/**
 * Sets the name a person is shown by (one they chose, or a bound profile's name). The name shown
 * until now is kept in `former_names`, so public pages go on masking it (core/names.ts).
 */
export async function renameUser(db: Queryable, userId: number, nickname: string): Promise<void> {
  await db.query(
    `UPDATE users SET nickname = $2,
       former_names = CASE WHEN COALESCE(nickname, '') IN ('', $2) OR nickname = ANY (former_names) THEN former_names
         ELSE array_append(former_names, nickname) END
     WHERE id = $1`,
    [userId, nickname],
  )
}

/**
 * Moves the identity `openid` from the account `fromUserId` onto the record `intoUserId`: the
 * account it leaves keeps its row, retired (its openid marked merged) and pointing at the record;
 * its WeChat identities (core/identities.ts) go with the openid.
 */
export async function moveIdentity(db: Queryable, fromUserId: number, intoUserId: number, openid: string): Promise<void> {
  await db.query(`UPDATE users SET openid = 'merged:' || id || ':' || openid, merged_into = $2 WHERE id = $1`, [fromUserId, intoUserId])
  await db.query('UPDATE users SET openid = $2 WHERE id = $1', [intoUserId, openid])
  await db.query('UPDATE user_identities SET user_id = $2 WHERE user_id = $1', [fromUserId, intoUserId])
}
