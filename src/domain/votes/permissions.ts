/**
 * Who may set a site's month (月月说事's windows, winners, who may vote): that site's admins and
 * district staff. Whether a person may vote is the cycle's eligibility rule (src/domain/cycle.ts).
 */
import type { Person } from '../person'
import { managesSite } from '../sites/permissions'

export type VoteAction = 'configure'

export function can(person: Person, action: VoteAction, cycle: { siteId: string }): boolean {
  switch (action) {
    case 'configure':
      return managesSite(person, cycle.siteId)
  }
}
