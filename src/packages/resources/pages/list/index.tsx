/** 联盟资源清单: the units' shareable venues, experts, courses and data, by kind; a unit's own when opened with `site`. */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { resourceKindLabels, resourceKinds, type ResourceKind } from '@/domain/resources'
import { useList } from '@/hooks/useList'
import { listResources } from '@/services/resources'
import { detailUrl } from '../../labels'
import { SharingLinks } from '../../sharing'

type Filter = 'all' | ResourceKind
const tabs: TabItem<Filter>[] = [{ key: 'all', label: '全部' }, ...resourceKinds.map((kind) => ({ key: kind, label: resourceKindLabels[kind] }))]

export default function ResourceListPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const [siteId, setSiteId] = useState<string>()
  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (tabs.some((t) => t.key === params.kind)) setFilter(params.kind as Filter)
  })
  const list = useList(`${filter}:${siteId ?? ''}`, (cursor) => listResources({ cursor, siteId, kind: filter === 'all' ? undefined : filter }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='资源类型' items={tabs} value={filter} onChange={(key) => setFilter(key as Filter)} />
      {siteId && <Button kind='plain' onClick={() => setSiteId(undefined)}>查看全部联盟单位的资源</Button>}
      <List list={list} skeleton='list' empty={{ icon: 'search', title: '暂无可预约的资源', hint: '换个类型看看，或查看全部联盟单位' }}>
        {(items) => (
          <CellGroup>
            {items.map((r) => (
              <Cell key={r.id} icon={r.kind === 'venue' ? 'location' : r.kind === 'expert' ? 'mine' : r.kind === 'course' ? 'calendar' : 'topic'}
                title={r.name} label={`${r.siteName}${r.capacity ? ` · 可容纳 ${r.capacity} 人` : ''}${r.tags.length ? ` · ${r.tags.join('、')}` : ''}`} arrow
                value={<Tag tone={r.needsApproval ? 'warning' : 'success'}>{r.needsApproval ? '需审核' : '即时确认'}</Tag>}
                onClick={() => Taro.navigateTo({ url: detailUrl(r.id) })} />
            ))}
          </CellGroup>
        )}
      </List>
      <Button kind='plain' onClick={() => Taro.navigateTo({ url: '/packages/resources/pages/mine/index' })}>我的预约</Button>
      <SharingLinks />
    </Page>
  )
}
