/**
 * What other features may use of checkin: reading a site's check-in code; check-in at the desk for
 * a resident without a phone (by name, birth year and the ID's last 4, or by their printed card),
 * the cards themselves, the desk's counts per staff member, and a site's rotating code for a
 * reviewer's visit check-in.
 */
import { timingSafeEqual } from 'node:crypto'
import { parseScene } from '../../src/domain/scene'
import { codeMac, codeSecret, slotOf, verifyCode, type Verdict } from '../core/rotating-code'
import type { Platform } from '../core/platform'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { take } from '../core/rate-limit'
import { findSite, type SiteRow } from '../sites/public'

/** The site whose check-in code (its scene, as scanned) this is; `invalid_input` for a code that is not a site's. */
export async function siteOfCode(db: Queryable, scene: unknown): Promise<SiteRow> {
  const parsed = parseScene(scene)
  if (!parsed.ok) return fail('invalid_input', parsed.reason)
  return findSite(db, parsed.siteId)
}

/** At most this many desk check-ins per staff member in a day (a sliding 24 hours). */
export const ASSIST_DAILY_MAX = 60
const DAY_MS = 24 * 60 * 60 * 1000

/** Who is checked in: matched by name, birth year and the ID's last 4 characters, or by their card. */
export type AssistedWho = { name: string; birthYear: number; idLast4: string } | { card: string }

export type AssistInput = AssistedWho & {
  siteId: string
  /** The staff member at the desk (a site admin of the site, or district staff). */
  staffUserId: number
}

export type AssistedCheckinRow = { id: number; person_id: number; site_id: string; day: string; created_at: Date }

