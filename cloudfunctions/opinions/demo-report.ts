/**
 * Demo 社情民意 at the source report's scale (seeding step `opinions-report`): from the start of the
 * seed's Shanghai year to its `now`, 830 suggestions from the 40 alliance units (24 of them duplicates
 * merged into others, so the funnel counts 800余条), 112 专报 報送 from 260 of them (46 adopted, 7 with
 * 批示: 3 city, 4 district), 39 提案 from 96 (20 shared with 专报): 35 立案 and 交办, 2 不立案, 2 并案;
 * and the 营商环境 example handed to 区行政审批服务局 (即商即转) and answered within a week. One
 * statement per table (arrays unnested), ids reserved first, every move with its timeline row.
 */
import { bigrams } from '../../src/domain/bigrams'
import { addWorkingDays } from '../../src/domain/feedback'
import { opinionCategories, type OpinionChannel } from '../../src/domain/opinions'
import { REPLY_MONTHS, replyDue } from '../../src/domain/opinions/proposals'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'
import { loadCalendar } from '../feedback/public'
import { allianceUnits } from '../sites/public'
import type { CountRow, IdRow } from './rows'

const DAY = 86_400_000
const EDITOR = '社情民意信息员'
const MATTERS = [
  '老旧小区停车位紧张', '社区养老服务点不足', '学校周边交通拥堵', '菜市场环境脏乱', '背街小巷路灯不亮', '公共厕所数量不够', '河道水质有待改善',
  '小微企业融资难', '政务服务材料重复提交', '社区医院夜间无门诊', '公园健身器材老化', '电动自行车充电难', '垃圾分类投放点不足', '老年食堂用餐不便',
  '夜间施工噪音扰民', '公交线路覆盖不足', '农贸市场缺少遮阳棚', '文化活动场地紧缺', '快递柜占用消防通道', '社区图书室开放时间短',
]
const SPEAKERS = ['张桂兰', '李国华', '王淑芬', '刘志强', '陈秀英']
const CHANNELS: OpinionChannel[] = ['self', 'self', 'on_behalf', 'self', 'activity']

type Column = [name: string, type: string]
/** Inserts rows column by column: one statement, arrays unnested. */
async function insert(tx: Queryable, table: string, columns: Column[], rows: unknown[][]) {
  if (rows.length === 0) return
  const arrays = columns.map((_, c) => rows.map((row) => row[c]))
  await tx.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
    arrays,
  )
}
const reserve = async (tx: Queryable, sequence: string, n: number) =>
  (await tx.query<IdRow>(`SELECT nextval('${sequence}') AS id FROM generate_series(1, $1::int) ORDER BY 1`, [n])).map((row) => row.id)
const idsOf = async (tx: Queryable, sql: string, params: unknown[] = []) => (await tx.query<IdRow>(sql, params)).map((row) => row.id)

const TIMELINE: Column[] = [['at', 'timestamptz'], ['actor_id', 'bigint'], ['actor_role', 'text'], ['move', 'text'], ['to_state', 'text'], ['note', 'text']]

