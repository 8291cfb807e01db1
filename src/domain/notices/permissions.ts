/**
 * Who may address whom. District staff (staff, admin) write to any audience; a site admin only to
 * the followers of sites they manage. Managing a notice (withdraw, pin, its delivery log) follows
 * the same rule over its audience, so a site admin manages exactly the notices they could send.
 */
import type { AudiencePart } from '.'
import { isDistrictStaff, type Person } from '../person'
import { managesSite } from '../sites/permissions'

export type NoticeAction = 'publish' | 'manage'

export function can(person: Person, action: NoticeAction, notice: { audience: AudiencePart[] }): boolean {
  switch (action) {
    case 'publish':
    case 'manage':
      if (isDistrictStaff(person)) return true
      return (
        notice.audience.length > 0 &&
        notice.audience.every((part) => part.kind === 'sites' && part.siteIds.every((siteId) => managesSite(person, siteId)))
      )
  }
}

/** Whether the person may write notices at all (the compose button). */
export const maySend = (person: Person) => isDistrictStaff(person) || person.grants.some((grant) => grant.role === 'site_admin')
