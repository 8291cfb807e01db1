/**
 * One unit's score for a year: each indicator's parts (a ratio's part and whole, 样本不足 when the
 * whole is under 5), its weight and its points, grouped by 协商参与度 / 成果转化率 / 公众满意度.
 * Staff and auditors see any unit; a site admin their own (opened from 我的 without a site: their first).
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, Empty, Page, Skeleton, Tag } from '@/components/ui'
import { assessmentCategories, assessmentCategoryLabels } from '@/domain/assessment'
import { ownUnits } from '@/domain/assessment/permissions'
import { siteCategoryLabels, type SiteCategory } from '@/domain/sites'
import '../../assessment.css'
import { useCall } from '@/hooks/useCall'
import { yearRanking, unitScore } from '@/services/assessment'
import { fetchMe } from '@/services/account'
import { partsLabel, points, thisYear } from '../../labels'

const figureLabels: Record<string, string> = {
  'topics.selected': '入选', 'topics.proposed': '提出', 'feedback.published': '公示', 'feedback.repliesOnTime': '按时答复', 'feedback.repliesDue': '应答复',
  'feedback.satisfied': '满意', 'feedback.ratings': '评价',
}

export default function UnitScorePage() {
  const [query, setQuery] = useState<{ siteId?: string; year: number }>()
  useLoad((params) => setQuery({ siteId: params.siteId || undefined, year: Number(params.year) || thisYear() }))
  const site = useCall(query ? `s:${query.siteId ?? ''}` : null, async () => {
    if (query?.siteId) return query.siteId
    const me = await fetchMe()
    const own = ownUnits({ grants: me.roles })[0]
    if (own) return own
    return (await yearRanking({ year: query!.year })).units[0]?.siteId ?? ''
  })
  const score = useCall(site.data && query ? `u:${site.data}:${query.year}` : null, () => unitScore({ year: query!.year, siteId: site.data! }))
  const failure = site.error ?? score.error
  if (failure) return <Page><Empty icon='alert' title={failure.message} hint='请返回重试' action={{ label: '重试', onClick: () => { site.retry(); score.retry() } }} /></Page>
  if (!score.data) return <Page><Skeleton count={3} /></Page>
  const u = score.data
  return (
    <Page title={u.name} onRefresh={async () => score.retry()}>
      <View className='card'>
        <View className='title'>{u.name}</View>
        <View>{`${u.year} 年（统计至 ${u.through}）· ${siteCategoryLabels[u.category as SiteCategory] ?? u.category}第 ${u.rank} 名`}</View>
        <View className='assessment-total' aria-label={`综合得分 ${points(u.final)} 分`}>{points(u.final)} 分</View>
        <View>{`综合得分 = 本单位得分 ${points(u.total)} 分 × 80% + 联盟指数 ${points(u.allianceIndex)} 分 × 20%`}</View>
        <View>{u.scheme.version === 0 ? '默认考核方案（待区政协确认）' : `第 ${u.scheme.version} 版考核方案`}</View>
      </View>
      {assessmentCategories.map((category) => {
        const items = u.indicators.filter((i) => i.category === category)
        const sum = items.reduce((t, i) => t + i.points, 0)
        return (
          <CellGroup key={category} title={`${assessmentCategoryLabels[category]} ${points(sum)} / ${items.reduce((t, i) => t + i.weight, 0)} 分`}>
            {items.map((i) => (
              <Cell key={i.key} title={i.name} label={partsLabel(i, figureLabels)}
                value={<>{i.smallSample && <Tag tone='warning'>样本不足</Tag>}<Tag tone='muted'>{`${points(i.points)} / ${i.weight}`}</Tag></>} />
            ))}
          </CellGroup>
        )
      })}
      <CellGroup>
        <Cell icon='topic' title='全部单位排名' arrow onClick={() => Taro.navigateTo({ url: `/packages/assessment/pages/ranking/index` })} />
        <Cell icon='calendar' title='月通报' label='每月数据和环比变化' arrow onClick={() => Taro.navigateTo({ url: '/packages/assessment/pages/bulletin/index' })} />
      </CellGroup>
    </Page>
  )
}
