/**
 * Issue 17, the site page: its 月月说事 is one tap away (the 议事 tab, switched to this site), as are
 * its published outcomes; the address opens the map (on h5 a 高德地图 link in a new tab).
 */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { SHOTS, watchProblems } from './watch'

describe('a site’s page (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('links to the site’s 月月说事 and outcomes, and opens the map', async () => {
    const { host } = suite
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    // The map is another site: answered here, so the test needs no network.
    await page.context().route('https://uri.amap.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>map</title>' }))
    const site = `${host.url}/packages/sites/pages/detail/index?id=S03`
    await page.goto(site)
    await page.getByText('本点月月说事').waitFor()
    await page.screenshot({ path: join(SHOTS, 'site-page-links.png') })

    const popup = page.context().waitForEvent('page')
    await page.getByText('在地图中查看').click()
    const map = await popup
    await map.waitForLoadState()
    expect(map.url()).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=[\d.]+,[\d.]+&name=/)
    expect(decodeURIComponent(map.url())).toContain('兴文')
    await map.close()

    await page.getByText('本点月月说事').click()
    await page.waitForURL(/\/pages\/topics\/index/)
    await page.locator('.card .title', { hasText: '兴文' }).first().waitFor()

    await page.goto(site)
    await page.getByText('本点办理结果公示').click()
    await page.waitForURL(/outcomes\/index\?site=S03/)
    await page.getByText('联盟点', { exact: true }).waitFor()
    expect(problems).toEqual([])
  })
})
