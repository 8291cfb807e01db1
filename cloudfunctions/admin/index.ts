/** admin: staff issue member and staff profiles, each with a one-time bind code. */
import { randomInt } from 'node:crypto'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, type Profile } from '../../src/domain/account'
import { adminContract } from '../../src/domain/admin/contract'
import * as profilePermissions from '../../src/domain/admin/permissions'
import { profileIssuers } from '../core/access'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { pageOf } from '../core/page'
import { retention } from '../core/retention'
import { createMain, defineFunction } from '../core/router'
import { findSite } from '../sites/public'

const profileColumns = `id, role, name, site_id AS "siteId", unit_id AS "unitId", sector, member_user_id AS "memberId", bind_code AS "bindCode", bound_at AS "boundAt"`

function newBindCode(): string {
  return Array.from({ length: BIND_CODE_LENGTH }, () => BIND_CODE_ALPHABET[randomInt(BIND_CODE_ALPHABET.length)]).join('')
}

export const definition = defineFunction({
  name: 'admin',
  contract: adminContract,
  openapi: [],
  access: { createProfile: profileIssuers, listProfiles: profileIssuers },
  // The kernel's retention (audit log archived after six months, lapsed sign-in records removed), run by this function's timer.
  jobs: { retention },
  actions: {
    createProfile: async ({ db, input, caller, transaction }) => {
      if (!profilePermissions.can(caller, 'issue')) fail('forbidden')
      if (input.role === 'site_admin' && !input.siteId) fail('invalid_input', '联盟点管理员须指定联盟点')
      if (input.role === 'unit_handler' && !input.unitId) fail('invalid_input', '承办单位人员须指定单位')
      if (input.sector && input.role !== 'member') fail('invalid_input', '只有政协委员需要填写界别')
      if (input.memberId !== undefined) await refuseUnknownMember(db, input.role, input.memberId)
      if (input.siteId) await findSite(db, input.siteId)
      if (input.unitId && (await db.query('SELECT 1 FROM units WHERE id = $1', [input.unitId])).length === 0) {
        fail('not_found', '未找到该单位')
      }
      return transaction(async (tx) => {
        const [profile] = await tx.db.query<Profile>(
          `INSERT INTO profiles (role, name, site_id, unit_id, sector, member_user_id, bind_code, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${profileColumns}`,
          [input.role, input.name, input.siteId ?? null, input.unitId ?? null, input.sector ?? null, input.memberId ?? null, newBindCode(), caller.userId, tx.now],
        )
        await tx.audit(`profile:${profile.id}`, { role: profile.role, name: profile.name })
        return profile
      })
    },

    listProfiles: async ({ db, input, caller, audit }) => {
      if (!profilePermissions.can(caller, 'list')) fail('forbidden')
      const page = await pageOf<Profile>(db, { columns: profileColumns, from: 'profiles', keys: ['id'], desc: true }, input)
      // The list shows live bind codes: who looked, and which page, is on record.
      await audit('profiles', { shown: page.items.map((profile) => profile.id) })
      return page
    },
  },
})

/** A profile names only an existing member's record, and only as a member profile. */
async function refuseUnknownMember(db: Queryable, role: string, memberId: number) {
  if (role !== 'member') fail('invalid_input', '只有政协委员身份可以关联委员记录')
  const rows = await db.query("SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'member'", [memberId])
  if (rows.length === 0) fail('not_found', '未找到该委员')
}

export const main = createMain(definition)
