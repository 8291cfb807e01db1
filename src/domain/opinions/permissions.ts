/**
 * Who may act in 社情民意. Anyone suggests for themselves; a site admin enters what was said at their
 * site on someone's behalf (staff anywhere); editors — district staff and admins until the
 * 社情民意信息员 role is granted by binding — screen, merge and write 专报, and read every
 * suggestion; a person reads and withdraws only their own.
 */
import { holds, isDistrictStaff, type Person } from '../person'

export type OpinionAction = 'submit' | 'submitOnBehalf' | 'screen' | 'merge' | 'seeAll' | 'read' | 'withdraw' | 'report'

export interface OpinionSubject {
  siteId?: string | null
  authorId?: number
}

export const isEditor = (person: Pick<Person, 'grants'>) => isDistrictStaff(person)

export function can(person: Person, action: OpinionAction, subject: OpinionSubject = {}): boolean {
  switch (action) {
    case 'submit':
      return true
    case 'submitOnBehalf':
      return isDistrictStaff(person) || (!!subject.siteId && person.grants.some((grant) => grant.role === 'site_admin' && grant.siteId === subject.siteId))
    case 'screen':
    case 'merge':
    case 'report':
      return isEditor(person)
    case 'seeAll':
      return isEditor(person) || holds(person, 'auditor')
    case 'read':
      return isEditor(person) || holds(person, 'auditor') || subject.authorId === person.userId
    case 'withdraw':
      return subject.authorId === person.userId
  }
}
