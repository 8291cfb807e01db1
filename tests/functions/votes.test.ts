/** The monthly ballot: K votes each under concurrency, exact tallies, window edges, who may vote, surges. */
import { runJob } from '../../cloudfunctions/core/jobs'
import { definition as votesFn } from '../../cloudfunctions/votes'
import { castVote } from '../../cloudfunctions/votes/cast'
import { main as checkin } from '../../cloudfunctions/checkin'
import { ballotJobs, as, draft, tally } from '../support/topics'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const TITLES = ['加装电梯', '精神养老', '停车难', '古玩市场', '运河文化', '垃圾分类', '路灯照明', '菜市场', '快递柜', '公厕改造']

/** Ten accepted topics at F01, proposed by different people, then the voting window opened. */
async function openBallot(rt: TestRuntime, settings: object = {}) {
  const staff = as('demo-staff')
  if (Object.keys(settings).length) expect((await staff.votes('configure', { siteId: 'F01', month: '2026-11', ...settings })).ok).toBe(true)
  const ids: number[] = []
  for (const [i, title] of TITLES.entries()) {
    const { data } = await as(`proposer-${i}`).topics('propose', draft(`${title}问题`))
    expect((await staff.topics('screen', { topicId: data.id, decision: 'accept' })).ok).toBe(true)
    ids.push(data.id)
  }
  rt.clock.set('2026-11-21T02:00:00Z')
  expect(await ballotJobs(rt)).toEqual({ opened: 1, closed: 0 })
  return ids
}

