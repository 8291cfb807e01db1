/** 提案 through the real function: drafted, co-signed, 立案 / 并案 / 不立案, 交办 with working-day due dates, one reply per proposer, ratings and the one redo. */
import { loadCalendar } from '../../cloudfunctions/feedback/public'
import { addMonths, afterRatings, extensionProblem, proposalMachine, proposalStates, replyDue, workingDayOnOrBefore } from '../../src/domain/opinions/proposals'
import { accepted, as, count, editor, grant, proposalDraft, userId } from '../support/opinions'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe('the proposal machine (pure)', () => {
  it('leads every move to a known state, needs notes where it says, and counts months and working days', () => {
    for (const rule of Object.values(proposalMachine)) if (rule.to) expect(proposalStates).toContain(rule.to)
    expect(['return', 'reject', 'merge', 'extend'].every((move) => proposalMachine[move as 'return'].note)).toBe(true)
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    const calendar = new Map([['2027-02-19', 'holiday' as const]])
    expect(workingDayOnOrBefore('2027-02-21', calendar)).toBe('2027-02-18') // Sunday, Saturday, a holiday Friday
    expect(replyDue('2026-11-20', 3, calendar)).toBe('2027-02-18')
    expect(extensionProblem(3, 6)).toBeNull()
    expect(extensionProblem(3, 7)).toBe('提案办理期限最长 6 个月，不能再延期')
    expect(extensionProblem(4, 4)).toBe('延期后的办理期限须长于现在的 4 个月')
    expect(afterRatings(1, ['satisfied', null])).toBe('replied')
    expect(afterRatings(1, ['satisfied', 'unsatisfied'])).toBe('redo')
    expect(afterRatings(2, ['unsatisfied'])).toBe('closed')
  })
})

