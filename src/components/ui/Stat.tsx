/**
 * A count that opens its list: the number large, what it counts under it, one tap to the list.
 * Screen readers hear one button per count, e.g. “待审核 3 项，打开议题审核”. `count` is text, so a
 * list counted a page at a time can say “100+”; undefined while it loads (shown as —).
 */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface StatProps {
  label: string
  count?: string
  /** Where the tap goes, for the spoken name: 打开… */
  opens: string
  /** Drawn in the warning colour when the count is not zero (逾期). */
  alarm?: boolean
  onClick(): void
}

/** Taro's View props omit tabIndex; h5 passes it on, so keyboard users can reach each count. */
const focusable: object = { tabIndex: 0 }

export function Stat({ label, count, opens, alarm, onClick }: StatProps) {
  const hot = alarm && count !== undefined && count !== '0'
  // The name comes from the text itself (what it counts, the count, then what the tap opens, for
  // screen readers only), so the spoken name always holds the visible text; the count is drawn on top.
  return (
    <View className={`ui-stat${hot ? ' ui-stat-alarm' : ''}`} role='button' onClick={onClick} {...focusable}>
      <View className='ui-stat-label'>{label}</View>
      <View className='ui-stat-count' {...(count === undefined ? { 'aria-hidden': 'true' } : {})}>{count ?? '—'}</View>
      <Text className='ui-sr-only'>{count === undefined ? '正在统计' : '项'}，打开{opens}</Text>
    </View>
  )
}

export function StatGrid({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='ui-cell-group' role='region' aria-label={title}>
      <View className='ui-cell-group-title' role='heading' aria-level={2}>{title}</View>
      <View className='ui-stat-grid'>{children}</View>
    </View>
  )
}
