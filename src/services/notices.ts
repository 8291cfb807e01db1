import Taro from '@tarojs/taro'
import type { noticesContract } from '../domain/notices/contract'
import type { TemplateKey } from '../domain/notices/subscriptions'
import { MINE_TAB, useTabBar } from '../stores/tabBar'
import { endpoint } from './call'
import { requestTemplates } from './subscribe'

const notices = endpoint<typeof noticesContract>('notices')

export const publishNotice = notices('publish')
export const noticeReach = notices('reach')
export const withdrawNotice = notices('withdraw')
export const pinNotice = notices('pin')
export const inbox = notices('inbox')
export const openNotice = notices('open')
export const readNotices = notices('read')
export const unreadNotices = notices('unread')
export const sentNotices = notices('sent')
export const noticeDeliveries = notices('deliveries')
export const authorizeTemplates = notices('authorize')
export const followSite = notices('follow')
export const siteFollowState = notices('followState')

/**
 * Shows my unread count on the 我的 tab (or clears it); never fails the page that asks. The weapp's
 * custom tab bar reads its badge from the tab bar store (setTabBarBadge does nothing to a custom
 * bar); h5's Taro bar takes setTabBarBadge.
 */
export async function syncUnreadBadge(): Promise<number> {
  try {
    const { unread } = await unreadNotices({})
    const text = unread > 0 ? (unread > 99 ? '99+' : String(unread)) : ''
    if (process.env.TARO_ENV === 'weapp') useTabBar.setState({ badge: text })
    else if (text) await Taro.setTabBarBadge({ index: MINE_TAB, text })
    else await Taro.removeTabBarBadge({ index: MINE_TAB })
    return unread
  } catch {
    return 0
  }
}

/**
 * Asks the person for one-time authorisations (WeChat's dialog, ≤ 3 templates) and records those
 * accepted; answers how many were accepted. Must run from a tap.
 */
export async function askToSubscribe(keys: TemplateKey[]): Promise<number> {
  const accepted = await requestTemplates(keys.slice(0, 3))
  if (accepted.length) await authorizeTemplates({ templates: accepted })
  return accepted.length
}
