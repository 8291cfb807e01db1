/** 交办督复评 through the real functions and jobs, with an injected clock and the 2026 holiday calendar. */
import { definition as feedbackFn } from '../../cloudfunctions/feedback'
import { SUPERVISE_BATCH } from '../../cloudfunctions/feedback/jobs'
import { runJob } from '../../cloudfunctions/core/jobs'
import { as, bindHandler, deliberatedTopic, supervise } from '../support/feedback'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const staff = as('demo-staff')
const levels = (rt: TestRuntime) => rt.db.query('SELECT unit_id, level, ack_overdue, reply_overdue FROM assignments ORDER BY unit_id')
const messages = async (rt: TestRuntime) =>
  (await rt.db.query("SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'supervise:%' ORDER BY dedupe_key")).map((row) => row.dedupe_key as string)

describe(`交办督复评 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-08-03T02:00:00Z')
    await bindHandler('handler-jt', 'U07')
  })
  afterEach(() => rt.close())

  it('counts due dates in working days over the National Day holiday, and supervises level by level, once per deadline', async () => {
    const topicId = await deliberatedTopic(rt)
    rt.clock.set('2026-09-18T02:00:00Z') // Friday 18 September, 10:00 in Shanghai; 20 Sep and 10 Oct are 调休 working days
    const assigned = await staff.feedback('assign', { topicId, units: [{ unitId: 'U02' }, { unitId: 'U07', dueDate: '2026-10-03' }] })
    expect(assigned.data.state).toBe('assigned')
    expect(assigned.data.assignments.map((a: any) => [a.unitName, a.ackDue, a.replyDue])).toEqual([
      ['区住房和城乡建设局', '2026-09-20', '2026-10-15'], // 15 working days: 20–24 Sep, 28–30 Sep, 8–10 Oct, 12–15 Oct
      ['区交通运输局', '2026-09-20', '2026-10-08'], // a due date on a holiday moves to the next working day
    ])

    rt.clock.set('2026-09-20T15:59:59Z')
    expect((await supervise(rt)).done).toBe(0)
    rt.clock.set('2026-09-20T16:00:00Z') // the acknowledgement deadline has passed
    expect((await supervise(rt)).done).toBe(2)
    expect(await levels(rt)).toEqual([
      { unit_id: 'U02', level: 1, ack_overdue: true, reply_overdue: false },
      { unit_id: 'U07', level: 1, ack_overdue: true, reply_overdue: false },
    ])
    const first = await messages(rt)
    expect(first).toHaveLength(3) // staff for both, and U07's handler; U02 has no handler bound
    expect((await supervise(rt)).done).toBe(0)
    expect(await messages(rt)).toEqual(first)

    const jt = as('handler-jt')
    const [, u07] = assigned.data.assignments
    expect((await jt.feedback('acknowledge', { assignmentId: assigned.data.assignments[0].id })).error.code).toBe('forbidden')
    rt.clock.set('2026-09-22T02:00:00Z')
    expect((await jt.feedback('acknowledge', { assignmentId: u07.id })).data).toMatchObject({ status: 'acknowledged', level: 1 })
    rt.clock.set('2026-09-23T16:00:00Z') // three working days after the missed deadline: U02 rises to 催办, U07 acknowledged meanwhile
    expect((await supervise(rt)).done).toBe(1)
    rt.clock.set('2026-09-29T16:00:00Z') // 24, 28, 29 Sep: 督办
    expect((await supervise(rt)).done).toBe(1)
    rt.clock.set('2026-10-09T02:00:00Z') // U02 at the top level stays there; U07 missed its reply deadline (8 Oct)
    expect((await supervise(rt)).done).toBe(1)
    expect(await levels(rt)).toEqual([
      { unit_id: 'U02', level: 3, ack_overdue: true, reply_overdue: false },
      { unit_id: 'U07', level: 2, ack_overdue: true, reply_overdue: true },
    ])
    const keys = await messages(rt)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.filter((key) => key.startsWith(`supervise:${u07.id}:`))).toHaveLength(4) // levels 1 and 2, to staff and the handler
    const story = await as('demo-resident').feedback('story', { topicId })
    expect(story.data.notes.filter((n: any) => n.kind === 'supervise').map((n: any) => n.body)).toContain('超过签收期限未签收（督办）')
  })

  it('escalates each assignment exactly once when a run dies halfway and runs again, or two runs overlap', async () => {
    const topicId = await deliberatedTopic(rt)
    rt.clock.set('2026-09-01T02:00:00Z')
    const units = ['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08', 'U09', 'U10']
    const assigned = await staff.feedback('assign', { topicId, units: units.map((unitId) => ({ unitId })) })
    const fifth = assigned.data.assignments[4].id
    // The database fails the run in its second batch (after the first batch committed).
    await rt.db.exec(`CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.assignment_id = ${fifth} THEN RAISE EXCEPTION 'killed'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER die BEFORE INSERT ON supervision_events FOR EACH ROW EXECUTE FUNCTION die();`)
    const size = SUPERVISE_BATCH.size
    SUPERVISE_BATCH.size = 3
    try {
      rt.clock.set('2026-09-02T16:00:00Z')
      expect(await supervise(rt)).toMatchObject({ done: 0, error: expect.stringContaining('killed') })
      expect((await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assignments WHERE level = 1'))[0].n).toBe(3)
      await rt.db.exec('DROP TRIGGER die ON supervision_events')
      const [a, b] = await Promise.all([supervise(rt), supervise(rt)])
      expect(a.done + b.done).toBe(7)
      expect((await supervise(rt)).done).toBe(0)
    } finally {
      SUPERVISE_BATCH.size = size
    }
    expect((await levels(rt)).map((row: any) => row.level)).toEqual(units.map(() => 1))
    expect(await rt.db.query('SELECT assignment_id FROM supervision_events GROUP BY assignment_id HAVING count(*) <> 1')).toEqual([])
    const keys = await messages(rt)
    expect(keys).toHaveLength(10 + 2) // staff for each, and the handlers of U01 and U07
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('handles, publishes, and reopens on ratings exactly as the rule says, once; the public page and CSV name nobody', async () => {
    const topicId = await deliberatedTopic(rt)
    rt.clock.set('2026-09-01T02:00:00Z')
    const { data } = await staff.feedback('assign', { topicId, units: [{ unitId: 'U01' }, { unitId: 'U07' }] })
    const [u01, u07] = data.assignments
    const chen = as('demo-unit')
    const jt = as('handler-jt')
    expect((await chen.feedback('reply', { assignmentId: u01.id, reply: '已协调增设停车位 40 个。' })).error).toEqual({ code: 'conflict', message: '请先签收再答复' })
    expect((await jt.feedback('acknowledge', { assignmentId: u01.id })).error.code).toBe('forbidden')
    expect((await as('demo-resident').feedback('acknowledge', { assignmentId: u01.id })).error.code).toBe('forbidden')
    expect((await chen.feedback('acknowledge', { assignmentId: u01.id })).data.topicState).toBe('in_progress')
    expect((await jt.feedback('acknowledge', { assignmentId: u07.id })).ok).toBe(true)
    expect((await jt.feedback('reply', { assignmentId: u01.id, reply: '替别的单位答复一下。' })).error.code).toBe('forbidden')
    expect((await chen.feedback('progress', { assignmentId: u01.id, note: '已现场踏勘，联系人电话 13812345678' })).ok).toBe(true)
    expect((await chen.feedback('reply', { assignmentId: u01.id, reply: '已协调区图书馆周边机关错峰开放停车场。' })).data.state).toBe('in_progress')
    expect((await jt.feedback('reply', { assignmentId: u07.id, reply: '已施划临时停车位 40 个，设置指示牌。' })).data.state).toBe('replied')

    expect((await as('demo-resident').feedback('rate', { topicId, score: 5 })).error).toEqual({ code: 'conflict', message: '办理结果公示后才能评价' })
    const published = await staff.feedback('publish', { topicId, summary: '错峰开放机关停车场，新增临时车位 40 个。咨询电话 13912345678' })
    expect(published.data.state).toBe('published')

    // Two low ratings are not enough (fewer than 3 raters); a stranger may not rate; nobody rates twice.
    expect((await as('stranger').feedback('rate', { topicId, score: 1 })).error.code).toBe('forbidden')
    expect((await as('v1').feedback('rate', { topicId, score: 1, comment: '还是停不下' })).data).toEqual({ score: 1, state: 'evaluated', reopened: false })
    expect((await as('v1').feedback('rate', { topicId, score: 1 })).error.code).toBe('duplicate')
    expect((await as('v2').feedback('rate', { topicId, score: 2 })).data.reopened).toBe(false)
    expect((await as('v3').feedback('rate', { topicId, score: 4 })).data.reopened).toBe(false) // average 2.33
    expect((await as('v3').feedback('rate', { topicId, score: 3, change: true })).data).toEqual({ score: 3, state: 'reopened', reopened: true }) // average 2.0
    expect((await as('demo-resident').feedback('rate', { topicId, score: 1 })).data).toEqual({ score: 1, state: 'reopened', reopened: false })
    const toldUnit = await rt.db.query(
      "SELECT o.payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = 'demo-unit' AND o.dedupe_key LIKE 'reopen:%'")
    expect(toldUnit).toEqual([{ title: '议题重新办理' }])
    rt.clock.set('2026-09-09T02:00:00Z')
    expect((await as('v1').feedback('rate', { topicId, score: 2, change: true })).error.code).toBe('expired')

    // Handled again and published again: low ratings no longer reopen it.
    expect((await chen.feedback('reply', { assignmentId: u01.id, reply: '再次协调，已增加夜间停车位。' })).data.state).toBe('in_progress')
    expect((await jt.feedback('reply', { assignmentId: u07.id, reply: '再次核查，临时车位已全部施划。' })).data.state).toBe('replied')
    expect((await staff.feedback('publish', { topicId, summary: '再次办理：夜间车位增加 20 个。' })).data.state).toBe('published')
    await as('follower').topics('follow', { topicId, follow: true })
    expect((await as('follower').feedback('rate', { topicId, score: 1 })).data).toEqual({ score: 1, state: 'evaluated', reopened: false })
    const [{ n }] = await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM topic_timeline WHERE topic_id = $1 AND move = 'reopen'", [topicId])
    expect(n).toBe(1)

    // A unit appeals a rating; staff uphold it and it leaves the figures.
    const story = await as('demo-resident').feedback('story', { topicId })
    const lowest = story.data.ratings.find((r: any) => r.comment === '还是停不下')
    const appeal = await chen.feedback('appeal', { ratingId: lowest.id, reason: '该评价针对的是收费问题，不属于本次办理范围。' })
    expect(appeal.data.status).toBe('pending')
    expect((await chen.feedback('story', { topicId })).data.appeals).toEqual([expect.objectContaining({ id: appeal.data.id, ratingId: lowest.id, status: 'pending' })])
    expect((await jt.feedback('story', { topicId })).data.appeals).toEqual([]) // another unit's appeal
    expect((await as('demo-resident').feedback('story', { topicId })).data.appeals).toEqual([])
    expect((await chen.feedback('appeal', { ratingId: lowest.id, reason: '再申诉一次看看能不能重复。' })).error.code).toBe('duplicate')
    expect((await staff.feedback('decideAppeal', { appealId: appeal.data.id, uphold: true, note: '评价内容与办理事项无关' })).data.status).toBe('upheld')
    expect((await as('demo-resident').feedback('story', { topicId })).data.rating.count).toBe(4)

    const outcomes = await as('anyone').feedback('outcomes', {})
    expect(outcomes.data.items).toEqual([
      expect.objectContaining({ topicId, units: ['区行政审批服务局', '区交通运输局'], proposer: '王*英', state: 'evaluated', onTime: true }),
    ])
    // Filtered by site and by category (the 公示 page's filters).
    const { category } = outcomes.data.items[0]
    const other = category === '其他' ? '环境卫生' : '其他'
    expect((await as('anyone').feedback('outcomes', { category })).data.items.map((o: any) => o.topicId)).toEqual([topicId])
    expect((await as('anyone').feedback('outcomes', { category: other })).data.items).toEqual([])
    expect((await as('anyone').feedback('outcomes', { siteId: 'F02', category })).data.items).toEqual([])
    expect((await as('anyone').feedback('outcomes', { category: '天气' })).error.code).toBe('invalid_input')
    const stats = await staff.feedback('unitStats', { from: '2026-09', to: '2026-09', csv: true })
    expect(stats.data.rows).toEqual([
      expect.objectContaining({ unitId: 'U01', month: '2026-09', assignments: 1, timelyAck: 1, onTimeReply: 1, satisfaction: 1.75, reopenRate: 1, overdue: 0 }),
      expect.objectContaining({ unitId: 'U07', month: '2026-09', assignments: 1, satisfiedShare: 0 }),
    ])
    expect(stats.data.csv.startsWith('\uFEFF单位,月份,交办数,按时签收率')).toBe(true)
    expect(stats.data.csv).toContain('区行政审批服务局,2026-09,1,100.0%,100.0%,1.75,0.0%,100.0%,0')
    expect((await chen.feedback('unitStats', { from: '2026-09', to: '2026-09' })).error.code).toBe('forbidden')

    // Scan what the public sees: no phone number, no full name, no openid.
    const people = await rt.db.query<{ openid: string; nickname: string }>("SELECT openid, nickname FROM users WHERE nickname <> ''")
    const topicPage = await as('passer-by').topics('get', { topicId })
    expect(JSON.stringify(topicPage.data)).toContain('139****5678')
    for (const shown of [JSON.stringify(outcomes.data), JSON.stringify(story.data), stats.data.csv, JSON.stringify(topicPage.data)]) {
      expect(shown).not.toMatch(/1[3-9]\d{9}/)
      for (const person of people) {
        expect(shown).not.toContain(person.openid)
        if ([...person.nickname].length >= 2) expect(shown).not.toContain(person.nickname)
      }
    }
    expect(JSON.stringify(story.data)).toContain('138****5678')

    // Thirty days after publication the evaluated topic closes, and rating ends.
    rt.clock.set('2026-10-10T02:00:00Z')
    expect((await runJob(feedbackFn, 'closeEvaluated', rt)).done).toBe(1)
    expect((await as('v2').feedback('rate', { topicId, score: 5, change: true })).error).toEqual({ code: 'conflict', message: '该议题已办结，评价已结束' })
  })

  it('keeps the unit handler to their unit, refuses bad moves, and edits the calendar', async () => {
    const topicId = await deliberatedTopic(rt)
    rt.clock.set('2026-09-01T02:00:00Z')
    expect((await as('demo-unit').feedback('assign', { topicId, units: [{ unitId: 'U01' }] })).error.code).toBe('forbidden')
    expect((await staff.feedback('assign', { topicId, units: [{ unitId: 'U99' }] })).error.code).toBe('not_found')
    expect((await staff.feedback('publish', { topicId, summary: '还没有交办就公示。' })).error.code).toBe('conflict')
    expect((await staff.feedback('setDueDays', { category: '交通出行', days: 5 })).ok).toBe(true)
    expect((await staff.feedback('setDay', { day: '2026-09-03', kind: 'holiday', name: '测试' })).ok).toBe(true)
    const { data } = await staff.feedback('assign', { topicId, units: [{ unitId: 'U01' }, { unitId: 'U07' }] })
    expect(data.assignments.map((a: any) => a.replyDue)).toEqual(['2026-09-09', '2026-09-09']) // 2, 4, 7, 8, 9 Sep
    expect((await staff.feedback('assign', { topicId, units: [{ unitId: 'U03' }] })).error.code).toBe('conflict')
    const mine = await as('handler-jt').feedback('assignments', {})
    expect(mine.data.items.map((a: any) => a.unitId)).toEqual(['U07'])
    expect((await as('handler-jt').feedback('assignments', { unitId: 'U01' })).error.code).toBe('forbidden')
    expect((await as('demo-resident').feedback('assignments', {})).error.code).toBe('forbidden')
    const calendar = await as('anyone').feedback('calendar', { year: 2026 })
    expect(calendar.data.days).toEqual(expect.arrayContaining([{ day: '2026-10-10', kind: 'workday', name: '国庆节调休' }]))
    expect(calendar.data.dueDays).toEqual({ 交通出行: 5 })

    // A unit asks to hand over; staff agree and assign another unit.
    await as('handler-jt').feedback('acknowledge', { assignmentId: data.assignments[1].id })
    await as('handler-jt').feedback('progress', { assignmentId: data.assignments[1].id, note: '该事项属于街道职责', reassign: true })
    const moved = await staff.feedback('reassign', { assignmentId: data.assignments[1].id, approve: true, note: '改由新华街道办理', toUnitId: 'U08' })
    expect(moved.data.assignments.map((a: any) => [a.unitId, a.status])).toEqual([['U01', 'assigned'], ['U07', 'withdrawn'], ['U08', 'assigned']])

    // Staff supervise by hand while it is being handled: one level, told once.
    expect((await staff.feedback('supervise', { topicId, note: '请加快办理' })).data).toEqual({ state: 'in_progress', level: 1 })

    // U01 replies; U08 hands over too and staff agree without a new unit: the topic has its replies.
    const u01 = data.assignments[0].id
    await as('demo-unit').feedback('acknowledge', { assignmentId: u01 })
    expect((await as('demo-unit').feedback('reply', { assignmentId: u01, reply: '已协调开放机关停车场。' })).data.state).toBe('in_progress')
    await bindHandler('handler-xh', 'U08', '吴敏')
    const u08 = moved.data.assignments[2].id
    await as('handler-xh').feedback('acknowledge', { assignmentId: u08 })
    await as('handler-xh').feedback('progress', { assignmentId: u08, note: '停车场不在本街道辖区', reassign: true })
    const done = await staff.feedback('reassign', { assignmentId: u08, approve: true, note: '由区行政审批服务局答复即可' })
    expect(done.data.state).toBe('replied')
  })
})
