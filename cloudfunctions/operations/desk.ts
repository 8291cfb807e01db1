/**
 * The desk (代为签到) for residents without a phone: a site admin during the site's hours checks one
 * in by their printed card or by name, birth year and the ID's last 4; prints and revokes cards;
 * reads the month's counts per staff member with a flag on anyone far above the site's median.
 * The rows are checkin's (its public.ts); every action here is audited, naming records, never people.
 */
import { assistedLabel, CARD_PAGE, flagged, median, withinOpenHours } from '../../src/domain/operations'
import type { operationsContract } from '../../src/domain/operations/contract'
import { can, refusals } from '../../src/domain/operations/permissions'
import { maskName } from '../../src/domain/mask'
import { fail } from '../core/errors'
import type { Handlers } from '../core/router'
import { assistCheckin, assistCounts, issueCard, revokeCard, type AssistedWho } from '../checkin/public'
import { findSite, type SiteRow } from '../sites/public'

type DeskHandlers = Pick<Handlers<typeof operationsContract>, 'assist' | 'issueCard' | 'revokeCard' | 'deskReport'>

/** The desk is open to the site's managers during its hours. */
function requireDesk(caller: Parameters<typeof can>[0], site: SiteRow, now: Date): void {
  if (!can(caller, 'assist', site)) fail('forbidden', refusals.assist)
  if (!withinOpenHours(String(site.open_hours ?? ''), now)) fail('outside_window', `不在本联盟点开放时间内（${site.open_hours}），不能代为签到`)
}

export const deskHandlers: DeskHandlers = {
  assist: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    requireDesk(caller, site, now)
    const { card, name, birthYear, idLast4 } = input
    const who: AssistedWho | undefined = card ? { card } : name && birthYear && idLast4 ? { name, birthYear, idLast4 } : undefined
    if (!who) fail('invalid_input', '请扫描签到卡，或填写姓名、出生年份和身份证号后 4 位')
    return transaction(async ({ db, audit }) => {
      const row = await assistCheckin(db, platform, now, { ...(who as AssistedWho), siteId: site.id, staffUserId: caller.userId })
      // The audit names the person record, never the name or the ID fragment.
      await audit(`site:${site.id}`, { assistedCheckin: row.id, person: Number(row.person_id), by: card ? 'card' : 'identity' })
      return { id: row.id, siteId: site.id, siteName: site.name, day: row.day, assisted: true as const, label: assistedLabel(caller.nickname) }
    })
  },

  issueCard: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    requireDesk(caller, site, now)
    return transaction(async ({ db, audit }) => {
      const card = await issueCard(db, platform, now, { staffUserId: caller.userId, name: input.name, birthYear: input.birthYear, idLast4: input.idLast4 })
      await audit(`site:${site.id}`, { card: card.cardId, person: card.personId })
      // The card's code opens the claim page: scanned at the desk it checks the person in, scanned with their own WeChat it binds them.
      const { image } = await platform.siteCode(card.code, CARD_PAGE)
      return { cardId: card.cardId, code: card.code, printedName: maskName(input.name), image }
    })
  },

  revokeCard: async ({ db: plain, input, caller, transaction }) => {
    const site = await findSite(plain, input.siteId)
    if (!can(caller, 'assist', site)) fail('forbidden', refusals.assist)
    return transaction(async ({ db, now, audit }) => {
      await revokeCard(db, input.cardId, caller.userId, now)
      await audit(`site:${site.id}`, { card: input.cardId, revoked: true })
      return { revoked: true as const }
    })
  },

  deskReport: async ({ db, input, caller }) => {
    const site = await findSite(db, input.siteId)
    if (!can(caller, 'viewEvidence', site)) fail('forbidden', refusals.viewEvidence)
    const counts = await assistCounts(db, site.id, input.month)
    const siteMedian = median(counts.map((row) => row.count))
    return { siteId: site.id, month: input.month, median: siteMedian, rows: counts.map((row) => ({ ...row, flagged: flagged(row.count, siteMedian) })) }
  },
}
