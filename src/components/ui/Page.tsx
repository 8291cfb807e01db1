/**
 * The frame of every page: elder mode (one class that scales everything inside, all sizes are em),
 * the navigation bar title, native pull-to-refresh, and safe-area padding under the content and
 * the optional bottom action bar.
 */
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { useSession } from '@/stores/session'
import { ActionBar } from './ActionBar'

export interface PageProps {
  /** Sets the navigation bar title (a page's static title belongs in its config). */
  title?: string
  /** Pull-to-refresh; the page's config must set `enablePullDownRefresh: true`. */
  onRefresh?: () => Promise<unknown>
  /** Buttons for the bottom action bar. */
  actions?: ReactNode
  children: ReactNode
}

export function Page({ title, onRefresh, actions, children }: PageProps) {
  const elder = useSession((s) => s.elder)
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title })
  }, [title])
  usePullDownRefresh(() => {
    if (!onRefresh) return Taro.stopPullDownRefresh()
    onRefresh().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <View className={`ui-page${elder ? ' elder' : ''}${actions ? ' ui-page-with-bar' : ''}`}>
      {children}
      {actions && <ActionBar>{actions}</ActionBar>}
    </View>
  )
}
