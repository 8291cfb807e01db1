/** Upcoming activities: all, by kind, or the ones I signed up for; a site's own when opened with `site`. */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { activityKindLabels, activityKinds, type ActivityKind } from '@/domain/activities'
import { useList } from '@/hooks/useList'
import { listActivities } from '@/services/activities'
import { detailUrl, seats, summaryLabel } from '../../labels'

type Filter = 'all' | 'mine' | ActivityKind
const tabs: TabItem<Filter>[] = [
  { key: 'all', label: '全部' },
  { key: 'mine', label: '我报名的' },
  ...activityKinds.map((kind) => ({ key: kind, label: activityKindLabels[kind] })),
]

export default function ActivityListPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const [siteId, setSiteId] = useState<string>()
  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (tabs.some((t) => t.key === params.filter)) setFilter(params.filter as Filter)
  })
  const list = useList(`${filter}:${siteId ?? ''}`, (cursor) => listActivities({
    cursor,
    siteId,
    mine: filter === 'mine' || undefined,
    kind: filter === 'all' || filter === 'mine' ? undefined : filter,
  }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='活动类型' items={tabs} value={filter} onChange={(key) => setFilter(key as Filter)} />
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'calendar', title: '暂无即将开展的活动', hint: '换个类型看看，或稍后再来' }}>
          {(items) => items.map((a) => (
            <Cell key={a.id} icon='calendar' title={a.title} label={summaryLabel(a)} arrow
              value={<Tag tone={a.capacity !== null && a.confirmed >= a.capacity ? 'warning' : 'primary'}>{seats(a)}</Tag>}
              onClick={() => Taro.navigateTo({ url: detailUrl(a.id) })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
