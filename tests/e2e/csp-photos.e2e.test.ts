/**
 * Issue 17: on h5 a chosen photo (a blob: URL) is read and uploaded under the host's content
 * security policy, and the tab bar's taps break no policy either.
 */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { SHOTS, watchProblems } from './watch'

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

describe('photos and the tab bar under the CSP (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('uploads a chosen photo on the propose page and shows it, with no CSP violation', async () => {
    const { host } = suite
    const page = await suite.as({ guest: 'photo-proposer' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/topics/pages/propose/index?site=F01`)
    await page.getByText('议题标题').first().waitFor()
    const chooser = page.waitForEvent('filechooser')
    await page.getByText('添加照片', { exact: true }).click()
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG })
    const preview = page.locator('.propose-photo img').first()
    // A blocked read shows no preview: report what the page logged rather than only a timeout.
    await preview.waitFor({ timeout: 10_000 }).catch(() => undefined)
    expect(problems).toEqual([])
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.propose-photo img')
      return img !== null && img.complete && img.naturalWidth > 0
    })
    expect(await preview.getAttribute('src')).toMatch(/^\/uploads\/[0-9a-f]{64}\.png$/)
    await page.screenshot({ path: join(SHOTS, 'propose-photo-issue17.png') })
    expect(problems).toEqual([])
  })

  it('switches tabs with the tab bar without a CSP violation', async () => {
    const { host } = suite
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/pages/index/index`)
    await page.getByText('区政协协商民主实践中心联盟').waitFor()
    const tab = (text: string) => page.locator('.weui-tabbar__item', { hasText: text })
    await tab('议事').click()
    await page.getByText('本月议题').locator('visible=true').first().waitFor()
    await tab('我的').click()
    await page.getByText('我的签到').locator('visible=true').first().waitFor()
    await tab('联盟阵地').click()
    await page.getByText('区政协协商民主实践中心联盟').locator('visible=true').waitFor()
    await page.waitForTimeout(300)
    expect(problems).toEqual([])
  })
})
