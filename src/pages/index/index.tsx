/** Home tab: the alliance's places by kind and category, with search. */
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Icon, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { siteCategoryLabels, siteKindLabels, siteTags, type SiteCategory, type SiteKind } from '@/domain/sites'
import { useDebounced } from '@/hooks/useDebounced'
import { useList } from '@/hooks/useList'
import { listSites } from '@/services/sites'
import { useTabShown } from '@/stores/tabBar'
import './index.css'

type FilterKey = 'all' | 'centre' | SiteCategory | 'studio' | 'station'
type Filter = TabItem<FilterKey> & { kind?: SiteKind; category?: SiteCategory }

const filters: Filter[] = [
  { key: 'all', label: '全部' },
  { key: 'centre', label: siteKindLabels.centre, kind: 'centre' },
  { key: 'flow', label: siteCategoryLabels.flow, kind: 'alliance', category: 'flow' },
  { key: 'grassroots', label: siteCategoryLabels.grassroots, kind: 'alliance', category: 'grassroots' },
  { key: 'representative', label: siteCategoryLabels.representative, kind: 'alliance', category: 'representative' },
  { key: 'studio', label: siteKindLabels.studio, kind: 'studio' },
  { key: 'station', label: siteKindLabels.station, kind: 'station' },
]

/** Typing waits this long before the directory is asked again. */
const SEARCH_DEBOUNCE_MS = 300

export default function Index() {
  useTabShown(0)
  const [filter, setFilter] = useState<Filter>(filters[0])
  const [q, setQ] = useState('')
  const query = useDebounced(q.trim(), SEARCH_DEBOUNCE_MS)
  const list = useList(`${filter.key}|${query}`, (cursor) =>
    listSites({ kind: filter.kind, category: filter.category, q: query || undefined, cursor }))

  return (
    <Page onRefresh={list.reload}>
      <View className='card home-banner'>
        <View className='title'>区政协协商民主实践中心联盟</View>
        <View className='muted'>1 个实践中心 + 40 家联盟单位，就近参与协商议事</View>
      </View>
      <View className='home-search'>
        <Icon name='search' />
        <Input className='home-search-input' type='text' confirmType='search' placeholder='搜索联盟点名称、类型或地址' value={q}
          onInput={(e) => setQ(e.detail.value)}
          nativeProps={{ 'aria-label': '搜索联盟点' }} />
      </View>
      <Tabs label='联盟点类型' items={filters} value={filter.key} onChange={(key) => setFilter(filters.find((f) => f.key === key)!)} />
      <List list={list} empty={{ icon: 'search', title: '没有找到符合条件的联盟点', hint: '换个关键词，或选择“全部”看看' }}>
        {(sites) => sites.map((site) => (
          <View key={site.id} className='card site-item' role='link'
            onClick={() => Taro.navigateTo({ url: `/packages/sites/pages/detail/index?id=${site.id}` })}>
            <View className='title'>{site.name}</View>
            <View>{siteTags(site).map((tag) => <Tag key={tag}>{tag}</Tag>)}</View>
            <View className='muted site-address'><Icon name='location' />{site.address}</View>
          </View>
        ))}
      </List>
    </Page>
  )
}
