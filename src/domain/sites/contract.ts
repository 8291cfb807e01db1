/** sites: the directory of the centre, alliance sites, studios and stations, and their codes. */
import * as v from 'valibot'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { siteId } from '../schemas'
import { siteCategories, siteKinds, type SiteCode, type SiteDetail, type SiteSummary } from '.'
import { text } from '../text'

export const sitesContract = {
  list: {
    input: v.object({
      kind: v.optional(v.picklist(siteKinds, '类型不正确')),
      category: v.optional(v.picklist(siteCategories, '类别不正确')),
      q: v.optional(text('搜索词', { max: 40 })),
      ...pageFields,
    }),
    output: returns<Page<SiteSummary>>(),
  },
  get: { input: v.object({ siteId }), output: returns<SiteDetail>() },
  code: { input: v.object({ siteId }), output: returns<SiteCode>() },
}
