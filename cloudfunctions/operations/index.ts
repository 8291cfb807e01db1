/**
 * operations: running a site (issue 21) — its profile (阵地档案), the evidence of its 六有 and the
 * status each dimension earns per quarter, the six badges of the public site page and the district's
 * overview, the annual joint plan, the archive (archive.ts), the quarterly visit (visits.ts) and the
 * desk for residents without a phone (desk.ts; checkin's rows, through its public.ts). Evidence
 * files are for the site's managers, through short-lived links; the public sees statuses and dates only.
 */
import {
  archiveKindOf, archivePartLabels, dimensionLabels, dimensions, evidenceKindOf, sixStatus, MAX_EVIDENCE_BYTES, OPERATED_KINDS, quarterBounds, quarterOf,
  type Badge, type Dimension, type EvidenceItem, type PlanItem, type QuarterOverview, type SitePlan, type SiteProfile,
} from '../../src/domain/operations'
import { operationsContract } from '../../src/domain/operations/contract'
import { can, refusals } from '../../src/domain/operations/permissions'
import { distanceMetres } from '../../src/domain/geo'
import { PHOTO_ID } from '../../src/domain/photos'
import { shanghaiDay } from '../../src/domain/time'
import { everyone, profileIssuers, siteManagers } from '../core/access'
import { screenText } from '../core/content'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { createMain, defineFunction } from '../core/router'
import { requireOwnPhotos } from '../core/uploads'
import { findActivity, heldActivities } from '../activities/public'
import { siteVisitCode } from '../checkin/public'
import { FILE_LINK_SECONDS } from '../core/file-links'
import { findSite, sitesOfKinds, type SiteRow } from '../sites/public'
import { archiveBundle, archiveIndex, numberArchiveItem } from './archive'
import { deskHandlers } from './desk'
import { quarterFacts, quarterStatuses, quartersStatuses } from './facts'
import { visitHandlers } from './visits'
import type { EvidenceRow, IdRow, PlanItemRow, ProfileRow } from './rows'

const kindWords = { photo: '照片', document: '文件' } as const

async function readProfile(db: Queryable, site: SiteRow): Promise<SiteProfile> {
  const [row] = await db.query<ProfileRow>('SELECT * FROM operation_profiles WHERE site_id = $1', [site.id])
  return {
    siteId: site.id,
    siteName: site.name,
    founder: row?.founder ?? '',
    theme: row?.theme ?? '',
    sectors: row?.sectors ?? [],
    annualPlan: row?.annual_plan ?? '',
    updatedAt: row ? row.updated_at.toISOString() : null,
  }
}

const evidenceItem = (row: EvidenceRow): EvidenceItem => ({
  id: row.id,
  dimension: row.dimension,
  activityId: row.activity_id,
  part: row.part,
  fileKind: row.file_kind,
  fileId: row.file_id,
  bytes: row.bytes,
  outsideRadius: row.outside_radius,
  note: row.note,
  recordedAt: row.recorded_at.toISOString(),
})

