/** Every role a person can hold. Everyone is a resident; the rest are granted by binding a profile. */
export const roles = ['resident', 'member', 'site_admin', 'unit_handler', 'staff', 'auditor', 'admin', 'opinion_editor'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  resident: '群众',
  member: '政协委员',
  site_admin: '联盟点管理员',
  unit_handler: '承办单位',
  staff: '政协工作人员',
  auditor: '监督员',
  admin: '系统管理员',
  opinion_editor: '社情民意信息员',
}

/** Roles that can be handed out through a one-time bind code. */
export const bindableRoles = ['member', 'site_admin', 'unit_handler', 'staff', 'auditor', 'opinion_editor'] as const
export type BindableRole = (typeof bindableRoles)[number]

export interface RoleGrant {
  role: Role
  siteId?: string | null
  unitId?: string | null
}
