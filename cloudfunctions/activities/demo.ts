/**
 * Demo activities (seeding step `activities-year`): a year of activities across the sites, studios and
 * 界别同心汇 of the reports (plus the coming month), the members who run and attend them, residents'
 * sign-ups, attendance, and the duty records that attendance earns under the rules, so each
 * member's total is the sum of their records. Set-based SQL: a few statements, not a loop per row.
 */
import { addMonths } from '../../src/domain/cycle'
import { shanghaiDay } from '../../src/domain/time'
import { earnActivityPoints } from '../duty/public'
import type { Queryable } from '../core/db'
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'

type Member = [openid: string, name: string, sector: string, studio: string | null]

const members: Member[] = [
  ['demo-member', '纪英瑞', '文化艺术界', 'W01'],
  ['demo-m-zjz', '张建志', '文化艺术界', 'W02'],
  ['demo-m-ly', '刘宇', '文化艺术界', 'W03'],
  ['demo-m-wff', '吴非繁', '社会法制界', 'W04'],
  // 运河文华·界别同心汇: 14 members of the arts and the education and sports sectors.
  ...([
    ['刘建华', '文化艺术界'], ['王书文', '文化艺术界'], ['李墨涵', '文化艺术界'], ['张雅琴', '文化艺术界'], ['陈思远', '文化艺术界'],
    ['赵丹青', '文化艺术界'], ['孙艺博', '文化艺术界'], ['周文澜', '教育体育界'], ['吴清源', '教育体育界'], ['郑书瑶', '教育体育界'],
    ['钱学勤', '教育体育界'], ['冯振华', '教育体育界'], ['何润生', '教育体育界'], ['高运和', '教育体育界'],
  ] as const).map(([name, sector], i): Member => [`demo-m-yh${i + 1}`, name, sector, 'W05']),
  // 新街口·新青年·界别同心汇.
  ['demo-m-qn1', '周敏', '青年委员', 'W06'], ['demo-m-qn2', '林晓', '青年委员', 'W06'], ['demo-m-qn3', '唐一鸣', '青年委员', 'W06'],
  ['demo-m-x1', '许平', '中国民主同盟', null], ['demo-m-x2', '苏杭', '经济界', null], ['demo-m-x3', '杨帆', '社会福利界', null],
]

/** [site, kind, title, place, months between, day of month, start hour, hours, capacity or null]. */
type Series = [string, string, string, string, number, number, number, number, number | null]
const series: Series[] = [
  ['W01', 'studio_day', '“运河情·同心缘”国学体验', '国学体验基地', 1, 6, 9, 2, 30],
  ['W02', 'studio_day', '剪纸非遗传承课堂', '张建志委员工作室', 1, 9, 14, 2, 25],
  ['W03', 'studio_day', '红绿彩非遗体验日', '刘宇委员工作室', 2, 12, 14, 2, 20],
  ['W04', 'studio_day', '法律服务接待日', '吴非繁委员工作室', 1, 15, 9, 3, null],
  ['W06', 'sector', '新街口·新青年 界别同心汇 协商讨论', '新街口青年之家', 3, 18, 19, 2, 40],
  ['F01', 'salon', '书香政协·民生圆桌会', '区图书馆三楼报告厅', 1, 20, 14, 2, 60],
  ['F11', 'forum', '产城融合·发展议事厅', '经济开发区产业园服务中心', 1, 22, 15, 2, 80],
  ['G04', 'hearing', '社区微治理·居民恳谈会', '兴文社区议事室', 1, 24, 19, 2, 50],
  ['S03', 'monthly', '兴文社区“月月说事”议事会', '兴文社区协商工作站', 1, 26, 19, 2, 50],
  ['C01', 'lecture', '协商民主专题培训讲座', '区政协协商民主实践中心报告厅', 3, 28, 9, 3, 120],
]

/** 运河文华·界别同心汇's seven gatherings of the year (the report's 聚识活动 7 次). */
const yunheTopics = ['古玩市场发展聚识活动', '大运河文化传承座谈', '国学讲堂', '运河古街业态提升协商', '非遗进校园研讨', '运河文化博物馆开放日建言', '年度聚识成果交流']

