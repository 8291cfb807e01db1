/**
 * Issue 17: a site's printed check-in code fits its card and says whose it is and what to do, with
 * a 打印 button; staff print every site's poster from one page.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

/**
 * Every image under `root`: its drawn width, and whether it lies wholly inside the box that holds
 * it (Taro's image element, which clips), its card or poster, and the page's width.
 */
async function unclipped(page: Page, root: string) {
  return page.locator(`${root} img`).evaluateAll((images) => images.map((img) => {
    const box = img.getBoundingClientRect()
    const frames = [img.parentElement!, img.closest('.site-poster, .card')!].map((el) => el.getBoundingClientRect())
    const inside = frames.every((frame) => box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1)
    return { width: Math.round(box.width), height: Math.round(box.height), inside: inside && box.left >= -1 && box.right <= window.innerWidth + 1 }
  }))
}

describe('site codes and their posters (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it.each([{ mode: 'normal', elder: false }, { mode: 'elder', elder: true }])('shows the code inside its card with the site name, a plain caption and 打印 ($mode mode)', async ({ mode, elder }) => {
    const { host } = suite
    const page = await suite.as({ persona: 'site_admin' })
    const problems = await watchProblems(page)
    await page.addInitScript(() => {
      window.print = () => { (window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1 }
    })
    await page.evaluate((on) => localStorage.setItem('elder-mode', JSON.stringify({ data: on ? 1 : '' })), elder)
    await page.goto(`${host.url}/packages/sites/pages/code/index?id=F01`)
    await page.getByText('打印后张贴').first().waitFor()
    const image = page.locator('img[alt$="签到二维码"]').first()
    await image.evaluate((img: HTMLImageElement) => img.decode())
    await page.screenshot({ path: join(SHOTS, `site-code-issue17-${mode}.png`), fullPage: true })

    const [shown] = await unclipped(page, '.ui-page')
    expect(shown).toEqual({ width: expect.any(Number), height: shown.width, inside: true })
    expect(shown.width).toBeGreaterThanOrEqual(200)
    const poster = page.locator('.site-poster')
    await poster.getByText('区图书馆', { exact: true }).waitFor()
    await poster.getByText('微信扫一扫', { exact: false }).waitFor()
    expect(await page.locator('.ui-page').first().textContent()).not.toContain('场景值')
    await page.getByText('打印', { exact: true }).click()
    await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('gives staff one page with every site\'s poster, reachable from 我的', async () => {
    const { host } = suite
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const names: string[] = []
    for (let cursor: string | undefined, more = true; more;) {
      const page = (await staffApi('sites', 'list', { limit: 50, cursor })).data
      names.push(...page.items.map((s: any) => s.name))
      cursor = page.next ?? undefined
      more = Boolean(page.next)
    }
    expect(names.length).toBeGreaterThan(40)

    const page = await suite.as({ persona: 'staff' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/pages/mine/index`)
    await page.getByText('打印全部联盟点签到码').click()
    const posters = page.locator('.site-poster').locator('visible=true')
    await posters.nth(names.length - 1).locator('img').waitFor()
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.site-poster img')].every((img) => img.complete && img.naturalWidth > 0))
    await page.screenshot({ path: join(SHOTS, 'site-posters-issue17.png') })
    expect(await posters.count()).toBe(names.length)
    const shownNames = await posters.locator('.site-poster-name').allTextContents()
    expect(shownNames.sort()).toEqual([...names].sort())
    expect((await unclipped(page, '.site-poster')).filter((i) => !i.inside || i.width < 200)).toEqual([])
    expect(problems).toEqual([])
  }, 90_000)
})
