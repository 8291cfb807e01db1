/**
 * Demo operations (seeding steps `operations-profiles`, `operations-evidence`, `operations-archive`):
 * the profiles of the studios and 界别同心汇; 运河文华·界别同心汇 (W05) with all of 六有 but 有评价
 * met, its photos taken inside its radius at the start of the year and again at the start of the
 * current quarter; 纪英瑞委员工作室 (W01) with its evidence but its activities' minutes missing
 * (有档案 待补); at 罗南社区 (G05) residents without a phone checked in at the desk over the last two
 * weeks (step `operations-assisted`, checkin's rows); the year's joint plans of W05, W01 and W06
 * (step `operations-plan`); their archive items numbered (`operations-archive-numbers`); last
 * quarter's visits (`operations-visits`): W05 closed, all 达标, W01 rectifying its archive. Dates
 * follow the real calendar, relative to the seed's `now`.
 */
import { createHash } from 'node:crypto'
import { drawActivities, quarterBounds, quarterOf, previousQuarter, visitSeed } from '../../src/domain/operations'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'

const DAY_MS = 24 * 60 * 60 * 1000
/** The Shanghai day `days` calendar days after `at` (15 working days are about 21 calendar days; the demo needs no calendar). */
const shanghaiDayAfter = (at: Date, days: number) => shanghaiDay(new Date(at.getTime() + days * DAY_MS))

const profiles: [site: string, founder: string, theme: string, sectors: string[], plan: string][] = [
  ['W01', '纪英瑞', '国学体验', ['文化艺术界'], '每月一次“运河情·同心缘”国学体验日；每季度一次国学进社区；年底汇编学员作品。'],
  ['W02', '张建志', '剪纸非遗', ['文化艺术界'], '每月一次剪纸公开课；暑期非遗少年班；参与区非遗展演。'],
  ['W03', '刘宇', '红绿彩非遗', ['文化艺术界'], '每季度一次红绿彩技艺体验；与古玩市场联办非遗市集。'],
  ['W04', '吴非繁', '法律服务', ['社会法制界'], '每月两次法律咨询；每季度一次以案说法进社区。'],
  ['W05', '刘建华', '运河文化传承', ['文艺界', '教体界'], '双月一次界别协商；运河文化进校园；年度运河文化论坛（与运河文化博物馆联办）。'],
  ['W06', '周敏', '青年创新创业', ['青年委员'], '每季度一次青年创业沙龙；与数字经济产业园联办青年论坛。'],
]

/** A demo file id (a local photo name, or a document's), stable per text. */
const fileOf = (text: string, ext: 'jpg' | 'pdf') => `local:${createHash('sha256').update(text).digest('hex')}.${ext}`

async function staffId(tx: Queryable): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>("SELECT id FROM users WHERE openid = 'demo-staff'")
  return row?.id ?? null
}

async function addEvidence(tx: Queryable, by: number | null, site: string, dimension: string, kind: 'photo' | 'document', at: Date, extra: { activityId?: number; part?: string; note?: string } = {}) {
  const fileId = fileOf(`${site}:${dimension}:${extra.activityId ?? ''}:${extra.part ?? ''}:${at.toISOString()}`, kind === 'photo' ? 'jpg' : 'pdf')
  if (by !== null) await tx.query('INSERT INTO uploads (file_id, owner_id, bytes, created_at) VALUES ($1, $2, 240000, $3) ON CONFLICT DO NOTHING', [fileId, by, at])
  await tx.query(
    `INSERT INTO operation_evidence (site_id, dimension, file_kind, file_id, bytes, lat, lng, outside_radius, activity_id, part, note, recorded_by, recorded_at)
     SELECT $1, $2, $3, $4, 240000, CASE WHEN $3 = 'photo' THEN s.lat END, CASE WHEN $3 = 'photo' THEN s.lng END, false, $5, $6, $7, $8, $9
     FROM sites s WHERE s.id = $1 AND NOT EXISTS (SELECT 1 FROM operation_evidence WHERE file_id = $4)`,
    [site, dimension, kind, fileId, extra.activityId ?? null, extra.part ?? null, extra.note ?? '', by, at],
  )
}

/** Residents of 罗南社区 without a phone: name, birth year, the ID's last 4. */
const deskResidents: [string, number, string][] = [
  ['王秀英', 1946, '2031'], ['张桂兰', 1949, '1826'], ['李凤芝', 1951, '072X'], ['刘德胜', 1944, '3315'], ['赵玉珍', 1953, '5208'],
]