interface Row { site: string; kind: string; title: string; place: string; starts: string; ends: string; capacity: number | null }

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`

function plan(now: Date): Row[] {
  const month = shanghaiDay(now).slice(0, 7)
  const rows: Row[] = []
  const add = (site: string, kind: string, title: string, place: string, monthOf: string, day: number, hour: number, hours: number, capacity: number | null) => {
    const date = `${monthOf}-${String(day).padStart(2, '0')}`
    rows.push({ site, kind, title, place, starts: at(date, hour), ends: at(date, hour + hours), capacity })
  }
  for (let back = -12; back <= 1; back++) {
    const m = addMonths(month, back)
    for (const [site, kind, title, place, every, day, hour, hours, capacity] of series) {
      if ((back + 12) % every === 0) add(site, kind, title, place, m, day, hour, hours, capacity)
    }
  }
  yunheTopics.forEach((title, i) => add('W05', 'sector', `运河文华·界别同心汇 ${title}`, '运河文化博物馆', addMonths(month, -11 + i * 2), 16, 15, 2, 40))
  // Each alliance site's 民意恳谈会 and 协商沙龙 every other month, staggered over the year.
  for (let s = 1; s <= 40; s++) {
    const site = s <= 14 ? `F${String(s).padStart(2, '0')}` : s <= 30 ? `G${String(s - 14).padStart(2, '0')}` : `R${String(s - 30).padStart(2, '0')}`
    for (let q = 0; q < 6; q++) add(site, q % 2 ? 'salon' : 'hearing', q % 2 ? '联盟点协商沙龙' : '联盟点民意恳谈会', '联盟点议事室', addMonths(month, -11 + q * 2 + (s % 2)), 3 + (s % 20), 10, 2, null)
  }
  return rows
}

async function seedActivities(tx: Queryable, now: Date): Promise<void> {
  // The members, as bound profiles would make them.
  await tx.query(
    `WITH m AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m(openid, name, sector, studio))
     INSERT INTO users (openid, nickname) SELECT openid, name FROM m ON CONFLICT (openid) DO NOTHING`,
    [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2]), members.map((m) => m[3])],
  )
  await tx.query(
    `INSERT INTO user_roles (user_id, role) SELECT id, 'member' FROM users WHERE openid = ANY ($1::text[]) ON CONFLICT DO NOTHING`,
    [members.map((m) => m[0])],
  )
  await tx.query(
    `INSERT INTO member_facts (user_id, name, sector, studio_site_id)
     SELECT u.id, m.name, m.sector, m.studio FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m(openid, name, sector, studio)
     JOIN users u ON u.openid = m.openid ON CONFLICT (user_id) DO NOTHING`,
    [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2]), members.map((m) => m[3])],
  )
  // Residents who sign up and come.
  await tx.query(
    `INSERT INTO users (openid, nickname) SELECT 'demo-r-' || g, (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10] || (ARRAY['秀英','建国','桂兰','志强','玉梅','海涛','淑珍','明','丽','伟'])[1 + (g * 7) % 10]
     FROM generate_series(1, 60) g ON CONFLICT (openid) DO NOTHING`,
  )
  // The skeleton's daily activities get their kinds, and the studio's its organiser.
  await tx.query(
    `UPDATE activities SET kind = CASE site_id WHEN 'C01' THEN 'monthly' WHEN 'F01' THEN 'salon' WHEN 'F11' THEN 'forum' WHEN 'G04' THEN 'hearing'
       WHEN 'W01' THEN 'studio_day' ELSE kind END,
       organiser_id = CASE WHEN site_id = 'W01' THEN (SELECT id FROM users WHERE openid = 'demo-member') ELSE organiser_id END
     WHERE organiser_id IS NULL`,
  )
  const rows = plan(now)
  const made = await tx.query<{ id: number }>(
    `INSERT INTO activities (site_id, kind, title, place, starts_at, ends_at, capacity, organiser_id, intro, created_at)
     SELECT r.site, r.kind, r.title, r.place, r.starts, r.ends, r.capacity,
       COALESCE((SELECT f.user_id FROM member_facts f WHERE f.studio_site_id = r.site ORDER BY f.user_id LIMIT 1), (SELECT id FROM users WHERE openid = 'demo-staff')),
       '围绕群众关心的热点开展协商议事，欢迎报名参加。', r.starts::timestamptz - interval '14 days'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::int[]) AS r(site, kind, title, place, starts, ends, capacity)
     WHERE NOT EXISTS (SELECT 1 FROM activities a WHERE a.site_id = r.site AND a.title = r.title AND a.starts_at = r.starts)
     RETURNING id`,
    [rows.map((r) => r.site), rows.map((r) => r.kind), rows.map((r) => r.title), rows.map((r) => r.place),
      rows.map((r) => r.starts), rows.map((r) => r.ends), rows.map((r) => r.capacity)],
  )
  const ids = made.map((r) => r.id)
  // Sign-ups: a studio's or 同心汇's own members always, other members and residents by a fixed draw, within capacity.
  await tx.query(
    `INSERT INTO activity_signups (activity_id, person_id, status, created_at, queued_seq)
     SELECT a.id, u.id, 'confirmed', a.created_at + (abs(hashtext(a.id || ':' || u.id)) % 600) * interval '1 minute', nextval('activity_signup_seq')
     FROM activities a CROSS JOIN users u LEFT JOIN member_facts f ON f.user_id = u.id
     WHERE a.id = ANY ($1::bigint[]) AND (u.openid LIKE 'demo-r-%' OR f.user_id IS NOT NULL)
       AND (f.studio_site_id = a.site_id OR abs(hashtext(a.id || ':' || u.id)) % 100 < CASE WHEN f.user_id IS NULL THEN 12 ELSE 10 END)
     ORDER BY a.id, u.id
     ON CONFLICT (activity_id, person_id) DO NOTHING`,
    [ids],
  )
  // Past the capacity, the later sign-ups wait.
  await tx.query(
    `UPDATE activity_signups s SET status = 'waitlisted' FROM (
       SELECT s.id, a.capacity, row_number() OVER (PARTITION BY s.activity_id ORDER BY s.queued_seq) AS n
       FROM activity_signups s JOIN activities a ON a.id = s.activity_id WHERE a.id = ANY ($1::bigint[]) AND a.capacity IS NOT NULL) q
     WHERE q.id = s.id AND q.n > q.capacity`,
    [ids],
  )
  // Nine in ten of those signed up came to the activities that are over; their check-ins are within the window.
  await tx.query(
    `INSERT INTO activity_attendance (activity_id, user_id, at, via)
     SELECT s.activity_id, s.person_id, a.starts_at - interval '10 minutes' + (abs(hashtext(s.person_id || ':' || a.id)) % 40) * interval '1 minute', 'code'
     FROM activity_signups s JOIN activities a ON a.id = s.activity_id
     WHERE a.id = ANY ($1::bigint[]) AND a.ends_at < $2 AND s.status = 'confirmed' AND abs(hashtext(s.person_id || '/' || a.id)) % 10 <> 0
     ON CONFLICT (activity_id, user_id) DO NOTHING`,
    [ids, now],
  )
  await tx.query(
    `UPDATE activities a SET confirmed_count = (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'confirmed')
     WHERE a.id = ANY ($1::bigint[])`,
    [ids],
  )
  await earnActivityPoints(tx, ids)
  // Two corrections by staff, as the duty record would hold them: a speech at the plenary session and an adopted proposal.
  await tx.query(
    `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, note, created_by, created_at)
     SELECT u.id, $1::date, c.kind, (SELECT id FROM duty_rules r WHERE r.kind = c.kind ORDER BY effective_from DESC LIMIT 1),
       (SELECT points FROM duty_rules r WHERE r.kind = c.kind ORDER BY effective_from DESC LIMIT 1), 'correction:demo-' || c.kind || '-' || u.id, c.note,
       (SELECT id FROM users WHERE openid = 'demo-staff'), $2
     FROM users u CROSS JOIN (VALUES ('speak', '在区政协全会上作大会发言：大运河文化传承'), ('adopted', '提案“加强运河古街非遗展示”被采纳')) AS c(kind, note)
     WHERE u.openid = 'demo-member' ON CONFLICT (user_id, source_key) DO NOTHING`,
    [`${addMonths(shanghaiDay(now).slice(0, 7), -2)}-10`, now],
  )
}

/** The unbound demo member profiles name the demo members they are for, with their sector and studio. */
async function linkDemoProfiles(tx: Queryable): Promise<void> {
  await tx.query(
    `UPDATE profiles p SET member_user_id = f.user_id, sector = f.sector, site_id = f.studio_site_id
     FROM (VALUES ('MEMBER23', 'demo-m-zjz'), ('MEMBER24', 'demo-m-wff')) AS link (code, openid)
     JOIN users u ON u.openid = link.openid JOIN member_facts f ON f.user_id = u.id
     WHERE p.bind_code = link.code AND p.bound_user_id IS NULL`,
  )
}

/** Five daily activities, on every day from yesterday for `activityDays` days. */
const activityPlan = [
  ['C01', '月月说事·本月议题征集', '一楼协商议事厅', 9, 11],
  ['F01', '书香政协·民生圆桌会', '三楼报告厅', 14, 16],
  ['F11', '产城融合·发展议事厅', '园区服务中心', 15, 17],
  ['G04', '社区微治理·居民恳谈会', '兴文社区议事室', 19, 21],
  ['W01', '“运河情·同心缘”国学体验', '工作室', 10, 12],
] as const

export const demo: SeedStep<DemoContext>[] = [
  {
    name: 'daily-activities',
    run: async (tx, { now, activityDays }) => {
      for (let offset = -1; offset < activityDays; offset++) {
        const day = shanghaiDay(new Date(now.getTime() + offset * 86_400_000))
        for (const [siteId, title, place, from, to] of activityPlan) {
          const at = (hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`
          await tx.query(
            `INSERT INTO activities (site_id, title, place, starts_at, ends_at) SELECT $1, $2, $3, $4, $5
             WHERE NOT EXISTS (SELECT 1 FROM activities WHERE site_id = $1 AND title = $2 AND starts_at = $4)`,
            [siteId, title, place, at(from), at(to)],
          )
        }
      }
    },
  },
  // Before the notices: a notice to members of a sector reaches the members this step makes.
  { name: 'activities-year', run: (tx, { now }) => seedActivities(tx, now) },
  // The demo codes MEMBER23 and MEMBER24 are for the members 张建志 and 吴非繁 of the demo year: binding one joins that member.
  { name: 'member-profiles', run: (tx) => linkDemoProfiles(tx) },
]
