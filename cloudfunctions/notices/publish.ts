/**
 * Publishing: a notice is stored, then fanned out once to its audience (at once, or by the
 * `publishDue` job when its time comes): one in-app outbox row per person, keyed
 * `notice:<id>:<user id>`, in the transaction that marks it published, so a fan-out happens
 * whole or not at all. Each row carries the notice's subscription message; the drain sends it to
 * those who authorised one.
 */
import { noticeIntent } from '../../src/domain/notices/subscriptions'
import type { AudiencePart, NoticeStatus } from '../../src/domain/notices'
import { claimEach, type JobCtx } from '../core/jobs'
import type { Scope } from '../core/scope'
import { resolveAudience } from './audience'
import { enqueueEach } from './outbox'

export interface NoticeRow {
  id: number
  author_id: number
  sender: string
  title: string
  body: string
  cover: string | null
  link: string | null
  audience: AudiencePart[]
  publish_at: Date
  status: NoticeStatus
  pinned: boolean
  audience_size: number | null
}

export const noticePage = (id: number) => `/packages/notices/pages/detail/index?notice=${id}`

/** Byte-wise bounds of a notice's outbox keys (`notice:<id>:…`), for the text_pattern_ops index. */
export const keyRange = (id: number | string) => [`notice:${id}:`, `notice:${id};`]

export async function fanOut(tx: Scope, notice: NoticeRow): Promise<number> {
  const people = await resolveAudience(tx.db, notice.audience)
  await enqueueEach(
    tx.db,
    tx.now,
    'inapp',
    people,
    {
      title: notice.title,
      body: notice.body,
      link: noticePage(notice.id),
      noticeId: notice.id,
      subscribe: noticeIntent(notice.title, notice.sender, tx.now),
    },
    `notice:${notice.id}`,
  )
  await tx.db.query(`UPDATE notices SET status = 'published', published_at = $2, audience_size = $3 WHERE id = $1`, [notice.id, tx.now, people.length])
  notice.status = 'published'
  notice.audience_size = people.length
  return people.length
}

/** The job: every scheduled notice whose time has come is fanned out, one per transaction, once. */
export function publishDue(ctx: JobCtx): Promise<number> {
  return claimEach(ctx, async (tx) => {
    const [notice] = await tx.db.query<NoticeRow>(
      `SELECT * FROM notices WHERE status = 'scheduled' AND publish_at <= $1 ORDER BY publish_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [tx.now],
    )
    if (!notice) return 0
    await fanOut(tx, notice)
    return 1
  })
}
