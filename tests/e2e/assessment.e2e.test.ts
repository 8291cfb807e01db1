/**
 * 月通报 end to end in Chromium: staff open last month's bulletin (a draft), publish it; it shows as
 * published with its check code; 区图书馆's site admin finds the message in 消息中心 and a resident
 * reads the published bulletin.
 */
import { addMonths } from '../../src/domain/cycle'
import { shanghaiDay } from '../../src/domain/time'
import { E2E_START, e2eSuite } from '../support/browser'

describe('publishing the monthly bulletin in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { as, setClock } = suite

  it('staff publish last month\'s bulletin, the site admin is told and a resident reads it', async () => {
    const { host } = suite
    // The month before the host's (its clock starts at E2E_START): over, so it may be published.
    const month = addMonths(shanghaiDay(new Date(E2E_START)).slice(0, 7), -1)
    const staff = await as({ persona: 'staff' })
    await staff.goto(`${host.url}/packages/assessment/pages/bulletin/index?month=${month}`)
    await staff.getByText('本月联盟共开展活动').waitFor()
    await staff.getByText('草稿').waitFor()
    await staff.getByLabel(/^发布.*通报$/).click()
    await staff.getByText('月通报已发布，各联盟单位管理员将收到通知').waitFor()
    await staff.getByText('已发布').first().waitFor()
    await staff.getByText(/^校验码 [0-9a-f]{16}$/).waitFor()

    await setClock(new Date(new Date(E2E_START).getTime() + 2 * 60_000).toISOString()) // the outbox drains
    const admin = await as({ persona: 'site_admin' })
    await admin.goto(`${host.url}/packages/notices/pages/inbox/index`)
    await admin.getByText(`${Number(month.slice(5))}月联盟工作通报已发布`).first().waitFor()

    const resident = await as({ persona: 'resident' })
    await resident.goto(`${host.url}/packages/assessment/pages/bulletin/index?month=${month}`)
    await resident.getByText('已发布').first().waitFor()
    expect(await resident.getByText('发布通报').count()).toBe(0)
  }, 90_000)
})
