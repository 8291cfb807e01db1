/**
 * Demo 交办督复评 (a seeding step): last month's three deliberated topics carried on, each move
 * through `moveTopic` (so timelines and notifications are what real moves write), spread between
 * the meeting and now: 图书馆周边停车难 handed to 区交通运输局 and 区城市管理局, replied, published
 * and rated; 老旧小区加装电梯 being handled (one unit replied, one reporting progress);
 * 社区精神养老服务 replied and published, waiting for ratings.
 */
import { ACK_DAYS, addWorkingDays, dayOf, DEFAULT_DUE_DAYS, dueEnd } from '../../src/domain/feedback'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'
import { calendarRows } from './demo-calendar'
import { scopeOf } from '../core/scope'
import { loadTopic, moveTopic } from '../topics/public'
import { loadCalendar } from './work'

interface Plan {
  title: string
  units: { unitId: string; reply?: string; progress?: string }[]
  outcome?: string
  ratings?: number[]
}

const plans: Plan[] = [
  {
    title: '图书馆周边停车难',
    units: [
      { unitId: 'U07', reply: '已协调区政务服务中心、区税务局两处机关停车场周末错峰开放，新增车位 126 个，并在图书馆门口设置指引牌。' },
      { unitId: 'U03', reply: '已在图书馆东侧施划临时停车位 40 个，人行道加装隔离桩 60 米，安排城管队员周末巡查。' },
    ],
    outcome: '周末错峰开放两处机关停车场（新增车位 126 个），施划临时停车位 40 个，人行道加装隔离桩，停车难问题明显缓解。',
    ratings: [5, 4, 4, 5],
  },
  {
    title: '老旧小区加装电梯',
    units: [
      { unitId: 'U10', reply: '已召开 3 次楼栋议事会，6 个单元业主签订费用分摊协议，报送加装电梯补贴申请。' },
      { unitId: 'U02', progress: '已受理兴文小区 6 个单元的加装电梯申请，正在组织规划和结构安全审查。' },
    ],
  },
  {
    title: '社区精神养老服务',
    units: [
      { unitId: 'U04', reply: '已将罗南社区“银龄陪伴”志愿服务纳入区级养老服务项目，拨付启动经费，组织志愿者培训两期。' },
      { unitId: 'U11', reply: '组建志愿者队伍 32 人，每周二、五上门陪伴独居老人 41 位，开设书法、合唱兴趣课堂。' },
    ],
    outcome: '“银龄陪伴”志愿队每周两次上门陪伴独居老人 41 位，书法、合唱兴趣课堂已开班，区民政局纳入养老服务项目。',
  },
]

async function seedFeedback(tx: Queryable, now: Date): Promise<void> {
  const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM assignments')
  if (n > 0) return
  const calendar = await loadCalendar(tx)
  const [staff] = await tx.query<{ id: number }>("SELECT id FROM users WHERE openid = 'demo-staff'")
  for (const plan of plans) {
    const [row] = await tx.query<{ id: number; at: Date }>(
      `SELECT t.id, m.at FROM topics t JOIN topic_meetings m ON m.topic_id = t.id WHERE t.title = $1 AND t.state = 'deliberated' ORDER BY t.id LIMIT 1`,
      [plan.title],
    )
    if (!row) continue
    const from = row.at.getTime()
    const at = (share: number) => new Date(from + (now.getTime() - 3_600_000 - from) * share)
    const scope = (share: number, userId: number | null) => scopeOf(tx, at(share), { userId, fn: 'feedback', action: 'demo' })
    const topic = await loadTopic(tx, row.id, true)
    const staffMove = { userId: staff.id, role: '政协工作人员' }
    const unitMove = { userId: null, role: '承办单位' }

    const assignedDay = dayOf(at(0.1))
    const ackDue = addWorkingDays(assignedDay, ACK_DAYS, calendar)
    const replyDue = addWorkingDays(assignedDay, DEFAULT_DUE_DAYS, calendar)
    const names = (await tx.query<{ name: string }>('SELECT name FROM units WHERE id = ANY($1) ORDER BY id', [plan.units.map((u) => u.unitId)])).map((u) => u.name)
    await moveTopic(scope(0.1, staff.id), topic, 'assign', staffMove, `交办：${names.join('、')}`)
    let replied = 0
    for (const [i, unit] of plan.units.entries()) {
      const [assignment] = await tx.query<{ id: number }>(
        `INSERT INTO assignments (topic_id, unit_id, status, assigned_by, assigned_at, month, ack_due, reply_due, ack_end, reply_end,
           acknowledged_at, first_replied_at, replied_at, reply, next_check)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14) RETURNING id`,
        [topic.id, unit.unitId, unit.reply ? 'replied' : 'acknowledged', staff.id, at(0.1), assignedDay.slice(0, 7), ackDue, replyDue, dueEnd(ackDue),
          dueEnd(replyDue), at(0.15 + i * 0.02), unit.reply ? at(0.5 + i * 0.05) : null, unit.reply ?? null, unit.reply ? null : dueEnd(replyDue)],
      )
      if (i === 0) await moveTopic(scope(0.15, null), topic, 'handle', unitMove, '承办单位已签收')
      const note = unit.reply ?? unit.progress
      await tx.query('INSERT INTO assignment_notes (assignment_id, kind, at, body) VALUES ($1, $2, $3, $4)', [
        assignment.id, unit.reply ? 'reply' : 'progress', unit.reply ? at(0.5 + i * 0.05) : at(0.4), note,
      ])
      if (unit.reply) replied++
    }
    if (replied < plan.units.length) continue
    await moveTopic(scope(0.56, null), topic, 'reply', unitMove, '各承办单位均已答复')
    if (!plan.outcome) continue
    await moveTopic(scope(0.7, staff.id), topic, 'publish', staffMove, plan.outcome)
    await tx.query('INSERT INTO topic_outcomes (topic_id, summary, published_by, first_published_at, published_at) VALUES ($1, $2, $3, $4, $4)', [
      topic.id, plan.outcome, staff.id, at(0.7),
    ])
    const raters = [topic.proposer_id, ...(await tx.query<{ user_id: number }>('SELECT user_id FROM votes WHERE topic_id = $1 AND user_id <> $2 ORDER BY id', [topic.id, topic.proposer_id])).map((v) => v.user_id)]
    for (const [i, score] of (plan.ratings ?? []).entries()) {
      if (raters[i] === undefined) break
      await tx.query('INSERT INTO ratings (topic_id, user_id, score, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [topic.id, raters[i], score, at(0.8 + i * 0.03)])
      if (i === 0) await moveTopic(scope(0.8, raters[i]), topic, 'evaluate', { userId: raters[i], role: '提议人' })
    }
  }
}

export const demo: SeedStep<DemoContext>[] = [
  {
    // 交办督复评: the 2026–2027 holiday calendar (the handling units come with the directory).
    name: 'feedback-calendar',
    run: async (tx) => {
      await tx.query(
        `INSERT INTO calendar_days (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[]) ON CONFLICT (day) DO NOTHING`,
        [calendarRows.map((row) => row[0]), calendarRows.map((row) => row[1]), calendarRows.map((row) => row[2])],
      )
    },
  },
  { name: 'feedback-month', run: (tx, { now }) => seedFeedback(tx, now) },
]
