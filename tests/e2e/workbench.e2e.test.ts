/**
 * 工作台 on 我的 (issue 17): staff and a unit handler see their to-do counts first, each the same
 * number the API answers for the list it opens, and one tap opens that list; a resident sees no
 * 工作台, and 群众 is not shown beside a working role. The browser's clock is set to the host's
 * (E2E_START), so 今日活动 is the demo's day, never the machine's.
 */
import type { Page } from 'playwright-core'
import { PAGE_MAX } from '../../src/domain/page'
import { shanghaiDay } from '../../src/domain/time'
import { E2E_START, e2eSuite, seriousAxeViolations, setElderMode } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

const DAY = shanghaiDay(new Date(E2E_START))
const counted = (page: { items: unknown[]; next: string | null }, keep: (item: any) => boolean = () => true) =>
  `${page.items.filter(keep).length}${page.next ? '+' : ''}`

describe('工作台 on 我的 (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  /** 我的 as `who` sees it, the browser's clock at the host's (`at`). */
  async function mine(who: { persona: string }, at = E2E_START): Promise<{ page: Page; problems: string[] }> {
    const page = await suite.as(who)
    await page.clock.setFixedTime(new Date(at))
    const problems = await watchProblems(page)
    await page.goto(`${suite.host.url}/pages/mine/index`)
    await page.getByText('我的签到').waitFor()
    return { page, problems }
  }
  /** A count as a screen reader names it: 待审核 3 项，打开议题审核 (a page full with more after it: 100+). */
  const stat = (page: Page, label: string, count: string, opens: string) =>
    page.getByRole('button', { name: new RegExp(`^${label}\\s*${count.replace('+', '\\+')}\\s*项，打开${opens}$`) })

  it('staff: 待审核, 逾期, 待公示 and 今日活动 as the API counts them; 待公示 and 今日活动 open their lists', async () => {
    const api = await hostCaller(suite.host.url, { persona: 'staff' })
    const submitted = (await api('topics', 'list', { state: 'submitted', limit: PAGE_MAX })).data
    const replied = (await api('topics', 'list', { state: 'replied', limit: PAGE_MAX })).data
    const open = (await api('feedback', 'assignments', { open: true, limit: PAGE_MAX })).data
    const today = (await api('activities', 'list', { day: DAY, limit: PAGE_MAX })).data
    expect(today.items.length).toBeGreaterThan(0) // the demo has activities on the suite's first day

    const { page, problems } = await mine({ persona: 'staff' })
    const region = page.getByRole('region', { name: '工作台' })
    await stat(page, '待审核', counted(submitted), '议题审核').waitFor()
    await stat(page, '逾期', counted(open, (a) => a.overdue), '交办事项').waitFor()
    await stat(page, '待公示', counted(replied), '待公示的议题').waitFor()
    await stat(page, '今日活动', counted(today), '今日活动').waitFor()
    expect(await region.getByRole('button', { name: /待签收/ }).count()).toBe(0) // staff handle no unit
    // The 工作台 comes first, before the rest of 我的; 群众 is not shown beside 政协工作人员.
    const [bench, elder] = await Promise.all([region.boundingBox(), page.getByText('长辈模式').boundingBox()])
    expect(bench!.y).toBeLessThan(elder!.y)
    expect(await page.locator('.mine-head').textContent()).not.toContain('群众')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/workbench-staff.png`, fullPage: true })
    await setElderMode(page, true)
    await page.reload()
    await stat(page, '今日活动', counted(today), '今日活动').waitFor()
    await page.screenshot({ path: `${SHOTS}/workbench-staff-elder.png`, fullPage: true })
    await setElderMode(page, false)
    await page.reload()

    await stat(page, '待公示', counted(replied), '待公示的议题').click()
    await page.getByRole('tab', { name: '待公示', selected: true }).waitFor()
    if (replied.items.length === 0) await page.getByText('没有待公示的议题').waitFor()
    else for (const t of replied.items) await page.getByText(t.title).locator('visible=true').first().waitFor()

    await page.goto(`${suite.host.url}/pages/mine/index`)
    await stat(page, '今日活动', counted(today), '今日活动').click()
    await page.getByLabel(`活动日期：${DAY}`).waitFor()
    for (const a of today.items) await page.getByText(a.title).locator('visible=true').first().waitFor()
    expect(problems).toEqual([])
  }, 90_000)

  it('unit handler: 待签收 and 逾期 as the API counts them, one tap to 交办事项; no 待审核 or 待公示', async () => {
    // A topic carried through the month to deliberated, handed to 陈刚's 区行政审批服务局 (U01), not signed for in time.
    const { setClock } = suite
    await setClock('2026-12-03T02:00:00Z')
    const staff = await hostCaller(suite.host.url, { persona: 'staff' })
    const proposer = await hostCaller(suite.host.url, { guest: 'wb-proposer' })
    const topic = await proposer('topics', 'propose', {
      siteId: 'F01', title: '图书馆门前台阶没有扶手', category: '平安建设', body: '区图书馆正门台阶很高又没有扶手，雨天老人上下台阶容易滑倒，希望加装扶手和防滑条。',
    })
    expect((await staff('topics', 'screen', { topicId: topic.data.id, decision: 'accept' })).ok).toBe(true)
    await setClock('2026-12-21T01:00:00Z')
    for (const voter of ['wb-voter-1', 'wb-voter-2', 'wb-voter-3']) expect((await (await hostCaller(suite.host.url, { guest: voter }))('votes', 'cast', { topicId: topic.data.id })).ok).toBe(true)
    await setClock('2026-12-26T01:00:00Z')
    expect(await staff('topics', 'recordMeeting', {
      topicId: topic.data.id, form: '议事会', at: '2026-12-28T09:00:00+08:00', place: '区图书馆报告厅', participants: 12,
      sectors: ['社区居民'], opinions: '加装扶手和防滑条。', nextSteps: '交区行政审批服务局办理',
    })).toMatchObject({ ok: true, data: { state: 'deliberated' } })
    await setClock('2026-12-29T02:00:00Z')
    expect((await staff('feedback', 'assign', { topicId: topic.data.id, units: [{ unitId: 'U01' }] })).ok).toBe(true)
    const now = '2027-01-05T02:00:00Z' // past the day to sign for it
    await setClock(now)

    const api = await hostCaller(suite.host.url, { persona: 'unit_handler' })
    const open = (await api('feedback', 'assignments', { open: true, limit: PAGE_MAX })).data
    expect(open.items.filter((a: { status: string }) => a.status === 'assigned').length).toBeGreaterThan(0)
    expect(open.items.filter((a: { overdue: boolean }) => a.overdue).length).toBeGreaterThan(0)

    const { page, problems } = await mine({ persona: 'unit_handler' }, now)
    await stat(page, '待签收', counted(open, (a) => a.status === 'assigned'), '交办事项').waitFor()
    await stat(page, '逾期', counted(open, (a) => a.overdue), '交办事项').waitFor()
    const region = page.getByRole('region', { name: '工作台' })
    expect(await region.getByRole('button', { name: /待审核|待公示/ }).count()).toBe(0)
    expect(await page.locator('.mine-head').textContent()).not.toContain('群众')
    await page.screenshot({ path: `${SHOTS}/workbench-unit-handler.png`, fullPage: true })

    await stat(page, '待签收', counted(open, (a) => a.status === 'assigned'), '交办事项').click()
    await page.getByRole('tab', { name: '待办', selected: true }).waitFor()
    for (const a of open.items) await page.getByText(a.topicTitle).locator('visible=true').first().waitFor()
    expect(problems).toEqual([])
  }, 90_000)

  it('a resident sees no 工作台', async () => {
    const { page, problems } = await mine({ persona: 'resident' })
    await page.getByText('我的议题').waitFor()
    expect(await page.getByRole('region', { name: '工作台' }).count()).toBe(0)
    expect(await page.getByText('今日活动').count()).toBe(0)
    expect(problems).toEqual([])
  }, 60_000)
})
