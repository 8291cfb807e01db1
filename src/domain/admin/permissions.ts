/** Who may issue bind codes and see the issued ones (live codes included): district staff only. */
import type { Person } from '../person'
import { isDistrictStaff } from '../person'

export type ProfileAction = 'issue' | 'list'

export function can(person: Pick<Person, 'grants'>, action: ProfileAction): boolean {
  switch (action) {
    case 'issue':
    case 'list':
      return isDistrictStaff(person)
  }
}
