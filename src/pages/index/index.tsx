/** Home tab: the alliance's places by kind and category, with search. */
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import Screen from '../../components/Screen'
import { siteCategoryLabels, siteKindLabels, siteTags, type SiteCategory, type SiteKind, type SiteSummary } from '../../domain/sites'
import { CallFailure } from '../../services/call'
import { listSites } from '../../services/sites'

type Filter = { key: string; label: string; kind?: SiteKind; category?: SiteCategory }

const filters: Filter[] = [
  { key: 'all', label: '全部' },
  { key: 'centre', label: siteKindLabels.centre, kind: 'centre' },
  { key: 'flow', label: siteCategoryLabels.flow, kind: 'alliance', category: 'flow' },
  { key: 'grassroots', label: siteCategoryLabels.grassroots, kind: 'alliance', category: 'grassroots' },
  { key: 'representative', label: siteCategoryLabels.representative, kind: 'alliance', category: 'representative' },
  { key: 'studio', label: siteKindLabels.studio, kind: 'studio' },
  { key: 'station', label: siteKindLabels.station, kind: 'station' },
]

export default function Index() {
  const [filter, setFilter] = useState<Filter>(filters[0])
  const [q, setQ] = useState('')
  const [sites, setSites] = useState<SiteSummary[]>()
  const [error, setError] = useState('')

  const load = () => {
    listSites({ kind: filter.kind, category: filter.category, q: q.trim() || undefined })
      .then((page) => {
        setSites(page.items)
        setError('')
      })
      .catch((e: CallFailure) => setError(e.message))
  }
  useEffect(load, [filter, q])
  useDidShow(() => {
    if (error) load()
  })

  return (
    <Screen>
      <View className='card'>
        <Text className='title'>区政协协商民主实践中心联盟</Text>
        <View className='muted'>1 个实践中心 + 40 家联盟单位，就近参与协商议事</View>
      </View>
      <Input className='input' placeholder='搜索联盟点名称、类型或地址' value={q} onInput={(e) => setQ(e.detail.value)} aria-label='搜索联盟点' />
      <View className='chips' aria-role='tablist'>
        {filters.map((f) => (
          <View key={f.key} className={`chip${f.key === filter.key ? ' on' : ''}`} onClick={() => setFilter(f)} aria-role='tab' aria-selected={f.key === filter.key}>
            {f.label}
          </View>
        ))}
      </View>
      {error && <View className='notice err'>{error}</View>}
      {sites && sites.length === 0 && <View className='empty'>没有找到符合条件的联盟点</View>}
      {sites?.map((site) => (
        <View key={site.id} className='card site-item' aria-role='link' aria-label={site.name}
          onClick={() => Taro.navigateTo({ url: `/packages/sites/pages/detail/index?id=${site.id}` })}>
          <View className='title'>{site.name}</View>
          <View>{siteTags(site).map((tag) => <Text key={tag} className='tag'>{tag}</Text>)}</View>
          <View className='muted'>{site.address}</View>
        </View>
      ))}
    </Screen>
  )
}
