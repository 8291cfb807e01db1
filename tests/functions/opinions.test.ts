/** 社情民意 through the real function: the suggestion machine, bad input, permissions, the daily limit, masking, events and figures. */
import { readFileSync } from 'node:fs'
import { main as opinions } from '../../cloudfunctions/opinions'
import { feature } from '../../cloudfunctions/opinions/feature'
import { readFigure } from '../../cloudfunctions/core/figures'
import { nextState, opinionChannels, reportStates, suggestionMachine, suggestionMoves, suggestionStates, SUGGESTIONS_PER_DAY } from '../../src/domain/opinions'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const as = (openid: string) => caller(opinions, openid)
const resident = as('demo-resident')
const staff = as('demo-staff')
const draft = (extra: object = {}) => ({ title: '老旧小区加装电梯费用分摊难', content: '高低楼层住户对费用分摊意见不一，建议出台分摊指导标准。', category: '城市建设', siteId: 'F01', ...extra })
const count = async (rt: TestRuntime, table: string) => Number((await rt.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n)

describe('the suggestion machine (pure)', () => {
  it('has the SQL CHECK lists equal to the domain definitions', () => {
    const sql = readFileSync('cloudfunctions/opinions/migrations/020_opinions.sql', 'utf8')
    const list = (column: string) => sql.match(new RegExp(`${column} text NOT NULL CHECK \\(${column} IN \\(([^)]*)\\)\\)`))?.[1].split(',').map((s) => s.trim().replace(/'/g, ''))
    expect(list('state')).toEqual([...suggestionStates])
    expect(list('move')).toEqual([...suggestionMoves])
    expect(list('channel')).toEqual([...opinionChannels])
    const reports = sql.match(/state text NOT NULL DEFAULT 'draft' CHECK \(state IN \(([^)]*)\)\)/)?.[1].split(',').map((s) => s.trim().replace(/'/g, ''))
    expect(reports).toEqual([...reportStates])
  })

  it('allows exactly the moves it lists, and every move leads to a known state', () => {
    for (const [move, rule] of Object.entries(suggestionMachine)) {
      for (const state of suggestionStates) {
        expect([state, move, nextState(state, move as keyof typeof suggestionMachine)]).toEqual([state, move, rule.from.includes(state) ? rule.to : null])
      }
      expect(suggestionStates).toContain(rule.to)
    }
    expect(nextState('merged', 'merge')).toBeNull()
    expect(nextState('withdrawn', 'accept')).toBeNull()
    expect(nextState('accepted', 'withdraw')).toBeNull()
  })
})

describe(`社情民意 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
  })
  afterEach(() => rt.close())

  it('takes a suggestion, lets an editor accept it, tells the author once, and keeps one timeline row per move', async () => {
    const submitted = await resident('submit', draft())
    expect(submitted.data).toMatchObject({ state: 'submitted', similar: [] })
    const id = submitted.data.id
    const accepted = await staff('screen', { suggestionId: id, decision: 'accept' })
    expect(accepted.data).toEqual({ id, state: 'accepted' })
    expect((await staff('screen', { suggestionId: id, decision: 'accept' })).error).toMatchObject({ code: 'conflict', message: '该建议当前状态不能采纳' })
    const detail = await resident('get', { suggestionId: id })
    expect(detail.data.timeline.map((entry: any) => [entry.move, entry.toState, entry.actorRole])).toEqual([
      ['submit', 'submitted', '建议人'],
      ['accept', 'accepted', '社情民意信息员'],
    ])
    const told = await rt.db.query("SELECT payload FROM outbox WHERE dedupe_key LIKE 'suggestion:%'")
    expect(told).toHaveLength(1)
    expect(JSON.stringify(told[0].payload)).toContain('您的建议已被采纳')
    expect((await resident('withdraw', { suggestionId: id })).error.code).toBe('conflict')
  })

  it('returns only with a note, lets the author withdraw a returned one, and nothing is deleted', async () => {
    const id = (await resident('submit', draft())).data.id
    expect((await staff('screen', { suggestionId: id, decision: 'return' })).error).toMatchObject({ code: 'invalid_input', message: '退回时请填写说明' })
    expect((await staff('screen', { suggestionId: id, decision: 'return', note: '请补充具体小区' })).data.state).toBe('returned')
    expect((await resident('withdraw', { suggestionId: id })).data.state).toBe('withdrawn')
    expect((await staff('screen', { suggestionId: id, decision: 'accept' })).error.code).toBe('conflict')
    expect(await count(rt, 'suggestions')).toBe(1)
    expect(await count(rt, 'suggestion_timeline')).toBe(3)
  })

  it('merges duplicates found by character pairs, once, and never into a merged one', async () => {
    const kept = (await resident('submit', draft())).data.id
    const dup = await as('someone-else')('submit', draft({ title: '老旧小区加装电梯费用如何分摊' }))
    expect(dup.data.similar.map((s: any) => s.id)).toEqual([kept])
    expect((await staff('similar', { title: '加装电梯费用分摊' })).data.map((s: any) => s.id)).toEqual(expect.arrayContaining([kept, dup.data.id]))
    expect((await staff('merge', { suggestionId: dup.data.id, intoId: kept, note: ' ' })).error).toMatchObject({ code: 'invalid_input', message: '合并说明至少 2 个字' })
    expect((await staff('merge', { suggestionId: kept, intoId: kept, note: '重复' })).error).toMatchObject({ code: 'invalid_input', message: '不能合并到建议本身' })
    expect((await staff('merge', { suggestionId: dup.data.id, intoId: kept, note: '内容相同' })).data).toEqual({ id: dup.data.id, state: 'merged', intoId: kept })
    expect((await staff('merge', { suggestionId: dup.data.id, intoId: kept, note: '再次合并' })).error).toMatchObject({ code: 'conflict', message: '该建议已合并，不能再次操作' })
    const third = (await resident('submit', draft({ title: '电梯加装补贴' }))).data.id
    expect((await staff('merge', { suggestionId: third, intoId: dup.data.id, note: '合并' })).error.code).toBe('conflict')
    expect((await staff('similar', { title: '老旧小区加装电梯费用如何分摊' })).data.map((s: any) => s.id)).not.toContain(dup.data.id)
  })

  it('refuses each bad input with its own message and writes nothing', async () => {
    const cases: [object, string, string][] = [
      [draft({ title: '电梯' }), 'invalid_input', '建议标题至少 4 个字'],
      [draft({ content: '太短了' }), 'invalid_input', '建议内容至少 10 个字'],
      [draft({ category: '闲聊' }), 'invalid_input', '请选择建议类别'],
      [draft({ siteId: 'NOPE' }), 'not_found', '未找到该联盟点'],
      [draft({ activityId: 999999 }), 'not_found', '未找到该活动'],
      [draft({ phone: '12345' , contactConsent: true }), 'invalid_input', '手机号码格式不正确'],
      [draft({ phone: '13812345678' }), 'invalid_input', '留下手机号码前请先同意联系'],
      [draft({ onBehalfOf: '张桂兰' }), 'forbidden', '只有本联盟点管理员可以代为录入建议'],
      [draft({ content: '有人在小区里组织赌博，影响很坏，请有关部门处理。' }), 'content_rejected', '内容含有不适宜的信息，请修改后再提交'],
    ]
    for (const [input, code, message] of cases) {
      const answer = await resident('submit', input)
      expect([message, answer.error?.code, answer.error?.message]).toEqual([message, code, message])
    }
    expect(await count(rt, 'suggestions')).toBe(0)
    expect(await count(rt, 'suggestion_timeline')).toBe(0)
    expect(await count(rt, 'rate_events')).toBe(0)
  })

  it('holds text the content check wants a person to read, for the editor', async () => {
    const held = await resident('submit', draft({ content: '小区加装电梯的事情，有意见的请加微信联系我。' }))
    expect(held.data.state).toBe('held')
    expect((await staff('screen', { suggestionId: held.data.id, decision: 'accept' })).data.state).toBe('accepted')
  })

  it('lets a site admin enter a suggestion on someone’s behalf at their own site only', async () => {
    const admin = as('demo-site-admin')
    expect((await admin('submit', draft({ siteId: 'F02', onBehalfOf: '张桂兰' }))).error.code).toBe('forbidden')
    const entered = await admin('submit', draft({ onBehalfOf: '张桂兰' }))
    const detail = await staff('get', { suggestionId: entered.data.id })
    expect(detail.data).toMatchObject({ channel: 'on_behalf', suggester: '张桂兰' })
    expect(detail.data.timeline[0]).toMatchObject({ actorRole: '联盟点管理员', note: '代张桂兰录入' })
  })

  it('lets only editors screen, merge and list everything, and a person read only their own', async () => {
    const id = (await resident('submit', draft({ phone: '13812345678', contactConsent: true }))).data.id
    const other = as('demo-member')
    expect((await resident('screen', { suggestionId: id, decision: 'accept' })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin')('screen', { suggestionId: id, decision: 'accept' })).error.code).toBe('forbidden')
    expect((await resident('merge', { suggestionId: id, intoId: id + 1, note: '合并' })).error.code).toBe('forbidden')
    expect((await other('get', { suggestionId: id })).error).toMatchObject({ code: 'forbidden', message: '只能查看自己提交的建议' })
    expect((await other('withdraw', { suggestionId: id })).error).toMatchObject({ code: 'forbidden', message: '只能撤回自己提交的建议' })
    expect((await other('list', { scope: 'all' })).error.code).toBe('forbidden')
    expect((await other('list', {})).data.items).toEqual([])
    expect((await resident('list', {})).data.items.map((s: any) => s.id)).toEqual([id])
    expect((await staff('list', { scope: 'all' })).data.items.map((s: any) => [s.id, s.suggester])).toEqual([[id, '王秀英']])
    expect((await staff('get', { suggestionId: id })).data.phone).toBe('13812345678')
    expect((await as('demo-auditor')('list', { scope: 'all' })).data.items).toHaveLength(1)
  })

  it(`takes at most ${SUGGESTIONS_PER_DAY} suggestions per person per Shanghai day, and a refused one costs no slot`, async () => {
    await resident('submit', draft({ content: '赌博问题反映，请有关部门处理一下这件事。' }))
    for (let i = 0; i < SUGGESTIONS_PER_DAY; i++) expect((await resident('submit', draft({ title: `第${i + 1}条关于电梯的建议` }))).data.state).toBe('submitted')
    expect((await resident('submit', draft())).error).toMatchObject({ code: 'rate_limited', message: `每人每天最多提交 ${SUGGESTIONS_PER_DAY} 条建议，请明天再来` })
    expect((await as('demo-member')('submit', draft())).data.state).toBe('submitted')
    rt.clock.set('2026-11-20T16:00:00Z') // midnight in Shanghai
    expect((await resident('submit', draft())).data.state).toBe('submitted')
    expect(await count(rt, 'suggestions')).toBe(SUGGESTIONS_PER_DAY + 2)
  })

  it('never shows a phone, an openid or a full name in answers for others', async () => {
    const id = (await resident('submit', draft({ phone: '13812345678', contactConsent: true }))).data.id
    await staff('screen', { suggestionId: id, decision: 'accept' })
    const own = await resident('list', {})
    expect(own.data.items[0].suggester).toBe('王秀英')
    const text = JSON.stringify(await as('demo-member')('list', {}))
    for (const secret of ['13812345678', 'demo-resident', '王秀英']) expect(text).not.toContain(secret)
    const listed = JSON.stringify((await staff('list', { scope: 'all' })).data)
    expect(listed).not.toContain('13812345678')
    expect(listed).not.toContain('demo-resident')
  })

  it('counts received and accepted per site and month, and the demo step fills every state', async () => {
    const id = (await resident('submit', draft())).data.id
    await resident('submit', draft({ siteId: null, title: '全区范围的建议标题' }))
    await staff('screen', { suggestionId: id, decision: 'accept' })
    const [received, accepted] = feature.figures ?? []
    expect(await readFigure(rt.db, received, '2026-11', '2026-11', rt.clock.now())).toEqual([{ siteId: 'F01', month: '2026-11', value: 1 }])
    expect(await readFigure(rt.db, accepted, '2026-11', '2026-11', rt.clock.now())).toEqual([{ siteId: 'F01', month: '2026-11', value: 1 }])
    await rt.db.exec('DELETE FROM suggestion_timeline; DELETE FROM suggestion_grams; DELETE FROM suggestions')
    await applySeeds(rt.db, (feature.demo ?? []).filter((step) => step.name === 'opinions-year'), { now: rt.clock.now(), activityDays: 3 })
    const states = (await rt.db.query('SELECT DISTINCT state FROM suggestions ORDER BY state')).map((row) => row.state)
    expect(states).toEqual(['accepted', 'merged', 'returned', 'submitted', 'withdrawn'])
    const [{ missing }] = await rt.db.query(
      'SELECT count(*)::int AS missing FROM suggestions s WHERE (SELECT count(*) FROM suggestion_timeline t WHERE t.suggestion_id = s.id) <> CASE WHEN s.state = $1 THEN 1 ELSE 2 END',
      ['submitted'],
    )
    expect(missing).toBe(0)
  })

  it('writes a 专报 from accepted suggestions, moves it 报送 → 采用 → 批示, and tells each suggester once per state', async () => {
    const first = (await resident('submit', draft())).data.id
    const second = (await as('demo-member')('submit', draft({ title: '社区图书室延长开放时间' }))).data.id
    const pending = (await resident('submit', draft({ title: '河道沿线增设垃圾分类投放点' }))).data.id
    for (const id of [first, second]) await staff('screen', { suggestionId: id, decision: 'accept' })
    const report = { title: '关于老旧小区加装电梯的建议', body: '近期联盟点收集到多条关于老旧小区加装电梯费用分摊的建议，现将有关情况报告如下。' }
    expect((await staff('report', { ...report, suggestionIds: [first, pending] })).error).toMatchObject({ code: 'conflict', message: '建议“河道沿线增设垃圾分类投放点”尚未采纳，不能写入专报' })
    expect(await count(rt, 'opinion_reports')).toBe(0)
    expect((await resident('report', { ...report, suggestionIds: [first] })).error.code).toBe('forbidden')
    const written = await staff('report', { ...report, suggestionIds: [first, second] })
    expect(written.data).toMatchObject({ state: 'draft', suggestionIds: [first, second] })
    const reportId = written.data.id
    expect((await resident('get', { suggestionId: first })).data).toMatchObject({ state: 'used', reports: [{ id: reportId, state: 'draft' }] })
    expect((await staff('moveReport', { reportId, move: 'endorse', level: '市级', endorsement: '请区住建局研究落实' })).error).toMatchObject({ code: 'conflict', message: '专报尚未报送，不能录入批示' })
    expect((await staff('moveReport', { reportId, move: 'submit' })).error).toMatchObject({ code: 'invalid_input', message: '请选择报送级别' })
    expect((await staff('moveReport', { reportId, move: 'submit', level: '区级' })).data.state).toBe('submitted')
    expect((await staff('moveReport', { reportId, move: 'submit', level: '区级' })).error).toMatchObject({ code: 'conflict', message: '专报当前状态不能报送' })
    expect((await staff('moveReport', { reportId, move: 'adopt', adoptedBy: '区委办公室' })).data.state).toBe('adopted')
    expect((await staff('moveReport', { reportId, move: 'endorse', level: '市级', endorsement: '请区住建局研究落实' })).data).toMatchObject({ state: 'endorsed', endorsement: '请区住建局研究落实' })
    expect((await as('demo-auditor')('getReport', { reportId })).data.endorsement).toBe('请区住建局研究落实')
    expect((await resident('getReport', { reportId })).error.code).toBe('forbidden')
    const told = await rt.db.query("SELECT recipient_user_id, dedupe_key FROM outbox WHERE dedupe_key LIKE 'report:%' ORDER BY dedupe_key, recipient_user_id")
    expect(told).toHaveLength(8) // two suggesters × (written, 报送, 采用, 批示)
    expect(new Set(told.map((row) => `${row.recipient_user_id} ${row.dedupe_key}`)).size).toBe(8)
    const timeline = (await staff('get', { suggestionId: first })).data.timeline.map((entry: any) => entry.move)
    expect(timeline).toEqual(['submit', 'accept', 'use'])
  })

  it('keeps its rules under random moves by random people (model-based, seeded)', async () => {
    let seed = 20
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return Math.floor(seed / 65536) % n
    }
    const people = ['demo-resident', 'demo-member', 'demo-voter-a', 'demo-voter-b']
    const ids: number[] = []
    let moves = 0
    let links = 0
    const decided = new Set<string>()
    for (let step = 0; step < 60; step++) {
      const kind = ids.length < 3 ? 0 : random(6)
      const id = ids[random(Math.max(ids.length, 1))]
      const who = people[random(people.length)]
      let answer: any
      if (kind === 0) {
        answer = await as(who)('submit', draft({ title: `关于小区${['电梯', '停车', '垃圾', '绿化'][random(4)]}的第${step}条建议` }))
        if (answer.data) ids.push(answer.data.id)
      } else if (kind === 1 || kind === 2) {
        const decision = kind === 1 ? 'accept' : 'return'
        answer = await as(random(4) === 0 ? who : 'demo-staff')('screen', { suggestionId: id, decision, note: '审核意见' })
        if (answer.data) decided.add(`${id}:${answer.data.state}`)
      } else if (kind === 3) {
        const into = ids[random(ids.length)]
        answer = await staff('merge', { suggestionId: id, intoId: into, note: '内容相近' })
        if (answer.data) decided.add(`${id}:merged`)
      } else if (kind === 4) {
        answer = await as(who)('withdraw', { suggestionId: id })
      } else {
        const accepted = (await rt.db.query("SELECT id FROM suggestions WHERE state IN ('accepted', 'used') ORDER BY id LIMIT 2")).map((row) => Number(row.id))
        answer = await staff('report', { title: `第${step}期社情民意专报`, body: '现将近期群众反映较集中的意见建议整理报告如下，供领导参阅。', suggestionIds: accepted.length ? accepted : [id] })
        if (answer.data) links += answer.data.suggestionIds.length
        if (answer.data) moves += answer.data.suggestionIds.length - 1 // one `use` row each, counted with the report below
      }
      if (answer.data) moves += 1
      else expect(['forbidden', 'conflict', 'invalid_input', 'rate_limited', 'not_found']).toContain(answer.error.code)
      const [facts] = await rt.db.query(
        `SELECT (SELECT count(*)::int FROM suggestion_timeline) AS timeline,
                (SELECT count(*)::int FROM report_suggestions) AS links,
                (SELECT count(*)::int FROM suggestions s JOIN suggestions t ON t.id = s.merged_into WHERE t.state = 'merged') AS chained,
                (SELECT count(*)::int FROM suggestions WHERE (state = 'merged') <> (merged_into IS NOT NULL)) AS unlinked,
                (SELECT count(*)::int FROM outbox WHERE dedupe_key LIKE 'suggestion:%') AS told,
                (SELECT count(DISTINCT dedupe_key)::int FROM outbox WHERE dedupe_key LIKE 'suggestion:%') AS keys`,
      )
      expect([step, facts]).toEqual([step, { timeline: moves, links, chained: 0, unlinked: 0, told: decided.size, keys: decided.size }])
    }
    const states = (await rt.db.query('SELECT DISTINCT state FROM suggestions')).map((row) => row.state)
    for (const state of states) expect(suggestionStates).toContain(state)
    expect(states.length).toBeGreaterThanOrEqual(4) // the walk reached most of the machine
    expect(links).toBeGreaterThan(0)
  })
})

