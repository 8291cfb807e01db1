/**
 * Demo operations (seeding steps `operations-profiles`, `operations-evidence`, `operations-archive`):
 * the profiles of the studios and 界别同心汇; 运河文华·界别同心汇 (W05) with all of 六有 but 有评价
 * met, its photos taken inside its radius at the start of the year and again at the start of the
 * current quarter; 纪英瑞委员工作室 (W01) with its evidence but its activities' minutes missing
 * (有档案 待补); at 罗南社区 (G05) residents without a phone checked in at the desk over the last two
 * weeks (step `operations-assisted`, checkin's rows); the year's joint plans of W05, W01 and W06
 * (step `operations-plan`). Dates follow the real calendar, relative to the seed's `now`.
 */
import { createHash } from 'node:crypto'
import { quarterBounds, quarterOf } from '../../src/domain/operations'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'

const DAY_MS = 24 * 60 * 60 * 1000

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
]
