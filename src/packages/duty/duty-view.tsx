/** One member's year of duty points: total and band, points by kind, a bar per month, and every source. */
import { View } from '@tarojs/components'
import { Cell, CellGroup, Empty, Tag } from '@/components/ui'
import { dutyBandLabels, dutyKindLabels, type DutyBand, type DutyYear } from '@/domain/duty'
import './duty.css'

/** 优秀 and 合格 green, 不合格 the warning colour. */
export const bandTones = { excellent: 'success', pass: 'success', fail: 'warning' } as const satisfies Record<DutyBand, string>

export function DutyYearView({ year }: { year: DutyYear }) {
  const top = Math.max(1, ...year.byMonth)
  return (
    <>
      <View className='card'>
        <View className='muted'>{year.year} 年度履职积分</View>
        <View className='duty-total' aria-label={`${year.year} 年度履职积分 ${year.total} 分`}>{year.total} 分</View>
        <Tag tone={bandTones[year.band]}>{dutyBandLabels[year.band]}</Tag>
        <View className='muted'>{year.bands.pass} 分合格，{year.bands.excellent} 分优秀</View>
      </View>
      <CellGroup title='按月份'>
        <View className='duty-bars' role='img' aria-label={year.byMonth.map((p, i) => `${i + 1}月 ${p} 分`).join('，')}>
          {year.byMonth.map((points, i) => (
            <View key={i} className='duty-bar'>
              <View>{points || ''}</View>
              <View className='duty-bar-fill' style={{ height: `${(points / top) * 80}%` }} />
              <View className='duty-bar-month'>{i + 1}月</View>
            </View>
          ))}
        </View>
      </CellGroup>
      <CellGroup title='按类别'>
        {year.byKind.length === 0 && <Empty icon='calendar' title='本年度还没有履职记录' hint='参加协商活动并扫码签到即可累计积分' />}
        {year.byKind.map((k) => <Cell key={k.kind} title={dutyKindLabels[k.kind]} label={`${k.count} 次`} value={`${k.points} 分`} />)}
      </CellGroup>
      {year.sources.length > 0 && (
        <CellGroup title='积分来源'>
          {year.sources.map((s) => <Cell key={s.id} title={s.title || dutyKindLabels[s.kind]} label={`${s.day} · ${dutyKindLabels[s.kind]}`} value={`${s.points > 0 ? '+' : ''}${s.points}`} />)}
        </CellGroup>
      )}
    </>
  )
}
