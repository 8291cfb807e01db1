/** Staff and a site's admins publish an activity at the site: kind, title, place, day and times, seats, who may join, the code's period. */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Field, Notice, Page } from '@/components/ui'
import { activityKindLabels, activityKinds, activityUrl, audienceLabels, audiences, type ActivityKind, type Audience } from '@/domain/activities'
import { shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { createActivity } from '@/services/activities'

const periods = [10, 20, 30, 60]

export default function CreateActivityPage() {
  const [siteId, setSiteId] = useState('')
  const [kind, setKind] = useState<ActivityKind>('salon')
  const [audience, setAudience] = useState<Audience>('open')
  const [form, setForm] = useState({ title: '', place: '', intro: '', day: shanghaiDay(new Date()), from: '14:00', to: '16:00', capacity: '', sectors: '' })
  const [period, setPeriod] = useState(10)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useLoad((params) => setSiteId(String(params.site ?? '')))
  const set = (name: keyof typeof form) => (e: { detail: { value: string | number } }) => setForm((f) => ({ ...f, [name]: String(e.detail.value) }))

  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      const done = await createActivity({
        siteId, kind, audience, title: form.title, place: form.place, intro: form.intro,
        startsAt: new Date(`${form.day}T${form.from}:00+08:00`).toISOString(),
        endsAt: new Date(`${form.day}T${form.to}:00+08:00`).toISOString(),
        capacity: form.capacity ? Number(form.capacity) : undefined,
        sectors: audience === 'sectors' ? form.sectors.split(/[，,、\s]+/).filter(Boolean) : [],
        codePeriodS: period,
      })
      Taro.showToast({ title: '已发布', icon: 'success' })
      Taro.redirectTo({ url: activityUrl(done.id) })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  const picker = (label: string, value: string, range: string[], pick: (index: number) => void) => (
    <Field label={label}>
      <Picker mode='selector' range={range} onChange={(e) => pick(Number(e.detail.value))}>
        <View className='ui-input' role='button' aria-label={`${label}：${value}`}>{value}</View>
      </Picker>
    </Field>
  )
  const time = (label: string, name: 'day' | 'from' | 'to', mode: 'date' | 'time') => (
    <Field label={label}>
      <Picker mode={mode} value={form[name]} onChange={set(name)}>
        <View className='ui-input' role='button' aria-label={`${label}：${form[name]}`}>{form[name]}</View>
      </Picker>
    </Field>
  )

  return (
    <Page actions={<Button loading={busy} disabled={!siteId} onClick={submit}>发布活动</Button>}>
      {error && <Notice tone='error'>{error}</Notice>}
      {picker('活动类型', activityKindLabels[kind], activityKinds.map((k) => activityKindLabels[k]), (i) => setKind(activityKinds[i]))}
      <Field label='活动名称' hint='2–60 个字'>
        <Input className='ui-input' value={form.title} maxlength={60} placeholder='例如：书香政协·民生圆桌会' onInput={set('title')} nativeProps={{ 'aria-label': '活动名称' }} />
      </Field>
      <Field label='地点'>
        <Input className='ui-input' value={form.place} maxlength={60} placeholder='例如：三楼报告厅' onInput={set('place')} nativeProps={{ 'aria-label': '地点' }} />
      </Field>
      {time('日期', 'day', 'date')}
      {time('开始时间', 'from', 'time')}
      {time('结束时间', 'to', 'time')}
      <Field label='名额' hint='不填为不限名额；报满后可候补，有人取消时按顺序递补'>
        <Input className='ui-input' type='number' value={form.capacity} placeholder='不限' onInput={set('capacity')} nativeProps={{ 'aria-label': '名额' }} />
      </Field>
      {picker('参加对象', audienceLabels[audience], audiences.filter((a) => a !== 'invited').map((a) => audienceLabels[a]), (i) => setAudience(audiences[i]))}
      {audience === 'sectors' && (
        <Field label='参加界别' hint='多个界别用顿号或逗号分开'>
          <Input className='ui-input' value={form.sectors} placeholder='例如：文化艺术界、教育体育界' onInput={set('sectors')} nativeProps={{ 'aria-label': '参加界别' }} />
        </Field>
      )}
      {picker('签到码刷新间隔', `${period} 秒`, periods.map((p) => `${p} 秒`), (i) => setPeriod(periods[i]))}
      <Field label='活动介绍'>
        <Textarea className='ui-input ui-textarea' value={form.intro} maxlength={1000} placeholder='选填' onInput={set('intro')} nativeProps={{ 'aria-label': '活动介绍' }} />
      </Field>
    </Page>
  )
}