async function seedReportYear(tx: Queryable, now: Date): Promise<void> {
  const [{ n }] = await tx.query<CountRow>('SELECT count(*)::int AS n FROM opinion_reports')
  if (n > 0) return
  const yearStart = new Date(`${shanghaiDay(now).slice(0, 4)}-01-01T00:00:00+08:00`)
  const span = now.getTime() - yearStart.getTime()
  /** An instant at fraction `f` of the year so far. */
  const at = (f: number) => new Date(yearStart.getTime() + Math.floor(f * span))
  const sites = await allianceUnits(tx)
  const people = await idsOf(tx, `SELECT id FROM users WHERE openid LIKE 'demo-voter-%' OR openid = 'demo-resident' ORDER BY id`)
  const members = await idsOf(tx, `SELECT DISTINCT user_id AS id FROM user_roles WHERE role = 'member' ORDER BY 1`)
  const [editor] = await idsOf(tx, `SELECT id FROM users WHERE openid IN ('demo-editor', 'demo-staff') ORDER BY openid LIMIT 1`)
  const [handler] = await idsOf(tx, `SELECT id FROM users WHERE openid = 'demo-unit'`)
  const units = (await tx.query<{ id: string }>('SELECT id FROM units ORDER BY id')).map((row) => row.id)

  // Suggestions: 0–335 fed outputs (used), then accepted, submitted, returned, withdrawn, and 24 merged into used ones.
  const total = 830
  const ids = await reserve(tx, 'suggestions_id_seq', total)
  const stateOf = (i: number) => (i < 336 ? 'used' : i < 520 ? 'accepted' : i < 680 ? 'submitted' : i < 780 ? 'returned' : i < 806 ? 'withdrawn' : 'merged')
  /** When each came in, as a fraction of the year so far: those that fed outputs in its first three quarters. */
  const fraction = (i: number) => (stateOf(i) === 'used' ? (((i * 37) % 336) / 336) * 0.75 : (((i * 7919) % total) / total) * 0.97)
  const created = (i: number) => at(fraction(i))
  const suggestions = ids.map((id, i) => {
    const channel = CHANNELS[i % CHANNELS.length]
    const state = stateOf(i)
    const when = created(i)
    const title = `${MATTERS[i % MATTERS.length]}的问题`
    return [id, people[i % people.length], channel === 'on_behalf' ? SPEAKERS[i % SPEAKERS.length] : null, channel, sites[i % sites.length].id,
      opinionCategories[i % opinionCategories.length], title, `${title}：群众反映较为集中，建议有关部门研究解决。`, state,
      state === 'merged' ? ids[i - 806] : null, bigrams(title).length, when, new Date(when.getTime() + 2 * DAY), i < 520 ? new Date(when.getTime() + DAY) : null]
  })
  await insert(tx, 'suggestions', [['id', 'bigint'], ['author_id', 'bigint'], ['on_behalf_of', 'text'], ['channel', 'text'], ['site_id', 'text'], ['category', 'text'],
    ['title', 'text'], ['content', 'text'], ['state', 'text'], ['merged_into', 'bigint'], ['gram_count', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ['accepted_at', 'timestamptz']], suggestions)
  const grams = suggestions.flatMap((row) => bigrams(row[6] as string).map((gram) => [gram, row[0]]))
  await insert(tx, 'suggestion_grams', [['gram', 'text'], ['suggestion_id', 'bigint']], grams)

  // The 营商环境 example of the first demo step joins report 0 (endorsed): its author reads the 批示 in 我的.
  const [example] = await tx.query<{ id: number; created_at: Date }>(`SELECT id, created_at FROM suggestions WHERE title = '老旧小区加装电梯费用分摊难' AND state = 'accepted'`)
  const reportIds = await reserve(tx, 'opinion_reports_id_seq', 112)
  const reportLinks = ids.slice(0, 260).map((id, i) => [reportIds[i % 112], id])
  const proposalIds = await reserve(tx, 'proposals_id_seq', 39)
  const proposalLinks = ids.slice(240, 336).map((id, i) => [proposalIds[i % 35], id])
  // A report is written just after the last of its suggestions came in.
  const latest = new Map<number, number>()
  for (let i = 0; i < 260; i++) latest.set(i % 112, Math.max(latest.get(i % 112) ?? 0, fraction(i)))
  if (example) {
    reportLinks.push([reportIds[0], example.id])
    latest.set(0, Math.max(latest.get(0) ?? 0, (example.created_at.getTime() - yearStart.getTime()) / span))
  }
  const written = (r: number) => Math.min(0.84, (latest.get(r) ?? 0) + 0.03)

  const timeline: unknown[][] = []
  for (const [i, row] of suggestions.entries()) {
    const when = row[11] as Date
    const state = row[8] as string
    timeline.push([row[0], when, row[1], row[3] === 'on_behalf' ? '联盟点管理员' : '建议人', 'submit', 'submitted', row[2] ? `代${row[2]}录入` : null])
    if (i < 520) timeline.push([row[0], new Date(when.getTime() + DAY), editor, EDITOR, 'accept', 'accepted', null])
    if (state === 'returned') timeline.push([row[0], new Date(when.getTime() + DAY), editor, EDITOR, 'return', 'returned', '内容较笼统，请补充具体地点后重新提交'])
    if (state === 'withdrawn') timeline.push([row[0], new Date(when.getTime() + DAY), row[1], '建议人', 'withdraw', 'withdrawn', null])
    if (state === 'merged') timeline.push([row[0], new Date(when.getTime() + 2 * DAY), editor, EDITOR, 'merge', 'merged', '与相同建议合并办理'])
  }
  const links = [...reportLinks.map(([r, s]) => ['专报', r, s]), ...proposalLinks.map(([p, s]) => ['提案', p, s])]
  for (const [kind, output, s] of links) {
    const f = kind === '专报' ? written(reportIds.indexOf(output as number)) : 0.8
    timeline.push([s, at(f), editor, EDITOR, 'use', 'used', `写入${kind}`])
  }
  if (example) await tx.query(`UPDATE suggestions SET state = 'used' WHERE id = $1`, [example.id])
  await insert(tx, 'suggestion_timeline', [['suggestion_id', 'bigint'], ...TIMELINE], timeline)

  // 专报: all 报送; 0–45 采用; 0–6 批示 (3 city, 4 district).
  const levelOf = (r: number) => (r < 3 ? '市级' : '区级')
  await insert(tx, 'opinion_reports', [['id', 'bigint'], ['title', 'text'], ['body', 'text'], ['state', 'text'], ['created_by', 'bigint'], ['created_at', 'timestamptz'],
    ['submitted_level', 'text'], ['submitted_at', 'timestamptz'], ['adopted_by', 'text'], ['adopted_at', 'timestamptz'], ['endorsed_level', 'text'], ['endorsed_at', 'timestamptz'], ['endorsement', 'text']],
  reportIds.map((id, r) => {
    const f = written(r)
    return [id, `关于${MATTERS[r % MATTERS.length]}的建议（第${r + 1}期）`, '现将近期联盟各点位收集的群众意见建议整理报告如下，供领导参阅。', r < 7 ? 'endorsed' : r < 46 ? 'adopted' : 'submitted',
      editor, at(f), '区级', at(f + 0.02), r < 46 ? '区委办公室' : null, r < 46 ? at(f + 0.05) : null, r < 7 ? levelOf(r) : null, r < 7 ? at(f + 0.08) : null,
      r < 7 ? `请有关部门认真研究，${MATTERS[r % MATTERS.length]}问题限期拿出解决方案。` : null]
  }))
  await insert(tx, 'report_suggestions', [['report_id', 'bigint'], ['suggestion_id', 'bigint']], reportLinks)
  await insert(tx, 'report_timeline', [['report_id', 'bigint'], ...TIMELINE], reportIds.flatMap((id, r) => {
    const f = written(r)
    return [[id, at(f), editor, EDITOR, 'write', 'draft', null], [id, at(f + 0.02), editor, EDITOR, 'submit', 'submitted', '报送区级'],
      ...(r < 46 ? [[id, at(f + 0.05), editor, EDITOR, 'adopt', 'adopted', '区委办公室采用']] : []),
      ...(r < 7 ? [[id, at(f + 0.08), editor, EDITOR, 'endorse', 'endorsed', `获${levelOf(r)}领导批示`]] : [])]
  }))

  await seedProposals(tx, { proposalIds, proposalLinks, members: members.length ? members : people, editor, handler: handler ?? editor, units, at })
  await seedExample(tx, editor, handler ?? editor)
}

interface ProposalPlan {
  proposalIds: number[]
  proposalLinks: number[][]
  members: number[]
  editor: number
  handler: number
  units: string[]
  at: (f: number) => Date
}

/** 提案 0–14 closed, 15–24 replied, 25–32 in handling, 33–34 just 立案; 35–36 不立案; 37–38 并案 into 33. */
async function seedProposals(tx: Queryable, { proposalIds, proposalLinks, members, editor, handler, units, at }: ProposalPlan) {
  const calendar = await loadCalendar(tx)
  const stateOf = (p: number) => (p < 15 ? 'closed' : p < 25 ? 'replied' : p < 33 ? 'assigned' : p < 35 ? 'registered' : p < 37 ? 'rejected' : 'merged')
  const proposersOf = (p: number) => [...new Set([members[p % members.length], members[(p + 1) % members.length]])]
  const rows = proposalIds.map((id, p) => {
    const state = stateOf(p)
    const handled = p < 33
    return [id, `关于解决${MATTERS[p % MATTERS.length]}的提案`, `针对${MATTERS[p % MATTERS.length]}，建议有关部门统筹资源、明确责任、限期解决。`, opinionCategories[p % opinionCategories.length],
      state, members[p % members.length], state === 'merged' ? proposalIds[33] : null, p < 35 ? at(0.81) : null, handled ? at(0.82) : null,
      handled ? shanghaiDay(at(0.82)) : null, handled ? replyDue(shanghaiDay(at(0.82)), REPLY_MONTHS, calendar) : null, at(0.8), at(0.9)]
  })
  await insert(tx, 'proposals', [['id', 'bigint'], ['title', 'text'], ['body', 'text'], ['category', 'text'], ['state', 'text'], ['drafted_by', 'bigint'], ['merged_into', 'bigint'],
    ['registered_at', 'timestamptz'], ['assigned_at', 'timestamptz'], ['assigned_day', 'date'], ['reply_due', 'date'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], rows)
  const proposers = proposalIds.flatMap((id, p) => proposersOf(p).map((user, k) => [id, user, k === 0 ? 'lead' : 'cosigner', null]))
  const joined = new Set(proposersOf(33))
  for (const p of [37, 38]) {
    for (const user of proposersOf(p).filter((u) => !joined.has(u))) {
      joined.add(user)
      proposers.push([proposalIds[33], user, 'merged', proposalIds[p]])
    }
  }
  await insert(tx, 'proposal_proposers', [['proposal_id', 'bigint'], ['user_id', 'bigint'], ['role', 'text'], ['via_proposal_id', 'bigint']], proposers)
  await insert(tx, 'proposal_suggestions', [['proposal_id', 'bigint'], ['suggestion_id', 'bigint']], proposalLinks)
  await insert(tx, 'proposal_units', [['proposal_id', 'bigint'], ['unit_id', 'text'], ['lead', 'boolean']], proposalIds.slice(0, 33).map((id, p) => [id, units[p % units.length], true]))
  const grades = ['A', 'B', 'A', 'C', 'B', 'D']
  const replies = proposalIds.slice(0, 25).flatMap((id, p) => proposersOf(p).map((user) => [id, user, 1, units[p % units.length], grades[p % grades.length],
    '经研究，已将该事项列入年度重点工作，分步推进落实，具体情况答复如下。', handler, at(0.9), p < 15 ? (p % 4 === 3 ? 'basic' : 'satisfied') : null, p < 15 ? at(0.93) : null]))
  await insert(tx, 'proposal_replies', [['proposal_id', 'bigint'], ['proposer_id', 'bigint'], ['round', 'smallint'], ['unit_id', 'text'], ['grade', 'text'], ['body', 'text'], ['replied_by', 'bigint'],
    ['replied_at', 'timestamptz'], ['satisfaction', 'text'], ['rated_at', 'timestamptz']], replies)
  const timeline = proposalIds.flatMap((id, p) => {
    const lead = members[p % members.length]
    const state = stateOf(p)
    const steps: unknown[][] = [[id, at(0.8), lead, '提案人', 'draft', 'draft', null], [id, at(0.805), lead, '提案人', 'submit', 'submitted', null]]
    if (state === 'rejected') steps.push([id, at(0.81), editor, EDITOR, 'reject', 'rejected', '属于个人诉求，不符合提案立案条件，已转有关部门办理'])
    if (state === 'merged') steps.push([id, at(0.81), editor, EDITOR, 'merge', 'merged', '与同类提案并案办理'])
    if (p < 35) steps.push([id, at(0.81), editor, EDITOR, 'register', 'registered', null])
    if (p < 33) steps.push([id, at(0.82), editor, EDITOR, 'assign', 'assigned', null])
    if (p < 25) steps.push([id, at(0.9), handler, '承办单位', 'reply', 'replied', `答复${proposersOf(p).length}位提案人（${grades[p % grades.length]}类）`])
    if (p < 15) proposersOf(p).forEach((user, k, all) => steps.push([id, at(0.93), user, '提案人', 'evaluate', k === all.length - 1 ? 'closed' : 'replied', null]))
    return steps
  })
  await insert(tx, 'proposal_timeline', [['proposal_id', 'bigint'], ...TIMELINE], timeline)
}

/** The 营商环境 example: handed to 区行政审批服务局 two days after it came in, answered four days later. */
async function seedExample(tx: Queryable, editor: number, handler: number) {
  const [row] = await tx.query<{ id: number; title: string; created_at: Date }>(`SELECT id, title, created_at FROM suggestions WHERE title = '企业开办“一件事”材料仍需多头提交' AND state = 'accepted'`)
  if (!row) return
  const handed = new Date(row.created_at.getTime() + 2 * DAY)
  const due = addWorkingDays(shanghaiDay(handed), 5, await loadCalendar(tx))
  await tx.query(
    `INSERT INTO opinion_handoffs (suggestion_id, unit_id, title, assigned_by, assigned_at, due_day, reply, replied_by, replied_at) VALUES ($1, 'U01', $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.title, editor, handed, due, '已推行企业开办“一网通办”：设立登记、刻章、社保登记、公积金开户一次提交材料、全程网办，一个工作日办结。', handler, new Date(handed.getTime() + 4 * DAY)],
  )
  await tx.query(`UPDATE suggestions SET state = 'used' WHERE id = $1`, [row.id])
  await tx.query(`INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, 'use', 'used', $5)`, [
    row.id, handed, editor, EDITOR, `即商即转：交区行政审批服务局办理，${due} 前答复`,
  ])
}

export const reportYear: SeedStep<DemoContext> = { name: 'opinions-report', run: (tx, { now }) => seedReportYear(tx, now) }