describe(`the ballot on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-10T02:00:00Z')
  })
  afterEach(() => rt.close())

  it('keeps one vote per topic and K per person when one person casts 100 times at once', async () => {
    const [first, ...rest] = await openBallot(rt)
    const voter = as('eager-voter')
    const same = await Promise.all(Array.from({ length: 100 }, () => voter.votes('cast', { topicId: first })))
    expect(same.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(same.filter((r) => !r.ok).map((r) => r.error.code))).toEqual(new Set(['duplicate']))
    const spread = await Promise.all(Array.from({ length: 100 }, (_, i) => as('spread-voter').votes('cast', { topicId: rest[i % rest.length] })))
    expect(spread.filter((r) => r.ok)).toHaveLength(3)
    const [{ n }] = await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM votes v JOIN users u ON u.id = v.user_id WHERE u.openid = 'spread-voter'")
    expect(n).toBe(3)
    const over = await as('spread-voter').votes('cast', { topicId: first })
    expect(over.error).toEqual({ code: 'conflict', message: '您的 3 票已用完，可撤回后改投', data: { left: 0 } })
  })


  it('holds the limits by database keys when one person casts from 100 instances at once', async () => {
    const [first, ...rest] = await openBallot(rt)
    await as('instance-voter').votes('ballot', { siteId: 'F01' })
    const [{ id: userId }] = await rt.db.query<{ id: number }>("SELECT id FROM users WHERE openid = 'instance-voter'")
    // Each instance has its own queue of casts (one per database object), as separate cloud containers would.
    const instance = () => ({ query: rt.db.query.bind(rt.db) })
    const at = rt.clock.now()
    const cast = (topicId: number) => castVote(instance(), { topicId, userId, at, verified: false })
    const same = await Promise.all(Array.from({ length: 100 }, () => cast(first)))
    expect(same.filter((row) => row.cast)).toHaveLength(1)
    const spread = await Promise.all(Array.from({ length: 100 }, (_, i) => cast(rest[i % rest.length])))
    const [{ n, slots }] = await rt.db.query('SELECT count(*)::int AS n, count(DISTINCT slot)::int AS slots FROM votes WHERE user_id = $1', [userId])
    expect(n).toBe(1 + spread.filter((row) => row.cast).length)
    expect(n).toBeLessThanOrEqual(3)
    expect(slots).toBe(n)
  })
  it('fails only the bad cast when one in a batch cannot be written, and counts the rest', async () => {
    const [first] = await openBallot(rt)
    for (let i = 0; i < 20; i++) await as(`batch-voter-${i}`).votes('ballot', { siteId: 'F01' })
    const voters = (await rt.db.query<{ id: number }>("SELECT id FROM users WHERE openid LIKE 'batch-voter-%' ORDER BY id")).map((row) => Number(row.id))
    const at = rt.clock.now()
    // Beyond bigint: the contract refuses it, so only a caller inside the functions could send it.
    const casts = voters.map((userId, i) => castVote(rt.db, { topicId: i === 7 ? 1e19 : first, userId, at, verified: false }))
    const settled = await Promise.allSettled(casts)
    expect(settled.filter((result) => result.status === 'rejected')).toHaveLength(1)
    expect(settled.filter((result) => result.status === 'fulfilled' && result.value.cast)).toHaveLength(19)
    const [{ n }] = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM votes WHERE topic_id = $1', [first])
    expect(n).toBe(19)
    expect((await as('batch-voter-0').votes('cast', { topicId: 1e19 })).error.code).toBe('invalid_input')
  })

  it('lets a vote be withdrawn and moved while open, never after', async () => {
    const [a, b] = await openBallot(rt)
    const voter = as('mover')
    await voter.votes('cast', { topicId: a })
    expect((await voter.votes('withdraw', { topicId: a })).data).toEqual({ left: 3 })
    expect((await voter.votes('withdraw', { topicId: a })).error.code).toBe('not_found')
    await voter.votes('cast', { topicId: b })
    rt.clock.set('2026-11-25T16:00:00Z')
    expect((await voter.votes('withdraw', { topicId: b })).error.code).toBe('poll_closed')
  })

  it('opens and closes at the window edges in Asia/Shanghai, once however often the jobs run, ties to the earlier acceptance', async () => {
    const staff = as('demo-staff')
    expect((await staff.votes('configure', { siteId: 'F01', month: '2026-11', minVotes: 1 })).ok).toBe(true)
    const ids: number[] = []
    for (const [i, title] of ['老旧小区加装电梯', '社区精神养老服务'].entries()) {
      const { data } = await as(`edge-${i}`).topics('propose', draft(title))
      rt.clock.set(`2026-11-1${i + 1}T02:00:00Z`)
      await staff.topics('screen', { topicId: data.id, decision: 'accept' })
      ids.push(data.id)
    }
    rt.clock.set('2026-11-20T15:59:59Z')
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 0 })
    rt.clock.set('2026-11-20T16:00:00Z')
    const twice = await Promise.all([ballotJobs(rt), ballotJobs(rt)])
    expect(twice.map((r) => r.opened).sort()).toEqual([0, 1])
    await as('x1').votes('cast', { topicId: ids[1] })
    await as('x2').votes('cast', { topicId: ids[0] })
    rt.clock.set('2026-11-25T15:59:59Z')
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 0 })
    rt.clock.set('2026-11-25T16:00:00Z')
    const closing = await Promise.all([ballotJobs(rt), ballotJobs(rt)])
    expect(closing.map((r) => r.closed).sort()).toEqual([0, 1])
    const states = await rt.db.query('SELECT id, state, final_votes FROM topics ORDER BY id')
    expect(states).toEqual([
      { id: ids[0], state: 'selected', final_votes: 1 },
      { id: ids[1], state: 'not_selected', final_votes: 1 },
    ])
    const [{ n }] = await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM topic_timeline WHERE move IN ('ballot', 'select', 'deselect')")
    expect(n).toBe(4)
  })

  it('chooses no topic below the ballot\'s minimum of votes (3 by default), and the results say why', async () => {
    const ids = await openBallot(rt, { winners: 3 })
    for (const [topic, voters] of [[ids[0], 3], [ids[1], 2]]) {
      for (let i = 0; i < voters; i++) expect((await as(`min-${i}`).votes('cast', { topicId: topic })).ok).toBe(true)
    }
    rt.clock.set('2026-11-26T02:00:00Z')
    expect(await ballotJobs(rt)).toEqual({ opened: 0, closed: 1 })
    const states = await rt.db.query('SELECT id, state, final_votes FROM topics WHERE id = ANY($1) ORDER BY id', [ids.slice(0, 3)])
    expect(states).toEqual([
      { id: ids[0], state: 'selected', final_votes: 3 },
      { id: ids[1], state: 'not_selected', final_votes: 2 },
      { id: ids[2], state: 'not_selected', final_votes: 0 },
    ])
    const results = (await as('reader').votes('results', { siteId: 'F01', month: '2026-11' })).data
    expect(results.cycle.minVotes).toBe(3)
    expect(results.topics.filter((t: { selected: boolean }) => t.selected).map((t: { id: number }) => t.id)).toEqual([ids[0]])
    const [note] = await rt.db.query("SELECT note FROM topic_timeline WHERE topic_id = $1 AND move = 'deselect'", [ids[1]])
    expect(note.note).toBe('得票 2，排名第 2，票数未达到入选要求（至少 3 票）')
  })

  it('hides counts until the vote closes unless the site shows them live', async () => {
    const [a] = await openBallot(rt, { liveCounts: true })
    await as('live').votes('cast', { topicId: a })
    const ballot = await as('live').votes('ballot', { siteId: 'F01' })
    expect(ballot.data.topics.find((t: any) => t.id === a).votes).toBe(1)
    expect((await as('live').votes('results', { siteId: 'F01', month: '2026-11' })).data.totalVotes).toBe(1)
  })

  it('says why someone may not vote and lets them once they check in at the site', async () => {
    const [a] = await openBallot(rt, { eligibility: 'checked_in', eligibilityDays: 30 })
    const newcomer = as('newcomer')
    const refused = await newcomer.votes('cast', { topicId: a })
    expect(refused.error.code).toBe('forbidden')
    expect(refused.error.message).toContain('扫码签到')
    expect((await newcomer.votes('ballot', { siteId: 'F01' })).data).toMatchObject({ eligible: false, reason: expect.stringContaining('30 天') })
    expect((await caller(checkin, 'newcomer')('scan', { scene: 's=F01' })).ok).toBe(true)
    expect((await newcomer.votes('cast', { topicId: a })).ok).toBe(true)
  })

  it('refuses settings that do not fit, from the wrong person, or once voting began', async () => {
    expect((await as('demo-staff').votes('configure', { siteId: 'F01', month: '2026-11', voteFrom: 10 })).error).toEqual({
      code: 'invalid_input',
      message: '征集、投票、议事日期须依次排列',
    })
    expect((await as('demo-site-admin').votes('configure', { siteId: 'F02', month: '2026-11', winners: 2 })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin').votes('configure', { siteId: 'F01', month: '2026-11', winners: 2 })).data).toMatchObject({ winners: 2, voteTo: 25 })
    rt.clock.set('2026-11-21T02:00:00Z')
    expect((await as('demo-staff').votes('configure', { siteId: 'F01', month: '2026-11', winners: 3 })).error.code).toBe('conflict')
  })

  it('tells staff once per surge when a topic gains votes too fast', async () => {
    const [a] = await openBallot(rt)
    for (let i = 0; i < 60; i++) await as(`crowd-${i}`).votes('cast', { topicId: a })
    expect((await runJob(votesFn, 'surgeWatch', rt)).done).toBe(1)
    rt.clock.set('2026-11-21T02:04:00Z')
    expect((await runJob(votesFn, 'surgeWatch', rt)).done).toBe(0)
    const notices = await rt.db.query("SELECT recipient_user_id FROM outbox WHERE dedupe_key LIKE 'surge:%'")
    const staffIds = await rt.db.query("SELECT DISTINCT user_id FROM user_roles WHERE role IN ('staff', 'admin') OR (role = 'site_admin' AND site_id = 'F01')")
    expect(notices).toHaveLength(staffIds.length)
    expect(await tally(rt)).toEqual(expect.arrayContaining([{ id: a, rows: 60 }]))
  })
})
