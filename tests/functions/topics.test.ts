/** 月月说事 from proposal to meeting record, through the real functions, with an injected clock. */
import { ballotJobs, as, draft } from '../support/topics'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`月月说事 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-10T02:00:00Z')
  })
  afterEach(() => rt.close())

  it('runs a month: propose, screen, ballot, vote, close, record the meeting', async () => {
    const wang = as('demo-resident')
    const proposed = await wang.topics('propose', draft('图书馆周边停车难'))
    expect(proposed).toEqual({ ok: true, data: { id: expect.any(Number), state: 'submitted', month: '2026-11' } })
    const other = await as('resident-2').topics('propose', draft('图书馆门口停车难问题', { body: '图书馆门口停车难，周末尤其严重，建议错峰开放机关停车场。' }))
    const similar = await as('resident-3').topics('similar', { siteId: 'F01', title: '图书馆停车' })
    expect(similar.data.map((t: any) => t.id)).toEqual(expect.arrayContaining([proposed.data.id, other.data.id]))

    const admin = as('demo-site-admin')
    expect((await admin.topics('screen', { topicId: proposed.data.id, decision: 'accept' })).data.state).toBe('accepted')
    const merged = await admin.topics('screen', { topicId: other.data.id, decision: 'merge', intoTopicId: proposed.data.id, note: '与已受理议题相同' })
    expect(merged.data.state).toBe('merged')
    const own = await wang.topics('follow', { topicId: proposed.data.id, follow: true, support: true })
    expect(own.error).toEqual({ code: 'forbidden', message: '不能支持自己提出的议题' })
    const target = await as('resident-2').topics('get', { topicId: proposed.data.id })
    expect(target.data).toMatchObject({ state: 'accepted', proposer: '王*英', following: true, supporting: true, supporters: 1 })

    rt.clock.set('2026-11-20T15:59:59Z')
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 0 })
    rt.clock.set('2026-11-20T16:00:00Z')
    expect(await ballotJobs(rt)).toEqual({ opened: 1, closed: 0 })
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 0 })

    for (const voter of ['v1', 'v2', 'v3']) expect((await as(voter).votes('cast', { topicId: proposed.data.id })).data).toEqual({ left: 2 })
    const ballot = await as('v1').votes('ballot', { siteId: 'F01' })
    expect(ballot.data).toMatchObject({ left: 2, eligible: true, topics: [{ id: proposed.data.id, votes: null, mine: true }] })
    expect((await as('v1').votes('results', { siteId: 'F01', month: '2026-11' })).error.code).toBe('conflict')

    rt.clock.set('2026-11-25T16:00:00Z')
    expect((await as('v4').votes('cast', { topicId: proposed.data.id })).error.code).toBe('poll_closed')
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 1 })
    // Once the window closed and the topic was chosen, a cast still answers that the vote is over.
    expect((await as('v4').votes('cast', { topicId: proposed.data.id })).error).toEqual({ code: 'poll_closed', message: '本期投票不在进行中' })
    const results = await as('v1').votes('results', { siteId: 'F01', month: '2026-11' })
    expect(results.data).toMatchObject({ totalVotes: 3, voters: 3, topics: [{ id: proposed.data.id, votes: 3, rank: 1, selected: true }] })

    const meeting = {
      topicId: proposed.data.id,
      form: '议事会',
      at: '2026-11-28T09:00:00+08:00',
      place: '区图书馆三楼报告厅',
      participants: 23,
      sectors: ['社区居民', '交通运输局'],
      opinions: '错峰开放周边机关停车场，增设临时停车位 40 个。',
      nextSteps: '交区交通运输局办理',
    }
    expect((await as('resident-2').topics('recordMeeting', meeting)).error.code).toBe('forbidden')
    const early = await admin.topics('recordMeeting', { ...meeting, at: '2026-11-25T09:00:00+08:00' })
    expect(early.error).toEqual({ code: 'invalid_input', message: '协商日期不能早于议题入选日期（2026-11-26）' })
    expect(await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM topic_meetings')).toEqual([{ n: 0 }])
    expect((await admin.topics('recordMeeting', meeting)).data.state).toBe('deliberated')
    const story = await wang.topics('get', { topicId: proposed.data.id })
    expect(story.data.timeline.map((entry: any) => entry.state)).toEqual(['submitted', 'accepted', 'on_ballot', 'selected', 'deliberated'])
    expect(story.data.meeting).toMatchObject({ form: '议事会', participants: 23 })
    expect(story.data.votes).toBe(3)
    const [{ notes }] = await rt.db.query<{ notes: number }>("SELECT count(*)::int AS notes FROM outbox WHERE kind = 'inapp' AND dedupe_key LIKE 'topic:%'")
    expect(notes).toBeGreaterThanOrEqual(4)
  })

  it('gives each refusal its own code and leaves no row', async () => {
    const wang = as('demo-resident')
    const before = await rt.db.query('SELECT (SELECT count(*) FROM topics) AS t, (SELECT count(*) FROM topic_timeline) AS l')
    expect((await wang.topics('propose', draft('一'.repeat(31)))).error).toEqual({ code: 'invalid_input', message: '标题最多 30 个字' })
    expect((await wang.topics('propose', draft('停车难', { body: '          ' }))).error).toEqual({ code: 'invalid_input', message: '内容至少 10 个字' })
    expect((await wang.topics('propose', draft('停车难', { photos: ['local:' + 'a'.repeat(64) + '.gif'] }))).error.message).toBe('照片只能是 JPG 或 PNG 图片')
    expect((await wang.topics('propose', draft('停车难', { category: '天气' }))).error.code).toBe('invalid_input')
    expect((await wang.topics('propose', draft('网上赌博平台'))).error.code).toBe('content_rejected')
    expect((await wang.votes('results', { siteId: 'F01', month: '2026-13' })).error.message).toBe('月份格式应为 YYYY-MM')
    expect(await rt.db.query('SELECT (SELECT count(*) FROM topics) AS t, (SELECT count(*) FROM topic_timeline) AS l')).toEqual(before)

    const held = await wang.topics('propose', draft('兼职刷单请加微信'))
    expect(held.data.state).toBe('held')
    expect((await as('stranger').topics('get', { topicId: held.data.id })).error.code).toBe('not_found')
    expect((await as('demo-site-admin').topics('screen', { topicId: held.data.id, decision: 'release' })).error.code).toBe('forbidden')
    expect((await as('demo-staff').topics('screen', { topicId: held.data.id, decision: 'release' })).data.state).toBe('submitted')

    const topic = (await wang.topics('propose', draft('古玩市场周末噪音扰民', { siteId: 'F14' }))).data
    expect((await wang.topics('propose', draft('运河古街夜间照明不足'))).ok).toBe(true)
    expect((await wang.topics('propose', draft('第四个议题今天提不了'))).error.code).toBe('rate_limited')
    expect((await as('demo-site-admin').topics('screen', { topicId: topic.id, decision: 'accept' })).error).toEqual({ code: 'forbidden', message: '只能处理本联盟点的议题' })
    expect((await as('demo-staff').topics('screen', { topicId: topic.id, decision: 'reject' })).error.message).toBe('不予采纳须填写说明')
    expect((await as('stranger').topics('edit', { topicId: topic.id, ...draft('改一改标题') })).error.code).toBe('forbidden')
    expect((await as('stranger').votes('cast', { topicId: topic.id })).error).toEqual({ code: 'conflict', message: '该议题不在本期投票中' })
    expect((await as('demo-staff').topics('screen', { topicId: topic.id, decision: 'return', note: '请补充具体时段' })).data.state).toBe('returned')
    expect((await wang.topics('edit', { topicId: topic.id, ...draft('古玩市场周六早市噪音扰民', { siteId: undefined }) })).data.state).toBe('submitted')
    expect((await as('demo-staff').topics('screen', { topicId: topic.id, decision: 'reject', note: '不属于协商范围' })).data.state).toBe('rejected')
    expect((await as('demo-staff').topics('screen', { topicId: topic.id, decision: 'accept' })).error.code).toBe('conflict')
  })

  it('refuses to merge into a finished topic (replied, published, rated or closed) and leaves both as they were', async () => {
    const admin = as('demo-site-admin')
    const done = (await as('demo-resident').topics('propose', draft('图书馆周边停车难'))).data
    const dup = (await as('resident-2').topics('propose', draft('图书馆门口停车难问题'))).data
    for (const state of ['evaluated', 'closed']) {
      // The test owns its data: the finished topic is put in its state directly.
      await rt.db.query('UPDATE topics SET state = $2 WHERE id = $1', [done.id, state])
      const before = await rt.db.query('SELECT (SELECT count(*) FROM topic_timeline) AS l, (SELECT count(*) FROM topic_followers) AS f')
      const answer = await admin.topics('screen', { topicId: dup.id, decision: 'merge', intoTopicId: done.id, note: '与已办结议题相同' })
      expect(answer.error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/^目标议题已办结（.+），不能再合并，请作为新议题单独受理$/) })
      expect((await admin.topics('get', { topicId: dup.id })).data.state).toBe('submitted')
      expect(await rt.db.query('SELECT (SELECT count(*) FROM topic_timeline) AS l, (SELECT count(*) FROM topic_followers) AS f')).toEqual(before)
    }
  })
})
