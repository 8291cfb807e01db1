/**
 * Who may do what with the assessment: the ranking and a final bulletin are public (units, never
 * people); a unit's detail is district staff's, auditors' and admins', and a site admin's for their
 * own unit; drafts and versions under review are theirs too (a draft goes to the units); a site
 * admin appeals for their own unit only; staff set the weights, freeze, decide appeals and publish;
 * staff and auditors recompute.
 */
import { holds, isDistrictStaff, type Person } from '../person'

export type AssessmentAction = 'viewUnit' | 'viewDraft' | 'configure' | 'publish' | 'appeal' | 'decide' | 'recompute'

/** Staff, admins and auditors read every unit. */
export const readsAll = (person: Pick<Person, 'grants'>) => isDistrictStaff(person) || holds(person, 'auditor')

/** The units a site admin answers for. */
export const ownUnits = (person: Pick<Person, 'grants'>) =>
  person.grants.filter((grant) => grant.role === 'site_admin' && grant.siteId).map((grant) => grant.siteId as string)

export function can(person: Pick<Person, 'grants'>, action: AssessmentAction, subject: { siteId?: string } = {}): boolean {
  switch (action) {
    case 'viewUnit':
      return readsAll(person) || (subject.siteId !== undefined && ownUnits(person).includes(subject.siteId))
    case 'viewDraft':
      return readsAll(person) || ownUnits(person).length > 0
    case 'appeal':
      return subject.siteId !== undefined && ownUnits(person).includes(subject.siteId)
    case 'recompute':
      return readsAll(person)
    case 'configure':
    case 'publish':
    case 'decide':
      return isDistrictStaff(person)
  }
}

/** Whether 我的 shows 联盟考核: staff, auditors, admins, and site admins (for their unit). */
export const seesAssessment = (person: Pick<Person, 'grants'>) => readsAll(person) || ownUnits(person).length > 0
