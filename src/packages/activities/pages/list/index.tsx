/** Upcoming activities grouped by day, each with its seats left: all, by kind, or the ones I signed up for; a site's own when opened with `site`, one day's with `day` (YYYY-MM-DD). */
import { Picker, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Page, Tabs, Tag, groupsOf, type TabItem } from '@/components/ui'
import { activityKindLabels, activityKinds, type ActivityKind } from '@/domain/activities'
import { useList } from '@/hooks/useList'
import { listActivities } from '@/services/activities'
import { dayHeading, shanghaiDay } from '@/domain/time'
import { dayLineLabel, detailUrl, seatsLeft } from '../../labels'
import './index.css'

type Filter = 'all' | 'mine' | ActivityKind
const tabs: TabItem<Filter>[] = [
  { key: 'all', label: '全部' },
  { key: 'mine', label: '我报名的' },
  ...activityKinds.map((kind) => ({ key: kind, label: activityKindLabels[kind] })),
]

export default function ActivityListPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const [siteId, setSiteId] = useState<string>()
  const [day, setDay] = useState<string>()
  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(params.day ?? ''))) setDay(String(params.day))
    if (tabs.some((t) => t.key === params.filter)) setFilter(params.filter as Filter)
  })
  const list = useList(`${filter}:${siteId ?? ''}:${day ?? ''}`, (cursor) => listActivities({
    cursor,
    siteId,
    day,
    mine: filter === 'mine' || undefined,
    kind: filter === 'all' || filter === 'mine' ? undefined : filter,
  }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='活动类型' items={tabs} value={filter} onChange={(key) => setFilter(key as Filter)} />
      <Field label='按日期'>
        <View className='activity-day'>
          <Picker mode='date' value={day ?? ''} onChange={(e) => setDay(String(e.detail.value))}>
            <View className='ui-input' role='button' aria-label={`活动日期：${day ?? '即将开展的全部活动'}`}>{day ?? '即将开展的全部活动'}</View>
          </Picker>
          {day && <Button kind='plain' onClick={() => setDay(undefined)}>全部日期</Button>}
        </View>
      </Field>
      <List list={list} skeleton='list' empty={{ icon: 'calendar', title: '暂无即将开展的活动', hint: '换个类型看看，或稍后再来' }}>
        {(items) => groupsOf(items, (a) => shanghaiDay(new Date(a.startsAt))).map((group) => (
          <CellGroup key={group.key} title={dayHeading(group.key)}>
            {group.items.map((a) => {
              const left = seatsLeft(a)
              return (
                <Cell key={a.id} icon='calendar' title={a.title} label={dayLineLabel(a)} arrow
                  value={<Tag tone={left.full ? 'warning' : 'success'}>{left.text}</Tag>}
                  onClick={() => Taro.navigateTo({ url: detailUrl(a.id) })} />
              )
            })}
          </CellGroup>
        ))}
      </List>
    </Page>
  )
}
