/**
 * Retention of the kernel's records (等保 2.0 asks for audit records kept at least six months):
 * audit rows older than six months move to `audit_archive` whole — same id, same columns, and
 * when they moved — in batches claimed with SKIP LOCKED, so two runs at once move each row once;
 * lapsed sessions, web authorisation states and one-time codes are deleted. A job of the admin
 * function (cloudfunctions/admin), run daily; tests run it with their own clock.
 */
import { claimEach, type Job } from './jobs'

/** How long audit rows stay in the live log before they are archived. */
export const AUDIT_ONLINE_MONTHS = 6
const BATCH = 1000

export const retention: Job = {
  every: 24 * 60,
  run: async (ctx) => {
    const archived = await claimEach(ctx, async ({ db, now }) => {
      const moved = await db.query(
        `WITH due AS (
           SELECT id FROM audit_log WHERE at < $1::timestamptz - make_interval(months => $2) ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED
         ), gone AS (
           DELETE FROM audit_log a USING due WHERE a.id = due.id RETURNING a.*
         )
         INSERT INTO audit_archive (id, actor_user_id, fn, action, target, detail, at, archived_at)
         SELECT id, actor_user_id, fn, action, target, detail, at, $1 FROM gone
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [now, AUDIT_ONLINE_MONTHS, BATCH],
      )
      return moved.length
    })
    const lapsed = await ctx.transaction(async ({ db, now }) => {
      const counts = await Promise.all([
        db.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1', [now]),
        db.query(`DELETE FROM oauth_states WHERE expires_at <= $1::timestamptz - interval '1 day' RETURNING 1`, [now]),
        db.query(`DELETE FROM signin_codes WHERE expires_at <= $1::timestamptz - interval '1 day' RETURNING 1`, [now]),
      ])
      return counts.reduce((sum, rows) => sum + rows.length, 0)
    })
    return archived + lapsed
  },
}
