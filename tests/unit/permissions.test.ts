/** Permission rules: what a person may do to one thing, as handlers refuse and pages show it. */
import * as profiles from '../../src/domain/admin/permissions'
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