export const demo: SeedStep<DemoContext>[] = [
  {
    name: 'operations-profiles',
    run: async (tx, { now }) => {
      for (const [site, founder, theme, sectors, plan] of profiles) {
        await tx.query(
          `INSERT INTO operation_profiles (site_id, founder, theme, sectors, annual_plan, updated_at)
           SELECT $1, $2, $3, $4, $5, $6 FROM sites WHERE id = $1 ON CONFLICT (site_id) DO NOTHING`,
          [site, founder, theme, sectors, plan, new Date(now.getTime() - 300 * DAY_MS)],
        )
      }
    },
  },
  {
    name: 'operations-evidence',
    run: async (tx, { now }) => {
      const by = await staffId(tx)
      const yearAgo = new Date(now.getTime() - 300 * DAY_MS)
      const quarterStart = new Date(quarterBounds(quarterOf(now)).start.getTime() + 2 * DAY_MS)
      const verified = quarterStart < now ? quarterStart : now
      for (const site of ['W01', 'W05']) {
        await addEvidence(tx, by, site, 'venue', 'photo', yearAgo, { note: '活动室全景' })
        await addEvidence(tx, by, site, 'sign', 'photo', yearAgo, { note: '门口标识牌' })
        await addEvidence(tx, by, site, 'rules', 'document', yearAgo, { note: '工作室管理制度' })
      }
      await addEvidence(tx, by, 'W05', 'venue', 'photo', verified, { note: '季度复核：活动室' })
      await addEvidence(tx, by, 'W05', 'sign', 'photo', verified, { note: '季度复核：标识牌' })
    },
  },
  {
    name: 'operations-archive',
    run: async (tx, { now }) => {
      const by = await staffId(tx)
      // Every held activity of W05 has its whole archive; W01's lack their minutes.
      const held = await tx.query<{ id: number; site_id: string; ends_at: Date }>(
        `SELECT a.id, a.site_id, a.ends_at FROM activities a
         WHERE a.site_id IN ('W01', 'W05') AND a.ends_at <= $1 AND a.ends_at > $2
           AND EXISTS (SELECT 1 FROM activity_attendance x WHERE x.activity_id = a.id) ORDER BY a.id`,
        [now, new Date(now.getTime() - 366 * DAY_MS)],
      )
      for (const activity of held) {
        const at = new Date(Math.min(activity.ends_at.getTime() + DAY_MS, now.getTime()))
        const parts: [string, 'photo' | 'document'][] = activity.site_id === 'W05' ? [['plan', 'document'], ['minutes', 'document'], ['photo', 'photo']] : [['plan', 'document'], ['photo', 'photo']]
        for (const [part, kind] of parts) await addEvidence(tx, by, activity.site_id, 'archive', kind, at, { activityId: Number(activity.id), part })
      }
    },
  },
  {
    name: 'operations-assisted',
    run: async (tx, { now }) => {
      const by = await staffId(tx)
      if (by === null) return
      const today = new Date(now.getTime() - (now.getTime() % DAY_MS) + 2 * 60 * 60 * 1000) // 10:00 in Shanghai, the day of `now` (UTC)
      for (const [i, [name, birthYear, idLast4]] of deskResidents.entries()) {
        await tx.query(
          `INSERT INTO assisted_people (name, birth_year, id_last4, created_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [name, birthYear, idLast4, by, new Date(today.getTime() - 14 * DAY_MS)],
        )
        // Each comes to the desk every few days over the last two weeks (never today: the kiosk's demo starts fresh).
        for (let back = 14 - i; back >= 1; back -= 3) {
          const at = new Date(today.getTime() - back * DAY_MS)
          await tx.query(
            `INSERT INTO assisted_checkins (person_id, site_id, day, created_at, assisted_by)
             SELECT p.id, 'G05', ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $2, $3 FROM assisted_people p
             WHERE p.name = $1 AND p.birth_year = $4 AND EXISTS (SELECT 1 FROM sites WHERE id = 'G05') ON CONFLICT DO NOTHING`,
            [name, at, by, birthYear],
          )
        }
      }
    },
  },
  {
    name: 'operations-plan',
    run: async (tx, { now }) => {
      const year = Number(quarterOf(now).slice(0, 4))
      const plan: [site: string, month: number, title: string, cohosts: string[]][] = [
        ...[1, 3, 5, 7, 9, 11].map((month): [string, number, string, string[]] => [
          'W05', month, `运河文华·界别同心汇 第 ${(month + 1) / 2} 次界别协商`, month === 9 ? ['F03', 'W06'] : ['F03'],
        ]),
        ...Array.from({ length: 12 }, (_, i): [string, number, string, string[]] => ['W01', i + 1, '“运河情·同心缘”国学体验日', []]),
        ['W06', 5, '青年创业沙龙', ['F12']],
      ]
      for (const [site, month, title, cohosts] of plan) {
        await tx.query(
          `INSERT INTO operation_plan_items (site_id, year, month, title, cohosts, created_at)
           SELECT $1, $2, $3, $4, $5, $6 FROM sites WHERE id = $1 ON CONFLICT DO NOTHING`,
          [site, year, month, title, cohosts, new Date(Date.UTC(year, 0, 5))],
        )
      }
    },
  },
  {
    name: 'operations-archive-numbers',
    run: async (tx) => {
      // Each archived activity gets its number in the order the activities began, after any already given.
      await tx.query(
        `WITH todo AS (
           SELECT a.id, a.site_id, extract(year FROM a.starts_at AT TIME ZONE 'Asia/Shanghai')::int AS year, a.starts_at FROM activities a
           WHERE a.id IN (SELECT activity_id FROM operation_evidence WHERE dimension = 'archive')
             AND NOT EXISTS (SELECT 1 FROM operation_archive_items i WHERE i.activity_id = a.id)),
         numbered AS (
           SELECT t.id, t.site_id, t.year, COALESCE(c.last_seq, 0) + row_number() OVER (PARTITION BY t.site_id, t.year ORDER BY t.starts_at, t.id) AS seq
           FROM todo t LEFT JOIN operation_archive_counters c ON c.site_id = t.site_id AND c.year = t.year),
         items AS (INSERT INTO operation_archive_items (activity_id, site_id, year, seq, created_at) SELECT id, site_id, year, seq, now() FROM numbered)
         INSERT INTO operation_archive_counters (site_id, year, last_seq) SELECT site_id, year, max(seq) FROM numbered GROUP BY 1, 2
         ON CONFLICT (site_id, year) DO UPDATE SET last_seq = EXCLUDED.last_seq`,
      )
    },
  },
  {
    name: 'operations-visits',
    run: async (tx, { now }) => {
      const by = await staffId(tx)
      if (by === null) return
      const quarter = previousQuarter(quarterOf(now))
      const { start, end } = quarterBounds(quarter)
      const visitedAt = new Date(end.getTime() + 5 * DAY_MS)
      for (const [site, archive] of [['W05', 'met'], ['W01', 'rectify']] as const) {
        const held = await tx.query<{ id: number }>(
          `SELECT a.id FROM activities a WHERE a.site_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
             AND EXISTS (SELECT 1 FROM activity_attendance x WHERE x.activity_id = a.id)`, [site, start, end])
        const open = archive !== 'met'
        const verdicts = ['venue', 'sign', 'rules', 'activities', 'archive'].map((dimension) => ({ dimension, verdict: dimension === 'archive' ? archive : 'met', note: dimension === 'archive' && open ? '部分活动缺纪要' : '' }))
        const [visit] = await tx.query<{ id: number }>(
          `INSERT INTO operation_visits (site_id, quarter, stage, self_assessment, assessed_by, assessed_at, desk_reviewer_id, desk_reviewed_at, reviewer_id, visited_at, checked_in_at, sampled, due_on, failed, closed_at)
           SELECT $1, $2, $3, $4, $5, $6, $5, $6, $5, $7, $7, $8, $9, $10, $11 FROM sites WHERE id = $1 ON CONFLICT (site_id, quarter) DO NOTHING RETURNING id`,
          [site, quarter, open ? 'rectifying' : 'closed', JSON.stringify(verdicts.map((v) => ({ ...v, verdict: 'met' }))), by, new Date(end.getTime() + DAY_MS), visitedAt,
            drawActivities(held.map((row) => Number(row.id)), visitSeed(site, quarter)), open ? shanghaiDayAfter(visitedAt, 21) : null, open ? null : false, open ? null : visitedAt],
        )
        if (!visit) continue
        for (const v of verdicts) {
          await tx.query('INSERT INTO operation_visit_items (visit_id, round, dimension, verdict, note, due_on) VALUES ($1, 1, $2, $3, $4, $5)',
            [visit.id, v.dimension, v.verdict, v.note, v.verdict === 'met' ? null : shanghaiDayAfter(visitedAt, 21)])
        }
      }
    },
  },
]
