/**
 * Data (数据) is requested, not booked: a purpose, the fields and a de-identification level; the
 * owning unit approves with the de-identified extract, or declines with a reason. The requester's
 * download link is a signed token (the request and its expiry under an HMAC) that lasts 30 days;
 * every download is written to the audit log (PIPL, 数据安全法). A forged, unknown or foreign link
 * and an expired one are each refused with their own code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { isDistrictStaff } from '../../src/domain/person'
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { can, unitsOf } from '../../src/domain/resources/permissions'
import { DATA_LINK_DAYS, type DataRequest, type DataRequestStatus } from '../../src/domain/resources/sharing'
import { fail } from '../core/errors'
import { conditions, pageOf } from '../core/page'
import type { Platform } from '../core/platform'
import type { Handlers } from '../core/router'
import type { ResourceRow } from './rows'

/** The host's and the tests' secret when RESOURCES_LINK_SECRET is not set; a deployed function requires the variable. */
const DEV_LINK_SECRET = 'dev-only-resources-link-secret'

function linkSecret(platform: Pick<Platform, 'name'>): string {
  const secret = process.env.RESOURCES_LINK_SECRET
  if (secret) return secret
  if (platform.name === 'local') return DEV_LINK_SECRET
  throw new Error('RESOURCES_LINK_SECRET is not set for the deployed function')
}

const macOf = (secret: string, payload: string) => createHmac('sha256', secret).update(`data-link:${payload}`).digest('base64url').slice(0, 22)

/** The link's token: the request's id and its expiry (unix seconds), both base 36, and their MAC. */
export function signLink(secret: string, requestId: number, expiresAt: Date): string {
  const payload = `${requestId.toString(36)}-${Math.floor(expiresAt.getTime() / 1000).toString(36)}`
  return `${payload}.${macOf(secret, payload)}`
}

/** The request a token names, when its MAC is ours; undefined for anything else. */
export function readLink(secret: string, token: string): { requestId: number; expiresAt: number } | undefined {
  const [payload, mac] = token.split('.')
  const parts = /^([0-9a-z]{1,12})-([0-9a-z]{1,10})$/.exec(payload)
  const expected = Buffer.from(macOf(secret, payload))
  if (!parts || Buffer.byteLength(mac) !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) return undefined
  return { requestId: parseInt(parts[1], 36), expiresAt: parseInt(parts[2], 36) * 1000 }
}

const requestColumns = `d.id, d.resource_id AS "resourceId", r.name AS "resourceName", d.site_id AS "siteId", s.name AS "siteName",
  fs.name AS "forSiteName", COALESCE(NULLIF(u.nickname, ''), '用户' || u.id) AS "personName", d.purpose, d.fields, d.level, d.status, d.note,
  d.created_at AS "createdAt", d.expires_at AS "expiresAt", d.person_id AS "personId"`
const requestFrom = `resource_data_requests d JOIN resources r ON r.id = d.resource_id JOIN sites s ON s.id = d.site_id
  LEFT JOIN sites fs ON fs.id = d.for_site_id JOIN users u ON u.id = d.person_id`

type RequestRow = { id: number; site_id: string; person_id: number; status: DataRequestStatus; extract: string | null; expires_at: Date | null; resource_name: string; fields: string[]; level: string }

