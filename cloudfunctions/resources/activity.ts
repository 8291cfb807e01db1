/**
 * From booking to activity: a confirmed venue booking made for a unit becomes that unit's activity
 * (activities' `createActivity`), at the venue and the booked time, once; the venue's unit and any
 * others named co-host it (活动共办), and the activity lists them all.
 */
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { can } from '../../src/domain/resources/permissions'
import { isAccepted } from '../../src/domain/resources/sharing'
import { createActivity } from '../activities/public'
import { screenText } from '../core/content'
import { fail } from '../core/errors'
import type { Handlers } from '../core/router'

type ConvertRow = {
  id: number; kind: string; status: Parameters<typeof isAccepted>[0]; site_id: string; for_site_id: string | null; activity_id: number | null
  starts_at: Date; ends_at: Date; capacity: number | null; resource_name: string; site_name: string
}

export const activityActions: Pick<Handlers<typeof sharingContract>, 'toActivity'> = {
  toActivity: async ({ input, caller, platform, transaction }) => {
    await screenText(platform, `${input.title}\n${input.intro}`, caller.openid, 'immediate')
    return transaction(async ({ db, now, audit }) => {
      const [b] = await db.query<ConvertRow>(
        `SELECT b.id, r.kind, b.status, b.site_id, b.for_site_id, b.activity_id, b.starts_at, b.ends_at, r.capacity, r.name AS resource_name, s.name AS site_name
         FROM resource_bookings b JOIN resources r ON r.id = b.resource_id JOIN sites s ON s.id = b.site_id WHERE b.id = $1 FOR UPDATE OF b`,
        [input.bookingId],
      )
      if (!b) return fail('not_found', '未找到该预约')
      if (b.kind !== 'venue') fail('invalid_input', '只有场地预约可以转为活动')
      if (!b.for_site_id || !can(caller, 'decide', { siteId: b.for_site_id })) fail('forbidden', '只能把本单位的场地预约转为本单位的活动')
      if (b.activity_id !== null) fail('already_converted', '该预约已转为活动', { activityId: Number(b.activity_id) })
      if (!isAccepted(b.status)) fail('conflict', '预约确认后才能转为活动')
      if (b.ends_at <= now) fail('in_past', '预约时段已过，不能再转为活动')
      const host = b.for_site_id as string
      const cohosts = [...new Set([b.site_id, ...input.cohosts])].filter((id) => id !== host)
      const activityId = await createActivity(db, caller.userId, {
        siteId: host, kind: input.kind, title: input.title, place: `${b.site_name}${b.resource_name}`, intro: input.intro,
        startsAt: b.starts_at, endsAt: b.ends_at, capacity: b.capacity, audience: 'open', sectors: [], invitees: [], cohosts,
        codePeriodS: 10, windowBeforeMin: 30, windowAfterMin: 30,
      })
      await db.query('UPDATE resource_bookings SET activity_id = $2 WHERE id = $1', [b.id, activityId])
      await audit(`booking:${b.id}`, { activityId, cohosts })
      return { activityId: Number(activityId), cohosts }
    })
  },
}
