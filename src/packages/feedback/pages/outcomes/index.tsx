/**
 * 公示: every published outcome as a card — topic, site, units, state, on time or not, the rating
 * as stars and the reply summary — filterable by site and by category (also as `site` and
 * `category` in the address, so a site's page links to its own). Names masked.
 */
import { Picker, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { CellGroup, Cell, List, Page, Stars, Tag } from '@/components/ui'
import type { Outcome } from '@/domain/feedback'
import { topicStateTone } from '@/domain/topics/labels'
import { topicCategories, topicStateLabels, type TopicCategory, type TopicState } from '@/domain/topics'
import { shanghaiDay } from '@/domain/time'
import { PAGE_MAX } from '@/domain/page'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { useSharePage } from '@/hooks/useSharePage'
import { listOutcomes } from '@/services/feedback'
import { listSites } from '@/services/sites'
import './index.css'

/** Taro's View props omit tabIndex; h5 passes it on, so a keyboard reaches each card. */
const focusable: object = { tabIndex: 0 }

function OutcomeCard({ o }: { o: Outcome }) {
  return (
    <View className='card outcome-card' onClick={() => Taro.navigateTo({ url: `/packages/feedback/pages/story/index?id=${o.topicId}` })}>
      {/* The title is the card's link (a tap anywhere on the card opens the story too). */}
      <View className='title' role='link' {...focusable}>{o.title}</View>
      <View>
        <Tag tone={topicStateTone[o.state as TopicState]}>{topicStateLabels[o.state as TopicState]}</Tag>
        <Tag tone={o.onTime ? 'success' : 'warning'}>{o.onTime ? '按时办结' : '逾期办结'}</Tag>
        <Tag tone='muted'>{o.category}</Tag>
      </View>
      <View className='outcome-line'>承办单位：{o.units.join('、')}</View>
      <View className='muted'>{o.siteName} · {o.proposer} 提出 · 公示于 {shanghaiDay(new Date(o.publishedAt))}</View>
      <View className='outcome-rating'>
        {o.rating.count && o.rating.average !== null
          ? <><Stars value={o.rating.average} label='群众评价' /><View className='muted'>{o.rating.count} 人评价 · 满意率 {Math.round((o.rating.satisfied ?? 0) * 100)}%</View></>
          : <View className='muted'>尚无评价</View>}
      </View>
      <View className='outcome-summary'>{o.summary}</View>
    </View>
  )
}

export default function OutcomesPage() {
  const [siteId, setSiteId] = useState<string>()
  const [category, setCategory] = useState<TopicCategory>()
  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    const asked = topicCategories.find((c) => c === decodeURIComponent(String(params.category ?? '')))
    if (asked) setCategory(asked)
  })
  const sites = useCall('sites', () => listSites({ limit: PAGE_MAX }))
  const siteList = sites.data?.items ?? []
  const site = siteId ? { id: siteId, name: siteList.find((s) => s.id === siteId)?.name ?? siteId } : undefined
  const list = useList(`outcomes:${siteId ?? ''}:${category ?? ''}`, (cursor) => listOutcomes({ cursor, siteId, category }))
  useSharePage('件件有回音：议题办理结果公示', '/packages/feedback/pages/outcomes/index')
  return (
    <Page title='办理结果公示' onRefresh={list.reload}>
      <CellGroup>
        <Picker mode='selector' range={['全部联盟点', ...siteList.map((s) => s.name)]} onChange={(e) => setSiteId(siteList[Number(e.detail.value) - 1]?.id)}>
          <Cell title='联盟点' value={site?.name ?? '全部联盟点'} arrow onClick={() => undefined} />
        </Picker>
        <Picker mode='selector' range={['全部类别', ...topicCategories]} onChange={(e) => setCategory(topicCategories[Number(e.detail.value) - 1])}>
          <Cell title='议题类别' value={category ?? '全部类别'} arrow onClick={() => undefined} />
        </Picker>
      </CellGroup>
      <List list={list} skeleton='card' empty={{ icon: 'topic', title: site || category ? '没有符合条件的办理结果' : '还没有公示的办理结果', hint: site || category ? '换个联盟点或类别看看' : '议题办结答复后会在这里公示' }}>
        {(items) => items.map((o) => <OutcomeCard key={o.topicId} o={o} />)}
      </List>
    </Page>
  )
}
