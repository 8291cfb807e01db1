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
