/** A resident in Chromium: sign in, open a site by its scene URL, check in, see it under 我的, scan again. */
import { wgs84ToGcj02 } from '../../src/domain/gcj02'
import { hostInBrowser, phonePage, signIn } from '../support/browser'
import { hostCaller } from '../support/host'

/** Where a browser at this GCJ-02 point reports itself: the inverse of wgs84ToGcj02, by iteration (< 1 m). */
function gcj02ToWgs84(lat: number, lng: number) {
  let wgs = { lat, lng }
  for (let i = 0; i < 5; i++) {
    const there = wgs84ToGcj02(wgs.lat, wgs.lng)
    wgs = { lat: wgs.lat - (there.lat - lat), lng: wgs.lng - (there.lng - lng) }
  }
  return wgs
}

describe('check-in in the browser (h5 build, Chromium)', () => {
  const ui = hostInBrowser()

  it('checks a new resident in once per day and lists it under 我的', async () => {
    await ui.page.goto(`${ui.host.url}/packages/devsignin/pages/index/index`)
    await ui.page.getByText('以新群众身份体验').click()
    await ui.page.getByText('我的签到').waitFor()
    await ui.page.getByText('还没有签到记录').waitFor()

    await ui.page.goto(`${ui.host.url}/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F01')}`)
    await ui.page.getByText('区图书馆').first().waitFor()
    await ui.page.getByText('不提供位置，直接签到').click()
    await ui.page.locator('.ui-notice-success').getByText('签到成功').waitFor()
    await ui.page.screenshot({ path: `${ui.host.dataDir}/checked-in.png` })

    await ui.page.getByText('查看我的签到').click()
    const item = ui.page.locator('.ui-cell').filter({ hasText: '区图书馆' })
    await item.waitFor()
    expect(await item.textContent()).toContain('未提供位置')

    await ui.page.goto(`${ui.host.url}/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F01')}`)
    await ui.page.getByText('不提供位置，直接签到').click()
    await ui.page.getByText('今天已签到').waitFor()
    expect(await ui.page.getByText('首次签到时间').textContent()).toMatch(/首次签到时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  })

  it('verifies a person standing at the site, though the browser reports WGS-84 and sites are GCJ-02', async () => {
    const call = await hostCaller(ui.host.url, { guest: 'located' })
    const site = (await call('sites', 'get', { siteId: 'F02' })).data
    const standing = gcj02ToWgs84(site.lat, site.lng)
    const located = await phonePage(ui.browser, { geolocation: { latitude: standing.lat, longitude: standing.lng, accuracy: 15 }, permissions: ['geolocation'] })
    await signIn(located, ui.host.url, { guest: 'located' })
    await located.goto(`${ui.host.url}/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F02')}`)
    await located.getByText('签到', { exact: true }).click()
    await located.locator('.ui-notice-success').getByText('已核验位置').waitFor()
    await located.context().close()
  })

  it('shows a clear message for a code that is not a site\'s', async () => {
    await ui.page.goto(`${ui.host.url}/packages/checkin/pages/scan/index?scene=${encodeURIComponent('x=1')}`)
    await ui.page.getByText('不是联盟点的二维码').waitFor()
  })

  it('lets staff issue a member bind code that a resident binds under 我的', async () => {
    await ui.page.goto(`${ui.host.url}/packages/devsignin/pages/index/index`)
    await ui.page.getByText('政协工作人员：赵明').click()
    await ui.page.getByText('发放委员、工作人员绑定码').click()
    await ui.page.getByRole('textbox', { name: '姓名' }).fill('刘宇')
    await ui.page.getByText('生成绑定码', { exact: true }).click()
    await ui.page.locator('.ui-notice-success').waitFor()
    const issued = await ui.page.locator('.ui-notice-success').textContent()
    const code = /绑定码 ([A-Z0-9]{8})/.exec(issued ?? '')![1]

    await ui.page.goto(`${ui.host.url}/packages/devsignin/pages/index/index`)
    await ui.page.getByText('以新群众身份体验').click()
    await ui.page.getByRole('textbox', { name: '绑定码' }).fill(code)
    await ui.page.getByText('绑定', { exact: true }).click()
    await ui.page.getByText('绑定成功，您的身份：政协委员').waitFor()
    await ui.page.locator('.ui-tag', { hasText: '政协委员' }).waitFor()
  })

  it('enlarges the type in elder mode, and keeps it on other pages', async () => {
    await ui.page.goto(`${ui.host.url}/pages/mine/index`)
    const size = () => ui.page.locator('.ui-page').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await ui.page.getByText('长辈模式', { exact: true }).waitFor()
    const before = await size()
    await ui.page.locator('taro-switch-core').click()
    await ui.page.locator('.ui-page.elder').first().waitFor()
    expect(await size()).toBeGreaterThan(before * 1.25)
    await ui.page.goto(`${ui.host.url}/packages/sites/pages/detail/index?id=F01`)
    await ui.page.locator('.ui-page.elder').first().waitFor()
  })
})
