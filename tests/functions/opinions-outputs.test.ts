/** 社情民意's outputs beyond the suggestion: 批示 read by role, hand-offs to units (即商即转, 批示 follow-ups), the answer back in 我的, duty credit and the funnel. */
import { roundWording } from '../../src/domain/opinions/funnel'
import { accepted, as, count, editor, grant, userId } from '../support/opinions'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const reportText = { title: '关于企业开办一件事改革的建议', body: '近期联盟点收集到多条关于企业开办材料多头提交的建议，现将有关情况报告如下。' }

describe('the report wording', () => {
  it('rounds to tens from 100 and to hundreds from 500, with 余 only when something was rounded away', () => {
    expect([35, 99, 100, 101, 112, 499, 500, 812, 800, 1234].map(roundWording)).toEqual(['35', '99', '100', '100余', '110余', '490余', '500', '800余', '800', '1200余'])
  })
})

describe(`社情民意 outputs on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
    await grant(rt, 'demo-member', '纪英瑞', 'member')
  })
  afterEach(() => rt.close())

  async function endorsedReport(sources: number[]) {
    const id = (await editor('report', { ...reportText, suggestionIds: sources })).data.id
    await editor('moveReport', { reportId: id, move: 'submit', level: '区级' })
    await editor('moveReport', { reportId: id, move: 'adopt', adoptedBy: '区委办公室' })
    await editor('moveReport', { reportId: id, move: 'endorse', level: '市级', endorsement: '请区行政审批服务局牵头研究落实' })
    return id
  }

  it('shows 批示 text to editors and auditors only, refusing anyone else with its own code', async () => {
    const id = await endorsedReport([await accepted('demo-resident', '企业开办材料仍需多头提交')])
    expect((await editor('readEndorsement', { reportId: id })).data).toMatchObject({ level: '市级', text: '请区行政审批服务局牵头研究落实' })
    expect((await as('demo-auditor')('readEndorsement', { reportId: id })).data.text).toBe('请区行政审批服务局牵头研究落实')
    for (const who of ['demo-resident', 'demo-member', 'demo-site-admin']) {
      expect((await as(who)('readEndorsement', { reportId: id })).error).toMatchObject({ code: 'endorsement_hidden', message: '批示内容仅限社情民意信息员和监督员查看' })
    }
    const mine = JSON.stringify((await as('demo-resident')('list', {})).data)
    expect(mine).toContain('获市级领导批示')
    expect(mine).not.toContain('牵头研究落实')
    const timeline = await rt.db.query('SELECT move, note FROM report_timeline WHERE report_id = $1 ORDER BY id', [id])
    expect(timeline.map((row) => row.move)).toEqual(['write', 'submit', 'adopt', 'endorse'])
    expect(JSON.stringify(timeline)).not.toContain('牵头研究落实')
  })

  it('hands a suggestion straight to a unit (即商即转), the unit answers within days, and the suggester reads it in 我的', async () => {
    const id = (await as('demo-resident')('submit', { title: '企业开办一件事材料仍需多头提交', content: '新办企业仍要分别提交营业执照和法人身份证明，建议一次提交。', category: '营商环境', siteId: 'F01' })).data.id
    expect((await as('demo-site-admin')('handOff', { suggestionId: id, unitId: 'U01' })).error.code).toBe('forbidden')
    const handed = await editor('handOff', { suggestionId: id, unitId: 'U01', dueDays: 5 })
    expect(handed.data).toMatchObject({ unitName: '区行政审批服务局', dueDay: '2026-11-27', source: 'suggestion', sourceId: id })
    expect((await editor('handOff', { suggestionId: id, unitId: 'U01' })).error).toMatchObject({ code: 'duplicate', message: '已交区行政审批服务局办理' })
    expect((await editor('handOff', { unitId: 'U01' })).error).toMatchObject({ code: 'invalid_input', message: '请选择一条建议或一篇专报' })
    await grant(rt, 'handler-b', '吴刚', 'unit_handler', 'U07')
    const reply = { handoffId: handed.data.id, reply: '已推行企业开办一网通办，材料一次提交、全程网办。' }
    expect((await as('handler-b')('replyHandoff', reply)).error).toMatchObject({ code: 'not_assigned', message: '本单位未承办该事项，不能答复' })
    rt.clock.set('2026-11-25T02:00:00Z')
    expect((await as('demo-unit')('replyHandoff', reply)).data.reply).toBe(reply.reply)
    expect((await as('demo-unit')('replyHandoff', reply)).error).toMatchObject({ code: 'conflict', message: '该事项已答复' })
    const detail = (await as('demo-resident')('get', { suggestionId: id })).data
    expect(detail.timeline.map((t: any) => t.move)).toEqual(['submit', 'accept', 'use'])
    expect(detail.outcomes).toEqual([{ kind: 'handoff', id: handed.data.id, title: detail.title, stateLabel: '区行政审批服务局已答复', answer: reply.reply }])
    const resident = await userId(rt, 'demo-resident')
    expect(await count(rt, 'outbox WHERE recipient_user_id = $1', [resident])).toBe(2) // accepted, replied
    expect(await count(rt, "outbox WHERE dedupe_key LIKE 'handoff:%:replied:%'")).toBe(1)
  })

  it('hands a matter to a unit once when two editors press at the same moment', async () => {
    const id = await accepted('demo-resident', '企业开办材料仍需多头提交')
    const answers = await Promise.all([editor('handOff', { suggestionId: id, unitId: 'U01' }), as('demo-staff')('handOff', { suggestionId: id, unitId: 'U01' })])
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['duplicate', 'ok'])
    expect(await count(rt, 'opinion_handoffs')).toBe(1)
    expect(await count(rt, "suggestion_timeline WHERE move = 'use'")).toBe(1)
  })

  it('starts a 批示 follow-up only from an endorsed report', async () => {
    const source = await accepted('demo-resident', '企业开办材料仍需多头提交')
    const draft = (await editor('report', { ...reportText, suggestionIds: [source] })).data.id
    expect((await editor('handOff', { reportId: draft, unitId: 'U01' })).error).toMatchObject({ code: 'conflict', message: '专报尚未获批示，不能据批示交办' })
    expect(await count(rt, 'opinion_handoffs')).toBe(0)
    const id = await endorsedReport([await accepted('demo-member', '企业开办刻章仍需线下办理')])
    expect((await editor('handOff', { reportId: id, unitId: 'U01', dueDays: 10 })).data).toMatchObject({ source: 'endorsement', sourceId: id })
    expect(await count(rt, "outbox WHERE dedupe_key LIKE 'handoff:%'")).toBe(1) // the unit's one handler
  })

  it('credits members through the duty rules once per report and state', async () => {
    const source = await accepted('demo-member', '企业开办刻章仍需线下办理')
    await endorsedReport([source, await accepted('demo-resident', '企业开办材料仍需多头提交')])
    const member = await userId(rt, 'demo-member')
    const records = await rt.db.query('SELECT user_id, kind, points::float8 AS points FROM duty_records WHERE kind IN ($1, $2) ORDER BY kind', ['endorsement', 'report_adopted'])
    expect(records).toEqual([{ user_id: member, kind: 'endorsement', points: 10 }, { user_id: member, kind: 'report_adopted', points: 6 }])
  })

  it('counts the funnel with every rate beside its denominator, by filter, and exports it', async () => {
    const a = await accepted('demo-resident', '企业开办材料仍需多头提交')
    const b = await accepted('demo-member', '社区图书室延长开放时间')
    await as('demo-resident')('submit', { title: '河道沿线增设垃圾分类投放点', content: '沿河步道垃圾桶少且未分类，建议增设分类投放点。', category: '生态环境', siteId: 'F02' })
    await endorsedReport([a])
    const other = (await editor('report', { title: '关于图书室开放时间的建议', body: '群众反映社区图书室开放时间短，建议延长开放时间，方便上班族。', suggestionIds: [b] })).data.id
    await editor('moveReport', { reportId: other, move: 'submit', level: '区级' })
    const funnel = (await editor('funnel', { year: 2026, csv: true })).data
    expect(funnel.stages).toEqual({ collected: 3, accepted: 2, inProposals: 0, inReports: 2, adopted: 1, endorsed: 1 })
    expect(funnel.outputs).toEqual({ proposals: 0, reportsSubmitted: 2, reportsAdopted: 1, reportsEndorsed: 1 })
    expect(funnel.rates.map((r: any) => r.text)).toEqual(['采纳率 66.7% = 采纳 2 / 收集 3', '转化率 100% = 写入提案或专报 2 / 采纳 2', '采用率 50% = 采用 1 / 报送 2', '批示率 50% = 批示 1 / 报送 2'])
    expect(funnel.headline).toBe('3条 / 0件 / 2篇')
    expect(funnel.csv).toContain('采用率 50% = 采用 1 / 报送 2,1,2')
    expect((await editor('funnel', { year: 2026, siteId: 'F02' })).data.stages.collected).toBe(1)
    expect((await editor('funnel', { year: 2026, category: '生态环境', channel: 'self' })).data.stages.collected).toBe(1)
    expect((await editor('funnel', { year: 2025 })).data.rates[0].text).toBe('采纳率 — = 采纳 0 / 收集 0')
    expect((await as('demo-resident')('funnel', { year: 2026 })).error.code).toBe('forbidden')
  })
})
