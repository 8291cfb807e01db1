/** The booking form's 每周重复: off, or 2–26 weeks; all or nothing unless 跳过无法预约的周次 is on. */
import { Picker, Switch, View } from '@tarojs/components'
import { Cell, CellGroup } from '@/components/ui'
import { MAX_OCCURRENCES } from '@/domain/resources/series'

export interface RepeatChoice {
  weeks: number
  partial: boolean
}

const WEEKS = Array.from({ length: MAX_OCCURRENCES - 1 }, (_, i) => i + 2)

export function RepeatField({ value, onChange }: { value: RepeatChoice; onChange: (next: RepeatChoice) => void }) {
  const on = value.weeks > 1
  return (
    <CellGroup title='重复预约'>
      <Cell title='每周重复' label='同一时间每周预约一次'
        value={<Switch checked={on} color='#b71c1c' onChange={(e) => onChange({ ...value, weeks: e.detail.value ? 4 : 1 })} nativeProps={{ 'aria-label': '每周重复' }} />} />
      {on && (
        <Cell title='重复次数' value={
          <Picker mode='selector' range={WEEKS.map((n) => `共 ${n} 次`)} value={value.weeks - 2} onChange={(e) => onChange({ ...value, weeks: WEEKS[Number(e.detail.value)] })}>
            <View className='ui-input' role='button' aria-label={`重复次数：共 ${value.weeks} 次`}>共 {value.weeks} 次</View>
          </Picker>
        } />
      )}
      {on && (
        <Cell title='跳过无法预约的周次' label={value.partial ? '只预约有空的周次' : '任一周次无法预约时，整组都不预约'}
          value={<Switch checked={value.partial} color='#b71c1c' onChange={(e) => onChange({ ...value, partial: e.detail.value })} nativeProps={{ 'aria-label': '跳过无法预约的周次' }} />} />
      )}
    </CellGroup>
  )
}
