/**
 * Model-based test of 社情民意's three machines (suggestion, 专报, 提案) and the hand-offs: random
 * sequences of actions by random people (residents, members, the editor, staff, two units' handlers,
 * an auditor) with clock jumps, through the real function. After every step: every row is in a state
 * its machine knows and every timeline step was a legal move from the state before; one timeline row
 * per move made; a link between a suggestion and an output is never lost; each suggester heard once
 * per output and state; a refusal left the database as it was.
 */
import fc from 'fast-check'
import { reportMachine } from '../../src/domain/opinions'
import { MERGE_TARGETS, proposalMachine } from '../../src/domain/opinions/proposals'
import { as, checkMachines, grant, OWNERS, proposalDraft, suggestion, TIMELINES } from '../support/opinions'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const PEOPLE = ['demo-resident', 'resident-a', 'demo-member', 'member-b', 'demo-editor', 'demo-staff', 'demo-unit', 'handler-b', 'demo-auditor'] as const
const TITLES = ['老旧小区加装电梯', '社区助餐点覆盖不足', '企业开办材料多头提交', '河道垃圾分类投放', '图书室延长开放时间']
const TABLES = ['suggestions', 'suggestion_grams', 'suggestion_timeline', 'opinion_reports', 'report_suggestions', 'report_timeline', 'proposals',
  'proposal_proposers', 'proposal_suggestions', 'proposal_units', 'proposal_replies', 'proposal_timeline', 'opinion_handoffs', 'outbox', 'duty_records', 'rate_events']

const who = fc.nat(PEOPLE.length - 1)
/** The editor usually, sometimes anyone. */
const editor = fc.oneof({ arbitrary: fc.constant(4), weight: 4 }, { arbitrary: who, weight: 1 })
const member = fc.oneof({ arbitrary: fc.constantFrom(2, 3), weight: 4 }, { arbitrary: who, weight: 1 })
const handler = fc.oneof({ arbitrary: fc.constantFrom(6, 7), weight: 4 }, { arbitrary: who, weight: 1 })
const pick = fc.nat(9)
const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), who, title: fc.nat(TITLES.length - 1) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('screen' as const), who: editor, s: pick, accept: fc.boolean(), note: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mergeSuggestion' as const), who: editor, s: pick, into: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who, s: pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('report' as const), who: editor, s: pick, t: pick }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('moveReport' as const), who: editor, r: pick, move: fc.constantFrom('submit', 'adopt', 'endorse') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handOff' as const), who: editor, s: pick, report: fc.boolean(), unit: fc.constantFrom('U01', 'U07') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replyHandoff' as const), who: handler, h: pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('draftProposal' as const), who: member, s: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cosign' as const), who: member, p: pick }) },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('moveProposal' as const), who: editor, p: pick,
      move: fc.constantFrom('submit', 'submit', 'register', 'register', 'register', 'return', 'reject', 'assign', 'assign', 'assign', 'extend'), note: fc.boolean(), months: fc.integer({ min: 3, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mergeProposal' as const), who: editor, p: pick, into: pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replyProposal' as const), who: handler, p: pick, all: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rateProposal' as const), who: member, p: pick, satisfaction: fc.constantFrom('satisfied', 'basic', 'unsatisfied') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: 0, max: 40 }) }) },
)
type Step = typeof action extends fc.Arbitrary<infer A> ? A : never

