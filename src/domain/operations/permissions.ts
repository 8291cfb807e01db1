/**
 * Who may do what with a site's operations: its profile and 六有 evidence are edited by the site's
 * own admins and by district staff; anyone reads the profile and the six badges; the evidence files
 * and the reasons behind each status are for the site's managers only.
 */
import type { Person } from '../person'
import { isDistrictStaff } from '../person'
import { managesSite } from '../sites/permissions'

export type OperationsAction = 'editProfile' | 'editPlan' | 'recordEvidence' | 'viewEvidence' | 'assist' | 'selfAssess' | 'visit' | 'overview'

export function can(person: Pick<Person, 'grants'>, action: OperationsAction, site?: { id: string }): boolean {
  switch (action) {
    case 'editProfile':
    case 'editPlan':
    case 'recordEvidence':
    case 'viewEvidence':
    case 'assist':
    case 'selfAssess':
      return !!site && managesSite(person, site.id)
    case 'overview':
      return isDistrictStaff(person)
    case 'visit':
      // District staff review; never a site they run themselves.
      return isDistrictStaff(person) && !!site && !person.grants.some((g) => g.role === 'site_admin' && g.siteId === site.id)
  }
}

/** The refusal each action gives someone who manages another site. */
export const refusals: Record<OperationsAction, string> = {
  editProfile: '只能编辑本联盟点的阵地档案',
  editPlan: '只能编辑本联盟点的年度计划',
  recordEvidence: '只能为本联盟点上传六有材料',
  viewEvidence: '只能查看本联盟点的六有材料',
  assist: '只能在本联盟点代为签到',
  selfAssess: '只能为本联盟点自评',
  visit: '不能评审本人负责的联盟点',
  overview: '仅区政协工作人员可查看全区六有情况',
}