export const dataActions: Pick<Handlers<typeof sharingContract>, 'dataset' | 'requestData' | 'dataRequests' | 'decideData' | 'download'> = {
  dataset: async ({ db, input }) => {
    const [r] = await db.query<{ id: number; name: string; siteName: string; fields: string[]; kind: string }>(
      'SELECT r.id, r.name, s.name AS "siteName", r.data_fields AS fields, r.kind FROM resources r JOIN sites s ON s.id = r.site_id WHERE r.id = $1',
      [input.resourceId],
    )
    if (!r) return fail('not_found', '未找到该资源')
    if (r.kind !== 'data') fail('not_data', '只有数据资源可以申请数据，场地、专家和课程请直接预约')
    return { id: Number(r.id), name: r.name, siteName: r.siteName, fields: r.fields }
  },


  requestData: async ({ input, caller, transaction }) => {
    const units = unitsOf(caller)
    if (input.forSiteId && !units.includes(input.forSiteId) && !isDistrictStaff(caller)) fail('forbidden', '只能为本人管理的联盟点申请')
    return transaction(async ({ db, now, audit }) => {
      const [r] = await db.query<ResourceRow & { data_fields: string[] }>('SELECT * FROM resources WHERE id = $1', [input.resourceId])
      if (!r) return fail('not_found', '未找到该资源')
      if (r.kind !== 'data') fail('not_data', '只有数据资源可以申请数据，场地、专家和课程请直接预约')
      if (r.status !== 'open') fail('closed', '该数据资源暂停申请')
      const unknown = input.fields.filter((f) => !r.data_fields.includes(f))
      if (unknown.length) fail('invalid_input', `该数据资源没有这些字段：${unknown.join('、')}`)
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO resource_data_requests (resource_id, site_id, for_site_id, person_id, purpose, fields, level, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (resource_id, person_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
        [r.id, r.site_id, input.forSiteId ?? units[0] ?? null, caller.userId, input.purpose, [...new Set(input.fields)], input.level, now],
      )
      if (!row) return fail('duplicate', '您已申请过该数据，请等待审批结果')
      await audit(`data-request:${row.id}`, { resourceId: r.id, fields: input.fields, level: input.level })
      return { id: Number(row.id), status: 'pending' as const }
    })
  },

  dataRequests: async ({ db, input, caller, platform }) => {
    const { where, params, add } = conditions()
    if (input.mine) add('d.person_id = ?', caller.userId)
    else if (!isDistrictStaff(caller)) {
      if (!unitsOf(caller).length) fail('forbidden', '只有资源所在单位可以查看数据申请')
      add('d.site_id = ANY (?::text[])', unitsOf(caller))
    }
    if (input.status) add('d.status = ?', input.status)
    const page = await pageOf<DataRequest & { personId: number; expiresAt: Date | null; createdAt: Date }>(
      db, { columns: requestColumns, from: requestFrom, where, params, keys: ['d.id'], desc: true }, input)
    const secret = linkSecret(platform)
    const items: DataRequest[] = page.items.map(({ personId, expiresAt, createdAt, ...d }) => ({
      ...d, createdAt: createdAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null,
      token: d.status === 'approved' && expiresAt && Number(personId) === caller.userId ? signLink(secret, Number(d.id), expiresAt) : null,
    }))
    return { items, next: page.next }
  },

  decideData: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const [d] = await db.query<RequestRow>('SELECT * FROM resource_data_requests WHERE id = $1 FOR UPDATE', [input.requestId])
      if (!d) return fail('not_found', '未找到该数据申请')
      if (!can(caller, 'decide', { siteId: d.site_id })) fail('forbidden', '只能审批本单位数据的申请')
      if (input.approve && !input.extract.trim()) fail('invalid_input', '批准时请附上按脱敏级别处理后的数据文件')
      if (!input.approve && [...input.note].length < 2) fail('invalid_input', '请填写不批准的原因')
      // Whole seconds, as the link carries it.
      const expires = input.approve ? new Date(Math.floor(now.getTime() / 1000) * 1000 + DATA_LINK_DAYS * 24 * 3600_000) : null
      const [done] = await db.query<{ status: 'approved' | 'declined' }>(
        `UPDATE resource_data_requests SET status = $2, note = NULLIF($3, ''), extract = $4, expires_at = $5, decided_by = $6, decided_at = $7
         WHERE id = $1 AND status = 'pending' RETURNING status`,
        [d.id, input.approve ? 'approved' : 'declined', input.note, input.approve ? input.extract : null, expires, caller.userId, now],
      )
      if (!done) return fail('already_decided', '该申请已审批')
      await audit(`data-request:${d.id}`, { status: done.status, note: input.note })
      return { status: done.status, expiresAt: expires?.toISOString() ?? null }
    }),

  download: async ({ db, input, caller, platform, now, audit }) => {
    const link = readLink(linkSecret(platform), input.token)
    const [d] = link
      ? await db.query<RequestRow>(
        'SELECT d.*, r.name AS resource_name FROM resource_data_requests d JOIN resources r ON r.id = d.resource_id WHERE d.id = $1', [link.requestId])
      : []
    if (!link || !d || d.status !== 'approved' || d.expires_at?.getTime() !== link.expiresAt || d.extract === null) {
      return fail('link_invalid', '下载链接无效，请在“我的数据申请”中重新打开')
    }
    if (Number(d.person_id) !== caller.userId) fail('not_yours', '该下载链接属于其他申请人，请自行提交数据申请')
    if (now.getTime() >= link.expiresAt) fail('link_expired', `下载链接已过期（有效期 ${DATA_LINK_DAYS} 天），请重新申请`)
    await audit(`data-request:${d.id}`, { download: true, fields: d.fields, level: d.level })
    return { filename: `${d.resource_name}-${d.id}.csv`, csv: d.extract, expiresAt: new Date(link.expiresAt).toISOString() }
  },
}
