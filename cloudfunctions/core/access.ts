/**
 * Who may call an action: each function's definition holds one row per action (its `access`, a
 * type error when an action has none); here are the role groups the rows name, and the check.
 */
import type { Role } from '../../src/domain/roles'

export const everyone: readonly Role[] = ['resident']
export const siteManagers: readonly Role[] = ['site_admin', 'staff', 'admin']
export const screeners: readonly Role[] = ['site_admin', 'staff', 'admin', 'auditor']
export const profileIssuers: readonly Role[] = ['staff', 'admin']
export const noticeSenders: readonly Role[] = ['site_admin', 'staff', 'admin']
export const dutyReaders: readonly Role[] = ['staff', 'admin', 'auditor']
/** Those who write text the public will read: replies, notes, summaries, meeting records. */
export const publicWriters: readonly Role[] = ['site_admin', 'unit_handler', 'staff', 'admin']

/** Whether any of `roles` may call `action` of a function whose rows are `access`; undefined when there is no row. */
export function mayCall(access: Readonly<Record<string, readonly Role[]>>, action: string, roles: ReadonlySet<Role>): boolean | undefined {
  const allowed = Object.hasOwn(access, action) ? access[action] : undefined
  if (!allowed) return undefined
  return allowed.some((role) => roles.has(role))
}
