/**
 * Experts and courses: a booking of one is an invitation, answered by the person linked to the
 * resource (the expert: accept or decline, once); its contact shows to the inviter only once it is
 * accepted; a session confirmed as held after its end counts in a member expert's duty record
 * (duty's `earnSessionPoints`, once per booking).
 */
import type { Booking } from '../../src/domain/resources'
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { can } from '../../src/domain/resources/permissions'
import { isAccepted } from '../../src/domain/resources/sharing'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { pageOf } from '../core/page'
import type { Handlers } from '../core/router'
import { earnSessionPoints } from '../duty/public'
import { bookingColumns, bookingFrom } from './columns'
import type { ResourceRow } from './rows'
import { loadBooking } from './load'
import { settlePending } from './settle'

type Invited = { kind: ResourceRow['kind']; expert_user_id: number | null; contact: string }

const resourceOf = async (db: Queryable, resourceId: number) =>
  (await db.query<Invited>('SELECT kind, expert_user_id, contact FROM resources WHERE id = $1', [resourceId]))[0]

export const expertActions: Pick<Handlers<typeof sharingContract>, 'details' | 'invitations' | 'respond' | 'contact' | 'held'> = {
  details: async ({ input, caller, transaction }) =>
    transaction(async ({ db, audit }) => {
      const [r] = await db.query<ResourceRow>('SELECT * FROM resources WHERE id = $1 FOR UPDATE', [input.resourceId])
      if (!r) return fail('not_found', '未找到该资源')
      if (!can(caller, 'edit', { siteId: r.site_id })) fail('forbidden', '只能编辑本单位的资源')
      const invited = r.kind === 'expert' || r.kind === 'course'
      if ((input.expertUserId !== undefined || input.contact !== undefined) && !invited) fail('invalid_input', '只有专家和课程可以设置受邀人和联系方式')
      if (input.dataFields !== undefined && r.kind !== 'data') fail('invalid_input', '只有数据资源可以设置字段')
      if (input.expertUserId) {
        const [user] = await db.query('SELECT 1 FROM users WHERE id = $1', [input.expertUserId])
        if (!user) fail('not_found', '未找到该用户')
      }
      await db.query(
        `UPDATE resources SET expert_user_id = CASE WHEN $2 THEN $3::bigint ELSE expert_user_id END, contact = COALESCE($4, contact),
           data_fields = COALESCE($5, data_fields) WHERE id = $1`,
        [r.id, input.expertUserId !== undefined, input.expertUserId ?? null, input.contact ?? null, input.dataFields ?? null],
      )
      await audit(`resource:${r.id}`, { expert: input.expertUserId, contact: input.contact !== undefined, fields: input.dataFields?.length })
      return { id: Number(r.id) }
    }),

  invitations: async ({ db, input, caller }) =>
    pageOf<Booking>(db, {
      columns: bookingColumns, from: bookingFrom, where: ['r.expert_user_id = $1', 'b.status = $2'], params: [caller.userId, input.status],
      keys: ['b.starts_at', 'b.id'],
    }, input),

  respond: async ({ input, caller, transaction }) =>
    transaction(async (tx) => {
      const booking = await loadBooking(tx.db, input.bookingId)
      const resource = await resourceOf(tx.db, booking.resource_id)
      if (resource.expert_user_id === null || Number(resource.expert_user_id) !== caller.userId) fail('not_invited', '只有受邀的专家本人可以答复该邀请')
      return settlePending(tx, booking, caller.userId, input.accept, input.note)
    }),

  contact: async ({ db, input, caller }) => {
    const [b] = await db.query<{ person_id: number; site_id: string; status: Booking['status']; resource_id: number; name: string }>(
      'SELECT b.person_id, b.site_id, b.status, b.resource_id, r.name FROM resource_bookings b JOIN resources r ON r.id = b.resource_id WHERE b.id = $1',
      [input.bookingId],
    )
    if (!b) return fail('not_found', '未找到该预约')
    if (b.person_id !== caller.userId && !can(caller, 'decide', { siteId: b.site_id })) fail('forbidden', '只有邀请人可以查看专家的联系方式')
    if (!isAccepted(b.status)) fail('not_accepted', '专家接受邀请后才能查看联系方式')
    const resource = await resourceOf(db, b.resource_id)
    return { name: b.name, contact: resource.contact }
  },

  held: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const booking = await loadBooking(db, input.bookingId)
      const resource = await resourceOf(db, booking.resource_id)
      const expert = resource.expert_user_id === null ? null : Number(resource.expert_user_id)
      if (resource.kind !== 'expert' && resource.kind !== 'course') fail('invalid_input', '只有专家和课程的预约需要确认开展')
      if (booking.person_id !== caller.userId && expert !== caller.userId && !can(caller, 'decide', { siteId: booking.site_id })) {
        fail('forbidden', '只有邀请人、专家或资源所在单位可以确认开展')
      }
      if (!isAccepted(booking.status)) fail('not_accepted', '专家尚未接受邀请，不能确认开展')
      if (booking.ends_at > now) fail('not_ended', '活动结束后才能确认已开展')
      const [done] = await db.query<{ held_at: Date }>('UPDATE resource_bookings SET held_at = $2 WHERE id = $1 AND held_at IS NULL RETURNING held_at', [booking.id, now])
      if (!done) return fail('duplicate', '已确认开展')
      const points = expert === null ? 0
        : await earnSessionPoints(db, { userId: expert, day: shanghaiDay(booking.starts_at), key: `resource-booking:${booking.id}`, note: booking.name, at: now })
      await audit(`booking:${booking.id}`, { held: true, expert, points })
      return { heldAt: done.held_at.toISOString(), points }
    }),
}
