/** The audit log: one row for every privileged action, with who did it (none for a job) and when. */
import type { Queryable } from './db'
import type { Actor } from './scope'

export async function audit(db: Queryable, at: Date, actor: Actor, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db.query('INSERT INTO audit_log (actor_user_id, fn, action, target, detail, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    actor.userId,
    actor.fn,
    actor.action,
    target,
    JSON.stringify(detail),
    at,
  ])
}
