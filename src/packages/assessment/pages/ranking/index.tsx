/**
 * 联盟单位考核排名: the year's ranking of the alliance units within each category (流量型 / 基层性 /
 * 代表性), with the scheme version the scores were made with. Public: units only, never a person.
 */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Notice, Page, Skeleton, Tabs, Tag, type TabItem } from '@/components/ui'
import { siteCategories, siteCategoryLabels, type SiteCategory } from '@/domain/sites'
import '../../assessment.css'
import { useCall } from '@/hooks/useCall'
import { yearRanking } from '@/services/assessment'
import { points, thisYear } from '../../labels'

const tabs: TabItem<SiteCategory>[] = siteCategories.map((key) => ({ key, label: siteCategoryLabels[key] }))

export default function RankingPage() {
  const [year, setYear] = useState(thisYear)
  const [category, setCategory] = useState<SiteCategory>('flow')
  const ranking = useCall(`y:${year}`, () => yearRanking({ year }))
  const go = (url: string) => () => Taro.navigateTo({ url })
  const years = (
    <View className='assessment-years'>
      <Button kind='plain' label={`查看 ${year - 1} 年`} onClick={() => setYear(year - 1)}>上一年</Button>
      <View className='title' aria-live='polite'>{year} 年</View>
      {year < thisYear() ? <Button kind='plain' label={`查看 ${year + 1} 年`} onClick={() => setYear(year + 1)}>下一年</Button> : <View className='assessment-spacer' />}
    </View>
  )
  if (ranking.error) return <Page>{years}<Empty icon='alert' title={ranking.error.message} hint='请换一个年份' action={{ label: '重试', onClick: ranking.retry }} /></Page>
  if (!ranking.data) return <Page>{years}<Skeleton count={3} /></Page>
  const r = ranking.data
  const units = r.units.filter((u) => u.category === category)
  return (
    <Page onRefresh={async () => ranking.retry()}>
      {years}
      <Notice tone='info'>{`统计至 ${r.through}，${r.scheme.version === 0 ? '按默认考核方案（待区政协确认）' : `按第 ${r.scheme.version} 版考核方案`}计分，满分 100 分；综合得分 = 本单位得分 × 80% + 联盟指数 ${points(r.allianceIndex)} 分 × 20%（捆绑考评）`}</Notice>
      <Tabs label='单位类别' items={tabs} value={category} onChange={(key) => setCategory(key as SiteCategory)} />
      <CellGroup title={`${siteCategoryLabels[category]}单位排名`}>
        {units.map((u) => (
          <Cell key={u.siteId} title={`第 ${u.rank} 名 · ${u.name}`} label={`综合 ${points(u.final)} 分（本单位 ${points(u.total)} 分）`}
            value={u.rank <= 3 ? <Tag tone='success'>前三名</Tag> : undefined}
            arrow onClick={go(`/packages/assessment/pages/unit/index?siteId=${u.siteId}&year=${year}`)} />
        ))}
      </CellGroup>
      <Cell icon='calendar' title='月通报' label='各单位每月数据和环比变化' arrow onClick={go('/packages/assessment/pages/bulletin/index')} />
    </Page>
  )
}
