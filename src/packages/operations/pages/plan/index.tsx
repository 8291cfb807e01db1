/**
 * 年度联动计划: a site's planned activities of the year by month, with the units co-hosting them,
 * against the activities it held (activities' records) — month by month, planned vs held.
 */
import { View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, Empty, Page, PageError, Skeleton, Tabs } from '@/components/ui'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { getAnnualPlan } from '@/services/operations'
import '../../operations.css'

const months = Array.from({ length: 12 }, (_, i) => i + 1)

export default function PlanPage() {
  const [id, setId] = useState<string | null>(null)
  const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  useLoad((params) => setId(String(params.id ?? '')))
  const plan = useCall(id === null ? null : `${id}:${year}`, () => getAnnualPlan({ year, ...(id ? { siteId: id } : {}) }))
  const years = [thisYear - 1, thisYear].map((y) => ({ key: String(y), label: `${y} 年` }))

  if (plan.error) return <Page><PageError error={plan.error} retry={plan.retry} /></Page>
  if (!plan.data) return <Page><Skeleton count={2} /></Page>
  const site = plan.data.sites[0]
  const most = Math.max(1, ...(site ? [...site.planned, ...site.held] : []))
  return (
    <Page title={site ? `${site.siteName}年度联动计划` : '年度联动计划'}>
      <Tabs items={years} value={String(year)} onChange={(key) => setYear(Number(key))} label='年份' />
      {!site && <Empty icon='calendar' title='该年度尚无计划' hint='联盟点管理员可添加本年度计划的联动活动' />}
      {site && (
        <CellGroup title='按月计划与开展'>
          {months.map((month) => {
            const planned = site.planned[month - 1]
            const held = site.held[month - 1]
            return (
              <View key={month} className='plan-month' role='group' aria-label={`${month} 月：计划 ${planned} 场，已开展 ${held} 场`}>
                <View className='plan-label'>{month} 月</View>
                <View className='plan-bars' aria-hidden>
                  <View className='plan-bar plan-bar-planned' style={{ width: `${(planned / most) * 100}%` }} />
                  <View className='plan-bar plan-bar-held' style={{ width: `${(held / most) * 100}%` }} />
                </View>
                <View className='plan-count'>{held}/{planned}</View>
              </View>
            )
          })}
          <View className='muted plan-legend'>上条：计划场次；下条：已开展场次（有人签到的活动）</View>
        </CellGroup>
      )}
      {site && site.items.length > 0 && (
        <CellGroup title='计划的联动活动'>
          {site.items.map((item) => (
            <Cell key={item.id} icon='calendar' title={item.title} label={item.cohosts.length ? `联办：${item.cohosts.map((c) => c.siteName).join('、')}` : '本单位主办'} value={`${item.month} 月`} />
          ))}
        </CellGroup>
      )}
    </Page>
  )
}
