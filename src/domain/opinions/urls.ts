/** The 社情民意 pages' addresses, one definition for links and notices. */
export const suggestionUrl = (id: number) => `/packages/opinions/pages/detail/index?id=${id}`
export const MINE_URL = '/packages/opinions/pages/mine/index'
export const SUBMIT_URL = '/packages/opinions/pages/submit/index'
export const SCREEN_URL = '/packages/opinions/pages/screen/index'
export const proposalUrl = (id: number) => `/packages/opinions/pages/proposal/index?id=${id}`
export const PROPOSALS_URL = '/packages/opinions/pages/proposals/index'
export const reportUrl = (id: number) => `/packages/opinions/pages/report/index?id=${id}`
export const FUNNEL_URL = '/packages/opinions/pages/funnel/index'
export const DRAFT_URL = '/packages/opinions/pages/draft/index'
export const REPORTS_URL = '/packages/opinions/pages/reports/index'
