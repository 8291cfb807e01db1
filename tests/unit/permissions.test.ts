/** Permission rules: what a person may do to one thing, as handlers refuse and pages show it. */
import * as profiles from '../../src/domain/admin/permissions'
import * as opinions from '../../src/domain/opinions/permissions'
import * as sites from '../../src/domain/sites/permissions'
import type { RoleGrant } from '../../src/domain/roles'

const person = (...grants: RoleGrant[]) => ({ userId: 1, grants: [{ role: 'resident' as const }, ...grants] })

describe('site rules', () => {
  it('lets staff and admins act on every site, a site admin only on theirs, and nobody else', () => {
    const library = { id: 'F01' }
    expect(sites.can(person({ role: 'staff' }), 'viewCode', library)).toBe(true)
    expect(sites.can(person({ role: 'admin' }), 'manage', library)).toBe(true)
    expect(sites.can(person({ role: 'site_admin', siteId: 'F01' }), 'viewCode', library)).toBe(true)
    expect(sites.can(person({ role: 'site_admin', siteId: 'F02' }), 'viewCode', library)).toBe(false)
    expect(sites.can(person({ role: 'member' }), 'viewCode', library)).toBe(false)
    expect(sites.can(person({ role: 'unit_handler', unitId: 'U01' }), 'manage', library)).toBe(false)
    expect(sites.can(person(), 'viewCode', library)).toBe(false)
  })
})

describe('profile rules', () => {
  it('lets only district staff issue and list bind codes', () => {
    expect(profiles.can(person({ role: 'staff' }), 'issue')).toBe(true)
    expect(profiles.can(person({ role: 'admin' }), 'list')).toBe(true)
    expect(profiles.can(person({ role: 'site_admin', siteId: 'F01' }), 'issue')).toBe(false)
    expect(profiles.can(person({ role: 'auditor' }), 'list')).toBe(false)
  })
})

describe('社情民意 rules', () => {
  it('lets editors screen and read all, a site admin enter on behalf only at their site, a person read and withdraw only their own', () => {
    const resident = person()
    expect(opinions.can(person({ role: 'staff' }), 'screen')).toBe(true)
    expect(opinions.can(person({ role: 'site_admin', siteId: 'F01' }), 'screen')).toBe(false)
    expect(opinions.can(resident, 'merge')).toBe(false)
    expect(opinions.can(person({ role: 'auditor' }), 'seeAll')).toBe(true)
    expect(opinions.can(person({ role: 'auditor' }), 'report')).toBe(false)
    expect(opinions.can(person({ role: 'site_admin', siteId: 'F01' }), 'submitOnBehalf', { siteId: 'F01' })).toBe(true)
    expect(opinions.can(person({ role: 'site_admin', siteId: 'F01' }), 'submitOnBehalf', { siteId: 'F02' })).toBe(false)
    expect(opinions.can(person({ role: 'site_admin', siteId: 'F01' }), 'submitOnBehalf', { siteId: null })).toBe(false)
    expect(opinions.can(person({ role: 'staff' }), 'submitOnBehalf', { siteId: null })).toBe(true)
    expect(opinions.can(resident, 'read', { authorId: 1 })).toBe(true)
    expect(opinions.can(resident, 'read', { authorId: 2 })).toBe(false)
    expect(opinions.can(resident, 'withdraw', { authorId: 2 })).toBe(false)
  })
})
