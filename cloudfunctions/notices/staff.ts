/** What senders do: publish (now or at a time), withdraw, pin, and see reach, reads and the delivery log. */
import { maskName } from '../../src/domain/mask'
import { linkPath, type AudiencePart, type Delivery, type LinkKind, type SentNotice } from '../../src/domain/notices'
import type { PageInput } from '../../src/domain/page'
import { can } from '../../src/domain/notices/permissions'
import { isDistrictStaff, type Person } from '../../src/domain/person'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { screenText } from '../core/content'
import { pageOf } from '../core/page'
import { requireOwnPhotos } from '../core/uploads'
import type { Ctx } from '../core/router'
import type { Scope } from '../core/scope'
import { findSite } from '../sites/public'
import { countAudience } from './audience'
import { fanOut, keyRange, type NoticeRow } from './publish'

export interface Draft {
  title: string
  body: string
  cover?: string
  link?: { kind: LinkKind; id: string }
  audience: AudiencePart[]
  publishAt?: string
  pinned: boolean
}

const linkTables: Record<LinkKind, string> = {
  topic: "SELECT 1 FROM topics WHERE id::text = $1 AND state NOT IN ('held', 'rejected')",
  activity: 'SELECT 1 FROM activities WHERE id::text = $1',
  site: 'SELECT 1 FROM sites WHERE id = $1',
}

/** Who a notice says it is from: 区政协 for district staff, else the (first) site addressed. */
async function senderOf(db: Queryable, person: Person, audience: AudiencePart[]): Promise<string> {
  if (isDistrictStaff(person)) return '区政协'
  const part = audience.find((p) => p.kind === 'sites')
  return part && part.kind === 'sites' ? (await findSite(db, part.siteIds[0])).name : '区政协'
}