/** Where each action's subject plausibly is (moves of the machines take theirs from the machine). */
const aims: Record<string, readonly string[]> = {
  screen: ['held', 'submitted'],
  mergeSuggestion: ['held', 'submitted', 'accepted'],
  withdraw: ['held', 'submitted', 'returned'],
  report: ['accepted', 'used'],
  handOff: ['submitted', 'accepted'],
  draftProposal: ['accepted', 'used'],
  cosign: ['draft', 'submitted'],
  mergeProposal: ['submitted', 'registered'],
  replyProposal: ['assigned'],
  rateProposal: ['replied'],
}
describe(`社情民意 as a model on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-02T02:00:00Z')
    await grant(rt, 'member-b', '林海', 'member')
    await grant(rt, 'handler-b', '吴刚', 'unit_handler', 'U07')
    await rt.db.query("INSERT INTO users (openid, nickname) VALUES ('resident-a', '刘建华') ON CONFLICT DO NOTHING")
  })
  afterAll(() => rt.close())

  const fingerprint = async () =>
    (await rt.db.query(`SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`))[0]
  type Known = { id: number; state: string }[]
  const known = async (table: string) => rt.db.query<{ id: number; state: string }>(`SELECT id, ${table === 'opinion_handoffs' ? "''" : 'state'} AS state FROM ${table} ORDER BY id`)
  /** Usually one in a state where the action is plausible (three times in four), else any; 1 when there is none. */
  const choose = (list: Known, n: number, plausible: readonly string[] = []) => {
    const aimed = n % 4 > 0 ? list.filter((row) => plausible.includes(row.state)) : []
    const from = aimed.length ? aimed : list
    return from.length ? from[n % from.length].id : 1
  }
  const links = async () =>
    new Set((await rt.db.query<{ k: string }>(`SELECT 'r' || report_id || ':' || suggestion_id AS k FROM report_suggestions UNION ALL SELECT 'p' || proposal_id || ':' || suggestion_id FROM proposal_suggestions`)).map((row) => row.k))
  const timelineRows = async () => Number((await rt.db.query(`SELECT ${TIMELINES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`))[0].n)

  /** Each suggester heard once per output and state: a 专报's every state, a suggestion's decisions, a hand-off's reply. */
  async function checkTold() {
    const [missing] = await rt.db.query<{ reports: number; decided: number; handoffs: number; strangers: number }>(`
      SELECT
        (SELECT count(*)::int FROM report_timeline t JOIN report_suggestions l ON l.report_id = t.report_id JOIN suggestions s ON s.id = l.suggestion_id
          WHERE t.move <> 'hand_off' AND (SELECT count(*) FROM outbox o WHERE o.dedupe_key = 'report:' || t.report_id || ':' || t.to_state || ':' || s.author_id) <> 1) AS reports,
        (SELECT count(*)::int FROM suggestion_timeline t JOIN suggestions s ON s.id = t.suggestion_id
          WHERE t.to_state IN ('accepted', 'returned', 'merged') AND (SELECT count(*) FROM outbox o WHERE o.dedupe_key = 'suggestion:' || s.id || ':' || t.to_state) <> 1) AS decided,
        (SELECT count(*)::int FROM opinion_handoffs h JOIN suggestions s ON s.id = h.suggestion_id
          WHERE h.replied_at IS NOT NULL AND (SELECT count(*) FROM outbox o WHERE o.dedupe_key = 'handoff:' || h.id || ':replied:' || s.author_id) <> 1) AS handoffs,
        (SELECT count(*)::int FROM outbox o WHERE o.dedupe_key ~ '^proposal:[0-9]+:registered:' AND NOT EXISTS (
          SELECT 1 FROM proposal_suggestions l JOIN suggestions s ON s.id = l.suggestion_id
          WHERE o.dedupe_key = 'proposal:' || l.proposal_id || ':registered:' || s.author_id)) AS strangers`)
    expect(missing).toEqual({ reports: 0, decided: 0, handoffs: 0, strangers: 0 })
  }

  const seen = new Set<string>()
  const outcomes: Record<string, number> = {}

  /** A proposal's own people act on it when the walk aims at them: its drafter submits it, one of its proposers rates. */
  const proposer = async (proposalId: number, n: number, drafter: boolean) =>
    (await rt.db.query<{ openid: string }>(
      `SELECT u.openid FROM proposal_proposers pp JOIN users u ON u.id = pp.user_id WHERE pp.proposal_id = $1 ${drafter ? "AND pp.role = 'lead'" : ''} ORDER BY u.id`,
      [proposalId],
    )).map((row) => row.openid).find((_, i, all) => i === n % all.length) ?? PEOPLE[n % PEOPLE.length]

  async function run(step: Exclude<Step, { kind: 'clock' }>): Promise<{ answer: any; rows: number }> {
    const [suggestions, reports, proposals, handoffs] = await Promise.all(['suggestions', 'opinion_reports', 'proposals', 'opinion_handoffs'].map(known))
    const s = 's' in step ? choose(suggestions, step.s, aims[step.kind] ?? []) : 0
    const p = 'p' in step ? choose(proposals, step.p, step.kind === 'moveProposal' ? proposalMachine[step.move].from : aims[step.kind] ?? []) : 0
    const [prior] = await rt.db.query<{ state: string }>('SELECT state FROM suggestions WHERE id = $1', [s])
    const aimed = (step.kind === 'moveProposal' && step.move === 'submit') || step.kind === 'rateProposal'
    const me = as(aimed && step.who !== 0 ? await proposer(p, step.who % 2, step.kind === 'moveProposal') : PEOPLE[step.who])
    switch (step.kind) {
      case 'submit':
        return { answer: await me('submit', suggestion(`${TITLES[step.title]}问题${suggestions.length}`)), rows: 1 }
      case 'screen':
        return { answer: await me('screen', { suggestionId: s, decision: step.accept ? 'accept' : 'return', note: step.note ? '请补充具体情况' : undefined }), rows: 1 }
      case 'mergeSuggestion':
        return { answer: await me('merge', { suggestionId: s, intoId: choose(suggestions, step.into, aims.mergeSuggestion), note: '内容相近，合并办理' }), rows: 1 }
      case 'withdraw':
        return { answer: await me('withdraw', { suggestionId: s }), rows: 1 }
      case 'report': {
        const sources = [...new Set([s, choose(suggestions, step.t, aims.report)])]
        return { answer: await me('report', { title: `第${reports.length + 1}期社情民意专报`, body: '现将近期群众反映较集中的意见建议整理报告如下，供领导参阅。', suggestionIds: sources }), rows: 1 + sources.length }
      }
      case 'moveReport': {
        const fields = { submit: { level: '区级' }, adopt: { adoptedBy: '区委办公室' }, endorse: { level: '市级', endorsement: '请有关部门研究落实' } }[step.move]
        return { answer: await me('moveReport', { reportId: choose(reports, step.r, reportMachine[step.move].from), move: step.move, ...fields }), rows: 1 }
      }
      case 'handOff':
        return step.report
          ? { answer: await me('handOff', { reportId: choose(reports, step.s, ['endorsed']), unitId: step.unit }), rows: 1 }
          : { answer: await me('handOff', { suggestionId: s, unitId: step.unit }), rows: prior && ['held', 'submitted'].includes(prior.state) ? 2 : 1 }
      case 'replyHandoff':
        return { answer: await me('replyHandoff', { handoffId: choose(handoffs, step.h), reply: '已办理完毕，具体情况如下。' }), rows: 0 }
      case 'draftProposal':
        return { answer: await me('draftProposal', proposalDraft(`关于${TITLES[step.s % TITLES.length]}的提案`, suggestions.length ? [s] : [])), rows: suggestions.length ? 2 : 1 }
      case 'cosign':
        return { answer: await me('cosign', { proposalId: p }), rows: 1 }
      case 'moveProposal':
        return { answer: await me('moveProposal', { proposalId: p, move: step.move, note: step.note ? '办理意见' : undefined, unitIds: ['U01', 'U07'], months: step.months }), rows: 1 }
      case 'mergeProposal':
        return { answer: await me('mergeProposal', { proposalId: p, intoId: choose(proposals, step.into, MERGE_TARGETS), note: '内容相近，并案办理' }), rows: 1 }
      case 'replyProposal':
        return { answer: await me('replyProposal', { proposalId: p, grade: 'B', body: '已列入计划，正在推进落实。', ...(step.all ? {} : { proposerId: (await rt.db.query('SELECT user_id FROM proposal_proposers WHERE proposal_id = $1 ORDER BY user_id LIMIT 1', [p]))[0]?.user_id ?? 1 }) }), rows: 1 }
      case 'rateProposal':
        return { answer: await me('rateProposal', { proposalId: p, satisfaction: step.satisfaction }), rows: 1 }
    }
  }

  async function walk(steps: Step[]) {
    let expected = await timelineRows()
    let kept = await links()
    for (const step of steps) {
      if (step.kind === 'clock') {
        rt.clock.set(new Date(rt.clock.now().getTime() + step.days * 86_400_000))
        continue
      }
      const before = await fingerprint()
      const { answer, rows } = await run(step)
      const outcome = `${step.kind}:${answer.ok ? 'ok' : answer.error?.code}`
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      expect(answer.error?.code).not.toBe('internal')
      if (answer.ok) expected += rows
      else expect(await fingerprint()).toEqual(before)
      expect([outcome, await timelineRows()]).toEqual([outcome, expected])
      const now = await links()
      for (const link of kept) expect(now).toContain(link)
      kept = now
      await checkMachines(rt.db)
      await checkTold()
    }
    for (const timeline of TIMELINES) {
      for (const { state } of await rt.db.query<{ state: string }>(`SELECT DISTINCT to_state AS state FROM ${timeline}`)) seen.add(`${OWNERS[timeline][0]}.${state}`)
    }
  }

  it('never breaks the rules, whatever anyone does in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 60, maxLength: 120 }), async (steps) => {
        await rt.db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
        rt.clock.set('2026-11-02T02:00:00Z')
        await walk(steps)
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 16), seed: Number(process.env.MODEL_SEED ?? 20261204), endOnFailure: true },
    )
    console.log(`[model] states reached: ${[...seen].sort().join(', ')}\n[model] outcomes: ${JSON.stringify(outcomes)}`)
    for (const state of ['suggestions.accepted', 'suggestions.used', 'opinion_reports.submitted', 'opinion_reports.endorsed', 'proposals.registered', 'proposals.assigned', 'proposals.replied', 'proposals.closed']) {
      expect(seen).toContain(state)
    }
  }, 300_000)
})
