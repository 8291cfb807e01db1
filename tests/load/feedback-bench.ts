/**
 * 交办督复评 figures for `npm run bench`:
 *  - the supervision job over 20,000 open assignments all past their deadline (500 topics × 40
 *    units, a handler per unit): seconds per run, against the same writes done raw in three bulk
 *    statements (UPDATE the assignments, INSERT the events, INSERT the messages; rolled back) in
 *    the same database; then a second run with nothing due, which must write nothing (md5 of the
 *    tables before and after);
 *  - the unit figures for 40 units × 12 months over 50,000 assignments against a plain count(*)
 *    over the same rows in the same run (target ≤ 3× that count, after ANALYZE as the host keeps it).
 */
import { join } from 'node:path'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb, type Db } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { definition as feedbackFn } from '../../cloudfunctions/feedback'
import { unitStats } from '../../cloudfunctions/feedback/read'
import { seedDemo } from '../../cloudfunctions/features'
import { newDataDir } from '../support/host'
import { timeMs } from './stats'

const UNITS = 40
const NOW = new Date('2026-12-15T02:00:00Z')

/** `topics` in_progress topics at F01, each assigned to every bench unit, assigned on days spread over 2026. */
async function assignments(db: Db, topics: number, due: Date, handled: boolean) {
  const [first] = await db.query(
    `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, gram_count, proposed_day, created_at, updated_at)
     SELECT 'F01', '2026-01', (SELECT id FROM users WHERE openid = 'bench-unit-1'), '压测议题' || g, '压测议题内容，共十个字以上', '其他', 'in_progress', 2, '2026-01-01', $2, $2
     FROM generate_series(1, $1::int) g RETURNING id AS first`,
    [topics, NOW],
  )
  await db.query(
    `INSERT INTO assignments (topic_id, unit_id, assigned_by, assigned_at, month, ack_due, reply_due, ack_end, reply_end, next_check, status,
       acknowledged_at, first_replied_at, replied_at)
     SELECT t.id, u.id, 1, a.at, to_char(a.at + interval '8 hours', 'YYYY-MM'), (a.at + interval '1 day')::date, (a.at + interval '21 days')::date,
       a.at + interval '2 days', a.at + interval '22 days', $2,
       CASE WHEN $3 AND t.id % 3 = 0 THEN 'replied' ELSE 'assigned' END,
       CASE WHEN $3 AND t.id % 3 = 0 THEN a.at + interval '20 hours' END, CASE WHEN $3 AND t.id % 3 = 0 THEN a.at + (t.id % 30) * interval '1 day' END,
       CASE WHEN $3 AND t.id % 3 = 0 THEN a.at + (t.id % 30) * interval '1 day' END
     FROM topics t CROSS JOIN (SELECT id FROM units WHERE id LIKE 'B%') u
       CROSS JOIN LATERAL (SELECT timestamptz '2026-01-05T02:00:00Z' + ((t.id * 7 + length(u.id)) % 340) * interval '1 day' AS at) a
     WHERE t.id >= $1`,
    [first.first, due, handled],
  )
}

const fingerprint = async (db: Db) =>
  (await db.query(`SELECT ${['assignments', 'supervision_events', 'outbox'].map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`))[0]

async function superviseFigures(db: Db, label: string) {
  const runtime = { db, platform: localPlatform(db, 'http://localhost'), clock: fixedClock(NOW) }
  await assignments(db, 500, new Date(NOW.getTime() - 3_600_000), false)
  const [{ open }] = await db.query<{ open: number }>("SELECT count(*)::int AS open FROM assignments WHERE status IN ('assigned', 'acknowledged') AND next_check <= $1", [NOW])
  // The raw writes the job makes, three bulk statements, rolled back.
  const rawMs = await timeMs(2, () =>
    db.transaction(async (tx) => {
      await tx.query("UPDATE assignments SET level = level + 1 WHERE status IN ('assigned', 'acknowledged') AND next_check <= $1", [NOW])
      await tx.query("INSERT INTO supervision_events (assignment_id, level, at, reason) SELECT id, level, $1, '超过签收期限未签收' FROM assignments WHERE level > 0", [NOW])
      await tx.query(
        `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
         SELECT 'inapp', r.user_id, jsonb_build_object('title', '议题办理提醒', 'body', a.id::text), 'raw:' || a.id || ':' || r.user_id, $1, $1
         FROM assignments a JOIN user_roles r ON (r.role = 'unit_handler' AND r.unit_id = a.unit_id) OR r.role = 'staff' WHERE a.level > 0`,
        [NOW],
      )
      throw new Error('rollback')
    }).catch(() => undefined),
  )
  let started = performance.now()
  const first = await runJob(feedbackFn, 'superviseDeadlines', runtime)
  const firstMs = performance.now() - started
  const [{ messages }] = await db.query<{ messages: number }>("SELECT count(*)::int AS messages FROM outbox WHERE dedupe_key LIKE 'supervise:%'")
  const before = await fingerprint(db)
  started = performance.now()
  const second = await runJob(feedbackFn, 'superviseDeadlines', runtime)
  const secondMs = performance.now() - started
  const unchanged = JSON.stringify(await fingerprint(db)) === JSON.stringify(before)
  console.log(`\n## 交办督复评 (${label})`)
  console.log(`supervision job over ${open} open assignments past their deadline: ${(firstMs / 1000).toFixed(2)} s for ${first.done} escalations and ${messages} messages` +
    ` = ${(firstMs / rawMs).toFixed(1)}× the same writes as three raw bulk statements (${rawMs.toFixed(0)} ms)`)
  console.log(`second run with nothing due: ${secondMs.toFixed(0)} ms, ${second.done} escalations, tables ${unchanged ? 'unchanged (md5)' : 'CHANGED'}`)
  return unchanged && second.done === 0 && first.done === open ? 0 : 1
}

