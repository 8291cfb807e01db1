/**
 * Model-based test of the topic lifecycle (月月说事, then 交办督复评): random sequences of actions by
 * random people (residents, the proposer, the site's admin, another site's admin, staff, two unit
 * handlers) and random clock jumps, through the real functions and jobs. After every step: no topic
 * is in a state the machine forbids or reached by an illegal move; every state change has exactly
 * one timeline row; tallies equal vote rows; nobody holds more than K votes on a ballot; a topic's
 * state agrees with its assignments, outcome and ratings; every refusal left the database as it was.
 */
import fc from 'fast-check'
import { main as account } from '../../cloudfunctions/account'
import { ballotJobs, checkTopicRules, draft } from '../support/topics'
import { definition as feedbackFn } from '../../cloudfunctions/feedback'
import { runJob } from '../../cloudfunctions/core/jobs'
import { as, checkFeedbackRules, deliberatedTopics, supervise } from '../support/feedback'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const PEOPLE = ['demo-resident', 'resident-a', 'resident-b', 'demo-site-admin', 'other-admin', 'demo-staff', 'demo-unit', 'handler-b'] as const
const TITLES = ['老旧小区加装电梯', '社区精神养老', '图书馆停车难', '古玩市场秩序', '运河文化传承', '小区停车难问题', '有人在群里加微信返利']
const TABLES = ['topics', 'topic_timeline', 'topic_followers', 'votes', 'cycles', 'topic_meetings', 'topic_grams', 'outbox',
  'assignments', 'assignment_notes', 'supervision_events', 'topic_outcomes', 'ratings', 'rate_events']

/** Anyone may try anything; staff and the site's admin act more often, so walks reach deep into the lifecycle. */
const anyone = fc.nat(5)
const screener = fc.oneof({ arbitrary: fc.constantFrom(3, 5), weight: 3 }, { arbitrary: anyone, weight: 1 })
/** Which topic: usually one whose state makes the action plausible (aim > 0), sometimes any. */
const topic = fc.record({ index: fc.nat(7), aim: fc.nat(3) })
/** A unit handler usually (demo-unit handles U01, handler-b U07), sometimes anyone. */
const handler = fc.oneof({ arbitrary: fc.constantFrom(6, 7), weight: 4 }, { arbitrary: fc.nat(7), weight: 1 })
/** District staff usually (they hand over, publish and supervise), sometimes anyone. */
const staffer = fc.oneof({ arbitrary: fc.constant(5), weight: 4 }, { arbitrary: anyone, weight: 1 })
/** A rater: the proposer or a voter usually. */
const rater = fc.oneof({ arbitrary: fc.constantFrom(0, 1, 2), weight: 3 }, { arbitrary: fc.nat(7), weight: 1 })
const plausible: Record<string, string[]> = {
  screen: ['submitted', 'held'],
  edit: ['returned'],
  cast: ['on_ballot'],
  withdraw: ['on_ballot'],
  meeting: ['selected'],
  assign: ['deliberated'],
  acknowledge: ['assigned', 'in_progress', 'reopened'],
  reply: ['in_progress', 'reopened', 'assigned'],
  publish: ['replied'],
  rate: ['published', 'evaluated', 'reopened'],
  supervise: ['in_progress', 'replied', 'published', 'evaluated'],
}
const clock = (maxDays: number) => fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: 0, max: maxDays }), hours: fc.integer({ min: 0, max: 23 }) })
const follow = fc.record({ kind: fc.constant('follow' as const), who: anyone, topic, on: fc.boolean() })
const monthAction = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('propose' as const), who: anyone, title: fc.nat(TITLES.length - 1), site: fc.constantFrom('F01', 'F01', 'F02') }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('screen' as const),
      who: screener,
      topic,
      decision: fc.constantFrom('accept', 'accept', 'accept', 'return', 'reject', 'merge', 'release'),
      note: fc.boolean(),
      into: fc.nat(7),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), who: anyone, topic }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cast' as const), who: anyone, topic }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: anyone, topic }) },
  { weight: 1, arbitrary: follow },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meeting' as const), who: screener, topic }) },
  { weight: 2, arbitrary: clock(2) },
)
/** 交办督复评 from deliberated topics: handlers, raters and staff, and clock jumps long enough to pass deadlines and close topics. */
const feedbackAction = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('assign' as const), who: staffer, topic, both: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('acknowledge' as const), who: handler, topic }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), who: handler, topic }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('publish' as const), who: staffer, topic }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('rate' as const), who: rater, topic, score: fc.integer({ min: 1, max: 5 }), change: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('supervise' as const), who: staffer, topic }) },
  { weight: 1, arbitrary: follow },
  { weight: 2, arbitrary: clock(12) },
)
type Step = typeof monthAction extends fc.Arbitrary<infer A> ? A : never
type FeedbackStep = typeof feedbackAction extends fc.Arbitrary<infer A> ? A : never

