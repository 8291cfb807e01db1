/**
 * 一键预约 end to end in Chromium: 区图书馆's site admin finds the 产业园's 议事厅 in the resource
 * list, picks a free slot and books it for the library; the 产业园's own admin approves it in
 * 预约审核; the booker's 我的预约 shows it confirmed, and 10 minutes before the start (the host's
 * clock and the page's moved there) the booker checks in with the 产业园's code.
 */
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'

const HALL = '产城融合·发展议事厅'

describe('booking a resource of another unit in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { as, setClock } = suite

  it('books the 产业园\'s 议事厅 for 区图书馆, the 产业园 approves it and the booker checks in with its code', async () => {
    const { host } = suite
    // The 产业园's admin: a profile issued by staff and bound by a guest.
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const profile = await staffApi('admin', 'createProfile', { role: 'site_admin', name: '黄磊', siteId: 'F11' })
    expect(profile.ok).toBe(true)
    const parkApi = await hostCaller(host.url, { guest: 'park-admin' })
    expect((await parkApi('account', 'bind', { code: profile.data.bindCode })).ok).toBe(true)

    const booker = await as({ persona: 'site_admin' })
    await booker.goto(`${host.url}/packages/resources/pages/list/index`)
    await booker.getByText(HALL).click()
    await booker.getByText('需提前 24 小时预约，最多预约 30 天内').waitFor()
    const slot = booker.locator('.ui-cell', { hasText: '16:00—17:00' }).first()
    await slot.click()
    await booker.getByLabel('用途').fill('园区企业读书会')
    await booker.locator('.ui-button').filter({ hasText: /^预约$/ }).click()
    await booker.getByText('已提交预约，等待资源所在单位审核，时段已为您保留').waitFor()

    const owner = await as({ guest: 'park-admin' })
    await owner.goto(`${host.url}/packages/resources/pages/requests/index`)
    await owner.getByText('李静（区图书馆） · 园区企业读书会').waitFor()
    await owner.getByLabel(/^同意：李静/).first().click()
    await owner.getByText('已同意 李静 的预约').waitFor()

    await booker.goto(`${host.url}/packages/resources/pages/mine/index`)
    await booker.locator('.ui-cell', { hasText: HALL }).filter({ hasText: '已预约' }).first().waitFor()
    const mine = await (await hostCaller(host.url, { persona: 'site_admin' }))('resources', 'mine', {})
    const [booked] = mine.data.items.filter((b: any) => b.purpose === '园区企业读书会')
    expect([booked.status, booked.forSiteName]).toEqual(['confirmed', '区图书馆'])

    const tenBefore = new Date(Date.parse(booked.startsAt) - 10 * 60_000)
    await setClock(tenBefore.toISOString())
    await booker.clock.setFixedTime(tenBefore)
    await booker.goto(`${host.url}/packages/resources/pages/mine/index`)
    await booker.getByLabel(new RegExp(`^签到：${HALL}`)).click()
    await booker.getByLabel('现场签到码').fill('s=F02')
    await booker.locator('.ui-button').filter({ hasText: '确认签到' }).click()
    await booker.getByText('这不是该资源所在单位的签到码，请扫描现场的二维码').waitFor()
    await booker.getByLabel('现场签到码').fill('s=F11')
    await booker.locator('.ui-button').filter({ hasText: '确认签到' }).click()
    await booker.getByText(`已签到：${HALL}`).waitFor()
    await booker.locator('.ui-cell', { hasText: HALL }).filter({ hasText: '已签到' }).first().waitFor()
  }, 90_000)
})
