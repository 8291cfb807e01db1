/**
 * What a person may do to a site. The access table (cloudfunctions/core/access.ts) is the first
 * gate, by role; these rules decide for one site. Pages use the same rule to show the buttons.
 */
import type { Person } from '../person'
import { isDistrictStaff } from '../person'

export type SiteAction = 'manage' | 'viewCode'

/** Staff and admins manage every site; a site admin only the sites granted to them. */
export function managesSite(person: Pick<Person, 'grants'>, siteId: string): boolean {
  return isDistrictStaff(person) || person.grants.some((g) => g.role === 'site_admin' && g.siteId === siteId)
}

export function can(person: Pick<Person, 'grants'>, action: SiteAction, site: { id: string }): boolean {
  switch (action) {
    case 'manage':
    case 'viewCode':
      return managesSite(person, site.id)
  }
}
