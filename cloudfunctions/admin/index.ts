/** admin: staff issue member and staff profiles, each with a one-time bind code. */
import { randomInt } from 'node:crypto'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, type Profile } from '../../src/domain/account'
import * as schemas from '../../src/domain/schemas'
import { fail } from '../core/errors'
import { action, createMain, type CloudFunction } from '../core/router'
import { findSite } from '../sites/find'

const profileColumns = `id, role, name, site_id AS "siteId", unit_id AS "unitId", bind_code AS "bindCode", bound_at AS "boundAt"`

function newBindCode(): string {
  return Array.from({ length: BIND_CODE_LENGTH }, () => BIND_CODE_ALPHABET[randomInt(BIND_CODE_ALPHABET.length)]).join('')
}

export const definition: CloudFunction = {
  name: 'admin',
  openapi: [],
  actions: {
    createProfile: action(schemas.adminCreateProfile, async ({ db, input, caller, now, audit }): Promise<Profile> => {
      if (input.role === 'site_admin' && !input.siteId) fail('invalid_input', '联盟点管理员须指定联盟点')
      if (input.role === 'unit_handler' && !input.unitId) fail('invalid_input', '承办单位人员须指定单位')
      if (input.siteId) await findSite(db, input.siteId)
      if (input.unitId && (await db.query('SELECT 1 FROM units WHERE id = $1', [input.unitId])).length === 0) {
        fail('not_found', '未找到该单位')
      }
      const [profile] = (await db.query(
        `INSERT INTO profiles (role, name, site_id, unit_id, bind_code, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${profileColumns}`,
        [input.role, input.name, input.siteId ?? null, input.unitId ?? null, newBindCode(), caller.userId, now],
      )) as Profile[]
      await audit(String(profile.id), { role: profile.role, name: profile.name })
      return profile
    }),

    listProfiles: action(schemas.empty, async ({ db }): Promise<Profile[]> => {
      return db.query(`SELECT ${profileColumns} FROM profiles ORDER BY id DESC`) as Promise<Profile[]>
    }),
  },
}

export const main = createMain(definition)
