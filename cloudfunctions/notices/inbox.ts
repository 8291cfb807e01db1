/**
 * The notice centre: a person's notifications (staff notices and what happened to what they
 * follow), newest first, pinned notices above; withdrawn notices disappear. Opening one is its
 * read receipt.
 */
import type { InboxItem, InboxPage } from '../../src/domain/notices'
import type { PageInput } from '../../src/domain/page'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { pageOf } from '../core/page'

const columns = `n.id, n.title, n.body, n.link, n.created_at AS at, n.read_at IS NOT NULL AS read, n.notice_id AS "noticeId",
  x.sender, x.cover, x.link AS target, coalesce(x.pinned, false) AS pinned`
const from = 'notifications n LEFT JOIN notices x ON x.id = n.notice_id'
const visible = `(x.id IS NULL OR x.status <> 'withdrawn')`

const item = (row: InboxItem): InboxItem => ({ ...row, at: new Date(row.at).toISOString() })

export async function unreadCount(db: Queryable, userId: number): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE n.user_id = $1 AND n.read_at IS NULL AND ${visible}`, [userId])
  return n
}

export async function inbox(db: Queryable, userId: number, input: PageInput): Promise<InboxPage> {
  const page = await pageOf<InboxItem>(
    db,
    { columns, from, where: ['n.user_id = $1', visible, 'NOT coalesce(x.pinned, false)'], params: [userId], keys: ['n.created_at', 'n.id'], desc: true },
    input,
  )
  const pinned = input.cursor
    ? []
    : (await db.query<InboxItem>(
        `SELECT ${columns} FROM ${from} WHERE n.user_id = $1 AND ${visible} AND x.pinned ORDER BY n.created_at DESC, n.id DESC LIMIT 3`,
        [userId],
      ))
  return { items: page.items.map(item), next: page.next, pinned: pinned.map(item), unread: await unreadCount(db, userId) }
}

/** One of my notifications, marked read. */
export async function open(db: Queryable, userId: number, id: number, now: Date): Promise<InboxItem> {
  await db.query('UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL', [id, userId, now])
  const [row] = await db.query<InboxItem>(`SELECT ${columns} FROM ${from} WHERE n.id = $1 AND n.user_id = $2 AND ${visible}`, [id, userId])
  return row ? item(row) : fail('not_found', '未找到该消息，可能已被撤回')
}

export async function markRead(db: Queryable, userId: number, input: { ids: number[]; all: boolean }, now: Date): Promise<{ unread: number }> {
  await db.query('UPDATE notifications SET read_at = $4 WHERE user_id = $1 AND read_at IS NULL AND ($3 OR id = ANY($2::bigint[]))', [
    userId,
    input.ids,
    input.all,
    now,
  ])
  return { unread: await unreadCount(db, userId) }
}
