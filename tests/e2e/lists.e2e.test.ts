/**
 * Issue 17, lists: activities grouped by day with the seats left; 公示 as cards with units, state
 * and rating (stars), filtered by site and category; the members' duty list by name in pinyin
 * order, 合格 green and 不合格 in the warning colour. The host's clock is the suite's own.
 */
import { join } from 'node:path'
import { dayHeading, shanghaiDay } from '../../src/domain/time'
import { seriousAxeViolations, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

describe('lists a person can read (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('groups activities by day, each with its seats left', async () => {
    const { host } = suite
    const api = await hostCaller(host.url, { persona: 'resident' })
    const first = (await api('activities', 'list', {})).data.items as { startsAt: string }[]
    expect(first.length).toBeGreaterThan(3)
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/activities/pages/list/index`)
    await page.locator('.ui-cell-group-title').first().waitFor()
    const headings = await page.locator('.ui-cell-group-title').allTextContents()
    const days = [...new Set(first.map((a) => shanghaiDay(new Date(a.startsAt))))]
    expect(headings.slice(0, days.length - 1)).toEqual(days.slice(0, -1).map(dayHeading))
    expect(new Set(headings).size).toBe(headings.length)
    for (const value of await page.locator('.ui-cell-value').allTextContents()) expect(value).toMatch(/^(余 \d+ 席|已满 · 可候补|不限名额)$/)
    await page.screenshot({ path: join(SHOTS, 'lists-activities.png') })
    expect(problems).toEqual([])
  })

  it('shows 公示 as cards with units, state and stars, filtered by site and category', async () => {
    const { host } = suite
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/feedback/pages/outcomes/index?site=F01&category=${encodeURIComponent('交通出行')}`)
    const card = page.locator('.outcome-card', { hasText: '图书馆周边停车难' })
    await card.waitFor()
    expect(await card.textContent()).toContain('承办单位：')
    await card.getByRole('img', { name: /^群众评价 [\d.]+ 星（满 5 星）$/ }).waitFor()
    await page.getByText('区图书馆', { exact: true }).first().waitFor() // the site filter names the site
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'lists-outcomes.png') })
    await page.goto(`${host.url}/packages/feedback/pages/outcomes/index?site=F01&category=${encodeURIComponent('养老托育')}`)
    await page.getByText('没有符合条件的办理结果').waitFor()
    expect(problems).toEqual([])
  })

  it('lists members by name in pinyin order, 合格 green and 不合格 in the warning colour', async () => {
    const { host } = suite
    const page = await suite.as({ persona: 'staff' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/duty/pages/members/index`)
    await page.getByText('年度委员履职积分', { exact: false }).waitFor()
    await page.getByRole('tab', { name: '按姓名' }).click()
    await page.locator('.ui-cell-title').nth(2).waitFor()
    const names = await page.locator('.ui-cell-title').allTextContents()
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN-u-co-pinyin').compare))
    const colours = await page.locator('.ui-cell-value .ui-tag').evaluateAll((tags) => tags.map((t) => [t.textContent, getComputedStyle(t).color]))
    for (const [text, colour] of colours) {
      if (/不合格/.test(text!)) expect(colour).toBe('rgb(122, 74, 0)')
      else if (/合格|优秀/.test(text!)) expect(colour).toBe('rgb(27, 94, 32)')
    }
    expect(colours.length).toBeGreaterThan(2)
    await page.screenshot({ path: join(SHOTS, 'lists-members.png') })
    expect(problems).toEqual([])
  })
})
