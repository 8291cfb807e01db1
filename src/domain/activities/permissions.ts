/**
 * What a person may do with an activity. Staff and a site's admins create and manage its
 * activities; the organiser manages their own. Who may join follows the activity's audience.
 */
import type { Audience } from '.'
import { holds, isDistrictStaff, type Person } from '../person'
import { managesSite } from '../sites/permissions'

export type ActivityAction = 'create' | 'manage' | 'join'

export interface ActivitySubject {
  siteId: string
  organiserId?: number | null
  audience?: Audience
  sectors?: readonly string[]
  /** The person's own facts, for joining: their sector as a member, and whether they were invited. */
  memberSector?: string | null
  invited?: boolean
}

export function can(person: Person, action: ActivityAction, activity: ActivitySubject): boolean {
  switch (action) {
    case 'create':
      return managesSite(person, activity.siteId)
    case 'manage':
      return managesSite(person, activity.siteId) || (activity.organiserId != null && activity.organiserId === person.userId)
    case 'join':
      switch (activity.audience ?? 'open') {
        case 'open':
          return true
        case 'members':
          return holds(person, 'member') || isDistrictStaff(person)
        case 'sectors':
          return holds(person, 'member') && !!activity.memberSector && (activity.sectors ?? []).includes(activity.memberSector)
        case 'invited':
          return activity.invited === true
      }
  }
}

/** The refusal a person sees when an activity is not open to them. */
export const joinRefusal: Record<Audience, string> = {
  open: '',
  members: '该活动仅限政协委员参加',
  sectors: '该活动仅限指定界别的委员参加',
  invited: '该活动仅限受邀人员参加',
}
