/**
 * Demo 月月说事 (a seeding step): last month's cycle, closed, with its chosen topic deliberated in a
 * recorded meeting, and this month's as the calendar says today (collecting, voting or closed), at
 * three sites: 区图书馆, 兴文社区 (the 月月说事 brand) and 罗南社区 (精神养老). Every topic's timeline
 * is the chain of moves that leads to its state, so demo data obeys the same rules as real data.
 */
import { bigrams } from '../../src/domain/bigrams'
import { addMonths, cycleWindows, defaultCycle, shanghaiMonth } from '../../src/domain/cycle'
import { moves, type TopicMove, type TopicState } from '../../src/domain/topics'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'

type Plan = [title: string, category: string, body: string, path: TopicMove[]]

const SELECTED: TopicMove[] = ['accept', 'ballot', 'select']

const lastMonth: Record<string, Plan[]> = {
  F01: [
    ['图书馆周边停车难', '交通出行', '周末到图书馆看书的家长多，周边停车位不够，车辆停到人行道上，建议错峰开放周边机关停车场。', [...SELECTED, 'deliberate']],
    ['少儿阅览区延长开放时间', '文化教育', '孩子放学后到图书馆，少儿阅览区 17:00 就关门，希望工作日延长到 19:30。', ['accept', 'ballot', 'deselect']],
  ],
  S03: [
    ['老旧小区加装电梯', '物业管理', '兴文小区多是六层老楼，老人上下楼困难，希望社区牵头协调加装电梯的费用分摊和施工。', [...SELECTED, 'deliberate']],
    ['楼道杂物清理', '环境卫生', '部分楼道堆放纸箱和旧家具，存在消防隐患，建议社区组织一次集中清理。', ['accept', 'ballot', 'deselect']],
  ],
  S04: [
    ['社区精神养老服务', '养老托育', '独居老人多，平时没人说话，希望社区组织志愿者定期上门陪伴，开办老年兴趣课堂。', [...SELECTED, 'deliberate']],
  ],
}

const thisMonth: Record<string, Plan[]> = {
  F01: [
    ['增设自助借还书机', '文化教育', '希望在地铁口和社区服务中心增设 24 小时自助借还书机，方便上班族借还书。', ['accept']],
    ['运河文化讲座进图书馆', '文化教育', '建议邀请运河文化学者每月在图书馆开一次讲座，讲讲古街、码头的老故事。', ['accept']],
    ['图书馆门口非机动车乱停', '交通出行', '门口电动车、自行车乱停，盲道被占，建议划定非机动车停放区。', ['merge']],
    ['馆内自习座位预约', '文化教育', '周末自习座位一早就被占满，有人占座不来，建议上线座位预约。', []],
  ],
  S03: [
    ['社区食堂开到晚上', '养老托育', '社区食堂只有午餐，双职工家庭和老人晚饭不方便，希望增加晚餐供应。', ['accept']],
    ['快递柜进小区', '物业管理', '快递都放在门卫室，经常丢件，希望引进智能快递柜。', ['accept']],
    ['小区广场舞音量扰民', '平安建设', '晚上广场舞音箱声音太大，影响学生写作业，建议协商时间和音量。', ['return']],
  ],
  S04: [
    ['老年人智能手机培训', '养老托育', '很多老人不会用手机挂号、扫码，建议社区每周开一次智能手机课。', ['accept']],
    ['小区路灯照明不足', '平安建设', '罗南小区 3 号楼到 6 号楼之间路灯坏了好几盏，晚上出行不安全。', ['accept']],
    ['增加社区卫生服务站夜间门诊', '养老托育', '晚上老人突发小病只能去大医院，希望卫生服务站开设夜间门诊。', ['reject']],
  ],
}

const residents = ['刘建华', '陈立', '周敏', '马强', '孙伟', '高峰', '吴倩', '郑丽', '黄磊', '林涛', '徐婧', '韩东', '杨帆', '朱红', '胡斌', '郭芳', '何静', '罗军']

const notes: Partial<Record<TopicMove, string>> = {
  return: '请补充具体时段和涉及的楼栋，便于协商',
  reject: '已纳入区卫健局年度计划，不再单独协商',
  merge: '与“图书馆周边停车难”属同一问题，合并办理',
}

