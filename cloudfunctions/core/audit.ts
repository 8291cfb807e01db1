/** The audit log: one row for every privileged action, with who did it and when. */
import type { Queryable } from './db'
import type { Caller } from './identity'

export async function audit(
  db: Queryable,
  at: Date,
  caller: Caller,
  fn: string,
  action: string,
  target: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.query('INSERT INTO audit_log (actor_user_id, fn, action, target, detail, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    caller.userId,
    fn,
    action,
    target,
    JSON.stringify(detail),
    at,
  ])
}
