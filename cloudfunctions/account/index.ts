/** account: who I am, and binding a member or staff profile with its one-time code. */
import type { Me } from '../../src/domain/account'
import { accountContract } from '../../src/domain/contracts/account'
import { roles, type Role } from '../../src/domain/roles'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import { loadCaller } from '../core/identity'
import { take } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'

/** Wrong or used codes a person may try before binding is refused for a while. */
export const BIND_ATTEMPTS = { max: 10, windowMs: 10 * 60_000 }

function describe(caller: Caller): Me {
  const primaryRole = [...roles].reverse().find((role) => caller.roles.has(role)) as Role
  return { userId: caller.userId, nickname: caller.nickname, roles: caller.grants, primaryRole }
}

export const definition = defineFunction({
  name: 'account',
  contract: accountContract,
  openapi: [],
  actions: {
    me: async ({ caller }) => describe(caller),

    bind: async (ctx) => {
      const { input, caller } = ctx
      const limit = { key: `bind:${caller.userId}`, ...BIND_ATTEMPTS }
      const attempt = await take(ctx, limit, '绑定码错误次数过多，请 10 分钟后再试')
      try {
        await ctx.transaction(async ({ db, now, audit }) => {
          const [profile] = await db.query(
            `UPDATE profiles SET bound_user_id = $1, bound_at = $2
             WHERE bind_code = $3 AND bound_user_id IS NULL RETURNING id, role, name, site_id, unit_id, sector`,
            [caller.userId, now, input.code],
          )
          if (!profile) {
            const [used] = await db.query('SELECT 1 FROM profiles WHERE bind_code = $1', [input.code])
            fail(used ? 'expired' : 'not_found', used ? '该绑定码已被使用' : '绑定码不存在，请核对后重新输入')
          }
          await db.query(
            `INSERT INTO user_roles (user_id, role, site_id, unit_id, granted_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING`,
            [caller.userId, profile.role, profile.site_id, profile.unit_id, now],
          )
          await db.query('UPDATE users SET nickname = $2 WHERE id = $1', [caller.userId, profile.name])
          if (profile.role === 'member') {
            // The member's facts (name, sector, studio) for sector audiences, the duty lists and the studio pages.
            await db.query(
              `INSERT INTO member_facts (user_id, name, sector, studio_site_id) VALUES ($1, $2, $3, $4)
               ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, sector = excluded.sector, studio_site_id = excluded.studio_site_id`,
              [caller.userId, profile.name, profile.sector ?? '', profile.site_id],
            )
          }
          await audit(`profile:${profile.id}`, { role: profile.role, siteId: profile.site_id, unitId: profile.unit_id })
        })
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

export const main = createMain(definition)
