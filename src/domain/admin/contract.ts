/** admin: staff issue member and staff profiles, each with a one-time bind code. */
import * as v from 'valibot'
import type { Profile } from '../account'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { bindableRoles } from '../roles'
import { recordId, siteId, unitId } from '../schemas'
import { text } from '../text'

export const adminContract = {
  createProfile: {
    input: v.object({
      role: v.picklist(bindableRoles, '身份不正确'),
      name: text('姓名', { min: 1, max: 20 }),
      siteId: v.optional(siteId),
      unitId: v.optional(unitId),
      /** A member's sector (界别); a member's siteId is their studio. */
      sector: v.optional(text('界别', { min: 1, max: 20 })),
      /** The member record this profile is for (a member who changed WeChat accounts): binding joins it. */
      memberId: v.optional(recordId('委员编号')),
    }),
    output: returns<Profile>(),
  },
  listProfiles: { input: v.object(pageFields), output: returns<Page<Profile>>() },
}
