/** Issue 17: the organiser's rotating 签到码 is drawn large enough to scan, and wholly on the screen. */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { SHOTS, watchProblems, within } from './watch'

describe('the activity 签到码 screen (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it.each([{ mode: 'normal', elder: false }, { mode: 'elder', elder: true }])('shows the code at least 200 px square inside its card ($mode mode)', async ({ mode, elder }) => {
    const { host } = suite
    const page = await suite.as({ persona: 'staff' })
    const problems = await watchProblems(page)
    await page.evaluate((on) => localStorage.setItem('elder-mode', JSON.stringify({ data: on ? 1 : '' })), elder)
    await page.goto(`${host.url}/packages/activities/pages/code/index?id=1`)
    await page.getByText('请参会委员打开小程序“扫码签到”扫描此码').waitFor()
    const image = page.locator('img[alt="活动动态签到码"]')
    await image.evaluate((img: HTMLImageElement) => img.decode())
    await page.screenshot({ path: join(SHOTS, `activity-code-issue17-${mode}.png`) })

    const box = (await image.boundingBox())!
    const card = (await page.locator('.activity-code-card').first().boundingBox())!
    const viewport = page.viewportSize()!
    expect(box.width).toBeGreaterThanOrEqual(200)
    expect(box.height).toBeGreaterThanOrEqual(200)
    expect(within(box, card)).toBe(true)
    expect(within(box, { x: 0, y: 0, ...viewport })).toBe(true)
    expect(problems).toEqual([])
    await page.context().close()
  })
})
