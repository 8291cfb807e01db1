/**
 * Issue 17, voting state everywhere: after a cast the ballot row and the topic's own page both say
 * 已投 and offer 撤回; a cast on the topic's page shows on the ballot; a tap on a ballot row (not
 * its button) opens the topic's text, so it can be read before voting.
 */
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

const FIRST = '新华街人行道井盖松动'
const SECOND = '社区食堂午餐价格偏高'
const BODY = '新华街东段人行道有三个井盖松动，踩上去会翻，老人晚上散步很危险，希望尽快加固。'

describe('the vote shows its state on every page of the topic (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('投票 → 已投 and 撤回 on the ballot and the topic page, and a row opens the text', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const proposer = await hostCaller(host.url, { guest: 'state-proposer' })
    const staff = await hostCaller(host.url, { persona: 'staff' })
    const ids: number[] = []
    for (const title of [FIRST, SECOND]) {
      const topic = await proposer('topics', 'propose', { siteId: 'F01', title, category: '环境卫生', body: BODY })
      expect((await staff('topics', 'screen', { topicId: topic.data.id, decision: 'accept' })).ok).toBe(true)
      ids.push(topic.data.id)
    }
    await setClock('2026-12-21T01:00:00Z')

    const voter = await as({ guest: 'state-voter' })
    const voterApi = await hostCaller(host.url, { guest: 'state-voter' })
    const mine = async () => ((await voterApi('votes', 'ballot', { siteId: 'F01' })).data.topics as { id: number; mine: boolean }[]).filter((t) => t.mine).map((t) => t.id)
    const problems = await watchProblems(voter)
    // Taro's h5 router keeps the page behind the current one in the DOM: on a topic's page, look in its action bar.
    const shown = (label: string) => voter.getByLabel(label).locator('visible=true')
    const bar = (label: string) => voter.locator('.ui-action-bar').getByLabel(label)
    await voter.goto(`${host.url}/pages/topics/index?site=F01`)
    await voter.getByText('投票进行中').waitFor()

    // The row's text opens the topic's page, whose body can be read before voting.
    await voter.locator('.ui-cell', { hasText: SECOND }).locator('visible=true').first().locator('.ui-cell-title').click()
    await voter.waitForURL(new RegExp(`detail/index\\?id=${ids[1]}`))
    await voter.getByText(BODY).first().waitFor()
    await bar(`投票：${SECOND}`).click()
    await bar(`撤回投票：${SECOND}`).waitFor()
    await voter.locator('.ui-action-bar').getByText('已投', { exact: true }).waitFor()
    expect(await mine()).toEqual([ids[1]])
    await voter.screenshot({ path: join(SHOTS, 'vote-state-topic.png') })

    // Back on the ballot: the cast from the topic's page shows there; a cast there shows on its page.
    await voter.goto(`${host.url}/pages/topics/index?site=F01`)
    await shown(`撤回投票：${SECOND}`).waitFor()
    await shown(`投票：${FIRST}`).click()
    await shown(`撤回投票：${FIRST}`).waitFor()
    expect((await mine()).sort()).toEqual([...ids].sort())
    await voter.screenshot({ path: join(SHOTS, 'vote-state-ballot.png') })
    await voter.goto(`${host.url}/packages/topics/pages/detail/index?id=${ids[0]}`)
    await bar(`撤回投票：${FIRST}`).click()
    await bar(`投票：${FIRST}`).waitFor()
    expect(await mine()).toEqual([ids[1]])
    expect(problems).toEqual([])
  }, 90_000)
})
