/** sites: the directory of the centre, alliance sites, studios and stations, and their codes. */
import { managesSite } from '../../src/domain/roles'
import { siteScene } from '../../src/domain/scene'
import * as schemas from '../../src/domain/schemas'
import type { Activity, SiteCode, SiteDetail, SiteSummary } from '../../src/domain/sites'
import { shanghaiDayBounds } from '../../src/domain/time'
import { fail } from '../core/errors'
import { action, createMain, type CloudFunction } from '../core/router'
import { findSite } from './find'

/** The scan page, as WeChat's page path; the local platform serves it as an h5 path. */
export const SCAN_PAGE = 'packages/checkin/pages/scan/index'

const summaryColumns = 'id, name, kind, category, sector, address'

export const definition: CloudFunction = {
  name: 'sites',
  openapi: ['wxacode.getUnlimited'],
  actions: {
    list: action(schemas.sitesList, async ({ db, input }): Promise<SiteSummary[]> => {
      const where: string[] = []
      const params: unknown[] = []
      const add = (clause: string, value: unknown) => {
        params.push(value)
        where.push(clause.replace('?', `$${params.length}`))
      }
      if (input.kind) add('kind = ?', input.kind)
      if (input.category) add('category = ?', input.category)
      if (input.q) add("(name || ' ' || sector || ' ' || address) ILIKE ?", `%${input.q.replace(/[\\%_]/g, '\\$&')}%`)
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : ''
      return db.query(`SELECT ${summaryColumns} FROM sites ${filter} ORDER BY sort, id`, params) as Promise<SiteSummary[]>
    }),

    get: action(schemas.siteRef, async ({ db, input, now }): Promise<SiteDetail> => {
      const site = await findSite(db, input.siteId)
      const { start, end } = shanghaiDayBounds(now)
      const todayActivities = (await db.query(
        `SELECT id, title, place, starts_at AS "startsAt", ends_at AS "endsAt" FROM activities
         WHERE site_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at`,
        [site.id, start, end],
      )) as Activity[]
      return {
        id: site.id,
        name: site.name,
        kind: site.kind,
        category: site.category,
        sector: site.sector,
        address: site.address,
        intro: site.intro,
        contactName: site.contact_name,
        contactPhone: site.contact_phone,
        openHours: site.open_hours,
        lat: site.lat,
        lng: site.lng,
        radiusM: site.radius_m,
        scene: siteScene(site.id),
        todayActivities,
      }
    }),

    code: action(schemas.siteRef, async ({ db, input, caller, platform, audit }): Promise<SiteCode> => {
      const site = await findSite(db, input.siteId)
      if (!managesSite(caller.grants, site.id)) fail('forbidden', '只能查看本联盟点的二维码')
      const scene = siteScene(site.id)
      const { image, target } = await platform.siteCode(scene, SCAN_PAGE)
      await audit(site.id)
      return { siteId: site.id, scene, target, image }
    }),
  },
}

export const main = createMain(definition)
