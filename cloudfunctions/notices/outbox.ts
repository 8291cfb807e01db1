/**
 * The outbox: everything that leaves the system is first a row, written in the transaction that
 * caused it, with a unique dedupe key. Only the drain job (`drainOutbox`, run by the notices
 * function) delivers rows: it claims due rows (FOR UPDATE SKIP LOCKED, so overlapping drains never
 * take the same row), delivers them, and marks each sent, or schedules a retry with exponential
 * backoff, or gives up after MAX_ATTEMPTS or a permanent platform error.
 */
import { intentOf, messageData, templates, type SubscribeIntent } from '../../src/domain/notices/subscriptions'
import type { Queryable } from '../core/db'
import { PlatformError, type Platform } from '../core/platform'

export interface OutboxPayload {
  /** An in-app notification in the person's notice centre. */
  inapp: { title: string; body: string; link?: string; noticeId?: number; subscribe?: SubscribeIntent }
  /** A WeChat one-time subscription message. */
  subscribe: { templateId: string; page: string; data: Record<string, { value: string }> }
}
export type OutboxKind = keyof OutboxPayload

export const OUTBOX_BATCH = 200
export const MAX_ATTEMPTS = 8
/** A claimed row is due again after this long, should its drain die before marking it. */
export const CLAIM_MS = 5 * 60_000

/** 30 s, 1 min, 2 min, … up to 6 h. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000)

export async function enqueue<K extends OutboxKind>(
  db: Queryable,
  now: Date,
  kind: K,
  recipientUserId: number,
  payload: OutboxPayload[K],
  dedupeKey: string,
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [kind, recipientUserId, JSON.stringify(payload), dedupeKey, now],
  )
  return rows.length === 1
}

export async function enqueueEach<K extends OutboxKind>(
  db: Queryable,
  now: Date,
  kind: K,
  recipientUserIds: number[],
  payload: OutboxPayload[K],
  keyPrefix: string,
): Promise<number> {
  if (recipientUserIds.length === 0) return 0
  const rows = await db.query<{ id: number }>(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT $1, r, $3, $4 || ':' || r, $5, $5 FROM unnest($2::bigint[]) r
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [kind, recipientUserIds, JSON.stringify(payload), keyPrefix, now],
  )
  return rows.length
}

/** A claimed row: its payload is the one its kind carries. */
type Claimed = {
  [K in OutboxKind]: { id: number; kind: K; payload: OutboxPayload[K]; attempts: number; dedupe_key: string; recipient_user_id: number; openid: string }
}[OutboxKind]

const claimSql = `
  UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, next_attempt_at = $2
  FROM (SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due, users u
  WHERE o.id = due.id AND u.id = o.recipient_user_id
  RETURNING o.id, o.kind, o.payload, o.attempts, o.dedupe_key, o.recipient_user_id, u.openid`

/**
 * An in-app notice becomes a notification row, once (unique outbox_id). When it has a subscription
 * message (see `intentOf`), the same statement spends one of the recipient's unused authorisations
 * for that template and queues the message: only when the notification is new, so a redelivery
 * spends nothing, and the grant is claimed FOR UPDATE SKIP LOCKED with `used_for` unique, so
 * concurrent deliveries never spend one grant twice. Without an authorisation, or once the notice
 * is withdrawn, nothing more is sent.
 */
const inappSql = `INSERT INTO notifications (user_id, title, body, link, created_at, outbox_id, notice_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (outbox_id) DO NOTHING RETURNING id`
const inappWithMessageSql = `
  WITH note AS (${inappSql}),
  spent AS (
    UPDATE subscription_grants SET used_at = $5, used_for = $9
    WHERE id = (SELECT id FROM subscription_grants WHERE user_id = $1 AND template = $8 AND used_at IS NULL AND EXISTS (SELECT 1 FROM note)
                AND NOT EXISTS (SELECT 1 FROM notices WHERE id = $7 AND status = 'withdrawn')
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id)
  INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
  SELECT 'subscribe', $1, $10, $9, $5, $5 FROM spent ON CONFLICT (dedupe_key) DO NOTHING`

async function deliver(db: Queryable, platform: Platform, now: Date, row: Claimed): Promise<void> {
  if (row.kind === 'inapp') {
    const inapp = row.payload
    const params = [row.recipient_user_id, inapp.title, inapp.body, inapp.link ?? null, now, row.id, inapp.noticeId ?? null]
    const intent = intentOf(inapp, now)
    if (!intent) {
      await db.query(inappSql, params)
      return
    }
    const template = templates[intent.template]
    const message: OutboxPayload['subscribe'] = { templateId: template.id, page: template.page, data: messageData(intent.template, intent.values, now) }
    await db.query(inappWithMessageSql, [...params, intent.template, `${row.dedupe_key}:sub`, JSON.stringify(message)])
    return
  }
  const { templateId, page, data } = row.payload
  await platform.sendSubscribe({ toOpenid: row.openid, templateId, page, data, dedupeKey: row.dedupe_key })
}

/** Delivers every due row; answers how many were sent. Safe to run twice at once. */
export async function drainOutbox(db: Queryable, platform: Platform, now: Date): Promise<number> {
  let sent = 0
  for (;;) {
    const rows = await db.query<Claimed>(claimSql, [now, new Date(now.getTime() + CLAIM_MS), OUTBOX_BATCH])
    if (rows.length === 0) return sent
    const results = await Promise.allSettled(rows.map((row) => deliver(db, platform, now, row)))
    const done = rows.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id)
    // Only rows still claimed: a row failed meanwhile (its notice withdrawn) stays failed.
    if (done.length) await db.query(`UPDATE outbox SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = ANY($1) AND status = 'sending'`, [done, now])
    sent += done.length
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') continue
      const row = rows[i]
      const error = result.reason
      const giveUp = (error instanceof PlatformError && error.permanent) || row.attempts >= MAX_ATTEMPTS
      await db.query('UPDATE outbox SET status = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1', [
        row.id,
        giveUp ? 'failed' : 'pending',
        new Date(now.getTime() + backoffMs(row.attempts)),
        String(error instanceof Error ? error.message : error).slice(0, 500),
      ])
    }
  }
}
