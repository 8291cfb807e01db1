/** Who is calling: the platform's openid, and the roles the database grants it on this call. */
import type { Role, RoleGrant } from '../../src/domain/roles'
import type { Queryable } from './db'

export interface Caller {
  userId: number
  openid: string
  nickname: string
  grants: RoleGrant[]
  roles: Set<Role>
}

const callerQuery = `
  SELECT u.id, u.nickname, r.role, r.site_id, r.unit_id
  FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
  WHERE u.openid = $1`

/** The person's row is made on their first call (or first upload). */
export async function ensureUser(db: Queryable, openid: string): Promise<void> {
  await db.query('INSERT INTO users (openid) VALUES ($1) ON CONFLICT (openid) DO NOTHING', [openid])
}

export async function loadCaller(db: Queryable, openid: string): Promise<Caller> {
  let rows = await db.query(callerQuery, [openid])
  if (rows.length === 0) {
    await ensureUser(db, openid)
    rows = await db.query(callerQuery, [openid])
  }
  const grants: RoleGrant[] = [{ role: 'resident' }]
  for (const row of rows) {
    if (row.role) grants.push({ role: row.role, siteId: row.site_id, unitId: row.unit_id })
  }
  return {
    userId: rows[0].id,
    openid,
    nickname: rows[0].nickname,
    grants,
    roles: new Set(grants.map((grant) => grant.role)),
  }
}
