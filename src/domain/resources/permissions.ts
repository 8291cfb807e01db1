/**
 * Who may do what with the alliance's resources: everyone browses and books; a site's admins edit
 * their own unit's resources and decide its bookings, district staff any; a booker cancels their
 * own booking, staff anyone's (with a reason).
 */
import { isDistrictStaff, type Person } from '../person'
import { managesSite } from '../sites/permissions'

export type ResourceAction = 'edit' | 'decide' | 'cancel'

export interface ResourceSubject {
  /** The owning unit. */
  siteId: string
  /** The booker, for a booking. */
  personId?: number
}

export function can(person: Person, action: ResourceAction, subject: ResourceSubject): boolean {
  switch (action) {
    case 'edit':
    case 'decide':
      return managesSite(person, subject.siteId)
    case 'cancel':
      return subject.personId === person.userId || isDistrictStaff(person)
  }
}

/** The units a person acts for when booking: the sites they administer. */
export const unitsOf = (person: Pick<Person, 'grants'>) =>
  person.grants.filter((grant) => grant.role === 'site_admin' && grant.siteId).map((grant) => grant.siteId as string)

/** Whether a person decides any unit's bookings (district staff, or a site's admin): 预约审核 is theirs. */
export const decidesBookings = (person: Pick<Person, 'grants'>) => isDistrictStaff(person) || unitsOf(person).length > 0
