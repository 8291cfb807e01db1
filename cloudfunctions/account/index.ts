/** account: who I am, the name I show, and binding a member or staff profile with its one-time code. */
import { REGISTERED_NAME, type Me } from '../../src/domain/account'
import { accountContract } from '../../src/domain/account/contract'
import { maskPublic, privateParts } from '../../src/domain/mask'
import { roles, type Role } from '../../src/domain/roles'
import { everyone, publicWriters } from '../core/access'
import { screenText } from '../core/content'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import { loadCaller, moveIdentity, renameUser } from '../core/identity'
import { knownNames } from '../core/names'
import type { Queryable } from '../core/db'
import { take } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'
import { claimPhotos } from '../core/uploads'
import type { Scope } from '../core/scope'
import { markProfileBound, profileBoundTo, profileIssued, unboundProfile } from '../admin/public'

/** Wrong or used codes a person may try before binding is refused for a while. */
export const BIND_ATTEMPTS = { max: 10, windowMs: 10 * 60_000 }
/** Names a person may set in a day (each is read by the content check). */
export const RENAMES = { max: 10, windowMs: 24 * 60 * 60_000 }


function describe(caller: Caller): Me {
  const primaryRole = [...roles].reverse().find((role) => caller.roles.has(role)) as Role
  return { userId: caller.userId, nickname: caller.nickname, roles: caller.grants, primaryRole }
}

export const definition = defineFunction({
  name: 'account',
  contract: accountContract,
  openapi: ['security.msgSecCheck'],
  access: { me: everyone, setName: everyone, bind: everyone, maskPreview: publicWriters, claimPhotos: everyone },
  actions: {
    me: async ({ caller }) => describe(caller),

    setName: async (ctx) => {
      const { input, caller, platform } = ctx
      if ([...caller.roles].some((role) => role !== 'resident')) fail('forbidden', REGISTERED_NAME)
      if (input.name === caller.nickname) return describe(caller)
      await take(ctx, { key: `rename:${caller.userId}`, ...RENAMES }, '今天修改名称的次数已用完，请明天再试')
      await screenText(platform, input.name, caller.openid, 'immediate')
      await ctx.transaction(async (tx) => {
        await renameUser(tx.db, caller.userId, input.name)
        await tx.audit(`user:${caller.userId}`, { renamed: true })
      })
      return describe(await loadCaller(ctx.db, caller.openid))
    },

    maskPreview: async ({ db, input }) => {
      const names = await knownNames(db, 'all')
      return { masked: maskPublic(input.text, names), ...privateParts(input.text, names) }
    },

    claimPhotos: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        await claimPhotos(tx.db, caller.userId, input.fileIds, tx.now)
        return { claimed: input.fileIds.length }
      }),

    bind: async (ctx) => {
      const { input, caller } = ctx
      // Re-sending the code this person already bound is a success and never counts as an attempt.
      if (await profileBoundTo(ctx.db, input.code, caller.openid)) return describe(caller)
      const limit = { key: `bind:${caller.userId}`, ...BIND_ATTEMPTS }
      const attempt = await take(ctx, limit, '绑定码错误次数过多，请 10 分钟后再试')
      try {
        await ctx.transaction((tx) => bindProfile(tx, caller, input.code))
      } catch (error) {
        // The failed attempt stays counted (rate_events) and is recorded in the audit log.
        await ctx.audit('bind-failed', { code: (error as { code?: string }).code ?? 'internal' })
        throw error
      }
      await attempt.release()
      return describe(await loadCaller(ctx.db, caller.openid))
    },
  },
})

/**
 * Binds the profile of `code` to the caller. A profile that names a member record joins it: the
 * caller's WeChat identity moves onto that record (so the member keeps their history and is listed
 * once), and the caller's account until then is retired with its roles moved over. The profile is
 * admin's (admin/public.ts), the identity the kernel's (core/identity.ts), a member's facts
 * activities' (the event `profile.bound`); the roles are account's own.
 */
async function bindProfile({ db, now, audit, publish }: Scope, caller: Caller, code: string): Promise<void> {
  const profile = await unboundProfile(db, code)
  if (!profile) {
    // A second tap that raced the first one's bind is that same success.
    if (await profileBoundTo(db, code, caller.openid)) return
    const used = await profileIssued(db, code)
    return fail(used ? 'expired' : 'not_found', used ? '该绑定码已被使用' : '绑定码不存在，请核对后重新输入')
  }
  const userId = profile.member_user_id ?? caller.userId
  if (userId !== caller.userId) await joinRecord(db, caller, userId)
  await markProfileBound(db, profile.id, userId, now)
  await db.query(
    `INSERT INTO user_roles (user_id, role, site_id, unit_id, granted_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    // A member's role has no site (their studio is a member fact), so a member is one role row whatever profile made them.
    [userId, profile.role, profile.role === 'member' ? null : profile.site_id, profile.unit_id, now],
  )
  await renameUser(db, userId, profile.name)
  // The member's facts (name, sector, studio) for sector audiences, the duty lists and the studio pages.
  await publish({
    type: 'profile.bound',
    profileId: profile.id,
    userId,
    role: profile.role,
    name: profile.name,
    sector: profile.sector ?? '',
    siteId: profile.site_id,
    unitId: profile.unit_id,
  })
  await audit(`profile:${profile.id}`, { role: profile.role, siteId: profile.site_id, unitId: profile.unit_id, joined: userId !== caller.userId })
}

/** Moves the caller's identity onto the record `userId`; the caller's account so far points at it and keeps no role. */
async function joinRecord(db: Queryable, caller: Caller, userId: number): Promise<void> {
  await moveIdentity(db, caller.userId, userId, caller.openid)
  await db.query(
    `INSERT INTO user_roles (user_id, role, site_id, unit_id, granted_at)
     SELECT $2, role, site_id, unit_id, granted_at FROM user_roles WHERE user_id = $1 ON CONFLICT DO NOTHING`,
    [caller.userId, userId],
  )
  await db.query('DELETE FROM user_roles WHERE user_id = $1', [caller.userId])
}

export const main = createMain(definition)
