/** The demo data: the directory, units, people for every role, activities, as named seeding steps. */
import type { RoleGrant } from '../../src/domain/roles'
import { shanghaiDay } from '../../src/domain/time'
import type { Db } from '../core/db'
import { applySeeds, type SeedStep } from '../core/seed'
import { calendarRows } from './demo-calendar'
import { seedFeedback } from './demo-feedback'
import { linkDemoProfiles, seedActivities } from './demo-activities'
import { demoSites } from './demo-sites'
import { seedNotices } from './demo-notices'
import { seedTopics } from './demo-topics'

/** The district centre's position; sites are laid out around it, a few kilometres apart. */
const CENTRE = { lat: 37.4513, lng: 116.3594 }

export const demoUnits = [
  ['U01', '区行政审批服务局'],
  ['U02', '区住房和城乡建设局'],
  ['U03', '区城市管理局'],
  ['U04', '区民政局'],
  ['U05', '区教育和体育局'],
  ['U06', '区卫生健康局'],
  ['U07', '区交通运输局'],
  ['U08', '新华街道办事处'],
  ['U09', '运河街道办事处'],
  ['U10', '兴文社区居委会'],
  ['U11', '罗南社区居委会'],
]

/** Demo identities offered by the dev sign-in. */
export const demoPeople: { openid: string; persona: string; nickname: string; grants: RoleGrant[] }[] = [
  { openid: 'demo-resident', persona: 'resident', nickname: '王秀英', grants: [] },
  { openid: 'demo-member', persona: 'member', nickname: '纪英瑞', grants: [{ role: 'member' }] },
  { openid: 'demo-site-admin', persona: 'site_admin', nickname: '李静', grants: [{ role: 'site_admin', siteId: 'F01' }] },
  { openid: 'demo-unit', persona: 'unit_handler', nickname: '陈刚', grants: [{ role: 'unit_handler', unitId: 'U01' }] },
  { openid: 'demo-staff', persona: 'staff', nickname: '赵明', grants: [{ role: 'staff' }] },
  { openid: 'demo-auditor', persona: 'auditor', nickname: '钱伟', grants: [{ role: 'auditor' }] },
  { openid: 'demo-admin', persona: 'admin', nickname: '系统管理员', grants: [{ role: 'admin' }] },
]

/** Profiles waiting to be bound, with fixed codes so a demo can bind them. */
export const demoProfiles = [
  { role: 'member', name: '张建志', code: 'MEMBER23' },
  { role: 'member', name: '吴非繁', code: 'MEMBER24' },
  { role: 'staff', name: '孙丽', code: 'STAFF234' },
]

const activityPlan = [
  ['C01', '月月说事·本月议题征集', '一楼协商议事厅', 9, 11],
  ['F01', '书香政协·民生圆桌会', '三楼报告厅', 14, 16],
  ['F11', '产城融合·发展议事厅', '园区服务中心', 15, 17],
  ['G04', '社区微治理·居民恳谈会', '兴文社区议事室', 19, 21],
  ['W01', '“运河情·同心缘”国学体验', '工作室', 10, 12],
] as const

function position(index: number) {
  return {
    lat: CENTRE.lat + (((index * 37) % 41) - 20) * 0.0016,
    lng: CENTRE.lng + (((index * 53) % 43) - 21) * 0.002,
  }
}

interface SeedContext {
  now: Date
  /** Days of daily activities from the first start (tests use a few). */
  activityDays: number
}

/** The demo data, step by step; a feature adds its own step at the end. */
export const demoSteps: SeedStep<SeedContext>[] = [
  {
    name: 'directory',
    run: async (tx) => {
      for (const [index, site] of demoSites.entries()) {
        const { lat, lng } = index === 0 ? CENTRE : position(index)
        await tx.query(
          `INSERT INTO sites (id, name, kind, category, sector, address, intro, contact_name, contact_phone, open_hours, lat, lng, radius_m, sort)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
          [site.id, site.name, site.kind, site.category, site.sector, site.address, site.intro, site.contactName,
            site.contactPhone, '周一至周日 9:00—17:00', lat, lng, site.radiusM, index],
        )
      }
      for (const [id, name] of demoUnits) await tx.query('INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name])
    },
  },
  {
    name: 'people',
    run: async (tx) => {
      for (const person of demoPeople) {
        await tx.query('INSERT INTO users (openid, nickname) VALUES ($1, $2) ON CONFLICT (openid) DO NOTHING', [person.openid, person.nickname])
        for (const grant of person.grants) {
          await tx.query(
            `INSERT INTO user_roles (user_id, role, site_id, unit_id) SELECT id, $2, $3, $4 FROM users WHERE openid = $1
             ON CONFLICT DO NOTHING`,
            [person.openid, grant.role, grant.siteId ?? null, grant.unitId ?? null],
          )
        }
      }
      for (const profile of demoProfiles) {
        await tx.query('INSERT INTO profiles (role, name, bind_code) VALUES ($1, $2, $3) ON CONFLICT (bind_code) DO NOTHING', [
          profile.role, profile.name, profile.code,
        ])
      }
    },
  },
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
  { name: 'topics-month', run: (tx, { now }) => seedTopics(tx, now) },
  // Before the notices: a notice to members of a sector reaches the members this step makes.
  { name: 'activities-year', run: (tx, { now }) => seedActivities(tx, now) },
  { name: 'notices', run: (tx, { now }) => seedNotices(tx, now) },
  {
    // 交办督复评: the handling units (added to a directory seeded before them) and the 2026–2027 holiday calendar.
    name: 'feedback-calendar',
    run: async (tx) => {
      for (const [id, name] of demoUnits) await tx.query('INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name])
      await tx.query(
        `INSERT INTO calendar_days (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[]) ON CONFLICT (day) DO NOTHING`,
        [calendarRows.map((row) => row[0]), calendarRows.map((row) => row[1]), calendarRows.map((row) => row[2])],
      )
    },
  },
  { name: 'feedback-month', run: (tx, { now }) => seedFeedback(tx, now) },
  // The demo codes MEMBER23 and MEMBER24 are for the members 张建志 and 吴非繁 of the demo year: binding one joins that member.
  { name: 'member-profiles', run: (tx) => linkDemoProfiles(tx) },
]

/** Applies the demo steps not yet applied; answers their names. */
export function seedDemo(db: Db, now: Date, activityDays = 60): Promise<string[]> {
  return applySeeds(db, demoSteps, { now, activityDays })
}
