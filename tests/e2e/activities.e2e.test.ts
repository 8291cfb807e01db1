/**
 * Activities end to end in Chromium: staff make an activity that is on now; the organiser opens the
 * 签到码 screen; a member's page opens the code shown there and checks in; the organiser's count
 * goes up; 我的履职 shows the points and where they came from; the organiser undoes it with a reason.
 */
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { answerConfirm } from './confirm'

const TITLE = '专题论坛：大运河文化传承与古街保护'

describe('activities and the duty record in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite({ JOBS_INTERVAL_MS: '0' })
  const { as } = suite

  it('checks a member in with the rotating code and shows the points in 我的履职', async () => {
    const { host } = suite
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const now = Date.now()
    const made = await staffApi('activities', 'create', {
      siteId: 'C01', kind: 'forum', title: TITLE, place: '实践中心报告厅',
      startsAt: new Date(now - 5 * 60_000).toISOString(), endsAt: new Date(now + 2 * 3_600_000).toISOString(),
    })
    expect(made.ok).toBe(true)
    const memberApi = await hostCaller(host.url, { persona: 'member' })
    const before = (await memberApi('duty', 'mine', {})).data.total

    const organiser = await as({ persona: 'staff' })
    await organiser.goto(`${host.url}/packages/activities/pages/detail/index?id=${made.data.id}`)
    await organiser.getByText('打开签到码').click()
    await organiser.getByText('请参会委员打开小程序“扫码签到”扫描此码').waitFor()
    await organiser.locator('.activity-code-count', { hasText: '0 人' }).waitFor()
    const shown = await organiser.locator('img[alt="活动动态签到码"]').getAttribute('data-target')
    expect(shown).toMatch(/\/packages\/activities\/pages\/checkin\/index\?scene=a%3D/)

    const member = await as({ persona: 'member' })
    await member.goto(shown!)
    await member.getByText('签到成功').waitFor()
    await member.getByText(TITLE).waitFor()
    await member.getByText('履职积分 +3').waitFor()
    // The organiser's screen takes a new code and the new count within one period.
    await organiser.locator('.activity-code-count', { hasText: '1 人' }).waitFor({ timeout: 15_000 })
    const next = await organiser.locator('img[alt="活动动态签到码"]').getAttribute('data-target')
    expect(next).not.toBe(shown)

    await member.getByText('我的履职').click()
    await member.getByText('按月份').waitFor()
    await member.getByText(`${before + 3} 分`, { exact: true }).waitFor()
    await member.locator('.ui-cell', { hasText: TITLE }).filter({ hasText: '+3' }).waitFor()

    // The organiser undoes it with a reason: the count and the member's points go back.
    await organiser.goto(`${host.url}/packages/activities/pages/attendance/index?id=${made.data.id}`)
    await organiser.getByText('已签到 1 人').waitFor()
    await organiser.getByLabel('原因').fill('代签，本人未到场')
    await organiser.getByLabel('撤销签到：纪英瑞').click()
    expect(await answerConfirm(organiser, '撤销签到？')).toContain('纪英瑞的这次签到将被撤销')
    await organiser.getByText('已签到 0 人').waitFor()
    expect((await memberApi('duty', 'mine', {})).data.total).toBe(before)
  }, 90_000)
})
