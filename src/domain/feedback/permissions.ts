/**
 * Who may act in 交办督复评. District staff hand over, supervise, publish and decide; a unit
 * handler acts only on their own unit's assignments; the proposer, the topic's voters and its
 * followers rate its outcome.
 */
import { holds, isDistrictStaff, type Person } from '../person'

export type FeedbackAction = 'assign' | 'supervise' | 'publish' | 'decide' | 'handle' | 'rate' | 'seeAssignments'

export interface FeedbackSubject {
  /** The unit of the assignment acted on. */
  unitId?: string
  /** For rating: the person's ties to the topic. */
  proposer?: boolean
  voted?: boolean
  following?: boolean
}

export const handlesUnit = (person: Person, unitId: string | undefined) =>
  !!unitId && person.grants.some((grant) => grant.role === 'unit_handler' && grant.unitId === unitId)

/** The units a person handles (their grants' unit ids). */
export const unitsOf = (person: Person) => person.grants.filter((grant) => grant.role === 'unit_handler' && grant.unitId).map((grant) => grant.unitId as string)

export function can(person: Person, action: FeedbackAction, subject: FeedbackSubject = {}): boolean {
  switch (action) {
    case 'assign':
    case 'supervise':
    case 'publish':
    case 'decide':
      return isDistrictStaff(person)
    case 'handle':
      return handlesUnit(person, subject.unitId)
    case 'seeAssignments':
      return isDistrictStaff(person) || holds(person, 'auditor') || (subject.unitId ? handlesUnit(person, subject.unitId) : unitsOf(person).length > 0)
    case 'rate':
      return !!(subject.proposer || subject.voted || subject.following)
  }
}
