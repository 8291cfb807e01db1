/** Who is acting, as every permission rule sees them: a user and the roles granted to them. */
import type { Role, RoleGrant } from './roles'

export interface Person {
  userId: number
  grants: readonly RoleGrant[]
}

export const holds = (person: Pick<Person, 'grants'>, ...roles: Role[]) => person.grants.some((grant) => roles.includes(grant.role))

/** District staff and system admins: they act on every site and topic. */
export const isDistrictStaff = (person: Pick<Person, 'grants'>) => holds(person, 'staff', 'admin')
