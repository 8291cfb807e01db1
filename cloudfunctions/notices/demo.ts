/**
 * Demo notices: one of each audience kind, already delivered (outbox rows sent, notifications
 * written), some read; demo-resident follows three sites; the demo member is of the 文化艺术界 sector (member_facts, from the activities step).
 */
import type { AudiencePart } from '../../src/domain/notices'
import { linkPath } from '../../src/domain/notices'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'
import { resolveAudience } from './audience'
import { noticePage } from './publish'

const HOUR = 3_600_000

interface DemoNotice {
  author: string
  sender: string
  title: string
  body: string
  audience: AudiencePart[]
  hoursAgo: number
  pinned?: boolean
  link?: string
  /** Recipients (openids) who have read it. */
  readBy: string[]
}

const demoNotices: DemoNotice[] = [
  {
    author: 'demo-staff', sender: '区政协', pinned: true, hoursAgo: 50, readBy: ['demo-member'],
    title: '“有事好商量”协商议事平台上线运行',
    body: '区政协协商民主实践中心联盟小程序正式上线。群众可扫联盟点二维码签到、参与月月说事、关注议题办理进展；委员可查看履职记录。欢迎大家使用。',
    audience: [{ kind: 'everyone' }],
  },
  {
    author: 'demo-site-admin', sender: '区图书馆', hoursAgo: 26, readBy: ['demo-resident'], link: linkPath('site', 'F01'),
    title: '区图书馆本周六举办协商沙龙',
    body: '本周六上午九点，区图书馆三楼报告厅举办“全民阅读与公共文化服务”协商沙龙，欢迎关注本联盟点的居民报名参加。',
    audience: [{ kind: 'sites', siteIds: ['F01'] }],
  },
  {
    author: 'demo-staff', sender: '区政协', hoursAgo: 20, readBy: [],
    title: '界别同心汇聚识活动通知',
    body: '运河文华·界别同心汇将围绕大运河文化传承开展聚识活动，请文化艺术界委员准时参加，并带领界别群众一同参与。',
    audience: [{ kind: 'members', sector: '文化艺术界' }],
  },
  {
    author: 'demo-staff', sender: '区政协', hoursAgo: 8, readBy: [],
    title: '请及时办理交办的协商议题',
    body: '本月月月说事选出的议题已交办，请各承办单位在规定的工作日内办理并答复，办理情况将向群众公示。',
    audience: [{ kind: 'units', unitIds: ['U01', 'U02', 'U03'] }],
  },
  {
    author: 'demo-staff', sender: '区政协', hoursAgo: 5, readBy: ['demo-site-admin'],
    title: '联盟点年度评价工作安排',
    body: '请各联盟点管理员整理本年度签到、议题办理和群众满意度情况，年度评价将依据参与度、转化率、满意度三项指标进行。',
    audience: [{ kind: 'roles', roles: ['site_admin', 'staff'] }],
  },
  {
    author: 'demo-staff', sender: '区政协', hoursAgo: 2, readBy: [],
    title: '新华街道协商工作室开放时间调整',
    body: '即日起，新华街道、运河街道协商工作室周末开放时间调整为 9:00—16:00，关注的居民可按新时间到站参与议事。',
    audience: [{ kind: 'sites', siteIds: ['F01', 'S01', 'S02'] }],
  },
  {
    author: 'demo-staff', sender: '区政协', hoursAgo: 1, readBy: [],
    title: '您关注的月月说事议题有新进展',
    body: '您关注的议题已进入协商议事环节，议事会记录和下一步办理安排可在议题页面查看。',
    audience: [{ kind: 'topics', topicIds: [1, 2, 3] }],
  },
]

export const demoFollows = { 'demo-resident': ['F01', 'S01', 'S02'], 'demo-member': ['F01'] } as const

async function seedNotices(tx: Queryable, now: Date): Promise<void> {
  for (const [openid, sites] of Object.entries(demoFollows)) {
    await tx.query(
      `INSERT INTO site_followers (site_id, user_id, at) SELECT s, u.id, $3 FROM unnest($2::text[]) s, users u WHERE u.openid = $1
       AND EXISTS (SELECT 1 FROM sites WHERE id = s) ON CONFLICT DO NOTHING`,
      [openid, sites, now],
    )
  }
  for (const notice of demoNotices) {
    const at = new Date(now.getTime() - notice.hoursAgo * HOUR)
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO notices (author_id, sender, title, body, link, audience, publish_at, status, pinned, created_at, published_at)
       SELECT id, $2, $3, $4, $5, $6, $7, 'published', $8, $7, $7 FROM users WHERE openid = $1
       AND NOT EXISTS (SELECT 1 FROM notices WHERE title = $3) RETURNING id`,
      [notice.author, notice.sender, notice.title, notice.body, notice.link ?? null, JSON.stringify(notice.audience), at, notice.pinned ?? false],
    )
    if (!row) continue
    const people = await resolveAudience(tx, notice.audience)
    const payload = JSON.stringify({ title: notice.title, body: notice.body, link: noticePage(row.id), noticeId: row.id })
    await tx.query(
      `WITH sent AS (
         INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, status, attempts, next_attempt_at, created_at, sent_at)
         SELECT 'inapp', r, $2, 'notice:' || $1::bigint || ':' || r, 'sent', 1, $4, $4, $4 FROM unnest($3::bigint[]) r RETURNING id, recipient_user_id)
       INSERT INTO notifications (user_id, title, body, link, created_at, outbox_id, notice_id, read_at)
       SELECT s.recipient_user_id, $5, $6, $7, $4, s.id, $1::bigint,
         CASE WHEN u.openid = ANY($8::text[]) THEN $4::timestamptz + interval '1 hour' END
       FROM sent s JOIN users u ON u.id = s.recipient_user_id`,
      [row.id, payload, people, at, notice.title, notice.body, noticePage(row.id), notice.readBy],
    )
    await tx.query('UPDATE notices SET audience_size = $2 WHERE id = $1', [row.id, people.length])
  }
}

export const demo: SeedStep<DemoContext>[] = [{ name: 'notices', run: (tx, { now }) => seedNotices(tx, now) }]
