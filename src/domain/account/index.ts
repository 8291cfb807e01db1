import { lengthProblem } from '../limits'
import { maskNumbers } from '../mask'
import type { BindableRole, Role, RoleGrant } from '../roles'

export interface Me {
  userId: number
  nickname: string
  roles: RoleGrant[]
  /** The highest role held, for choosing what to show. */
  primaryRole: Role
}

export interface Profile {
  id: number
  role: BindableRole
  name: string
  siteId: string | null
  unitId: string | null
  sector: string | null
  /** The member record binding joins, when the profile names one. */
  memberId: number | null
  bindCode: string
  boundAt: string | null
}

/** Bind codes: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const BIND_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const BIND_CODE_LENGTH = 8

/** The name a person shows to others (account.setName): counted as a person counts characters. */
export const displayNameLimits = { min: 2, max: 12 }

/** One line, no office's title, no phone or ID number: the checks beyond length, in field order. */
export const displayNameRules: readonly { ok(name: string): boolean; message: string }[] = [
  { ok: (name) => !/[\r\n\t]/.test(name), message: '名称只能写一行' },
  { ok: (name) => !/政协|管理员|工作人员|官方|客服/.test(name), message: '名称不能含有“政协”“管理员”“工作人员”等字样' },
  { ok: (name) => maskNumbers(name) === name, message: '名称不能含有电话或证件号码' },
]

/** What is wrong with a display name, in the function's own words, or undefined. */
export function displayNameProblem(name: string): string | undefined {
  return lengthProblem('名称', name, displayNameLimits) ?? displayNameRules.find((rule) => !rule.ok(name.trim()))?.message
}

/** A person with a working role keeps the name the office registered with their profile. */
export const REGISTERED_NAME = '您的姓名以区政协登记的为准，如需更改请联系政协工作人员'
