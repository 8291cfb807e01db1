/** Issue 17: signing in from a page that needed it brings the page back with its data, not the old 请先登录. */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { SHOTS, watchProblems } from './watch'

describe('signing in and coming back (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it.each([
    { name: 'a site opened by its code', path: '/packages/sites/pages/detail/index?id=F01', ready: '今日活动' },
    { name: 'the scan page', path: `/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F01')}`, ready: '不提供位置，直接签到' },
    { name: 'home', path: '/', ready: '运河文化博物馆' },
  ])('shows $name after signing in, without 重试', async ({ name, path, ready }) => {
    const { host } = suite
    const page = await suite.as({ guest: 'signin-reload' })
    const problems = await watchProblems(page)
    await page.evaluate(() => localStorage.removeItem('dev-token'))
    await page.goto(`${host.url}${path}`)
    await page.getByText('以新群众身份体验').locator('visible=true').click()
    await page.getByText(ready).locator('visible=true').first().waitFor({ timeout: 10_000 })
    await page.screenshot({ path: join(SHOTS, `signin-reload-issue17-${name.replace(/\W+/g, '-')}.png`) })
    expect(await page.getByText('请先登录').locator('visible=true').count()).toBe(0)
    expect(await page.getByText('重试', { exact: true }).locator('visible=true').count()).toBe(0)
    // Back where the person started (home is / or its page path).
    const here = new URL(page.url()).pathname
    expect(here === '/' ? '/pages/index/index' : here).toBe(path === '/' ? '/pages/index/index' : path.replace(/\?.*/, ''))
    // Signing out and being sent to sign in is expected; nothing else may be logged.
    expect(problems).toEqual([])
    await page.context().close()
  })
})
