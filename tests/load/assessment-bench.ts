/**
 * The assessment's figures for `npm run bench` (issue 19): a year for the 40 alliance units over
 * 400,000 check-ins (10,000 people), 3,000 topics (500 selected and published), 20,000 assignments
 * (the 500 × 40 units, two in three on time), 300 activities with 30,000 attendances and 10,000
 * ratings: the full computation (`period`: every figure read for the year, every unit scored and
 * ranked) and one unit's score (`unit`, the same reads today: no drill-down to rows yet), as
 * medians through the router. Targets: ≤ 1 s on PGlite and ≤ 500 ms on the server; one unit ≤ 50 ms
 * (the drill-down target, stated against what `unit` does now); then the same with
 * January–November frozen by the bulletin's cycle (read from their inputs). Votes are not made: no
 * indicator reads them.
 */
import { join } from 'node:path'
import { definition as assessment } from '../../cloudfunctions/assessment'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { readFigure } from '../../cloudfunctions/core/figures'
import { figures } from '../../cloudfunctions/figures'
import { newDataDir } from '../support/host'
import { timeMs } from './stats'

const NOW = new Date('2026-12-20T02:00:00Z')

export async function assessmentFigures(label: string, url?: string): Promise<number> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  try {
    await migrate(db)
    await seedDemo(db, NOW, 1)
    const sites = `(SELECT array_agg(id ORDER BY id) AS ids FROM sites WHERE kind = 'alliance') s`
    await db.query("INSERT INTO users (openid, nickname) SELECT 'bench-a-' || g, '' FROM generate_series(0, 9999) g")
    await db.query("INSERT INTO units (id, name) SELECT 'B' || lpad(g::text, 2, '0'), '压测单位' || g FROM generate_series(1, 40) g")
    const [{ first }] = await db.query<{ first: number }>("SELECT min(id)::int AS first FROM users WHERE openid LIKE 'bench-a-%'")
    // 400,000 check-ins: person g % 10,000 at unit g / 10,000, on a day of 2026.
    await db.query(
      `INSERT INTO checkins (user_id, site_id, day, created_at, location_status)
       SELECT $1::bigint + g % 10000, s.ids[1 + g / 10000], d, d + time '10:00' - interval '8 hours', 'verified'
       FROM generate_series(0, 399999) g, ${sites}, LATERAL (SELECT date '2026-01-01' + (g * 7) % 340 AS d) x`,
      [first],
    )
    await db.query(
      `INSERT INTO activities (site_id, title, starts_at, ends_at)
       SELECT s.ids[1 + g % 40], '压测活动' || g, t, t + interval '2 hours'
       FROM generate_series(0, 299) g, ${sites}, LATERAL (SELECT timestamptz '2026-01-03T01:00:00Z' + g * interval '1 day' AS t) x`,
    )
    await db.query(
      `INSERT INTO activity_attendance (activity_id, user_id, at, via)
       SELECT a.id, $1::bigint + (a.id * 100 + j) % 10000, a.starts_at, 'code' FROM activities a, generate_series(0, 99) j WHERE a.title LIKE '压测活动%'`,
      [first],
    )
    await db.query(
      `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, gram_count, proposed_day, created_at, updated_at)
       SELECT s.ids[1 + g % 40], to_char(d, 'YYYY-MM'), $1::bigint + g, '压测议题' || g, '压测议题内容', '其他', CASE WHEN g < 500 THEN 'published' ELSE 'submitted' END, 0, d,
         d + time '10:00' - interval '8 hours', d + time '10:00' - interval '8 hours'
       FROM generate_series(0, 2999) g, ${sites}, LATERAL (SELECT date '2026-01-01' + g % 330 AS d) x`,
      [first],
    )
    await db.query(
      `INSERT INTO topic_outcomes (topic_id, summary, published_by, first_published_at, published_at)
       SELECT id, '成果', proposer_id, created_at + interval '20 days', created_at + interval '20 days' FROM topics WHERE state = 'published' AND title LIKE '压测议题%'`,
    )
    await db.query(
      `INSERT INTO assignments (topic_id, unit_id, status, assigned_by, assigned_at, month, ack_due, reply_due, ack_end, reply_end, first_replied_at, replied_at)
       SELECT t.id, u.id, 'replied', t.proposer_id, t.created_at, t.month, (t.created_at + interval '2 days')::date, (t.created_at + interval '15 days')::date,
         t.created_at + interval '2 days', t.created_at + interval '15 days', t.created_at + CASE WHEN t.id % 3 = 0 THEN interval '20 days' ELSE interval '5 days' END,
         t.created_at + interval '5 days'
       FROM topics t CROSS JOIN (SELECT id FROM units WHERE id LIKE 'B%') u WHERE t.state = 'published' AND t.title LIKE '压测议题%'`,
    )
    await db.query(
      `INSERT INTO ratings (topic_id, user_id, score, created_at, updated_at)
       SELECT t.id, $1::bigint + (t.id * 20 + j) % 10000, 1 + (t.id + j) % 5, t.created_at + interval '25 days', t.created_at + interval '25 days'
       FROM topics t, generate_series(0, 19) j WHERE t.state = 'published' AND t.title LIKE '压测议题%'`,
      [first],
    )
    await db.exec('ANALYZE')
    const counts = (await db.query<{ c: number; a: number; x: number; t: number; s: number; r: number }>(
      `SELECT (SELECT count(*)::int FROM checkins) AS c, (SELECT count(*)::int FROM activities) AS a, (SELECT count(*)::int FROM activity_attendance) AS x,
         (SELECT count(*)::int FROM topics) AS t, (SELECT count(*)::int FROM assignments) AS s, (SELECT count(*)::int FROM ratings) AS r`,
    ))[0]
    const runtime = { db, platform: localPlatform(db, 'http://localhost'), clock: fixedClock(NOW) }
    const call = async (action: string, data: object) => {
      const answer = await dispatch(assessment, { action, data }, { openid: 'demo-staff' }, runtime)
      if (!answer.ok) throw new Error(`${action}: ${JSON.stringify(answer)}`)
      return answer.data
    }
    // BENCH_FIGURES=1: each figure's read alone, to see where the time goes.
    if (process.env.BENCH_FIGURES) {
      for (const figure of figures) {
        const ms = await timeMs(3, () => readFigure(db, figure, '2026-01', '2026-12', NOW))
        console.log(`  ${figure.name}: ${ms.toFixed(0)} ms`)
      }
    }
    const units = ((await call('period', { year: 2026 })) as { units: unknown[] }).units.length
    const periodMs = await timeMs(5, () => call('period', { year: 2026 }))
    const unitMs = await timeMs(5, () => call('unit', { year: 2026, siteId: 'F01' }))
    const periodTarget = url ? 500 : 1000
    console.log(`\n## Assessment (${label})`)
    console.log(`data: ${counts.c} check-ins, ${counts.a} activities with ${counts.x} attendances, ${counts.t} topics, ${counts.s} assignments, ${counts.r} ratings; ${units} units scored`)
    console.log(`a year for every unit (period): median ${periodMs.toFixed(0)} ms (target ≤ ${periodTarget} ms)`)
    console.log(`one unit's score (unit): median ${unitMs.toFixed(0)} ms (target ≤ 50 ms for the drill-down)`)
    // The year as the cycle keeps it: January to November frozen (each month's bulletin), December live.
    const started = performance.now()
    for (let m = 1; m <= 11; m++) await call('freezeBulletin', { month: `2026-${String(m).padStart(2, '0')}` })
    const freezeMs = (performance.now() - started) / 11
    const frozenPeriodMs = await timeMs(5, () => call('period', { year: 2026 }))
    const frozenUnitMs = await timeMs(5, () => call('unit', { year: 2026, siteId: 'F01' }))
    const docxMs = await timeMs(3, () => call('exportBulletin', { month: '2026-11', format: 'docx' }))
    const xlsxMs = await timeMs(3, () => call('exportBulletin', { month: '2026-11', format: 'xlsx' }))
    console.log(`freezing a month's bulletin (freezeBulletin): mean ${freezeMs.toFixed(0)} ms`)
    console.log(`the 月通报 as .docx: median ${docxMs.toFixed(0)} ms (target ≤ 3000 ms); as .xlsx: median ${xlsxMs.toFixed(0)} ms`)
    console.log(`with 11 months frozen, December live: period median ${frozenPeriodMs.toFixed(0)} ms, unit median ${frozenUnitMs.toFixed(0)} ms`)
    return (periodMs > periodTarget ? 1 : 0) + (unitMs > 50 ? 1 : 0) + (docxMs > 3000 ? 1 : 0)
  } finally {
    await db.close()
  }
}
