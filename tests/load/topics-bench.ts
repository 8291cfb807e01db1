/**
 * 月月说事 figures for `npm run bench`:
 *  - votes per second through the host (10,000 distinct voters, 100 connections) against raw
 *    single-row vote INSERTs into the same database, both warm, as medians of timed passes;
 *  - computing a month's results for a site with 200 topics and 50,000 votes, against a plain
 *    count of the same votes by topic (target ≤ 3×);
 *  - the "已有相似议题" hint over 10,000 topics at one site, against counting the same title pairs
 *    by topic (target ≤ 3×).
 */
import { join } from 'node:path'
import { openDb, type Db } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { similarTopics } from '../../cloudfunctions/topics/read'
import { resultsOf } from '../../cloudfunctions/votes/ballot'
import type { CycleRow } from '../../cloudfunctions/votes/public'
import { bigrams } from '../../src/domain/bigrams'
import { cycleWindows, defaultCycle, shanghaiMonth } from '../../src/domain/cycle'
import { newDataDir, startHost } from '../support/host'
import { drive, LoadConnection } from './http-load'
import { median, passRates, pct, spread, timeMs } from './stats'

const VOTERS = Number(process.env.BENCH_VOTERS ?? 10_000)
const CONNECTIONS = 100
const BALLOT = 10
const WARM_PASSES = 3
const TIMED_PASSES = 3
/** A month's results and the similarity hint may cost at most this many plain counts over the same rows. */
const QUERY_MAX_RATIO = 3

/** An open ballot of BALLOT topics at `siteId` this month, with K = BALLOT; answers the cycle and topic ids. */
async function openBallot(db: Db, siteId: string, now: Date): Promise<{ cycleId: number; topics: number[] }> {
  const month = shanghaiMonth(now)
  const w = cycleWindows(month, defaultCycle)
  const settings = { ...defaultCycle, votesPerPerson: BALLOT }
  const [cycle] = await db.query<{ id: number }>(
    `INSERT INTO cycles (site_id, month, settings, propose_start, propose_end, vote_start, vote_end, meeting_at, votes_per_person, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'voting') RETURNING id`,
    [siteId, month, JSON.stringify(settings), new Date(now.getTime() - 3 * 86_400_000), new Date(now.getTime() - 7_200_000),
      new Date(now.getTime() - 3_600_000), new Date(now.getTime() + 86_400_000), w.meetingAt, BALLOT],
  )
  await db.query("INSERT INTO users (openid, nickname) VALUES ('bench-proposer', '刘建华') ON CONFLICT DO NOTHING")
  const topics = await db.query<{ id: number }>(
    `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, ballot_cycle_id, gram_count, proposed_day, accepted_at, created_at, updated_at)
     SELECT $1, $2, (SELECT id FROM users WHERE openid = 'bench-proposer'), '议题' || g, '压测议题内容，共十个字以上', '其他', 'on_ballot', $3, 2, $4, $5, $5, $5
     FROM generate_series(1, $6::int) g RETURNING id`,
    [siteId, month, cycle.id, now.toISOString().slice(0, 10), now, BALLOT],
  )
  return { cycleId: cycle.id, topics: topics.map((row) => row.id as number) }
}

async function rawVotes(db: Db, siteId: string, now: Date): Promise<number[]> {
  const { cycleId, topics } = await openBallot(db, siteId, now)
  const users = (await db.query<{ id: number }>("SELECT id FROM users WHERE openid LIKE 'guest-voter%' ORDER BY id")).map((row) => row.id as number)
  const pass = async (slot: number) => {
    for (const user of users) {
      await db.query('INSERT INTO votes (cycle_id, topic_id, user_id, slot, at) VALUES ($1, $2, $3, $4, $5)', [cycleId, topics[slot - 1], user, slot, now])
    }
  }
  return passRates(users.length, WARM_PASSES, TIMED_PASSES, pass)
}

