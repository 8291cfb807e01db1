/** Issue 17: one tap on 投票 in the 议事 tab casts one vote and stays on the ballot (the tap does not reach the row). */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

const TITLE = '文化路口早高峰缺少交通协管员'

describe('voting on the 议事 tab (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('casts exactly one vote, shows 已投, and does not open the topic', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const proposer = await hostCaller(host.url, { guest: 'tap-proposer' })
    const staff = await hostCaller(host.url, { persona: 'staff' })
    const topic = await proposer('topics', 'propose', {
      siteId: 'F01', title: TITLE, category: '交通出行', body: '文化路和新华街路口早上七点半到八点半车多人多，学生过马路很危险，希望安排交通协管员。',
    })
    expect(topic.ok).toBe(true)
    expect((await staff('topics', 'screen', { topicId: topic.data.id, decision: 'accept' })).ok).toBe(true)
    // Live counts, so the page and the test can both read the count while voting is open.
    expect((await staff('votes', 'configure', { siteId: 'F01', month: '2026-12', liveCounts: true })).ok).toBe(true)
    await setClock('2026-12-21T01:00:00Z')
    const votesOf = async () => (await staff('votes', 'ballot', { siteId: 'F01' })).data.topics.find((t: any) => t.id === topic.data.id).votes as number
    const before = await votesOf()

    const voter = await as({ guest: 'tap-voter' })
    const problems = await watchProblems(voter)
    await voter.goto(`${host.url}/pages/topics/index?site=F01`)
    await voter.getByText('投票进行中').waitFor()
    const ballotUrl = voter.url()
    await voter.getByLabel(`投票：${TITLE}`).click()
    // Give a navigation that the tap might start time to happen.
    await voter.waitForTimeout(1000)
    expect(voter.url()).toBe(ballotUrl)
    const row = voter.locator('.ui-cell', { hasText: TITLE }).locator('visible=true')
    await row.getByText('已投', { exact: true }).waitFor()
    await row.getByText(`${before + 1} 票`).waitFor()
    await voter.screenshot({ path: join(SHOTS, 'vote-tap-issue17.png') })

    expect(await voter.getByText('办理进程').locator('visible=true').count()).toBe(0)
    expect(await votesOf()).toBe(before + 1)
    expect(problems).toEqual([])
  })
})
