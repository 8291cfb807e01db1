/** The desk (代为签到): printed cards (signed, revocable), the resident's later claim with no double counting, the monthly flag. */
import { figures as checkinFigures } from '../../cloudfunctions/checkin/figures'
import { readFigure } from '../../cloudfunctions/core/figures'
import { as, count } from '../support/operations'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const resident = { siteId: 'F01', name: '王秀英', birthYear: 1948, idLast4: '203X' }

describe(`the desk on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const figure = async (name: string, site = 'F01') => {
    const found = checkinFigures.find((f) => f.name === name)
    if (!found) throw new Error(`no ${name}`)
    return (await readFigure(rt.db, found, '2026-11', '2026-11', rt.clock.now())).filter((row) => row.siteId === site).map((row) => row.value)
  }

  it('prints a card whose signed code checks the person in, and refuses it once revoked or reissued', async () => {
    const card = await as('demo-site-admin').operations('issueCard', resident)
    expect(card.data).toEqual({ cardId: expect.any(Number), code: expect.stringMatching(/^k=\d+\.[A-Za-z0-9_-]{12}$/), printedName: '王*英', image: expect.stringMatching(/^data:image\/png;base64,/) })
    const byCard = await as('demo-site-admin').operations('assist', { siteId: 'F01', card: card.data.code })
    expect(byCard.data).toMatchObject({ siteId: 'F01', assisted: true, label: '由李静工作人员代为签到' })
    // The same person by name the same day: one check-in a day.
    expect((await as('demo-site-admin').operations('assist', resident)).error.code).toBe('duplicate')
    rt.clock.set('2026-11-21T02:00:00Z')
    const forged = card.data.code.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01', card: forged })).error).toEqual({ code: 'invalid_input', message: '不是有效的签到卡' })
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01' })).error).toEqual({ code: 'invalid_input', message: '请扫描签到卡，或填写姓名、出生年份和身份证号后 4 位' })
    const second = await as('demo-site-admin').operations('issueCard', resident) // lost: a new card, the old one void
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01', card: card.data.code })).error).toEqual({ code: 'card_revoked', message: '该签到卡已作废，请补办新卡' })
    expect((await as('demo-site-admin').operations('revokeCard', { siteId: 'F01', cardId: second.data.cardId })).data).toEqual({ revoked: true })
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01', card: second.data.code })).error.code).toBe('card_revoked')
    expect((await as('demo-site-admin').operations('revokeCard', { siteId: 'F01', cardId: second.data.cardId })).error.code).toBe('not_found')
    expect(await count(rt.db, 'assisted_checkins', "site_id = 'F01'")).toBe(1)
    expect(await count(rt.db, 'assisted_people')).toBeGreaterThanOrEqual(1)
    expect(await count(rt.db, 'assisted_cards', 'revoked_at IS NULL')).toBe(0)
  })

  it('joins the assisted history to the account that binds the card, shows who checked them in, and never counts a day twice', async () => {
    const card = (await as('demo-site-admin').operations('issueCard', resident)).data.code
    await as('demo-site-admin').operations('assist', { siteId: 'F01', card }) // 11-20, before binding
    expect((await as('demo-resident').checkin('mine', {})).data.items).toHaveLength(0)
    expect(await figure('checkin.people')).toEqual([1])

    expect((await as('demo-resident').checkin('claim', { card })).data).toEqual({ checkins: 1 })
    expect((await as('demo-resident').checkin('claim', { card })).data).toEqual({ checkins: 1 }) // again: nothing changes
    expect((await as('demo-site-admin').checkin('claim', { card })).error).toEqual({ code: 'duplicate', message: '该签到卡已绑定其他微信账号' })
    const mine = (await as('demo-resident').checkin('mine', {})).data.items
    expect(mine).toEqual([expect.objectContaining({ siteId: 'F01', day: '2026-11-20', assistedLabel: '由李静工作人员代为签到' })])

    // 11-21: the resident scans with WeChat themselves; the desk cannot check them in again that day.
    rt.clock.set('2026-11-21T02:00:00Z')
    expect((await as('demo-resident').checkin('scan', { scene: 's=F01' })).ok).toBe(true)
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01', card })).error.code).toBe('duplicate')
    // 11-22: the desk first, then a scan: two rows, one check-in in the figures.
    rt.clock.set('2026-11-22T02:00:00Z')
    expect((await as('demo-site-admin').operations('assist', { siteId: 'F01', card })).ok).toBe(true)
    rt.clock.set('2026-11-22T02:05:00Z')
    expect((await as('demo-resident').checkin('scan', { scene: 's=F01' })).ok).toBe(true)
    expect(await figure('checkin.visits')).toEqual([3])
    expect(await figure('checkin.people')).toEqual([1])
    const days = (await as('demo-resident').checkin('mine', {})).data.items.map((item: any) => [item.day, item.assistedLabel ?? ''])
    expect(days).toEqual([['2026-11-22', ''], ['2026-11-22', '由李静工作人员代为签到'], ['2026-11-21', ''], ['2026-11-20', '由李静工作人员代为签到']])
    expect(await count(rt.db, 'audit_log', "detail->>'claimed' = 'true'")).toBe(2)
  })

  it('flags in a month the staff member far above the site\'s median', async () => {
    // Three staff at F01 in November: 2, 3 and 12 desk check-ins (one person each, as the desk would leave them).
    for (const [n, times] of [[1, 2], [2, 3], [3, 12]]) {
      await rt.db.query(
        `WITH staff AS (INSERT INTO users (openid, nickname) VALUES ('desk-' || $1, '值班' || $1) RETURNING id),
         people AS (INSERT INTO assisted_people (name, birth_year, id_last4, created_at) SELECT '居民' || $1 || '-' || g, 1950, '0000', now() FROM generate_series(1, $2::int) g RETURNING id)
         INSERT INTO assisted_checkins (person_id, site_id, day, created_at, assisted_by) SELECT p.id, 'F01', '2026-11-05'::date, now(), s.id FROM staff s, people p`,
        [n, times],
      )
    }
    const report = await as('demo-site-admin').operations('deskReport', { siteId: 'F01', month: '2026-11' })
    expect(report.data.median).toBe(3)
    expect(report.data.rows.map((row: any) => [row.nickname, row.count, row.flagged])).toEqual([['值班3', 12, true], ['值班2', 3, false], ['值班1', 2, false]])
    expect((await as('demo-site-admin').operations('deskReport', { siteId: 'F02', month: '2026-11' })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin').operations('deskReport', { siteId: 'F01', month: '2026-13' })).error.code).toBe('invalid_input')
  })
})
