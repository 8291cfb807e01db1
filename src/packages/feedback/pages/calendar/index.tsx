/**
 * 节假日与办理时限 (staff): the holiday calendar that working days are counted by (statutory
 * holidays, 调休 make-up working days) and each category's default reply time in working days.
 */
import { Input, Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Page, Skeleton, Tabs, Tag, type TabItem } from '@/components/ui'
import { DEFAULT_DUE_DAYS } from '@/domain/feedback'
import { topicCategories, type TopicCategory } from '@/domain/topics'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import { getCalendar, setCalendarDay, setDueDays } from '@/services/feedback'
import './index.css'

const years: TabItem<string>[] = [
  { key: '2026', label: '2026 年' },
  { key: '2027', label: '2027 年' },
]
const kinds = [
  { key: 'holiday', label: '放假' },
  { key: 'workday', label: '调休上班' },
  { key: 'normal', label: '恢复按星期' },
] as const

export default function CalendarPage() {
  const [year, setYear] = useState('2026')
  const calendar = useCall(`calendar-${year}`, () => getCalendar({ year: Number(year) }))
  const [day, setDay] = useState('2026-01-01')
  const [kind, setKind] = useState<(typeof kinds)[number]>(kinds[0])
  const [name, setName] = useState('')
  const [category, setCategory] = useState<TopicCategory>(topicCategories[0])
  const [days, setDays] = useState('')
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      Taro.showToast({ title: done, icon: 'success' })
      calendar.retry()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }
  return (
    <Page title='节假日与办理时限'>
      <Tabs label='年份' items={years} value={year} onChange={setYear} />
      <CellGroup title='调整某一天'>
        <Picker mode='date' value={day} onChange={(e) => setDay(e.detail.value)}><Cell title='日期' value={day} arrow onClick={() => undefined} /></Picker>
        <Picker mode='selector' range={kinds.map((k) => k.label)} onChange={(e) => setKind(kinds[Number(e.detail.value)])}>
          <Cell title='类型' value={kind.label} arrow onClick={() => undefined} />
        </Picker>
      </CellGroup>
      <Field label='名称'>
        <Input className='ui-input' value={name} maxlength={20} placeholder='例如：国庆节、国庆节调休' onInput={(e) => setName(e.detail.value)} nativeProps={{ 'aria-label': '名称' }} />
      </Field>
      <View className='calendar-actions'>
        <Button onClick={() => act(() => setCalendarDay({ day, kind: kind.key, name }), '已保存')}>保存这一天</Button>
      </View>
      <CellGroup title='各类议题默认办理时限（工作日）'>
        {topicCategories.map((c) => (
          <Cell key={c} title={c === category ? `${c}（已选）` : c} value={`${calendar.data?.dueDays[c] ?? DEFAULT_DUE_DAYS} 个工作日`} onClick={() => setCategory(c)}
            icon={c === category ? 'check' : undefined} />
        ))}
      </CellGroup>
      <Field label={`${category}的办理时限`}>
        <Input className='ui-input' type='number' value={days} placeholder={String(DEFAULT_DUE_DAYS)} onInput={(e) => setDays(e.detail.value)}
          nativeProps={{ 'aria-label': `${category}的办理时限` }} />
      </Field>
      <View className='calendar-actions'>
        <Button kind='plain' onClick={() => act(() => setDueDays({ category, days: Number(days) }), '已保存')}>保存办理时限</Button>
      </View>
      <CellGroup title={`${year} 年节假日和调休`}>
        {!calendar.data && <Skeleton count={3} />}
        {calendar.data?.days.map((d) => (
          <Cell key={d.day} title={d.day} label={d.name} value={<Tag tone={d.kind === 'holiday' ? 'success' : 'warning'}>{d.kind === 'holiday' ? '放假' : '上班'}</Tag>} />
        ))}
      </CellGroup>
    </Page>
  )
}