/** A card's QR: `k=<card id>.<mac>`; it does not rotate, and revoking the card ends it. */
const CARD = /^k=([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{12})$/
const cardMac = (platform: Pick<Platform, 'name'>, id: number) => codeMac(codeSecret(platform), `card:${id}`, 0, 0)
export const cardCode = (platform: Pick<Platform, 'name'>, id: number) => `k=${id}.${cardMac(platform, id)}`

/** The person a card names while it is in force; refused as `invalid_input` (forged) or `card_revoked`. */
async function cardPerson(db: Queryable, platform: Pick<Platform, 'name'>, code: string): Promise<number> {
  const match = CARD.exec(code)
  if (!match || !timingSafeEqual(Buffer.from(cardMac(platform, Number(match[1]))), Buffer.from(match[2]))) fail('invalid_input', '不是有效的签到卡')
  const [card] = await db.query<{ person_id: number; revoked_at: Date | null }>('SELECT person_id, revoked_at FROM assisted_cards WHERE id = $1', [Number(match?.[1])])
  if (!card) fail('invalid_input', '不是有效的签到卡')
  if (card.revoked_at) fail('card_revoked', '该签到卡已作废，请补办新卡')
  return Number(card.person_id)
}

/** Matches (or makes) the managed person record by name, birth year and ID fragment. */
async function personOf(db: Queryable, staffUserId: number, now: Date, who: { name: string; birthYear: number; idLast4: string }): Promise<number> {
  await db.query(
    `INSERT INTO assisted_people (name, birth_year, id_last4, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name, birth_year, id_last4) DO NOTHING`,
    [who.name, who.birthYear, who.idLast4, staffUserId, now],
  )
  const [person] = await db.query<{ id: number }>('SELECT id FROM assisted_people WHERE name = $1 AND birth_year = $2 AND id_last4 = $3', [who.name, who.birthYear, who.idLast4])
  return Number(person.id)
}

/**
 * Checks the person in at the site today, marked as assisted by the staff member. Call it in a
 * transaction: the limit's slot is undone with a refusal. A person who has bound WeChat and
 * scanned at the site today is already in: refused as a duplicate, never counted twice.
 */
export async function assistCheckin(db: Queryable, platform: Pick<Platform, 'name'>, now: Date, input: AssistInput): Promise<AssistedCheckinRow> {
  await take({ db, now }, { key: `checkin.assist:${input.staffUserId}`, max: ASSIST_DAILY_MAX, windowMs: DAY_MS }, `每位工作人员每天最多代为签到 ${ASSIST_DAILY_MAX} 人`)
  const personId = 'card' in input ? await cardPerson(db, platform, input.card) : await personOf(db, input.staffUserId, now, input)
  const day = shanghaiDay(now)
  const [row] = await db.query<AssistedCheckinRow>(
    `INSERT INTO assisted_checkins (person_id, site_id, day, created_at, assisted_by)
     SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (
       SELECT 1 FROM checkins c JOIN assisted_people p ON p.user_id = c.user_id WHERE p.id = $1 AND c.site_id = $2 AND c.day = $3)
     ON CONFLICT (person_id, day) DO NOTHING RETURNING id, person_id, site_id, day, created_at`,
    [personId, input.siteId, day, now, input.staffUserId],
  )
  return row ?? fail('duplicate', '该居民今天已签到，不能重复代签')
}

/** Issues a person's printed card (matched or made as at the desk); the card in force before is revoked. */
export async function issueCard(db: Queryable, platform: Pick<Platform, 'name'>, now: Date, input: { staffUserId: number; name: string; birthYear: number; idLast4: string }): Promise<{ cardId: number; personId: number; code: string }> {
  const personId = await personOf(db, input.staffUserId, now, input)
  await db.query('SELECT id FROM assisted_people WHERE id = $1 FOR UPDATE', [personId])
  await db.query('UPDATE assisted_cards SET revoked_at = $2, revoked_by = $3 WHERE person_id = $1 AND revoked_at IS NULL', [personId, now, input.staffUserId])
  const [card] = await db.query<{ id: number }>('INSERT INTO assisted_cards (person_id, issued_by, issued_at) VALUES ($1, $2, $3) RETURNING id', [personId, input.staffUserId, now])
  return { cardId: Number(card.id), personId, code: cardCode(platform, Number(card.id)) }
}

/** Revokes a card (lost, reissued); a card already revoked or unknown is `not_found`. */
export async function revokeCard(db: Queryable, cardId: number, staffUserId: number, now: Date): Promise<void> {
  const [row] = await db.query('UPDATE assisted_cards SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [cardId, now, staffUserId])
  if (!row) fail('not_found', '未找到在用的签到卡')
}

/**
 * Joins the card's person to the account `userId`: their assisted history becomes theirs. A person
 * already joined to another account is refused; joining twice to the same one changes nothing.
 */
export async function claimCard(db: Queryable, platform: Pick<Platform, 'name'>, code: string, userId: number): Promise<{ personId: number; checkins: number }> {
  const personId = await cardPerson(db, platform, code)
  const [joined] = await db.query<{ id: number }>(
    'UPDATE assisted_people SET user_id = $2 WHERE id = $1 AND (user_id IS NULL OR user_id = $2) RETURNING id', [personId, userId])
  if (!joined) fail('duplicate', '该签到卡已绑定其他微信账号')
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM assisted_checkins WHERE person_id = $1', [personId])
  return { personId, checkins: n }
}

/** Desk check-ins per staff member at a site in a Shanghai month (YYYY-MM), most first. */
export async function assistCounts(db: Queryable, siteId: string, month: string): Promise<{ staffUserId: number; nickname: string; count: number }[]> {
  const rows = await db.query<{ user_id: number; nickname: string; n: number }>(
    `SELECT a.assisted_by AS user_id, u.nickname, count(*)::int AS n FROM assisted_checkins a JOIN users u ON u.id = a.assisted_by
     WHERE a.site_id = $1 AND a.day >= ($2 || '-01')::date AND a.day < (($2 || '-01')::date + interval '1 month') GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
    [siteId, month],
  )
  return rows.map((row) => ({ staffUserId: Number(row.user_id), nickname: row.nickname, count: row.n }))
}

/** A site's rotating visit code (5-minute slots), shown at the site for a reviewer to enter. */
const VISIT_PERIOD_S = 300
export function siteVisitCode(platform: Pick<Platform, 'name'>, siteId: string, now: Date): { code: string; refreshAt: Date } {
  const slot = slotOf(now, VISIT_PERIOD_S)
  return { code: `${slot}.${codeMac(codeSecret(platform), `site:${siteId}`, VISIT_PERIOD_S, slot)}`, refreshAt: new Date((slot + 1) * VISIT_PERIOD_S * 1000) }
}

export function verifySiteVisitCode(platform: Pick<Platform, 'name'>, siteId: string, code: string, now: Date): Verdict {
  const match = /^([0-9]{1,12})\.([A-Za-z0-9_-]{12})$/.exec(code)
  if (!match) return 'forged'
  return verifyCode(codeSecret(platform), `site:${siteId}`, { periodS: VISIT_PERIOD_S, slot: Number(match[1]), mac: match[2] }, now)
}