async function insertTopic(tx: Queryable, siteId: string, month: string, plan: Plan, proposer: number, at: Date, cycle: DemoCycle, votes: number) {
  const [title, category, body, path] = plan
  const grams = bigrams(title)
  const [topic] = await tx.query<{ id: number }>(
    `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, gram_count, proposed_day, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7, $8, $9, $9) RETURNING id`,
    [siteId, month, proposer, title, body, category, grams.length, at.toISOString().slice(0, 10), at],
  )
  await tx.query('INSERT INTO topic_grams (site_id, gram, topic_id) SELECT $1, g, $3 FROM unnest($2::text[]) g', [siteId, grams, topic.id])
  await tx.query(`INSERT INTO topic_timeline (topic_id, at, actor_id, actor_role, move, to_state) VALUES ($1, $2, $3, '提议人', 'propose', 'submitted')`, [topic.id, at, proposer])
  await tx.query('INSERT INTO topic_followers (topic_id, user_id, at) VALUES ($1, $2, $3)', [topic.id, proposer, at])
  let state: TopicState = 'submitted'
  for (const [i, move] of path.entries()) {
    const when = move === 'ballot' ? cycle.windows.voteStart : move === 'select' || move === 'deselect' ? cycle.windows.voteEnd
      : move === 'deliberate' ? cycle.windows.meetingAt : new Date(at.getTime() + (i + 1) * 86_400_000 + 5_400_000)
    const system = move === 'ballot' || move === 'select' || move === 'deselect'
    const to = moves[move].to
    await tx.query(
      `INSERT INTO topic_timeline (topic_id, at, actor_id, actor_role, move, from_state, to_state, note)
       VALUES ($1, $2, (SELECT id FROM users WHERE openid = $3), $4, $5, $6, $7, $8)`,
      [topic.id, when, system ? null : 'demo-site-admin', system ? '系统' : '联盟点管理员', move, state, to, notes[move] ?? (system ? `得票 ${votes}` : null)],
    )
    state = to
  }
  const onBallot = path.includes('ballot')
  await tx.query(
    `UPDATE topics SET state = $2, accepted_at = CASE WHEN $3 THEN $4::timestamptz END, ballot_cycle_id = $5, final_votes = $6 WHERE id = $1`,
    [topic.id, state, path.includes('accept'), new Date(at.getTime() + 86_400_000), onBallot ? cycle.id : null, path.includes('select') || path.includes('deselect') ? votes : null],
  )
  return { id: topic.id as number, state }
}

interface DemoCycle {
  id: number
  windows: ReturnType<typeof cycleWindows>
}

async function ensureDemoCycle(tx: Queryable, siteId: string, month: string, status: string): Promise<DemoCycle> {
  const w = cycleWindows(month, defaultCycle)
  const [cycle] = await tx.query<{ id: number }>(
    `INSERT INTO cycles (site_id, month, settings, propose_start, propose_end, vote_start, vote_end, meeting_at, votes_per_person, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (site_id, month) DO UPDATE SET status = EXCLUDED.status RETURNING id`,
    [siteId, month, JSON.stringify(defaultCycle), w.proposeStart, w.proposeEnd, w.voteStart, w.voteEnd, w.meetingAt, defaultCycle.votesPerPerson, status],
  )
  return { id: cycle.id as number, windows: w }
}

