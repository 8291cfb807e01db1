/**
 * Issue 17: 承办单位统计 agrees with itself — a unit with nothing due yet shows — and no bar in the
 * chart, as in the table — and the wide table says that it scrolls, and does.
 */
import { join } from 'node:path'
import { E2E_START, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

describe('承办单位统计 (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  async function statsPage() {
    const page = await suite.as({ persona: 'staff' })
    const problems = await watchProblems(page)
    // The page's month range starts from the browser's clock: the host's, so the demo months are in it.
    await page.clock.setFixedTime(new Date(E2E_START))
    await page.goto(`${suite.host.url}/packages/feedback/pages/stats/index`)
    await page.getByText('按时答复率').first().waitFor()
    await page.locator('.stats-bar-row').first().waitFor()
    return { page, problems }
  }

  it('shows — and no bar for a unit whose replies are not yet due, as the table does', async () => {
    const { page, problems } = await statsPage()
    const from = (await page.getByRole('button', { name: /^起始月份：/ }).textContent())!
    const to = (await page.getByRole('button', { name: /^结束月份：/ }).textContent())!
    const staffApi = await hostCaller(suite.host.url, { persona: 'staff' })
    const rows: any[] = (await staffApi('feedback', 'unitStats', { from, to })).data.rows
    const notDue = [...new Set(rows.map((r) => r.unitName))].filter((name) => rows.every((r) => r.unitName !== name || r.onTimeReply === null))
    expect(notDue.length).toBeGreaterThan(0)

    const chart = await page.locator('.stats-bar-row').evaluateAll((items) => items.map((row) => ({
      name: row.querySelector('.stats-bar-name')!.textContent,
      value: row.querySelector('.stats-bar-value')!.textContent,
      bar: Math.round(row.querySelector('.stats-bar-fill')?.getBoundingClientRect().width ?? 0),
    })))
    await page.screenshot({ path: join(SHOTS, 'unit-stats-issue17.png') })
    for (const name of notDue) expect(chart.find((c) => c.name === name)).toEqual({ name, value: '—', bar: 0 })
    for (const c of chart.filter((c) => !notDue.includes(c.name!))) expect(c.value).toMatch(/^\d+%$/)
    // The table says the same of those units: — in every row's 按时答复.
    const tableDashes = await page.locator('.stats-tr[role=row]').evaluateAll((items) => items.slice(1).map((row) => [...row.children].map((c) => c.textContent)))
    for (const name of notDue) expect(tableDashes.filter((cells) => cells[0] === name).every((cells) => cells[4] === '—')).toBe(true)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('says that the wide table scrolls sideways, and scrolls to its last column', async () => {
    const { page, problems } = await statsPage()
    const table = page.getByRole('table', { name: '承办单位月度统计' })
    const sizes = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }))
    expect(sizes.scroll).toBeGreaterThan(sizes.client)
    expect(['auto', 'scroll']).toContain(sizes.overflow)
    await page.getByText('左右滑动查看').locator('visible=true').waitFor()

    const lastHeader = table.getByRole('columnheader', { name: '逾期' })
    const viewport = page.viewportSize()!
    expect((await lastHeader.boundingBox())!.x + 10).toBeGreaterThan(viewport.width)
    await table.evaluate((el) => { el.scrollLeft = el.scrollWidth })
    const box = (await lastHeader.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    await page.screenshot({ path: join(SHOTS, 'unit-stats-scrolled-issue17.png') })
    expect(problems).toEqual([])
    await page.context().close()
  })
})