async function voteThroughput(label: string, url?: string): Promise<number> {
  const dataDir = newDataDir()
  const now = new Date()
  const db = await openDb(url, join(dataDir, 'pglite'))
  await migrate(db)
  await applySeeds(db, demoSteps, { now, activityDays: 3 })
  await db.query("INSERT INTO users (openid) SELECT 'guest-voter' || g FROM generate_series(1, $1::int) g ON CONFLICT DO NOTHING", [VOTERS])
  const rawBefore = await rawVotes(db, 'F03', now)
  const { topics } = await openBallot(db, 'F02', now)
  await db.close()

  const host = await startHost(dataDir, url ? { DATABASE_URL: url } : {})
  const connections = await Promise.all(Array.from({ length: CONNECTIONS }, () => LoadConnection.open(new URL(host.url))))
  const tokens: string[] = []
  await drive(connections, Array.from({ length: VOTERS }, (_, i) => i), async (connection, i) => {
    tokens[i] = (await connection.post('/dev/signin', { guest: `voter${i + 1}` })).data.token
  })
  const cast = (topic: number) => (connection: LoadConnection, token: string) => connection.post('/api/votes', { action: 'cast', data: { topicId: topic } }, token)
  for (let pass = 0; pass < WARM_PASSES; pass++) await drive(connections, tokens, async (c, t) => void (await cast(topics[pass])(c, t)))
  const rates: number[] = []
  const latencies: number[] = []
  let failures = 0
  for (let pass = WARM_PASSES; pass < WARM_PASSES + TIMED_PASSES; pass++) {
    const started = performance.now()
    await drive(connections, tokens, async (connection, token) => {
      const t = performance.now()
      const answer = await cast(topics[pass])(connection, token)
      latencies.push(performance.now() - t)
      if (!answer.ok) failures++
    })
    rates.push(tokens.length / ((performance.now() - started) / 1000))
  }
  for (const connection of connections) connection.close()
  await host.stop()
  const again = await openDb(url, join(dataDir, 'pglite'))
  const rawAfter = await rawVotes(again, 'F04', now)
  const [{ rows }] = await again.query<{ rows: number }>('SELECT count(*)::int AS rows FROM votes v JOIN topics t ON t.id = v.topic_id WHERE t.site_id = $1', ['F02'])
  await again.close()

  const raw = median([...rawBefore, ...rawAfter])
  const host_ = median(rates)
  latencies.sort((a, b) => a - b)
  console.log(`\n## Votes through the host (${label}, ${VOTERS} distinct voters, ${CONNECTIONS} connections)`)
  console.log(`raw single-row vote INSERTs into the same database: ${raw.toFixed(0)} /s (median of ${rawBefore.length + rawAfter.length} passes, ${spread([...rawBefore, ...rawAfter])}, half before the host and half after, each after ${WARM_PASSES} warm-up passes)`)
  console.log(`votes.cast through the host: ${host_.toFixed(0)} /s (median of ${TIMED_PASSES} passes of ${VOTERS}, ${spread(rates)}, after ${WARM_PASSES} warm-up passes), ${failures} failed; ${rows} vote rows for ${VOTERS * (WARM_PASSES + TIMED_PASSES)} casts`)
  console.log(`ratio: ${((host_ / raw) * 100).toFixed(1)}% of raw inserts (target ≥ 50%); latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`)
  return failures + (rows === VOTERS * (WARM_PASSES + TIMED_PASSES) ? 0 : 1)
}

const PLACES = ['小区', '社区', '街道', '公园', '学校', '菜市场', '图书馆', '古街', '医院', '广场', '地铁口', '老城区']
const ISSUES = ['停车难', '加装电梯', '路灯不亮', '垃圾分类', '噪音扰民', '绿化养护', '快递乱放', '占道经营', '积水', '充电桩不足', '健身器材损坏', '养老服务']
const ENDS = ['问题', '的建议', '亟待解决', '怎么办', '希望协调', '请关注']

