/**
 * Who a notice reaches: each audience kind is one small resolver giving the SQL of its people's
 * user ids; an audience is the UNION of its parts, so a person in two parts is reached once.
 * A new kind is one more entry here and in the contract.
 */
import type { AudienceKind, AudiencePart } from '../../src/domain/notices'
import type { Queryable } from '../core/db'

type Param = (value: unknown) => string
type Resolvers = { [K in AudienceKind]: (part: Extract<AudiencePart, { kind: K }>, param: Param) => string }

export const resolvers: Resolvers = {
  everyone: () => 'SELECT id AS user_id FROM users',
  sites: (part, param) => `SELECT user_id FROM site_followers WHERE site_id = ANY(${param(part.siteIds)}::text[])`,
  members: (part, param) =>
    part.sector
      ? `SELECT r.user_id FROM user_roles r JOIN member_facts f ON f.user_id = r.user_id WHERE r.role = 'member' AND f.sector = ${param(part.sector)}`
      : `SELECT user_id FROM user_roles WHERE role = 'member'`,
  units: (part, param) => `SELECT user_id FROM user_roles WHERE role = 'unit_handler' AND unit_id = ANY(${param(part.unitIds)}::text[])`,
  roles: (part, param) => `SELECT user_id FROM user_roles WHERE role = ANY(${param(part.roles)}::text[])`,
  topics: (part, param) => `SELECT user_id FROM topic_followers WHERE topic_id = ANY(${param(part.topicIds)}::bigint[])`,
  // Signed up: confirmed or on the waitlist (a change of time or place concerns both).
  activities: (part, param) =>
    `SELECT person_id AS user_id FROM activity_signups WHERE activity_id = ANY(${param(part.activityIds)}::bigint[]) AND status <> 'cancelled'`,
}

/** The SQL of an audience's distinct people (one user_id column) and its parameters. */
function audienceQuery(audience: AudiencePart[]): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const param: Param = (value) => {
    params.push(value)
    return `$${params.length}`
  }
  const parts = audience.map((part) => (resolvers[part.kind] as (part: AudiencePart, param: Param) => string)(part, param))
  return { sql: `SELECT DISTINCT user_id FROM (${parts.join(' UNION ')}) audience`, params }
}

/** The distinct user ids an audience reaches, ascending. */
export async function resolveAudience(db: Queryable, audience: AudiencePart[]): Promise<number[]> {
  const { sql, params } = audienceQuery(audience)
  const rows = await db.query(`${sql} ORDER BY user_id`, params)
  return rows.map((row) => Number(row.user_id))
}

/** How many people an audience reaches now (what 将发送给 N 人 says before sending). */
export async function countAudience(db: Queryable, audience: AudiencePart[]): Promise<number> {
  const { sql, params } = audienceQuery(audience)
  const [row] = await db.query(`SELECT count(*) AS people FROM (${sql}) reached`, params)
  return Number(row.people)
}
