/**
 * What the weapp's custom tab bar (src/custom-tab-bar) shows: the chosen tab and the 我的 badge.
 * WeChat gives every tab page its own tab bar instance; they all read this one store, so a tab page
 * marks itself chosen when shown (`useTabShown`) and the badge survives switching tabs. On h5 the
 * tab bar is Taro's own (setTabBarBadge, the router's selection) and this store is unused.
 */
import { useDidShow } from '@tarojs/taro'
import { create } from 'zustand'

/** The tabs, in app.config.ts's order (WeChat still requires its `list`). */
export const tabs = [
  { path: '/pages/index/index', text: '联盟阵地', icon: 'home' },
  { path: '/pages/topics/index', text: '议事', icon: 'topic' },
  { path: '/pages/mine/index', text: '我的', icon: 'mine' },
] as const

/** The 我的 tab's index, where the unread badge shows. */
export const MINE_TAB = 2

interface TabBarState {
  selected: number
  /** The 我的 tab's badge text ('3', '99+'), or '' for none. */
  badge: string
}

export const useTabBar = create<TabBarState>(() => ({ selected: 0, badge: '' }))

/** A tab page marks its tab chosen each time it is shown (weapp only: h5's router does this itself). */
export function useTabShown(index: number): void {
  useDidShow(() => {
    if (process.env.TARO_ENV === 'weapp') useTabBar.setState({ selected: index })
  })
}
