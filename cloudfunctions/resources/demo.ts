/**
 * Demo data of the resource list (seeding step `resources-list`): the units of the reports offer
 * believable resources — 区图书馆's 报告厅 (with its two halves) and 阅览室, the 产业园's 议事厅,
 * 吴非繁's legal advice, 纪英瑞's 国学 course — and (step `resources-month`) a month of bookings
 * around the seed's `now`, in every state (none past and still confirmed, which the no-show job would take).
 */
import { shanghaiDay } from '../../src/domain/time'
import { addDays, DEFAULT_UNIT_MONTH_HOURS } from '../../src/domain/resources'
import type { DemoContext } from '../core/feature'
import { demoUserId, type SeedStep } from '../core/seed'

type Offer = [site: string, kind: string, name: string, description: string, capacity: number | null, tags: string[], notice: number,
  min: number, max: number, before: number, after: number, approval: boolean, parent?: string]

const offers: Offer[] = [
  ['F01', 'venue', '三楼报告厅', '可容纳 120 人，配投影、音响和无线话筒，适合协商沙龙、专题讲座。', 120, ['协商沙龙', '讲座', '投影'], 24, 60, 240, 30, 30, true],
  ['F01', 'venue', '报告厅东区', '报告厅以活动隔断分出的东半区，可容纳 60 人。', 60, ['小组讨论'], 24, 60, 240, 30, 30, true, '三楼报告厅'],
  ['F01', 'venue', '报告厅西区', '报告厅以活动隔断分出的西半区，可容纳 60 人。', 60, ['小组讨论'], 24, 60, 240, 30, 30, true, '三楼报告厅'],
  ['F01', 'venue', '二楼阅览室', '安静的圆桌阅览空间，适合 30 人以内的读书会和座谈。', 30, ['读书会', '座谈'], 24, 60, 180, 0, 15, false],
  ['F11', 'venue', '产城融合·发展议事厅', '园区服务中心一楼议事厅，可容纳 80 人，适合企业座谈和民意恳谈。', 80, ['企业座谈', '恳谈会'], 24, 60, 240, 30, 30, true],
  ['W04', 'expert', '吴非繁委员·法律咨询', '吴非繁委员发挥专业优势，为协商议题和群众提供法律咨询。', null, ['法律服务', '社会法制界'], 72, 60, 120, 0, 30, true],
  ['W01', 'course', '“运河情·同心缘”国学课', '纪英瑞委员工作室的国学体验课程，可送课到联盟单位。', 30, ['国学', '传统文化'], 72, 60, 120, 30, 30, true],
  ['C01', 'data', '月月说事议题统计', '各联盟点议题征集、入选和办理情况的统计数据（脱敏）。', null, ['数据', '统计'], 72, 60, 60, 0, 0, true],
]


type Plan = [resource: string, openid: string, forSite: string | null, dayOffset: number, fromHour: number, toHour: number, status: string, purpose: string]

const month: Plan[] = [
  ['产城融合·发展议事厅', 'demo-site-admin', 'F01', -20, 14, 16, 'checked_in', '书香政协进园区座谈'],
  ['二楼阅览室', 'demo-resident', null, -12, 9, 11, 'no_show', '社区读书会'],
  ['三楼报告厅', 'demo-staff', 'C01', -6, 14, 17, 'checked_in', '协商民主专题培训讲座'],
  ['二楼阅览室', 'demo-member', null, -2, 14, 16, 'expired', '委员读书分享会筹备'],
  ['吴非繁委员·法律咨询', 'demo-site-admin', 'F01', -3, 10, 11, 'cancelled', '物业纠纷法律咨询'],
  ['报告厅东区', 'demo-staff', null, 3, 9, 11, 'confirmed', '界别委员小组讨论'],
  ['产城融合·发展议事厅', 'demo-site-admin', 'F01', 5, 14, 16, 'pending', '民生圆桌会进园区'],
  ['“运河情·同心缘”国学课', 'demo-site-admin', 'F01', 8, 9, 11, 'declined', '少儿国学体验'],
  ['三楼报告厅', 'demo-member', null, 10, 14, 16, 'pending', '委员读书分享会'],
]

export const demo: SeedStep<DemoContext>[] = [
  {
    name: 'resources-list',
    run: async (tx) => {
      const ids = new Map<string, number>()
      for (const [site, kind, name, description, capacity, tags, notice, min, max, before, after, approval, parent] of offers) {
        await tx.query(
          `INSERT INTO resources (site_id, parent_id, kind, name, description, capacity, tags, notice_hours, min_minutes, max_minutes,
             buffer_before_min, buffer_after_min, cancel_hours, needs_approval, unit_month_hours)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 24, $13, $14) ON CONFLICT (site_id, name) DO NOTHING`,
          [site, parent ? ids.get(parent) : null, kind, name, description, capacity, tags, notice, min, max, before, after, approval,
            kind === 'venue' ? DEFAULT_UNIT_MONTH_HOURS : null],
        )
        const [row] = await tx.query<{ id: number }>('SELECT id FROM resources WHERE site_id = $1 AND name = $2', [site, name])
        ids.set(name, row.id)
      }
    },
  },
  {
    name: 'resources-month',
    run: async (tx, { now }) => {
      const today = shanghaiDay(now)
      for (const [name, openid, forSite, offset, fromHour, toHour, status, purpose] of month) {
        const [resource] = await tx.query<{ id: number; site_id: string; buffer_before_min: number; buffer_after_min: number }>(
          'SELECT id, site_id, buffer_before_min, buffer_after_min FROM resources WHERE name = $1 ORDER BY id LIMIT 1', [name])
        const person = await demoUserId(tx, openid)
        if (!resource || !person) continue
        const day = addDays(today, offset)
        const start = new Date(`${day}T${String(fromHour).padStart(2, '0')}:00:00+08:00`)
        const end = new Date(`${day}T${String(toHour).padStart(2, '0')}:00:00+08:00`)
        const from = new Date(start.getTime() - resource.buffer_before_min * 60_000)
        const to = new Date(end.getTime() + resource.buffer_after_min * 60_000)
        const [seeded] = await tx.query('SELECT 1 FROM resource_bookings WHERE resource_id = $1 AND starts_at = $2', [resource.id, start])
        if (seeded) continue
        const created = new Date(Math.min(now.getTime(), start.getTime()) - 5 * 24 * 3600_000)
        const [booking] = await tx.query<{ id: number }>(
          `INSERT INTO resource_bookings (resource_id, site_id, for_site_id, person_id, starts_at, ends_at, span, purpose, status, note, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8, '[)'), $9, $10, $11, $12) RETURNING id`,
          [resource.id, resource.site_id, forSite, person, start, end, from, to, purpose, status, status === 'declined' ? '该时段已安排馆内活动' : null, created],
        )
        await tx.query(
          `INSERT INTO resource_holds (booking_id, resource_id, span, active)
           SELECT $1, r.id, tstzrange($3, $4, '[)'), $5 FROM resources r WHERE r.id = $2 OR r.parent_id = $2`,
          [booking.id, resource.id, from, to, ['pending', 'confirmed', 'checked_in'].includes(status)],
        )
      }
    },
  },
]
