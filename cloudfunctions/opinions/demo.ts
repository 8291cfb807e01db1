/**
 * Demo 社情民意 (a seeding step, `opinions-year`): suggestions over the last three months before
 * the seed's `now`, from residents, a member after an activity and a site admin entering what was
 * said at a desk, in every state the machine knows; the 营商环境 example (即商即转) accepted within
 * a week. Each move writes its timeline row, as real moves do. Only this feature's tables are written.
 */
import { bigrams } from '../../src/domain/bigrams'
import type { OpinionCategory, OpinionChannel, SuggestionMove, SuggestionState } from '../../src/domain/opinions'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'
import { reportYear } from './demo-report'
import { indexTitle } from './read'
import type { CountRow, IdRow } from './rows'

const DAY = 86_400_000

interface Plan {
  title: string
  content: string
  category: OpinionCategory
  siteId: string | null
  author: string
  channel: OpinionChannel
  onBehalfOf?: string
  /** Days before `now` it was submitted, and the moves after it, each days after the submission. */
  daysAgo: number
  moves: { move: SuggestionMove; after: number; to: SuggestionState; note?: string }[]
}

const accepted = (after: number) => ({ move: 'accept' as const, after, to: 'accepted' as const })

const plans: Plan[] = [
  {
    title: '企业开办“一件事”材料仍需多头提交',
    content: '新办企业在设立登记、刻章、社保登记、公积金开户时仍要分别提交营业执照和法人身份证明，建议打通数据共享，一次提交、全程网办。',
    category: '营商环境', siteId: 'F01', author: 'demo-resident', channel: 'self', daysAgo: 80,
    moves: [{ move: 'accept', after: 2, to: 'accepted', note: '即商即转：已转区行政审批服务局办理，一周内答复' }],
  },
  {
    title: '老旧小区加装电梯费用分摊难',
    content: '兴文小区多个单元有意加装电梯，但高低楼层住户对费用分摊意见不一，建议出台分摊指导标准并由社区组织协商。',
    category: '城市建设', siteId: 'F02', author: 'demo-resident', channel: 'self', daysAgo: 60, moves: [accepted(3)],
  },
  {
    title: '老旧小区加装电梯费用如何分摊',
    content: '建议参考其他城区做法，按楼层系数分摊加装电梯费用，一楼住户适当补偿。',
    category: '城市建设', siteId: 'F02', author: 'demo-voter-1', channel: 'self', daysAgo: 58,
    moves: [{ move: 'merge', after: 4, to: 'merged', note: '与“老旧小区加装电梯费用分摊难”内容相同，合并办理' }],
  },
  {
    title: '独居老人助餐点覆盖不足',
    content: '罗南社区独居老人较多，现有助餐点距离远，建议在社区党群服务中心增设助餐点，并提供送餐上门服务。',
    category: '社会民生', siteId: 'F01', author: 'demo-site-admin', channel: 'on_behalf', onBehalfOf: '张桂兰', daysAgo: 40, moves: [accepted(5)],
  },
  {
    title: '河道沿线增设垃圾分类投放点',
    content: '沿河步道晨练人多，垃圾桶少且未分类，建议增设分类投放点并定时清运。',
    category: '生态环境', siteId: 'F01', author: 'demo-member', channel: 'activity', daysAgo: 25, moves: [accepted(2)],
  },
  {
    title: '希望多组织一些活动',
    content: '希望社区多组织一些活动，丰富大家的业余生活。',
    category: '其他', siteId: 'F01', author: 'demo-voter-2', channel: 'self', daysAgo: 20,
    moves: [{ move: 'return', after: 1, to: 'returned', note: '建议内容较笼统，请补充希望开展的活动类型和时间后重新提交' }],
  },
  {
    title: '学校周边上下学时段交通拥堵',
    content: '实验小学门口上下学时段接送车辆乱停，建议设置临时停车区、错峰放学并安排志愿者疏导。',
    category: '基层治理', siteId: null, author: 'demo-resident', channel: 'self', daysAgo: 6, moves: [],
  },
  {
    title: '社区图书室延长开放时间',
    content: '社区图书室下午五点关门，上班族下班后无法借阅，建议工作日延长至晚上八点。',
    category: '文化教育', siteId: 'F02', author: 'demo-voter-3', channel: 'self', daysAgo: 3, moves: [{ move: 'withdraw', after: 1, to: 'withdrawn' }],
  },
]

/** A demo person's id; one the earlier steps did not make stands in as the demo resident. */
async function userId(tx: Queryable, openid: string): Promise<number> {
  const [row] = await tx.query<IdRow>(`SELECT id FROM users WHERE openid = ANY($1) ORDER BY openid = $2 DESC LIMIT 1`, [[openid, 'demo-resident'], openid])
  return row.id
}

const roles: Record<SuggestionMove, string> = { submit: '建议人', accept: '社情民意信息员', return: '社情民意信息员', merge: '社情民意信息员', withdraw: '建议人', use: '社情民意信息员' }

async function seedOpinions(tx: Queryable, now: Date): Promise<void> {
  const [{ n }] = await tx.query<CountRow>('SELECT count(*)::int AS n FROM suggestions')
  if (n > 0) return
  const staff = await userId(tx, 'demo-staff')
  const ids = new Map<string, number>()
  for (const plan of plans) {
    const author = await userId(tx, plan.author)
    const at = new Date(now.getTime() - plan.daysAgo * DAY)
    const last = plan.moves.at(-1)
    const mergedInto = last?.to === 'merged' ? (ids.get('老旧小区加装电梯费用分摊难') ?? null) : null
    const acceptedMove = plan.moves.find((move) => move.to === 'accepted')
    const grams = bigrams(plan.title)
    const [row] = await tx.query<IdRow>(
      `INSERT INTO suggestions (author_id, on_behalf_of, channel, site_id, category, title, content, state, merged_into, gram_count, created_at, updated_at, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        author, plan.onBehalfOf ?? null, plan.channel, plan.siteId, plan.category, plan.title, plan.content, last?.to ?? 'submitted', mergedInto, grams.length, at,
        last ? new Date(at.getTime() + last.after * DAY) : at, acceptedMove ? new Date(at.getTime() + acceptedMove.after * DAY) : null,
      ],
    )
    const id = row.id
    ids.set(plan.title, id)
    await indexTitle(tx, id, plan.title)
    await tx.query(`INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, 'submit', 'submitted', $5)`, [
      id, at, author, plan.channel === 'on_behalf' ? '联盟点管理员' : '建议人', plan.onBehalfOf ? `代${plan.onBehalfOf}录入` : null,
    ])
    for (const move of plan.moves) {
      await tx.query('INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id, new Date(at.getTime() + move.after * DAY), move.move === 'withdraw' ? author : staff, roles[move.move], move.move, move.to, move.note ?? null,
      ])
    }
  }
}

export const demo: SeedStep<DemoContext>[] = [{ name: 'opinions-year', run: (tx, { now }) => seedOpinions(tx, now) }, reportYear]
