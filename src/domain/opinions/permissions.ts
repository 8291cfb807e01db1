/**
 * Who may act in 社情民意. Anyone suggests for themselves; a site admin enters what was said at their
 * site on someone's behalf (staff anywhere); editors — the 社情民意信息员 role, and district staff and
 * admins — screen, merge, write 专报, handle 提案 (立案, 并案, 交办) and hand matters to units, and
 * read every suggestion; 批示 text is read by editors and auditors only; members draft and co-sign
 * 提案; a unit's handlers reply to what their unit was given; a person reads and withdraws only their own.
 */
import { holds, isDistrictStaff, type Person } from '../person'

export type OpinionAction =
  | 'submit' | 'submitOnBehalf' | 'screen' | 'merge' | 'seeAll' | 'read' | 'withdraw' | 'report' | 'readEndorsement'
  | 'draftProposal' | 'handleProposal' | 'replyAsUnit'

export interface OpinionSubject {
  siteId?: string | null
  authorId?: number
  unitIds?: readonly string[]
}

export const isEditor = (person: Pick<Person, 'grants'>) => isDistrictStaff(person) || holds(person, 'opinion_editor')

export function can(person: Person, action: OpinionAction, subject: OpinionSubject = {}): boolean {
  switch (action) {
    case 'submit':
      return true
    case 'submitOnBehalf':
      return isDistrictStaff(person) || (!!subject.siteId && person.grants.some((grant) => grant.role === 'site_admin' && grant.siteId === subject.siteId))
    case 'screen':
    case 'merge':
    case 'report':
    case 'handleProposal':
      return isEditor(person)
    case 'seeAll':
    case 'readEndorsement':
      return isEditor(person) || holds(person, 'auditor')
    case 'read':
      return isEditor(person) || holds(person, 'auditor') || subject.authorId === person.userId
    case 'withdraw':
      return subject.authorId === person.userId
    case 'draftProposal':
      return holds(person, 'member')
    case 'replyAsUnit':
      return person.grants.some((grant) => grant.role === 'unit_handler' && !!grant.unitId && (subject.unitIds ?? []).includes(grant.unitId))
  }
}