export async function publish({ db, caller, platform, transaction, now }: Omit<Ctx<unknown>, 'input'>, input: Draft) {
  if (!can(caller, 'publish', input)) fail('forbidden', '联盟点管理员只能向本联盟点的关注者发送通知')
  for (const part of input.audience) if (part.kind === 'sites') for (const siteId of part.siteIds) await findSite(db, siteId)
  if (input.link && (await db.query(linkTables[input.link.kind], [input.link.id])).length === 0) fail('not_found', '链接的内容不存在')
  if (input.cover) await requireOwnPhotos(db, caller.userId, [input.cover])
  await screenText(platform, `${input.title}\n${input.body}`, caller.openid, 'immediate')
  const sender = await senderOf(db, caller, input.audience)
  // A time in the past (or none) means now.
  const publishAt = input.publishAt && new Date(input.publishAt) > now ? new Date(input.publishAt) : now
  return transaction(async (tx) => {
    const [notice] = await tx.db.query<NoticeRow>(
      `INSERT INTO notices (author_id, sender, title, body, cover, link, audience, publish_at, pinned, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [caller.userId, sender, input.title, input.body, input.cover ?? null, input.link ? linkPath(input.link.kind, input.link.id) : null,
        JSON.stringify(input.audience), publishAt, input.pinned, tx.now],
    )
    if (publishAt <= tx.now) await fanOut(tx, notice)
    await tx.audit(`notice:${notice.id}`, { status: notice.status, audience: input.audience })
    return { id: Number(notice.id), status: notice.status, publishAt: publishAt.toISOString(), audienceSize: notice.audience_size }
  })
}

/** How many people an audience reaches now, for the sender to see before sending; the same rule as publishing over whom they may address. */
export async function reach(db: Queryable, person: Person, audience: AudiencePart[]) {
  if (!can(person, 'publish', { audience })) fail('forbidden', '联盟点管理员只能向本联盟点的关注者发送通知')
  return { people: await countAudience(db, audience) }
}

/** The notice, locked, when this person may manage it; else `not_found` / `forbidden`. */
export async function manageable(db: Queryable, person: Person, id: number): Promise<NoticeRow> {
  const [notice] = await db.query<NoticeRow>('SELECT * FROM notices WHERE id = $1 FOR UPDATE', [id])
  if (!notice) return fail('not_found', '未找到该通知')
  if (!can(person, 'manage', notice)) fail('forbidden', '只能管理本联盟点的通知')
  return notice
}

/** Withdrawn: it leaves every notice centre, and what was not yet delivered is never sent. */
export async function withdraw(tx: Scope, person: Person, id: number) {
  const notice = await manageable(tx.db, person, id)
  if (notice.status === 'withdrawn') return { id, status: notice.status }
  await tx.db.query(`UPDATE notices SET status = 'withdrawn', withdrawn_at = $2 WHERE id = $1`, [id, tx.now])
  await tx.db.query(
    `UPDATE outbox SET status = 'failed', last_error = '通知已撤回' WHERE dedupe_key ~>=~ $1 AND dedupe_key ~<~ $2 AND status IN ('pending', 'sending')`,
    keyRange(id),
  )
  await tx.audit(`notice:${id}`, { status: 'withdrawn' })
  return { id, status: 'withdrawn' as const }
}

export async function pin(tx: Scope, person: Person, id: number, pinned: boolean) {
  await manageable(tx.db, person, id)
  await tx.db.query('UPDATE notices SET pinned = $2 WHERE id = $1', [id, pinned])
  await tx.audit(`notice:${id}`, { pinned })
  return { id, pinned }
}

const inRange = (id: string) => `o.dedupe_key ~>=~ ('notice:' || ${id} || ':') AND o.dedupe_key ~<~ ('notice:' || ${id} || ';')`

/** The notices I sent (all of them for district staff), newest first, with reach and reads. */
export async function sent(db: Queryable, person: Person, input: PageInput) {
  const page = await pageOf<SentNotice & { publishAt: Date }>(
    db,
    {
      columns: `n.id, n.title, n.sender, n.status, n.pinned, n.publish_at AS "publishAt", n.audience, n.audience_size AS "audienceSize",
        (SELECT count(*)::int FROM notifications x WHERE x.notice_id = n.id) AS delivered,
        (SELECT count(*)::int FROM notifications x WHERE x.notice_id = n.id AND x.read_at IS NOT NULL) AS read,
        (SELECT count(*)::int FROM outbox o WHERE ${inRange('n.id')} AND o.kind = 'subscribe' AND o.status = 'sent') AS messages`,
      from: 'notices n',
      where: isDistrictStaff(person) ? [] : ['n.author_id = $1'],
      params: isDistrictStaff(person) ? [] : [person.userId],
      keys: ['n.created_at', 'n.id'],
      desc: true,
    },
    input,
  )
  return { ...page, items: page.items.map((n) => ({ ...n, id: Number(n.id), publishAt: new Date(n.publishAt).toISOString() })) }
}

/** A notice's delivery log: each outbox row (in-app and message), its state, and whether it was read. */
export async function deliveries(db: Queryable, person: Person, id: number, input: PageInput) {
  const [notice] = await db.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [id])
  if (!notice) fail('not_found', '未找到该通知')
  if (!can(person, 'manage', notice)) fail('forbidden', '只能查看本联盟点通知的送达记录')
  const page = await pageOf<Delivery & { nickname: string; sentAt: Date | null }>(
    db,
    {
      columns: `o.id, u.nickname, o.kind, o.status, o.attempts, o.last_error AS "lastError", o.sent_at AS "sentAt",
        (x.read_at IS NOT NULL) AS read`,
      from: 'outbox o JOIN users u ON u.id = o.recipient_user_id LEFT JOIN notifications x ON x.outbox_id = o.id',
      where: [inRange('$1::bigint::text')],
      params: [id],
      keys: ['o.id'],
    },
    input,
  )
  const head = { id: Number(notice.id), title: notice.title, status: notice.status, pinned: notice.pinned, publishAt: new Date(notice.publish_at).toISOString(), audienceSize: notice.audience_size }
  return {
    notice: head,
    next: page.next,
    items: page.items.map(({ nickname, ...row }) => ({
      ...row,
      id: Number(row.id),
      recipient: maskName(nickname),
      read: Boolean(row.read),
      sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
    })),
  }
}