export const definition = defineFunction({
  name: 'operations',
  contract: operationsContract,
  openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'],
  access: {
    profile: everyone,
    saveProfile: siteManagers,
    record: siteManagers,
    status: siteManagers,
    badges: everyone,
    assist: siteManagers,
    issueCard: siteManagers,
    revokeCard: siteManagers,
    deskReport: siteManagers,
    plan: everyone,
    addPlanItem: siteManagers,
    selfAssess: siteManagers,
    deskReview: profileIssuers,
    visit: profileIssuers,
    review: profileIssuers,
    visits: siteManagers,
    visitCode: siteManagers,
    exits: profileIssuers,
    decideExit: profileIssuers,
    archive: siteManagers,
    bundle: siteManagers,
    fileLink: siteManagers,
    overview: profileIssuers,
  },
  actions: {
    profile: async ({ db, input }) => readProfile(db, await findSite(db, input.siteId)),

    saveProfile: async ({ db: plain, input, caller, platform, transaction }) => {
      const site = await findSite(plain, input.siteId)
      if (!can(caller, 'editProfile', site)) fail('forbidden', refusals.editProfile)
      const sectors = [...new Set(input.sectors)]
      await screenText(platform, [input.founder, input.theme, sectors.join(' '), input.annualPlan].join('\n'), caller.openid, 'immediate')
      return transaction(async ({ db, now, audit }) => {
        await db.query(
          `INSERT INTO operation_profiles (site_id, founder, theme, sectors, annual_plan, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (site_id) DO UPDATE SET founder = $2, theme = $3, sectors = $4, annual_plan = $5, updated_by = $6, updated_at = $7`,
          [site.id, input.founder, input.theme, sectors, input.annualPlan, caller.userId, now],
        )
        await audit(`site:${site.id}`, { profile: true })
        return readProfile(db, site)
      })
    },

    record: async ({ db: plain, input, caller, transaction }) => {
      const site = await findSite(plain, input.siteId)
      if (!can(caller, 'recordEvidence', site)) fail('forbidden', refusals.recordEvidence)
      const archive = input.dimension === 'archive'
      if (archive && input.activityId === undefined) fail('invalid_input', '请选择档案所属的活动')
      if (archive && input.part === undefined) fail('invalid_input', '请选择档案内容')
      if (!archive && (input.activityId !== undefined || input.part !== undefined)) fail('invalid_input', '只有活动档案才关联活动')
      const expected = input.dimension === 'archive' ? archiveKindOf[input.part ?? 'photo'] : evidenceKindOf[input.dimension]
      const what = input.dimension === 'archive' ? archivePartLabels[input.part ?? 'photo'] : dimensionLabels[input.dimension]
      if (input.fileKind !== expected) fail('wrong_type', `${what}须上传${kindWords[expected]}`)
      if (input.fileKind === 'photo' && !PHOTO_ID.test(input.fileId)) fail('wrong_type', '照片须为 JPG 或 PNG 格式')
      if (input.bytes > MAX_EVIDENCE_BYTES) fail('too_large', `文件超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB，请压缩后再上传`)
      if (input.lat === undefined !== (input.lng === undefined)) fail('invalid_input', '位置须同时包含经纬度')
      const activity = archive ? await findActivity(plain, input.activityId ?? 0) : undefined
      if (archive && !activity) fail('not_found', '未找到该活动')
      if (activity && activity.site_id !== site.id) fail('forbidden', '该活动不属于本联盟点')
      // A photo of the space or the plaque proves where it was taken: outside the site's radius, or
      // without a position, it is kept and flagged for a person to check (never refused).
      const located = input.lat !== undefined && input.lng !== undefined
      const outsideRadius = (input.dimension === 'venue' || input.dimension === 'sign') &&
        (!located || distanceMetres({ lat: input.lat ?? 0, lng: input.lng ?? 0 }, { lat: Number(site.lat), lng: Number(site.lng) }) > Number(site.radius_m))
      return transaction(async ({ db, now, audit }) => {
        await requireOwnPhotos(db, caller.userId, [input.fileId])
        const [row] = await db.query<IdRow>(
          `INSERT INTO operation_evidence (site_id, dimension, file_kind, file_id, bytes, lat, lng, outside_radius, activity_id, part, note, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [site.id, input.dimension, input.fileKind, input.fileId, input.bytes, input.lat ?? null, input.lng ?? null, outsideRadius,
            input.activityId ?? null, input.part ?? null, input.note, caller.userId, now],
        )
        if (activity) await numberArchiveItem(db, site.id, Number(activity.id), activity.starts_at, now)
        await audit(`site:${site.id}`, { evidence: row.id, dimension: input.dimension, outsideRadius })
        return { id: row.id, outsideRadius }
      })
    },

    status: async ({ db, input, caller, now }) => {
      const site = await findSite(db, input.siteId)
      if (!can(caller, 'viewEvidence', site)) fail('forbidden', refusals.viewEvidence)
      const quarter = input.quarter ?? quarterOf(now)
      const facts = (await quarterFacts(db, [site.id], quarter, now)).get(site.id)
      const results = facts ? sixStatus(facts) : []
      const { end } = quarterBounds(quarter)
      const activityIds = (facts?.held ?? []).map((activity) => activity.activityId)
      const evidence = await db.query<EvidenceRow>(
        `SELECT * FROM operation_evidence WHERE site_id = $1 AND recorded_at <= $2
           AND (dimension <> 'archive' OR activity_id = ANY($3::bigint[])) ORDER BY dimension, recorded_at, id`,
        [site.id, end < now ? end : now, activityIds],
      )
      return {
        siteId: site.id,
        siteName: site.name,
        quarter,
        dimensions: results.map((result) => ({ ...result, verifiedAt: result.verifiedAt ? result.verifiedAt.toISOString() : null })),
        evidence: evidence.map(evidenceItem),
      }
    },

    badges: async ({ db, input, now }) => {
      const site = await findSite(db, input.siteId)
      const quarter = quarterOf(now)
      const results = (await quarterStatuses(db, [site.id], quarter, now)).get(site.id) ?? []
      const badges: Badge[] = results.map((result) => ({
        dimension: result.dimension,
        label: result.label,
        status: result.status,
        statusLabel: result.statusLabel,
        verifiedOn: result.verifiedAt ? shanghaiDay(result.verifiedAt) : null,
      }))
      return { siteId: site.id, quarter, badges }
    },

    plan: async ({ db, input, now }) => {
      const ids = input.siteId
        ? [(await findSite(db, input.siteId)).id]
        : (await db.query<{ site_id: string }>('SELECT DISTINCT site_id FROM operation_plan_items WHERE year = $1 ORDER BY 1', [input.year])).map((row) => row.site_id)
      const items = await db.query<PlanItemRow>(
        'SELECT * FROM operation_plan_items WHERE year = $1 AND site_id = ANY($2::text[]) ORDER BY site_id, month, id', [input.year, ids])
      const { start } = quarterBounds(`${input.year}-Q1`)
      const { end } = quarterBounds(`${input.year}-Q4`)
      const held = await heldActivities(db, ids, start, end, now)
      const nameOf = async (id: string) => (await findSite(db, id)).name
      const sites: SitePlan[] = []
      for (const id of ids) {
        const planned = Array<number>(12).fill(0)
        const done = Array<number>(12).fill(0)
        const own: PlanItem[] = []
        for (const item of items.filter((row) => row.site_id === id)) {
          planned[item.month - 1] += 1
          own.push({
            id: Number(item.id), siteId: id, siteName: await nameOf(id), month: item.month, title: item.title,
            cohosts: await Promise.all(item.cohosts.map(async (cohost) => ({ siteId: cohost, siteName: await nameOf(cohost) }))),
          })
        }
        for (const activity of held.filter((row) => row.site_id === id)) done[Number(shanghaiDay(activity.starts_at).slice(5, 7)) - 1] += 1
        sites.push({ siteId: id, siteName: await nameOf(id), items: own, planned, held: done })
      }
      return { year: input.year, sites }
    },

    addPlanItem: async ({ db: plain, input, caller, platform, transaction }) => {
      const site = await findSite(plain, input.siteId)
      if (!can(caller, 'editPlan', site)) fail('forbidden', refusals.editPlan)
      const cohosts = [...new Set(input.cohosts)].filter((id) => id !== site.id)
      for (const cohost of cohosts) await findSite(plain, cohost)
      await screenText(platform, input.title, caller.openid, 'immediate')
      return transaction(async ({ db, now, audit }) => {
        const [row] = await db.query<IdRow>(
          `INSERT INTO operation_plan_items (site_id, year, month, title, cohosts, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (site_id, year, month, title) DO NOTHING RETURNING id`,
          [site.id, input.year, input.month, input.title, cohosts, caller.userId, now],
        )
        if (!row) fail('duplicate', '本月已有同名的计划活动')
        await audit(`site:${site.id}`, { planItem: row.id, year: input.year, month: input.month })
        return { id: row.id }
      })
    },

    archive: async ({ db, input, caller, now }) => {
      const site = await findSite(db, input.siteId)
      if (!can(caller, 'viewEvidence', site)) fail('forbidden', refusals.viewEvidence)
      return archiveIndex(db, site, input.year, now)
    },

    bundle: async ({ db, input, caller, now, platform }) => {
      const site = await findSite(db, input.siteId)
      if (!can(caller, 'viewEvidence', site)) fail('forbidden', refusals.viewEvidence)
      return archiveBundle(db, platform, site, input.year, now)
    },

    fileLink: async ({ db, input, caller, now, platform }) => {
      const [row] = await db.query<EvidenceRow>('SELECT * FROM operation_evidence WHERE id = $1', [input.evidenceId])
      if (!row) fail('not_found', '未找到该材料')
      if (!can(caller, 'viewEvidence', { id: row.site_id })) fail('forbidden', refusals.viewEvidence)
      const expiresAt = new Date(now.getTime() + FILE_LINK_SECONDS * 1000)
      return { url: await platform.fileLink(row.file_id, expiresAt), expiresAt: expiresAt.toISOString() }
    },

    visitCode: async ({ db, input, caller, now, platform }) => {
      const site = await findSite(db, input.siteId)
      if (!can(caller, 'viewEvidence', site)) fail('forbidden', refusals.viewEvidence)
      const { code, refreshAt } = siteVisitCode(platform, site.id, now)
      return { code, refreshAt: refreshAt.toISOString() }
    },

    ...visitHandlers,
    ...deskHandlers,

    overview: async ({ db, input, caller, now }) => {
      if (!can(caller, 'overview')) fail('forbidden', refusals.overview)
      const sites = await sitesOfKinds(db, OPERATED_KINDS)
      const ids = sites.map((site) => site.id)
      const begun = [1, 2, 3, 4].map((q) => `${input.year}-Q${q}`).filter((quarter) => quarterBounds(quarter).start <= now)
      const statuses = await quartersStatuses(db, ids, begun, now)
      const quarters: QuarterOverview[] = begun.map((quarter) => {
        const met = Object.fromEntries(dimensions.map((dimension) => [dimension, 0])) as Record<Dimension, number>
        for (const results of statuses.get(quarter)?.values() ?? []) for (const result of results) if (result.status === 'met') met[result.dimension] += 1
        return { quarter, sites: ids.length, met }
      })
      return { year: input.year, dimensions, quarters }
    },
  },
})

export const main = createMain(definition)