/** The unit figures may cost at most this many plain counts over the same assignments. */
const STATS_MAX_RATIO = 3

async function statsFigures(db: Db) {
  await assignments(db, 750, new Date(NOW.getTime() + 86_400_000), true)
  await db.query(
    `INSERT INTO ratings (topic_id, user_id, score, created_at, updated_at)
     SELECT t.id, u.id, 1 + (t.id + u.id) % 5, $1, $1 FROM topics t, (SELECT id FROM users WHERE openid LIKE 'bench-unit-%' LIMIT 3) u
     WHERE t.title LIKE '压测议题%' AND t.id % 3 = 0`,
    [NOW],
  )
  const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM assignments WHERE unit_id LIKE 'B%'")
  const baseMs = await timeMs(20, () => db.query("SELECT count(*) FROM assignments WHERE status <> 'withdrawn' AND month BETWEEN '2026-01' AND '2026-12'"))
  const statsMs = await timeMs(20, () => unitStats(db, '2026-01', '2026-12', NOW))
  const rows = await unitStats(db, '2026-01', '2026-12', NOW)
  console.log(`unit figures, ${new Set(rows.map((r) => r.unitId)).size} units × ${new Set(rows.map((r) => r.month)).size} months over ${n} assignments: ${statsMs.toFixed(1)} ms (median of 20)` +
    ` = ${(statsMs / baseMs).toFixed(1)}× a plain count(*) over the same rows (${baseMs.toFixed(1)} ms)`)
  // PGlite has no autovacuum: until ANALYZE (which the host runs at start and every 6 h) the planner guesses the row counts of freshly loaded tables.
  await db.query('ANALYZE assignments')
  await db.query('ANALYZE ratings')
  const analyzedMs = await timeMs(20, () => unitStats(db, '2026-01', '2026-12', NOW))
  const analyzedBaseMs = await timeMs(20, () => db.query("SELECT count(*) FROM assignments WHERE status <> 'withdrawn' AND month BETWEEN '2026-01' AND '2026-12'"))
  const ratio = analyzedMs / analyzedBaseMs
  console.log(`after ANALYZE (as the host keeps it): ${analyzedMs.toFixed(1)} ms = ${ratio.toFixed(1)}× the count (${analyzedBaseMs.toFixed(1)} ms; target ≤ ${STATS_MAX_RATIO}×)`)
  return ratio <= STATS_MAX_RATIO ? 0 : 1
}

export async function feedbackFigures(label: string, url?: string): Promise<number> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  try {
    await migrate(db)
    await seedDemo(db, NOW, 1)
    await db.query("INSERT INTO units (id, name) SELECT 'B' || lpad(g::text, 2, '0'), '压测单位' || g FROM generate_series(1, $1::int) g", [UNITS])
    await db.query("INSERT INTO users (openid, nickname) SELECT 'bench-unit-' || g, '' FROM generate_series(1, $1::int) g", [UNITS])
    await db.query(
      "INSERT INTO user_roles (user_id, role, unit_id) SELECT u.id, 'unit_handler', 'B' || lpad(substr(u.openid, 12), 2, '0') FROM users u WHERE u.openid LIKE 'bench-unit-%'",
    )
    return (await superviseFigures(db, label)) + (await statsFigures(db))
  } finally {
    await db.close()
  }
}
