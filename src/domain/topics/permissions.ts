/**
 * What a person may do to a topic. Staff act on every topic; a site admin on the topics of their
 * sites; the proposer edits their own topic while it is returned to them.
 */
import type { TopicState } from '.'
import { holds, isDistrictStaff, type Person } from '../person'
import { managesSite } from '../sites/permissions'

export type TopicAction = 'screen' | 'release' | 'edit' | 'recordMeeting'

export interface TopicSubject {
  siteId: string
  proposerId?: number
  state?: TopicState
}

export function can(person: Person, action: TopicAction, topic: TopicSubject): boolean {
  switch (action) {
    case 'screen':
    case 'recordMeeting':
      return managesSite(person, topic.siteId)
    case 'release':
      // Content held by the platform's check is judged by district staff only.
      return isDistrictStaff(person) || holds(person, 'auditor')
    case 'edit':
      return topic.proposerId === person.userId && topic.state === 'returned'
  }
}
