/** Demo directory (seeding step `directory`): the sites of shared/seeds laid out around the centre, and the handling units. */
import type { DemoContext } from '../core/feature'
import type { SeedStep } from '../core/seed'
import { demoSites } from './demo-sites'

/** The district centre's position; sites are laid out around it, a few kilometres apart. */
const CENTRE = { lat: 37.4513, lng: 116.3594 }

export const demoUnits = [
  ['U01', '区行政审批服务局'],
  ['U02', '区住房和城乡建设局'],
  ['U03', '区城市管理局'],
  ['U04', '区民政局'],
  ['U05', '区教育和体育局'],
  ['U06', '区卫生健康局'],
  ['U07', '区交通运输局'],
  ['U08', '新华街道办事处'],
  ['U09', '运河街道办事处'],
  ['U10', '兴文社区居委会'],
  ['U11', '罗南社区居委会'],
]

function position(index: number) {
  return {
    lat: CENTRE.lat + (((index * 37) % 41) - 20) * 0.0016,
    lng: CENTRE.lng + (((index * 53) % 43) - 21) * 0.002,
  }
}

export const demo: SeedStep<DemoContext>[] = [
  {
    name: 'directory',
    run: async (tx) => {
      for (const [index, site] of demoSites.entries()) {
        const { lat, lng } = index === 0 ? CENTRE : position(index)
        await tx.query(
          `INSERT INTO sites (id, name, kind, category, sector, address, intro, contact_name, contact_phone, open_hours, lat, lng, radius_m, sort)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
          [site.id, site.name, site.kind, site.category, site.sector, site.address, site.intro, site.contactName,
            site.contactPhone, '周一至周日 9:00—17:00', lat, lng, site.radiusM, index],
        )
      }
      for (const [id, name] of demoUnits) await tx.query('INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name])
    },
  },
]
