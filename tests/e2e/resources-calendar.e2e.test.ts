/**
 * 高效匹配 to the calendar in Chromium: 区图书馆's site admin describes a plan (企业座谈, 60 people)
 * on the matching page, finds the 产业园's 议事厅 with its reasons, books it; the 产业园's admin
 * approves it; the booker's 加入日历 downloads the booking's .ics with its UID and the SEQUENCE of
 * the approval, and the unit's feed link serves the same event to a calendar app.
 */
import { readFileSync } from 'node:fs'
import { bookingUid } from '../../src/domain/resources/ics'
import { E2E_START, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'

const HALL = '产城融合·发展议事厅'

describe('matching a venue and adding its booking to the calendar (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { as } = suite

  it('finds the 产业园\'s 议事厅 by matching, books it, the 产业园 approves, and 加入日历 downloads its .ics', async () => {
    const { host } = suite
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const profile = await staffApi('admin', 'createProfile', { role: 'site_admin', name: '黄磊', siteId: 'F11' })
    const parkApi = await hostCaller(host.url, { guest: 'park-admin' })
    expect((await parkApi('account', 'bind', { code: profile.data.bindCode })).ok).toBe(true)

    const booker = await as({ persona: 'site_admin' })
    // The phone's clock agrees with the host's (the dev clock): 我的预约 offers 加入日历 only for bookings not yet over.
    await booker.clock.setFixedTime(new Date(E2E_START))
    await booker.goto(`${host.url}/packages/resources/pages/match/index`)
    await booker.getByLabel('活动主题标签').fill('企业座谈')
    await booker.getByLabel('参加人数').fill('60')
    await booker.locator('.ui-button').filter({ hasText: /^匹配资源$/ }).click()
    const found = booker.locator('.ui-cell', { hasText: HALL }).first()
    await found.filter({ hasText: '可容纳 80 人' }).filter({ hasText: '相关：企业座谈' }).waitFor()
    await found.click()
    await booker.getByText('需提前 24 小时预约，最多预约 30 天内').waitFor()
    await booker.locator('.ui-cell', { hasText: '16:00—17:00' }).first().click()
    await booker.getByLabel('用途').fill('园区企业座谈会')
    await booker.locator('.ui-button').filter({ hasText: /^预约$/ }).click()
    await booker.getByText('已提交预约，等待资源所在单位审核，时段已为您保留').waitFor()

    const owner = await as({ guest: 'park-admin' })
    await owner.goto(`${host.url}/packages/resources/pages/requests/index`)
    await owner.getByLabel(/^同意：李静/).first().click()
    await owner.getByText('已同意 李静 的预约').waitFor()

    const mine = await (await hostCaller(host.url, { persona: 'site_admin' }))('resources', 'mine', {})
    const booking = mine.data.items.find((b: any) => b.purpose === '园区企业座谈会')
    await booker.goto(`${host.url}/packages/resources/pages/mine/index`)
    const download = booker.waitForEvent('download')
    await booker.getByLabel(new RegExp(`^加入日历：${HALL} .* 16:00—17:00$`)).first().click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`预约-${booking.id}.ics`)
    const ics = readFileSync((await file.path())!, 'utf8').replace(/\r\n /g, '')
    expect(ics).toContain('METHOD:PUBLISH\r\n')
    expect(ics).toContain(`UID:${bookingUid(booking.id)}\r\nSEQUENCE:1\r\n`)
    expect(ics).toContain('STATUS:CONFIRMED')

    const link = await parkApi('resources', 'feedLink', { siteId: 'F11' })
    const feed = await fetch(`${host.url}${link.data.path}`)
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect((await feed.text()).replace(/\r\n /g, '')).toContain(`UID:${bookingUid(booking.id)}\r\nSEQUENCE:1\r\n`)
    expect((await fetch(`${host.url}${link.data.path.replace(/.{6}\.ics$/, 'AAAAAA.ics')}`)).status).toBe(404)
  }, 120_000)
})
