/**
 * The site whose month the 议事 tab shows: the one the person chose, else where they last checked
 * in, else the centre (the district's ballot). Kept in storage.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { myCheckins } from '../services/checkin'

const KEY = 'topic-site'
export const DISTRICT_SITE = 'C01'

interface TopicSite {
  siteId?: string
  choose(siteId: string): void
  /** The chosen site, or the last checked-in one, or the centre. */
  resolve(): Promise<string>
}

export const useTopicSite = create<TopicSite>((set, get) => ({
  siteId: Taro.getStorageSync(KEY) || undefined,
  choose: (siteId) => {
    Taro.setStorageSync(KEY, siteId)
    set({ siteId })
  },
  resolve: async () => {
    const chosen = get().siteId
    if (chosen) return chosen
    const last = await myCheckins({ limit: 1 }).then((page) => page.items[0]?.siteId).catch(() => undefined)
    const siteId = last ?? DISTRICT_SITE
    set({ siteId })
    return siteId
  },
}))
