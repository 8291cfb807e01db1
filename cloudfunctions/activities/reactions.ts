/**
 * What account's facts do to activities: binding a member profile records the member's facts
 * (name, sector, studio), which sector audiences, the duty lists and the studio pages read. A
 * profile that leaves the sector or the studio empty keeps what the member's facts had.
 */
import type { Reactions } from '../core/events'

export const reactions: Reactions = {
  'profile.bound': async (tx, { role, userId, name, sector, siteId }) => {
    if (role !== 'member') return 0
    await tx.db.query(
      `INSERT INTO member_facts (user_id, name, sector, studio_site_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, sector = coalesce(nullif(excluded.sector, ''), member_facts.sector),
         studio_site_id = coalesce(excluded.studio_site_id, member_facts.studio_site_id)`,
      [userId, name, sector, siteId],
    )
    return 0
  },
}
