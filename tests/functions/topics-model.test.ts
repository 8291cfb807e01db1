/**
 * Model-based test of 月月说事: random sequences of actions by random people (residents, the
 * proposer, the site's admin, another site's admin, staff) and random clock jumps, through the real
 * functions and jobs. After every step: no topic is in a state the machine forbids or reached by an
 * illegal move; every state change has exactly one timeline row; tallies equal vote rows; nobody
 * holds more than K votes on a ballot; every refusal left the database as it was.
 */
import fc from 'fast-check'
import { main as account } from '../../cloudfunctions/account'
import { ballotJobs, as, checkTopicRules, draft } from '../support/topics'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const PEOPLE = ['demo-resident', 'resident-a', 'resident-b', 'demo-site-admin', 'other-admin', 'demo-staff'] as const
const TITLES = ['老旧小区加装电梯', '社区精神养老', '图书馆停车难', '古玩市场秩序', '运河文化传承', '小区停车难问题', '有人在群里加微信返利']
const TABLES = ['topics', 'topic_timeline', 'topic_followers', 'votes', 'cycles', 'topic_meetings', 'topic_grams', 'outbox']

/** Anyone may try anything; staff and the site's admin act more often, so walks reach deep into the lifecycle. */
const anyone = fc.nat(5)
const screener = fc.oneof({ arbitrary: fc.constantFrom(3, 5), weight: 3 }, { arbitrary: anyone, weight: 1 })
/** Which topic: usually one whose state makes the action plausible (aim > 0), sometimes any. */
const topic = fc.record({ index: fc.nat(7), aim: fc.nat(3) })
const plausible: Record<string, string[]> = {
  screen: ['submitted', 'held'],
  edit: ['returned'],
  cast: ['on_ballot'],
  withdraw: ['on_ballot'],
  meeting: ['selected'],
}
const action = fc.oneof(
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
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('follow' as const), who: anyone, topic, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meeting' as const), who: screener, topic }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: 0, max: 2 }), hours: fc.integer({ min: 0, max: 23 }) }) },
)

describe(`月月说事 as a model on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-01T02:00:00Z')
    await rt.db.query(
      `INSERT INTO users (openid, nickname) VALUES ('other-admin', '周敏'), ('resident-a', '刘建华'), ('resident-b', '陈立')
       ON CONFLICT DO NOTHING`,
    )
    await rt.db.query("INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'F02' FROM users WHERE openid = 'other-admin'")
    for (const who of PEOPLE) await caller(account, who)('me')
  })
  afterAll(() => rt.close())

  const fingerprint = async () =>
    (await rt.db.query(`SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`))[0]

  const check = () => checkTopicRules(rt.db)

  it('never breaks the rules, whatever anyone does in any order', async () => {
    const seen = new Set<string>()
    const outcomes: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 15, max: 20 }), fc.array(action, { minLength: 30, maxLength: 70 }), async (startDay, steps) => {
        await rt.db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
        rt.clock.set(`2026-11-${startDay}T02:00:00Z`)
        const pick = async (kind: string, choice: { index: number; aim: number }) => {
          const rows = await rt.db.query('SELECT id, state FROM topics ORDER BY id')
          const aimed = choice.aim > 0 ? rows.filter((row) => plausible[kind]?.includes(row.state)) : []
          const from = aimed.length ? aimed : rows
          return from.length ? (from[choice.index % from.length].id as number) : 1
        }
        for (const step of steps) {
          if (step.kind === 'clock') {
            rt.clock.set(new Date(rt.clock.now().getTime() + (step.days * 24 + step.hours) * 3_600_000))
            await ballotJobs(rt)
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
          const outcome = `${step.kind}:${answer.ok ? 'ok' : answer.error?.code}${step.kind === 'cast' && !answer.ok ? answer.error.message : ''}`
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
          expect(answer.ok === true || typeof answer.error?.code === 'string').toBe(true)
          expect(answer.error?.code).not.toBe('internal')
          if (!answer.ok) expect(await fingerprint()).toEqual(before)
          await check()
        }
        for (const { state } of await rt.db.query('SELECT DISTINCT state FROM topics')) seen.add(state)
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 30), seed: Number(process.env.MODEL_SEED ?? 20261123), endOnFailure: true },
    )
    console.log(`[model] states reached: ${[...seen].sort().join(', ')}\n[model] outcomes: ${JSON.stringify(outcomes)}`)
    // The walk must reach deep into the lifecycle, or it proves little.
    for (const state of ['held', 'submitted', 'accepted', 'on_ballot', 'selected', 'not_selected', 'deliberated', 'rejected', 'returned', 'merged']) expect(seen).toContain(state)
  })
})
