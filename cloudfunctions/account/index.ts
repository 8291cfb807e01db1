/** account: who I am, and binding a member or staff profile with its one-time code. */
import type { Me } from '../../src/domain/account'
import { roles, type Role } from '../../src/domain/roles'
import * as schemas from '../../src/domain/schemas'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import { loadCaller } from '../core/identity'
import { action, createMain, type CloudFunction } from '../core/router'

function describe(caller: Caller): Me {
  const primaryRole = [...roles].reverse().find((role) => caller.roles.has(role)) as Role
  return { userId: caller.userId, nickname: caller.nickname, roles: caller.grants, primaryRole }
}

export const definition: CloudFunction = {
  name: 'account',
  openapi: [],
  actions: {
    me: action(schemas.empty, async ({ caller }) => describe(caller)),

    bind: action(schemas.accountBind, async ({ db, input, caller, now, audit }): Promise<Me> => {
      await db.transaction(async (tx) => {
        const [profile] = await tx.query(
          `UPDATE profiles SET bound_user_id = $1, bound_at = $2
           WHERE bind_code = $3 AND bound_user_id IS NULL RETURNING role, name, site_id, unit_id`,
          [caller.userId, now, input.code],
        )
        if (!profile) {
          const [used] = await tx.query('SELECT 1 FROM profiles WHERE bind_code = $1', [input.code])
          fail(used ? 'expired' : 'not_found', used ? '该绑定码已被使用' : '绑定码不存在，请核对后重新输入')
        }
        await tx.query(
          `INSERT INTO user_roles (user_id, role, site_id, unit_id, granted_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [caller.userId, profile.role, profile.site_id, profile.unit_id, now],
        )
        await tx.query('UPDATE users SET nickname = $2 WHERE id = $1', [caller.userId, profile.name])
      })
      await audit(input.code)
      return describe(await loadCaller(db, caller.openid))
    }),
  },
}

export const main = createMain(definition)
