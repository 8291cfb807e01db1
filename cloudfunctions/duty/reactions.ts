/**
 * What others' facts earn in the duty record: 社情民意's (a proposal 立案, a 专报 adopted, a 批示)
 * earn its members the points of the rule in force that day, once per person and source.
 */
import type { Reactions } from '../core/events'

export const reactions: Reactions = {
  'opinion.credited': async (tx, e) => {
    await tx.db.query(
      `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, note, created_at)
       SELECT u, $2::date, r.kind, r.id, r.points, $4, $5, $6 FROM unnest($1::bigint[]) u
         CROSS JOIN LATERAL (SELECT * FROM duty_rules WHERE kind = $3 AND effective_from <= $2::date ORDER BY effective_from DESC LIMIT 1) r
       WHERE EXISTS (SELECT 1 FROM user_roles m WHERE m.user_id = u AND m.role = 'member')
       ON CONFLICT (user_id, source_key) DO NOTHING`,
      [e.userIds, e.day, e.kind, e.sourceKey, e.note, tx.now],
    )
    return 0
  },
}
