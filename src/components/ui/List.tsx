/**
 * The list pattern's view of a useList state: a skeleton while the first page loads, Empty when
 * there is nothing (or the first page failed, with a retry), the items, and at the bottom the next
 * page loading, a retry, or "没有更多了".
 */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ListState } from '@/hooks/useList'
import { Button } from './Button'
import { Empty, type EmptyProps } from './Empty'
import { Skeleton } from './Skeleton'

export interface ListProps<T> {
  list: ListState<T>
  /** What to say when there is nothing, and what to do next. */
  empty: EmptyProps
  skeleton?: 'card' | 'list'
  children(items: T[]): ReactNode
}

export function List<T>({ list, empty, skeleton = 'card', children }: ListProps<T>) {
  const { items, status, error, next } = list
  if (!items.length) {
    if (status === 'loading') return <Skeleton shape={skeleton} />
    if (error) return <Empty icon='alert' title={error.message} hint='请稍后再试' action={{ label: '重试', onClick: () => void list.reload() }} />
    return <Empty {...empty} />
  }
  return (
    <View className='ui-list' aria-busy={status === 'more'}>
      {children(items)}
      {status === 'more' && <View className='ui-list-end' role='status'>正在加载…</View>}
      {error && <Button kind='plain' onClick={list.loadMore}>{`${error.message}，点击重试`}</Button>}
      {status === 'ready' && !next && <View className='ui-list-end'>没有更多了</View>}
    </View>
  )
}

/** Consecutive items with the same key, in their order (a list sorted by day → one group per day). */
export function groupsOf<T>(items: T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
  const groups: { key: string; items: T[] }[] = []
  for (const item of items) {
    const key = keyOf(item)
    if (groups[groups.length - 1]?.key === key) groups[groups.length - 1].items.push(item)
    else groups.push({ key, items: [item] })
  }
  return groups
}
