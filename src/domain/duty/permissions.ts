/** Who sees and corrects duty records: a member their own; district staff (and auditors, to read) everyone's. */
import { holds, isDistrictStaff, type Person } from '../person'

export type DutyAction = 'viewAll' | 'correct'

export function can(person: Pick<Person, 'grants'>, action: DutyAction): boolean {
  switch (action) {
    case 'viewAll':
      return isDistrictStaff(person) || holds(person, 'auditor')
    case 'correct':
      return isDistrictStaff(person)
  }
}