describe(`月月说事 as a model on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-01T02:00:00Z')
    await rt.db.query(
      `INSERT INTO users (openid, nickname) VALUES ('other-admin', '周敏'), ('resident-a', '刘建华'), ('resident-b', '陈立')
       ON CONFLICT DO NOTHING`,
    )
    await rt.db.query("INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'F02' FROM users WHERE openid = 'other-admin'")
    await rt.db.query("INSERT INTO users (openid, nickname) VALUES ('handler-b', '吴刚') ON CONFLICT DO NOTHING")
    await rt.db.query("INSERT INTO user_roles (user_id, role, unit_id) SELECT id, 'unit_handler', 'U07' FROM users WHERE openid = 'handler-b'")
    for (const who of PEOPLE) await caller(account, who)('me')
  })
  afterAll(() => rt.close())

  const fingerprint = async () =>
    (await rt.db.query(`SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`))[0]

  const check = async () => {
    await checkTopicRules(rt.db)
    await checkFeedbackRules(rt.db)
  }
  /** The topic's assignment a handler would act on: their unit's if any, else the topic's first. */
  const assignmentOf = async (topicId: number, who: string) => {
    const rows = await rt.db.query(
      `SELECT a.id FROM assignments a LEFT JOIN user_roles r ON r.unit_id = a.unit_id AND r.user_id = (SELECT id FROM users WHERE openid = $2)
       WHERE a.topic_id = $1 ORDER BY r.user_id IS NULL, a.id LIMIT 1`,
      [topicId, who],
    )
    return rows[0]?.id ?? 1
  }

  const seen = new Set<string>()
  const outcomes: Record<string, number> = {}
  const pick = async (kind: string, choice: { index: number; aim: number }) => {
    const rows = await rt.db.query<{ id: number; state: string }>('SELECT id, state FROM topics ORDER BY id')
    const aimed = choice.aim > 0 ? rows.filter((row) => plausible[kind]?.includes(row.state)) : []
    const from = aimed.length ? aimed : rows
    return from.length ? (from[choice.index % from.length].id as number) : 1
  }

  /** Runs the steps of one walk, checking the rules after each. */
  async function walk(steps: (Step | FeedbackStep)[]) {
    for (const step of steps) {
      if (step.kind === 'clock') {
        rt.clock.set(new Date(rt.clock.now().getTime() + (step.days * 24 + step.hours) * 3_600_000))
        await ballotJobs(rt)
        await supervise(rt)
        await runJob(feedbackFn, 'closeEvaluated', rt)
        await check()
        continue
      }
      const me = as(PEOPLE[step.who])
      const topicId = 'topic' in step ? await pick(step.kind, step.topic) : 1
      const before = await fingerprint()
      let answer: any
      if (step.kind === 'propose') answer = await me.topics('propose', draft(`${TITLES[step.title]}${step.who}`, { siteId: step.site }))
      if (step.kind === 'screen') {
        const into = await pick('merge', { index: step.into, aim: 0 })
        answer = await me.topics('screen', { topicId, decision: step.decision, note: step.note ? '请补充' : undefined, intoTopicId: into })
      }
      if (step.kind === 'edit') answer = await me.topics('edit', { topicId, ...draft('修改后的议题标题', { siteId: undefined }) })
      if (step.kind === 'cast') answer = await me.votes('cast', { topicId })
      if (step.kind === 'withdraw') answer = await me.votes('withdraw', { topicId })
      if (step.kind === 'follow') answer = await me.topics('follow', { topicId, follow: step.on })
      if (step.kind === 'meeting') {
        answer = await me.topics('recordMeeting', {
          topicId, form: '议事会', at: '2026-11-28T09:00:00+08:00', place: '议事厅', participants: 12, sectors: ['居民'],
          opinions: '形成一致意见，推进办理。', nextSteps: '交办',
        })
      }
      if (step.kind === 'assign') {
        answer = await me.feedback('assign', { topicId, units: step.both ? [{ unitId: 'U01' }, { unitId: 'U07' }] : [{ unitId: 'U07' }] })
      }
      if (step.kind === 'acknowledge') answer = await me.feedback('acknowledge', { assignmentId: await assignmentOf(topicId, PEOPLE[step.who]) })
      if (step.kind === 'reply') answer = await me.feedback('reply', { assignmentId: await assignmentOf(topicId, PEOPLE[step.who]), reply: '已办理完毕，情况如下。' })
      if (step.kind === 'publish') answer = await me.feedback('publish', { topicId, summary: '办理结果：已落实。' })
      if (step.kind === 'rate') answer = await me.feedback('rate', { topicId, score: step.score, change: step.change })
      if (step.kind === 'supervise') answer = await me.feedback('supervise', { topicId, note: '请抓紧办理' })
      const outcome = `${step.kind}:${answer.ok ? 'ok' : answer.error?.code}${step.kind === 'cast' && !answer.ok ? answer.error.message : ''}`
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      expect(answer.ok === true || typeof answer.error?.code === 'string').toBe(true)
      expect(answer.error?.code).not.toBe('internal')
      if (!answer.ok) expect(await fingerprint()).toEqual(before)
      await check()
    }
    for (const { state } of await rt.db.query<{ state: string }>('SELECT DISTINCT to_state AS state FROM topic_timeline')) seen.add(state)
  }
  const runs = { numRuns: Number(process.env.MODEL_RUNS ?? 30), seed: Number(process.env.MODEL_SEED ?? 20261123), endOnFailure: true }
  /** 30 walks of up to 70 steps: the point is their length, not their speed (the bench measures speed), so a busy machine gets time. */
  const WALK_TIMEOUT_MS = 240_000

  it('never breaks the rules, whatever anyone does in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 15, max: 20 }), fc.array(monthAction, { minLength: 30, maxLength: 70 }), async (startDay, steps) => {
        await rt.db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
        rt.clock.set(`2026-11-${startDay}T02:00:00Z`)
        await walk(steps)
      }),
      runs,
    )
    // The walk must reach deep into the lifecycle, or it proves little.
    for (const state of ['held', 'submitted', 'accepted', 'on_ballot', 'selected', 'not_selected', 'deliberated', 'rejected', 'returned', 'merged']) expect(seen).toContain(state)
  }, WALK_TIMEOUT_MS)

  it('keeps the rules through 交办督复评, from deliberated topics on', async () => {
    seen.clear()
    await fc.assert(
      fc.asyncProperty(fc.array(feedbackAction, { minLength: 30, maxLength: 70 }), async (steps) => {
        await rt.db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
        rt.clock.set('2026-11-10T02:00:00Z')
        await deliberatedTopics(rt, ['F01', 'F02', 'S03'], { voters: ['resident-a', 'resident-b', 'voter-c'] })
        await walk(steps)
      }),
      runs,
    )
    console.log(`[model] states reached: ${[...seen].sort().join(', ')}\n[model] outcomes: ${JSON.stringify(outcomes)}`)
    for (const state of ['deliberated', 'assigned', 'in_progress', 'replied', 'published', 'evaluated', 'reopened', 'closed']) expect(seen).toContain(state)
  }, WALK_TIMEOUT_MS)
})