describe(`提案 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let member: ReturnType<typeof as>
  let second: ReturnType<typeof as>
  let third: ReturnType<typeof as>
  beforeEach(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
    member = as('demo-member')
    second = await grant(rt, 'member-b', '林海', 'member')
    third = await grant(rt, 'member-c', '许文', 'member')
    await grant(rt, 'handler-b', '吴刚', 'unit_handler', 'U07')
  })
  afterEach(() => rt.close())

  const register = async (id: number) => {
    expect((await member('moveProposal', { proposalId: id, move: 'submit' })).data.state).toBe('submitted')
    expect((await editor('moveProposal', { proposalId: id, move: 'register' })).data.state).toBe('registered')
  }

  it('goes from a suggestion to a closed proposal: co-signed, 立案, 交办, a reply each, one redo, and each person told once', async () => {
    const source = await accepted('demo-resident', '老旧小区加装电梯费用分摊难')
    const drafted = await member('draftProposal', proposalDraft('关于推进老旧小区加装电梯的提案', [source]))
    expect(drafted.data).toMatchObject({ state: 'draft', suggestionIds: [source], proposers: [{ role: 'lead' }] })
    const id = drafted.data.id
    expect((await second('cosign', { proposalId: id })).data.proposers).toHaveLength(2)
    expect((await second('cosign', { proposalId: id })).error).toMatchObject({ code: 'duplicate', message: '您已是该提案的提案人' })
    expect((await second('moveProposal', { proposalId: id, move: 'submit' })).error).toMatchObject({ code: 'forbidden', message: '只有提案人可以提交提案' })
    await register(id)
    const [lead, cosigner] = [await userId(rt, 'demo-member'), await userId(rt, 'member-b')]
    const credits = await rt.db.query("SELECT user_id, kind, points::float8 AS points FROM duty_records WHERE source_key = $1 ORDER BY user_id", [`proposal:${id}`])
    expect(credits).toEqual([{ user_id: lead, kind: 'proposal', points: 8 }, { user_id: cosigner, kind: 'proposal', points: 8 }])

    const assigned = await editor('moveProposal', { proposalId: id, move: 'assign', unitIds: ['U01', 'U07'] })
    expect(assigned.data).toMatchObject({ state: 'assigned', months: 3, units: [{ id: 'U01', lead: true }, { id: 'U07', lead: false }] })
    expect(assigned.data.replyDue).toBe(replyDue('2026-11-20', 3, await loadCalendar(rt.db)))
    const unit = as('demo-unit')
    expect((await unit('replyProposal', { proposalId: id, proposerId: lead, grade: 'B', body: '已将加装电梯纳入明年老旧小区改造计划。' })).data.state).toBe('assigned')
    expect((await unit('replyProposal', { proposalId: id, proposerId: lead, grade: 'B', body: '再次答复同一位提案人的内容。' })).error).toMatchObject({ code: 'conflict', message: '该提案人本轮已收到答复' })
    expect((await member('rateProposal', { proposalId: id, satisfaction: 'satisfied' })).error).toMatchObject({ code: 'conflict', message: '尚有提案人未收到答复，暂不能评价' })
    expect((await unit('replyProposal', { proposalId: id, grade: 'B', body: '已将加装电梯纳入明年老旧小区改造计划。' })).data.state).toBe('replied')
    expect((await member('rateProposal', { proposalId: id, satisfaction: 'unsatisfied', note: '未明确补贴标准' })).data.state).toBe('replied')
    expect((await member('rateProposal', { proposalId: id, satisfaction: 'satisfied' })).error.code).toBe('duplicate')
    const redo = await second('rateProposal', { proposalId: id, satisfaction: 'satisfied' })
    expect(redo.data).toMatchObject({ state: 'assigned', round: 2 })
    expect((await second('rateProposal', { proposalId: id, satisfaction: 'satisfied' })).error).toMatchObject({ code: 'forbidden' })
    expect((await as('handler-b')('replyProposal', { proposalId: id, grade: 'A', body: '已出台加装电梯补贴标准，每台补贴二十万元。' })).data.state).toBe('replied')
    const closed = await member('rateProposal', { proposalId: id, satisfaction: 'unsatisfied' })
    expect(closed.data.state).toBe('closed')
    expect(closed.data.replies.map((r: any) => [r.round, r.proposerId, r.grade, r.satisfaction])).toEqual([
      [1, lead, 'B', 'unsatisfied'], [1, cosigner, 'B', 'satisfied'], [2, lead, 'A', 'unsatisfied'],
    ])
    expect(closed.data.timeline.map((t: any) => t.move)).toEqual(['draft', 'cosign', 'submit', 'register', 'assign', 'reply', 'reply', 'evaluate', 'evaluate', 'reply', 'evaluate'])
    const told = await rt.db.query<{ dedupe_key: string }>("SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'proposal:%' ORDER BY dedupe_key")
    const resident = await userId(rt, 'demo-resident')
    expect(told.filter((row) => row.dedupe_key.endsWith(`:${resident}`)).map((row) => row.dedupe_key)).toEqual([`proposal:${id}:registered:${resident}`, `proposal:${id}:replied:${resident}`])
    const mine = (await as('demo-resident')('get', { suggestionId: source })).data
    expect(mine.outcomes).toEqual([{ kind: 'proposal', id, title: '关于推进老旧小区加装电梯的提案', stateLabel: '已办结', answer: null }])
  })

  it('merges proposals (并案) and closes only after every proposer had their reply', async () => {
    const ids = []
    for (const [who, title] of [[member, '关于社区养老助餐的提案'], [second, '关于完善助餐服务的提案'], [third, '关于老年助餐点建设的提案']] as const) {
      const id = (await who('draftProposal', proposalDraft(title))).data.id
      await who('moveProposal', { proposalId: id, move: 'submit' })
      ids.push(id)
    }
    const [kept, b, c] = ids
    expect((await editor('mergeProposal', { proposalId: b, intoId: kept, note: ' ' })).error.code).toBe('invalid_input')
    expect((await editor('mergeProposal', { proposalId: b, intoId: kept, note: '内容相近，并案办理' })).data.proposers.map((p: any) => p.role)).toEqual(['lead', 'merged'])
    expect((await editor('mergeProposal', { proposalId: b, intoId: c, note: '再次并案' })).error).toMatchObject({ code: 'conflict', message: '该提案已并案，不能再次操作' })
    await editor('mergeProposal', { proposalId: c, intoId: kept, note: '内容相近，并案办理' })
    await editor('moveProposal', { proposalId: kept, move: 'register' })
    await editor('moveProposal', { proposalId: kept, move: 'assign', unitIds: ['U01'] })
    const proposers = [await userId(rt, 'demo-member'), await userId(rt, 'member-b'), await userId(rt, 'member-c')]
    for (const [n, proposerId] of proposers.entries()) {
      const answer = await as('demo-unit')('replyProposal', { proposalId: kept, proposerId, grade: 'A', body: '已在罗南社区增设助餐点并提供送餐服务。' })
      expect(answer.data.state).toBe(n < 2 ? 'assigned' : 'replied')
    }
    for (const who of [member, second]) expect((await who('rateProposal', { proposalId: kept, satisfaction: 'satisfied' })).data.state).toBe('replied')
    expect((await third('rateProposal', { proposalId: kept, satisfaction: 'basic' })).data.state).toBe('closed')
  })

  it('refuses each forbidden move with its own code and message, and writes nothing', async () => {
    const id = (await member('draftProposal', proposalDraft('关于河道沿线垃圾分类的提案'))).data.id
    expect((await as('demo-resident')('draftProposal', proposalDraft('居民起草的提案标题'))).error.code).toBe('forbidden')
    expect((await editor('moveProposal', { proposalId: id, move: 'register' })).error).toMatchObject({ code: 'conflict', message: '提案草稿，不能立案' })
    await member('moveProposal', { proposalId: id, move: 'submit' })
    expect((await editor('moveProposal', { proposalId: id, move: 'reject' })).error).toMatchObject({ code: 'invalid_input', message: '不予立案时请填写不予立案理由' })
    expect((await editor('moveProposal', { proposalId: id, move: 'return' })).error).toMatchObject({ code: 'invalid_input', message: '退回时请填写说明' })
    expect((await member('moveProposal', { proposalId: id, move: 'register' })).error.code).toBe('forbidden')
    await editor('moveProposal', { proposalId: id, move: 'register' })
    expect((await editor('moveProposal', { proposalId: id, move: 'assign', unitIds: ['NOPE'] })).error).toMatchObject({ code: 'not_found', message: '未找到该承办单位' })
    await editor('moveProposal', { proposalId: id, move: 'assign', unitIds: ['U01'] })
    const before = await count(rt, 'proposal_timeline')
    expect((await as('handler-b')('replyProposal', { proposalId: id, grade: 'A', body: '别的单位答复这一件提案的内容。' })).error).toMatchObject({ code: 'not_assigned', message: '本单位未承办该提案，不能答复' })
    expect((await editor('moveProposal', { proposalId: id, move: 'extend', months: 7, note: '涉及多部门协调' })).error).toMatchObject({ code: 'extension_too_long', message: '提案办理期限最长 6 个月，不能再延期' })
    expect((await editor('moveProposal', { proposalId: id, move: 'extend', months: 5 })).error.code).toBe('invalid_input')
    expect(await count(rt, 'proposal_timeline')).toBe(before)
    expect(await count(rt, 'proposal_replies')).toBe(0)
    const extended = await editor('moveProposal', { proposalId: id, move: 'extend', months: 6, note: '涉及多部门协调' })
    expect(extended.data).toMatchObject({ months: 6, replyDue: replyDue('2026-11-20', 6, await loadCalendar(rt.db)) })
    expect((await editor('moveProposal', { proposalId: id, move: 'extend', months: 7, note: '再延期' })).error.code).toBe('extension_too_long')
    expect((await as('demo-resident')('getProposal', { proposalId: id })).error.code).toBe('forbidden')
    expect((await as('demo-unit')('getProposal', { proposalId: id })).data.id).toBe(id)
    expect((await as('demo-unit')('listProposals', { scope: 'unit' })).data.items.map((p: any) => p.id)).toEqual([id])
    expect((await as('demo-resident')('listProposals', { scope: 'all' })).error.code).toBe('forbidden')
  })
})
