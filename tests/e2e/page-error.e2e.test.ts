/**
 * Issue 17, navigation: a page that cannot load says what is wrong and always offers a way on.
 * Opened directly (a shared link, a scan) a missing topic names itself, offers no pointless 重试,
 * and 回到首页 goes home (the kit test covers 返回上一页 when a page is behind).
 */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { SHOTS, watchProblems } from './watch'

describe('a page that cannot load (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('names a missing topic, offers no retry, and goes home when opened directly', async () => {
    const { host } = suite
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/topics/pages/detail/index?id=99999999`)
    await page.getByText('未找到该议题').waitFor()
    await page.screenshot({ path: join(SHOTS, 'page-error-missing.png') })
    expect(await page.getByText('重试', { exact: true }).locator('visible=true').count()).toBe(0)
    await page.getByText('回到首页', { exact: true }).click()
    await page.waitForURL(/\/pages\/index\/index/)
    await page.locator('.site-item').first().waitFor()

    expect(problems).toEqual([])
  })
})
