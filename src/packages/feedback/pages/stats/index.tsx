/** 承办单位统计 (staff): each unit and month's figures as a table, on-time replies as a chart, and a CSV for Excel. */
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Empty, Field, Page, Skeleton } from '@/components/ui'
import type { UnitStatsRow } from '@/domain/feedback'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import { unitStats } from '@/services/feedback'
import { saveText } from '@/services/files'
import './index.css'

/** The table scrolls sideways on a phone, so a keyboard must be able to reach it. */
const focusable: object = { tabIndex: 0 }

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`)

/**
 * Each unit's on-time reply rate over the range, weighted by its assignments, over the months that
 * have one: null (shown as —, no bar) when no reply of the unit is due yet, as in the table.
 */
function byUnit(rows: UnitStatsRow[]) {
  const units = new Map<string, { name: string; n: number; onTime: number }>()
  for (const r of rows) {
    const u = units.get(r.unitId) ?? { name: r.unitName, n: 0, onTime: 0 }
    if (r.onTimeReply !== null) {
      u.n += r.assignments
      u.onTime += r.onTimeReply * r.assignments
    }
    units.set(r.unitId, u)
  }
  return [...units.values()].map((u) => ({ name: u.name, rate: u.n ? u.onTime / u.n : null }))
}

export default function StatsPage() {
  // Until a month is picked, the server's twelve months (its clock, not the phone's).
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({})
  const stats = useCall(`${picked.from}:${picked.to}`, () => unitStats(picked))
  const from = picked.from ?? stats.data?.from ?? ''
  const to = picked.to ?? stats.data?.to ?? ''
  const setFrom = (month: string) => setPicked({ from: month, to })
  const setTo = (month: string) => setPicked({ from, to: month })
  const exportCsv = async () => {
    try {
      const { csv } = await unitStats({ from, to, csv: true })
      await saveText(`承办单位统计_${from}_${to}.csv`, csv ?? '', 'text/csv;charset=utf-8')
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }
  const rows = stats.data?.rows ?? []
  return (
    <Page title='承办单位统计' actions={<Button onClick={exportCsv}>导出 CSV</Button>}>
      <Field label='统计月份'>
        <View className='stats-range'>
          <Picker mode='date' fields='month' value={from} onChange={(e) => setFrom(e.detail.value.slice(0, 7))}><View className='ui-input' role='button' aria-label={`起始月份：${from}`}>{from}</View></Picker>
          <Picker mode='date' fields='month' value={to} onChange={(e) => setTo(e.detail.value.slice(0, 7))}><View className='ui-input' role='button' aria-label={`结束月份：${to}`}>{to}</View></Picker>
        </View>
      </Field>
      {stats.error && <Empty icon='alert' title={stats.error.message} action={{ label: '重试', onClick: stats.retry }} />}
      {!stats.data && !stats.error && <Skeleton count={3} />}
      {stats.data && rows.length === 0 && <Empty icon='empty' title='这段时间没有交办事项' hint='换一个月份范围看看' />}
      {rows.length > 0 && (
        <>
          <View className='card' role='img' aria-label='各单位按时答复率'>
            <View className='title'>按时答复率</View>
            {byUnit(rows).map((u) => (
              <View key={u.name} className='stats-bar-row'>
                <View className='stats-bar-name'>{u.name}</View>
                <View className='stats-bar'>{u.rate !== null && <View className='stats-bar-fill' style={{ width: `${Math.round(u.rate * 100)}%` }} />}</View>
                <View className='stats-bar-value'>{pct(u.rate)}</View>
              </View>
            ))}
            <View className='muted stats-note'>“—”表示答复期限未到，暂不计算按时率。</View>
          </View>
          <View className='muted stats-scroll-hint'>表格较宽，左右滑动查看全部列 →</View>
          <View className='card stats-table' role='table' aria-label='承办单位月度统计' {...focusable}>
            <View className='stats-tr stats-th' role='row'>
              {['单位', '月份', '交办', '按时签收', '按时答复', '满意度', '满意率', '重办率', '逾期'].map((h) => <View key={h} role='columnheader'>{h}</View>)}
            </View>
            {rows.map((r) => (
              <View key={`${r.unitId}${r.month}`} className='stats-tr' role='row'>
                {[r.unitName, r.month, r.assignments, pct(r.timelyAck), pct(r.onTimeReply), r.satisfaction ?? '—', pct(r.satisfiedShare), pct(r.reopenRate), r.overdue].map((c, i) => (
                  <View key={i} role='cell'>{c}</View>
                ))}
              </View>
            ))}
          </View>
        </>
      )}
    </Page>
  )
}
