/** sites: the directory of the centre, alliance sites, studios and stations, and their codes. */
import { sitesContract } from '../../src/domain/sites/contract'
import * as sitePermissions from '../../src/domain/sites/permissions'
import { siteScene } from '../../src/domain/scene'
import type { Activity, SiteSummary } from '../../src/domain/sites'
import { shanghaiDayBounds } from '../../src/domain/time'
import { everyone, siteManagers } from '../core/access'
import { fail } from '../core/errors'
import { conditions, pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'
import { findSite } from './public'

/** The scan page, as WeChat's page path; the local platform serves it as an h5 path. */
export const SCAN_PAGE = 'packages/checkin/pages/scan/index'

export const definition = defineFunction({
  name: 'sites',
  contract: sitesContract,
  openapi: ['wxacode.getUnlimited'],
  access: { list: everyone, get: everyone, code: siteManagers },
  actions: {
    list: async ({ db, input }) => {
      const { where, params, add } = conditions()
      if (input.kind) add('kind = ?', input.kind)
      if (input.category) add('category = ?', input.category)
      if (input.q) add("(name || ' ' || sector || ' ' || address) ILIKE ?", `%${input.q.replace(/[\\%_]/g, '\\$&')}%`)
      return pageOf<SiteSummary>(db, { columns: 'id, name, kind, category, sector, address', from: 'sites', where, params, keys: ['sort', 'id'] }, input)
    },

    get: async ({ db, input, now }) => {
      const site = await findSite(db, input.siteId)
      const { start, end } = shanghaiDayBounds(now)
      const todayActivities = await db.query<Activity>(
        `SELECT id, title, place, starts_at AS "startsAt", ends_at AS "endsAt" FROM activities
         WHERE site_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at`,
        [site.id, start, end],
      )
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
    },

    code: async ({ db, input, caller, platform, audit }) => {
      const site = await findSite(db, input.siteId)
      if (!sitePermissions.can(caller, 'viewCode', site)) fail('forbidden', '只能查看本联盟点的二维码')
      const scene = siteScene(site.id)
      const { image, target } = await platform.siteCode(scene, SCAN_PAGE)
      await audit(site.id)
      return { siteId: site.id, scene, target, image }
    },
  },
})

export const main = createMain(definition)
