/**
 * 社情民意's figures for `npm run bench` (issue 20): the funnel over a year of 10,000 suggestions
 * from the 40 alliance units feeding 500 outputs (400 专报, 100 提案, two or three suggestions
 * each), and the clustering hints (`similar`) for a new suggestion's title among the 10,000, whose
 * titles share place and matter words the way real ones do. Medians through the router. Targets:
 * the funnel ≤ 100 ms on PGlite, the hints ≤ 50 ms.
 */
import { join } from 'node:path'
import { bigrams } from '../../src/domain/bigrams'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { definition as opinions } from '../../cloudfunctions/opinions'
import { newDataDir } from '../support/host'
import { timeMs } from './stats'

const NOW = new Date('2026-12-20T02:00:00Z')
const PLACES = ['运河街道', '新华街道', '兴文社区', '罗南社区', '古街片区', '城南新区', '高新园区', '老城厢', '滨河小区', '实验小学']
const MATTERS = ['停车难', '加装电梯', '垃圾分类', '路灯不亮', '助餐服务', '夜间噪音', '公交线路', '菜市场环境', '健身器材', '快递柜占道',
  '充电桩不足', '图书室开放', '学校门口拥堵', '公厕太少', '河道保洁', '绿地养护', '文化场地', '养老服务', '小微企业融资', '政务材料重复']

export async function opinionFigures(label: string, url?: string): Promise<number> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  try {
    await migrate(db)
    await seedDemo(db, NOW, 1)
    const [{ author }] = await db.query<{ author: number }>("SELECT id AS author FROM users WHERE openid = 'demo-resident'")
    const titles = Array.from({ length: 10_000 }, (_, i) => `${PLACES[i % PLACES.length]}${MATTERS[(i * 7) % MATTERS.length]}问题${i % 3 === 0 ? '亟待解决' : ''}`)
    const base = 1_000_000
    await db.query(
      `INSERT INTO suggestions (id, author_id, channel, site_id, category, title, content, state, gram_count, created_at, updated_at, accepted_at)
       SELECT $1::bigint + g, $2, 'self', s.ids[1 + g % 40], '城市建设', t.title, '压测建议内容，请有关部门研究解决。', CASE WHEN g < 1200 THEN 'used' WHEN g < 6000 THEN 'accepted' ELSE 'submitted' END,
         t.n, d, d, CASE WHEN g < 6000 THEN d + interval '1 day' END
       FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS t(title, n, k), (SELECT array_agg(id ORDER BY id) AS ids FROM sites WHERE kind = 'alliance') s,
         LATERAL (SELECT (t.k - 1)::int AS g) x, LATERAL (SELECT timestamptz '2026-01-02T02:00:00Z' + (g % 340) * interval '1 day' AS d) y`,
      [base, author, titles, titles.map((t) => bigrams(t).length)],
    )
    const grams = titles.flatMap((title, i) => bigrams(title).map((gram) => [gram, base + i]))
    await db.query('INSERT INTO suggestion_grams (gram, suggestion_id) SELECT * FROM unnest($1::text[], $2::bigint[])', [grams.map((g) => g[0]), grams.map((g) => g[1])])
    // 400 专报 (all 报送, 150 采用, 20 批示) and 100 提案 (立案), from the 1,200 used suggestions.
    await db.query(
      `INSERT INTO opinion_reports (id, title, body, state, created_by, created_at, submitted_level, submitted_at, adopted_by, adopted_at, endorsed_level, endorsed_at, endorsement)
       SELECT 10000 + g, '压测专报' || g, '正文', CASE WHEN g <= 20 THEN 'endorsed' WHEN g <= 150 THEN 'adopted' ELSE 'submitted' END, $1, d, '区级', d, CASE WHEN g <= 150 THEN '区委办公室' END,
         CASE WHEN g <= 150 THEN d END, CASE WHEN g <= 20 THEN '市级' END, CASE WHEN g <= 20 THEN d END, CASE WHEN g <= 20 THEN '批示' END
       FROM generate_series(1, 400) g, LATERAL (SELECT timestamptz '2026-11-01T02:00:00Z' AS d) x`,
      [author],
    )
    await db.query('INSERT INTO report_suggestions (report_id, suggestion_id) SELECT 10001 + g % 400, $1::bigint + g FROM generate_series(0, 999) g', [base])
    await db.query(
      `INSERT INTO proposals (id, title, body, category, state, drafted_by, registered_at, created_at, updated_at)
       SELECT 10000 + g, '压测提案' || g, '正文', '城市建设', 'registered', $1, now(), now(), now() FROM generate_series(1, 100) g`,
      [author],
    )
    await db.query('INSERT INTO proposal_suggestions (proposal_id, suggestion_id) SELECT 10001 + g % 100, $1::bigint + 900 + g FROM generate_series(0, 299) g', [base])
    await db.exec('ANALYZE')
    const runtime = { db, platform: localPlatform(db, 'http://localhost'), clock: fixedClock(NOW) }
    const call = async (action: string, data: object) => {
      const answer = await dispatch(opinions, { action, data }, { openid: 'demo-staff' }, runtime)
      if (!answer.ok) throw new Error(`${action}: ${JSON.stringify(answer)}`)
      return answer.data
    }
    const funnel = (await call('funnel', { year: 2026 })) as { headline: string }
    const hints = (await call('similar', { title: '运河街道停车难问题怎么解决' })) as unknown[]
    const funnelMs = await timeMs(5, () => call('funnel', { year: 2026 }))
    const filteredMs = await timeMs(5, () => call('funnel', { year: 2026, siteId: 'F01', category: '城市建设' }))
    const hintsMs = await timeMs(5, () => call('similar', { title: '运河街道停车难问题怎么解决' }))
    console.log(`\n## 社情民意 (${label})`)
    console.log(`data: 10,000 suggestions (${grams.length} title pairs), 400 专报 and 100 提案 from them; funnel ${funnel.headline}; ${hints.length} hints`)
    console.log(`funnel for the year: median ${funnelMs.toFixed(0)} ms, one site and category ${filteredMs.toFixed(0)} ms (target ≤ 100 ms)`)
    console.log(`clustering hints for a new title among 10,000: median ${hintsMs.toFixed(0)} ms (target ≤ 50 ms)`)
    return (funnelMs > 100 ? 1 : 0) + (filteredMs > 100 ? 1 : 0) + (hintsMs > 50 ? 1 : 0)
  } finally {
    await db.close()
  }
}