async function queryFigures(label: string, url?: string) {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  await migrate(db)
  await applySeeds(db, demoSteps.filter((step) => step.name !== 'topics-month'), { now: new Date(), activityDays: 1 })
  const now = new Date()
  // A month's results: 200 topics and 50,000 votes (3 each by 16,667 voters), then closed.
  const { cycleId } = await openBallot(db, 'F05', now)
  await db.query(
    `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, ballot_cycle_id, gram_count, proposed_day, accepted_at, created_at, updated_at)
     SELECT 'F05', month, proposer_id, '议题' || g, body, category, 'on_ballot', $1, 2, proposed_day, accepted_at + g * interval '1 minute', created_at, updated_at
     FROM topics, generate_series(11, 200) g WHERE ballot_cycle_id = $1 LIMIT 190`,
    [cycleId],
  )
  await db.query("INSERT INTO users (openid) SELECT 'results-' || g FROM generate_series(1, 16667) g")
  await db.query(
    `INSERT INTO votes (cycle_id, topic_id, user_id, slot, at)
     SELECT $1, topics[1 + ((u.n * 7 + s * 13 + (u.n % 5) * s) % 200)], u.id, s, $2
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE openid LIKE 'results-%') u,
          (SELECT array_agg(id ORDER BY id) AS topics FROM topics WHERE ballot_cycle_id = $1) t, generate_series(1, 3) s
     WHERE (u.n - 1) * 3 + s <= 50000
     ON CONFLICT DO NOTHING`,
    [cycleId, now],
  )
  await db.query("UPDATE cycles SET status = 'closed' WHERE id = $1", [cycleId])
  const [cycle] = (await db.query('SELECT * FROM cycles WHERE id = $1', [cycleId])) as CycleRow[]
  const [{ votes, topics }] = await db.query('SELECT count(*)::int AS votes, count(DISTINCT topic_id)::int AS topics FROM votes WHERE cycle_id = $1', [cycleId])
  const viewer = { userId: 1, openid: 'x', nickname: '', grants: [], roles: new Set<never>() }
  const resultsMs = await timeMs(20, () => resultsOf(db, viewer, cycle, '区青少年宫', now))
  const countVotesMs = await timeMs(20, () => db.query('SELECT topic_id, count(*) FROM votes WHERE cycle_id = $1 GROUP BY topic_id', [cycleId]))

  // The similarity hint over 10,000 topics at one site.
  const titles = Array.from({ length: 10_000 }, (_, i) => `${PLACES[i % 12]}${ISSUES[Math.floor(i / 12) % 12]}${ENDS[Math.floor(i / 144) % 6]}${i}`)
  for (let from = 0; from < titles.length; from += 1000) {
    const chunk = titles.slice(from, from + 1000)
    const ids = await db.query<{ id: number; title: string }>(
      `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, gram_count, proposed_day, created_at, updated_at)
       SELECT 'F06', '2026-11', (SELECT id FROM users WHERE openid = 'bench-proposer'), t, '内容', '其他', 'submitted', cardinality(regexp_split_to_array(t, '')) - 1, '2026-11-01', now(), now()
       FROM unnest($1::text[]) t RETURNING id, title`,
      [chunk],
    )
    const grams = ids.flatMap((row) => bigrams(row.title).map((gram) => [row.id, gram]))
    await db.query('INSERT INTO topic_grams (site_id, gram, topic_id) SELECT \'F06\', g, t FROM unnest($1::text[], $2::bigint[]) AS x(g, t) ON CONFLICT DO NOTHING', [
      grams.map((pair) => pair[1]),
      grams.map((pair) => pair[0]),
    ])
    await db.query('UPDATE topics SET gram_count = (SELECT count(*) FROM topic_grams g WHERE g.topic_id = topics.id) WHERE id = ANY($1)', [ids.map((row) => row.id)])
  }
  const queries = ['小区停车难', '社区加装电梯的建议', '公园噪音扰民怎么办']
  const hints: number[] = []
  for (const q of queries) hints.push(await timeMs(20, () => similarTopics(db, 'F06', q)))
  const hintMs = median(hints)
  const counts: number[] = []
  for (const q of queries) counts.push(await timeMs(20, () => db.query("SELECT topic_id, count(*) FROM topic_grams WHERE site_id = 'F06' AND gram = ANY($1) GROUP BY topic_id", [bigrams(q)])))
  const countGramsMs = median(counts)
  const sample = await similarTopics(db, 'F06', queries[0])
  await db.close()
  console.log(`\n## 月月说事 queries (${label})`)
  const resultsRatio = resultsMs / countVotesMs
  const hintRatio = hintMs / countGramsMs
  console.log(`a month's results for a site with ${topics} topics and ${votes} votes: ${resultsMs.toFixed(1)} ms (median of 20)` +
    ` = ${resultsRatio.toFixed(1)}× counting the same votes by topic (${countVotesMs.toFixed(1)} ms; target ≤ ${QUERY_MAX_RATIO}×)`)
  console.log(`"已有相似议题" over 10,000 topics at one site: ${hintMs.toFixed(1)} ms (median over 3 titles × 20)` +
    ` = ${hintRatio.toFixed(1)}× counting the same title pairs by topic (${countGramsMs.toFixed(1)} ms; target ≤ ${QUERY_MAX_RATIO}×); top hit for 小区停车难: ${sample[0]?.title} (${sample[0]?.similarity})`)
  return resultsRatio <= QUERY_MAX_RATIO && hintRatio <= QUERY_MAX_RATIO ? 0 : 1
}

export async function topicFigures(label: string, url?: string): Promise<number> {
  const queries = await queryFigures(label, url)
  return Math.max(queries, await voteThroughput(label, url))
}
