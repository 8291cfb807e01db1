/**
 * 交办督复评 end to end in Chromium: a topic reaches `deliberated` through the API (the month is
 * tested in topics.e2e); on the pages, staff hand it to two units; each unit's handler
 * acknowledges and replies; staff publish the outcome; the proposer rates 不满意 and two voters
 * rate 非常不满意; the topic is reopened (once) and the public 公示 page shows it.
 */
import { e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { answerConfirm } from './confirm'

const TITLE = '运河古街夜间照明不足'

describe('交办督复评 in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  /** A deliberated topic, through the API: proposed, accepted, voted, chosen, discussed. */
  async function deliberatedTopic() {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const proposer = await hostCaller(host.url, { guest: 'fb-proposer' })
    const staff = await hostCaller(host.url, { persona: 'staff' })
    const topic = await proposer('topics', 'propose', {
      siteId: 'F01', title: TITLE, category: '平安建设', body: '运河古街晚上路灯坏了一半，游客和居民走路看不清，存在安全隐患，希望尽快修复。',
    })
    expect((await staff('topics', 'screen', { topicId: topic.data.id, decision: 'accept' })).ok).toBe(true)
    await setClock('2026-12-21T01:00:00Z')
    // Three votes: the ballot's minimum for selection.
    for (const voter of ['fb-voter-1', 'fb-voter-2', 'fb-voter-3']) expect((await (await hostCaller(host.url, { guest: voter }))('votes', 'cast', { topicId: topic.data.id })).ok).toBe(true)
    await setClock('2026-12-26T01:00:00Z')
    const meeting = await staff('topics', 'recordMeeting', {
      topicId: topic.data.id, form: '议事会', at: '2026-12-28T09:00:00+08:00', place: '运河街道议事厅', participants: 16,
      sectors: ['社区居民', '政协委员'], opinions: '一个月内修复古街路灯，增设景观照明。', nextSteps: '交区城市管理局、区行政审批服务局办理',
    })
    expect(meeting).toMatchObject({ ok: true, data: { state: 'deliberated' } })
    // The second unit's handler binds the real way.
    const profile = await staff('admin', 'createProfile', { role: 'unit_handler', name: '周强', unitId: 'U07' })
    expect((await (await hostCaller(host.url, { guest: 'fb-handler-jt' }))('account', 'bind', { code: profile.data.bindCode })).ok).toBe(true)
    return topic.data.id as number
  }

  it('hands a topic to two units, takes both replies, publishes, and reopens it on the ratings', async () => {
    const { host } = suite
    const id = await deliberatedTopic()
    await setClock('2026-12-29T02:00:00Z')
    const story = `${host.url}/packages/feedback/pages/story/index?id=${id}`

    const staff = await as({ persona: 'staff' })
    await staff.goto(story)
    await staff.getByText('区行政审批服务局', { exact: true }).click()
    await staff.getByText('区交通运输局', { exact: true }).click()
    await staff.getByText('交办（2 个单位，默认 15 个工作日）').click()
    expect(await answerConfirm(staff, '交办这个议题？')).toContain('议题将交区行政审批服务局、区交通运输局办理')
    await staff.getByText('已交办').first().waitFor()
    await staff.getByText(/签收期限 2026-12-30 · 答复期限 2027-01-20/).first().waitFor()

    for (const [who, reply, shown] of [
      [{ persona: 'unit_handler' }, '已审批古街景观照明改造项目，开通绿色通道。', '已审批古街景观照明改造项目，开通绿色通道。'],
      [{ guest: 'fb-handler-jt' }, '已在古街入口增设夜间交通指引灯 12 盏，联系人周强 13812345678。', '已在古街入口增设夜间交通指引灯 12 盏，联系人周* 138****5678。'],
    ] as const) {
      const handler = await as(who)
      await handler.goto(story)
      await handler.locator('.ui-button', { hasText: /^签收$/ }).click() // the step bar names 签收 too
      await handler.getByLabel('办理进展或答复').fill(reply)
      // Before sending, the form says what the public will read.
      if (shown !== reply) await handler.getByText(`内容含有电话或证件号码、姓名（周强），公开时将显示为：${shown}`).waitFor()
      await handler.getByText('提交答复').click()
      await handler.getByText(`答复：${shown}`, { exact: false }).waitFor()
      await handler.context().close()
    }

    await staff.reload()
    await staff.getByText('已答复').first().waitFor()
    await staff.getByLabel('办理结果或督办说明').fill('古街路灯已全部修复，新增景观照明和交通指引灯。')
    await staff.getByText('公示办理结果').click()
    await answerConfirm(staff, '公示办理结果？')
    await staff.getByText('办理结果公示').waitFor()

    const proposer = await as({ guest: 'fb-proposer' })
    await proposer.goto(story)
    await proposer.getByText('不满意', { exact: true }).click()
    await proposer.getByLabel('评价意见（选填）').fill('只修了一半，小巷里还是黑的')
    await proposer.getByText('提交评价').click()
    await proposer.getByText('您的评价：不满意').waitFor()
    for (const voter of ['fb-voter-1', 'fb-voter-2']) {
      const page = await as({ guest: voter })
      await page.goto(story)
      await page.getByText('非常不满意', { exact: true }).click()
      await page.getByText('提交评价').click()
      await page.getByText('您的评价：非常不满意').waitFor()
      await page.context().close()
    }
    await proposer.reload()
    await proposer.getByText('群众评价不满意或经督办，本议题已重新交承办单位办理').waitFor()
    await proposer.getByText('3 人评价 · 平均 1.33 分').waitFor()

    const anyone = await as({ guest: 'fb-passer-by' })
    await anyone.goto(`${host.url}/packages/feedback/pages/outcomes/index`)
    const card = anyone.locator('.outcome-card', { hasText: TITLE })
    await card.getByText('重新督办').waitFor()
    await card.getByText('承办单位：区行政审批服务局、区交通运输局').waitFor()
    expect(await card.textContent()).toContain('3 人评价 · 满意率 0%')
    await card.getByRole('img', { name: '群众评价 1.3 星（满 5 星）' }).waitFor()
  })
})
