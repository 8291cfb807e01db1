/** The h5 build runs under the host's content security policy: no page triggers a violation. */
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startHost, type HostProcess } from '../support/host'

describe('content security policy (h5 build, Chromium)', () => {
  let host: HostProcess
  let browser: Browser
  beforeAll(async () => {
    host = await startHost()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('loads the directory, a site, the scan page and 我的 without a single CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(`${host.url}/packages/devsignin/pages/index/index`)
    await page.getByText('以新群众身份体验').click()
    await page.getByText('我的签到').waitFor()
    await page.goto(`${host.url}/`)
    await page.getByText('区图书馆').first().waitFor()
    await page.goto(`${host.url}/packages/sites/pages/detail/index?id=F01`)
    await page.getByText('新华街道文化路 6 号').first().waitFor()
    await page.goto(`${host.url}/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F02')}`)
    await page.getByText('区文化馆').first().waitFor()
    expect(violations).toEqual([])
  })
})
