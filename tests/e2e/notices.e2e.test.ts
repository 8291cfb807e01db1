/**
 * Notices end to end in Chromium: a resident follows a site; staff publish a notice to that site's
 * followers; the follower sees the unread count on 我的 and reads it; a resident who does not
 * follow sees nothing; staff see the read count go to 1. The host's jobs run when /dev/clock moves.
 */
import { e2eSuite } from '../support/browser'

const TITLE = '运河文化博物馆周六开放日'

describe('notices in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('reaches a site’s followers only, and shows staff who read it', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const follower = await as({ guest: 'follower-e2e' })
    await follower.goto(`${host.url}/packages/sites/pages/detail/index?id=F02`)
    await follower.getByText('关注本联盟点').waitFor()
    await follower.getByText('关注', { exact: true }).click()
    await follower.getByText('已关注本联盟点').waitFor()

    const stranger = await as({ guest: 'stranger-e2e' })
    await stranger.goto(`${host.url}/packages/notices/pages/inbox/index`)
    await stranger.getByText('还没有消息').waitFor()

    const staff = await as({ persona: 'staff' })
    await staff.goto(`${host.url}/packages/notices/pages/compose/index?site=F02`)
    await staff.getByText('已选 1 个').waitFor()
    await staff.getByLabel('通知标题').fill(TITLE)
    await staff.getByLabel('通知正文').fill('本周六 9:00—16:00 开放日，欢迎关注本馆的居民参观并参加大运河文化传承座谈。')
    await staff.getByText('发布', { exact: true }).click()
    await staff.getByText('站内消息').first().waitFor()
    await staff.getByText('待发送').first().waitFor()

    await setClock('2026-12-03T02:02:00Z') // the drain runs
    await follower.goto(`${host.url}/pages/mine/index`)
    await follower.getByText('1 条未读').waitFor()
    await follower.locator('.weui-badge', { hasText: '1' }).waitFor() // on the 我的 tab
    await follower.getByText('消息中心').click()
    await follower.getByText(TITLE).click()
    await follower.getByText('大运河文化传承座谈', { exact: false }).waitFor()
    await follower.goto(`${host.url}/pages/mine/index`)
    await follower.getByText('我的签到').waitFor()
    await follower.getByText('消息中心').waitFor()
    expect(await follower.getByText('条未读').count()).toBe(0)
    await follower.locator('.weui-badge').first().waitFor({ state: 'hidden' })

    await stranger.reload()
    await stranger.getByText('还没有消息').waitFor()
    expect(await stranger.getByText(TITLE).count()).toBe(0)

    await staff.goto(`${host.url}/packages/notices/pages/sent/index`)
    await staff.getByText(TITLE).waitFor()
    await staff.getByText('送达 1/1 · 已读 1', { exact: false }).waitFor()
  })
})
