/** The 社情民意 pages' addresses, one definition for links and notices. */
export const suggestionUrl = (id: number) => `/packages/opinions/pages/detail/index?id=${id}`
export const MINE_URL = '/packages/opinions/pages/mine/index'
export const SUBMIT_URL = '/packages/opinions/pages/submit/index'
export const SCREEN_URL = '/packages/opinions/pages/screen/index'