async function seedTopics(tx: Queryable, now: Date): Promise<void> {
  const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM topics')
  if (n > 0) return
  const people: number[] = []
  for (const [i, name] of residents.entries()) {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO users (openid, nickname) VALUES ($1, $2) ON CONFLICT (openid) DO UPDATE SET nickname = EXCLUDED.nickname RETURNING id`,
      [`demo-voter-${i + 1}`, name],
    )
    people.push(row.id)
  }
  const current = shanghaiMonth(now)
  const currentWindows = cycleWindows(current, defaultCycle)
  const phase = now < currentWindows.voteStart ? 'proposing' : now < currentWindows.voteEnd ? 'voting' : 'closed'
  for (const [s, siteId] of ['F01', 'S03', 'S04'].entries()) {
    const past = await ensureDemoCycle(tx, siteId, addMonths(current, -1), 'closed')
    for (const [i, plan] of (lastMonth[siteId] ?? []).entries()) {
      const votes = plan[3].includes('select') ? 14 - i : 9 - i
      const topic = await insertTopic(tx, siteId, addMonths(current, -1), plan, people[(s * 5 + i) % people.length], new Date(past.windows.proposeStart.getTime() + (2 + i) * 86_400_000 + 36_000_000), past, votes)
      await castDemoVotes(tx, past.id, topic.id, people, votes, past.windows.voteStart)
      if (topic.state === 'deliberated') await recordDemoMeeting(tx, topic.id, siteId, past.windows.meetingAt)
    }
    const cycle = await ensureDemoCycle(tx, siteId, current, phase)
    const merged: number[] = []
    for (const [i, plan] of (thisMonth[siteId] ?? []).entries()) {
      const path = phase === 'proposing' || !plan[3].includes('accept') ? plan[3] : phase === 'voting' ? [...plan[3], 'ballot' as const] : [...plan[3], 'ballot' as const, i === 0 ? ('select' as const) : ('deselect' as const)]
      const votes = 8 - i
      const at = new Date(Math.min(now.getTime() - 3 * 86_400_000, currentWindows.proposeStart.getTime() + (1 + i) * 86_400_000 + 34_200_000))
      const topic = await insertTopic(tx, siteId, current, [plan[0], plan[1], plan[2], path], people[(s * 6 + i + 3) % people.length], at, cycle, votes)
      if (path.includes('ballot')) await castDemoVotes(tx, cycle.id, topic.id, people, votes, currentWindows.voteStart)
      if (topic.state === 'merged') merged.push(topic.id)
    }
    for (const id of merged) {
      await tx.query(`UPDATE topics SET merged_into = (SELECT id FROM topics WHERE site_id = $2 AND title = '图书馆周边停车难') WHERE id = $1`, [id, siteId])
    }
  }
}

async function castDemoVotes(tx: Queryable, cycleId: number, topicId: number, people: number[], count: number, from: Date) {
  for (let i = 0; i < count; i++) {
    await tx.query(
      `INSERT INTO votes (cycle_id, topic_id, user_id, slot, at)
       SELECT $1, $2, $3, coalesce(max(slot), 0) + 1, $4 FROM votes WHERE cycle_id = $1 AND user_id = $3`,
      [cycleId, topicId, people[i % people.length], new Date(from.getTime() + i * 3_600_000)],
    )
  }
}

async function recordDemoMeeting(tx: Queryable, topicId: number, siteId: string, at: Date) {
  const meetings: Record<string, [string, string, string, string]> = {
    F01: ['议事会', '区图书馆三楼报告厅（书香政协·民生圆桌会）', '错峰开放周边两处机关停车场，周末增设临时停车位 40 个，人行道加装隔离桩。', '交区交通运输局、区城市管理局办理，一个月内公示进展'],
    S03: ['恳谈会', '兴文社区议事室（月月说事议事会）', '成立加装电梯业主协调小组，按楼层分摊费用，申请既有住宅加装电梯补贴。', '交区住房和城乡建设局办理，社区跟踪公示'],
    S04: ['协商沙龙', '罗南社区协商工作站', '组建“银龄陪伴”志愿队，每周两次上门陪伴独居老人，开设书法、合唱兴趣课堂。', '交区民政局指导，社区每月公示开展情况'],
  }
  const [form, place, opinions, nextSteps] = meetings[siteId]
  await tx.query(
    `INSERT INTO topic_meetings (topic_id, form, at, place, participants, sectors, opinions, next_steps, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT id FROM users WHERE openid = 'demo-staff'), $3)`,
    [topicId, form, at, place, 23, ['社区居民', '政协委员', '职能部门'], opinions, nextSteps],
  )
}

export const demo: SeedStep<DemoContext>[] = [{ name: 'topics-month', run: (tx, { now }) => seedTopics(tx, now) }]
