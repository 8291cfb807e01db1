/** Demo people (seeding step `people`): one identity per role for the dev sign-in, and profiles waiting to be bound. */
import type { DemoContext, DemoPerson } from '../core/feature'
import type { SeedStep } from '../core/seed'

/** Demo identities offered by the dev sign-in. */
export const demoPeople: DemoPerson[] = [
  { openid: 'demo-resident', persona: 'resident', nickname: '王秀英', grants: [] },
  { openid: 'demo-member', persona: 'member', nickname: '纪英瑞', grants: [{ role: 'member' }] },
  { openid: 'demo-site-admin', persona: 'site_admin', nickname: '李静', grants: [{ role: 'site_admin', siteId: 'F01' }] },
  { openid: 'demo-unit', persona: 'unit_handler', nickname: '陈刚', grants: [{ role: 'unit_handler', unitId: 'U01' }] },
  { openid: 'demo-staff', persona: 'staff', nickname: '赵明', grants: [{ role: 'staff' }] },
  { openid: 'demo-auditor', persona: 'auditor', nickname: '钱伟', grants: [{ role: 'auditor' }] },
  { openid: 'demo-editor', persona: 'opinion_editor', nickname: '周红', grants: [{ role: 'opinion_editor' }] },
  { openid: 'demo-admin', persona: 'admin', nickname: '系统管理员', grants: [{ role: 'admin' }] },
]

/** Profiles waiting to be bound, with fixed codes so a demo can bind them. */
export const demoProfiles = [
  { role: 'member', name: '张建志', code: 'MEMBER23' },
  { role: 'member', name: '吴非繁', code: 'MEMBER24' },
  { role: 'staff', name: '孙丽', code: 'STAFF234' },
]

export const demo: SeedStep<DemoContext>[] = [
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
]
