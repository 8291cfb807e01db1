/** 转为活动: a confirmed venue booking becomes our unit's activity at its place and time; the venue's unit and any others chosen co-host it. */
import { Input, Picker, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, Tag } from '@/components/ui'
import { activityKindLabels, activityKinds, activityUrl, type ActivityKind } from '@/domain/activities'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { bookingToActivity } from '@/services/resources'
import { listSites } from '@/services/sites'

export default function ToActivityPage() {
  const [bookingId, setBookingId] = useState(0)
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<ActivityKind>('salon')
  const [cohosts, setCohosts] = useState<string[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useLoad((params) => setBookingId(Number(params.id) || 0))
  const units = useCall('alliance-units', () => listSites({ kind: 'alliance', limit: 100 }))
  const toggle = (id: string) => () => setCohosts((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]))
  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      const done = await bookingToActivity({ bookingId, title, kind, cohosts })
      await Taro.redirectTo({ url: activityUrl(done.activityId) })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  const ready = [...title.trim()].length >= 2
  return (
    <Page title='转为活动' actions={<Button loading={busy} disabled={!ready} why={ready ? undefined : '请填写活动名称（至少 2 个字）'} onClick={submit}>创建活动</Button>}>
      <Notice tone='info'>活动的地点和时间取自这次场地预约；场地所在单位自动列为联办单位。</Notice>
      <Field label='活动名称' count={{ value: title, max: 60 }}>
        <Input className='ui-input' value={title} maxlength={60} placeholder='例如：民生圆桌会进园区' onInput={(e) => setTitle(e.detail.value)} nativeProps={{ 'aria-label': '活动名称' }} />
      </Field>
      <Field label='活动类型'>
        <Picker mode='selector' range={activityKinds.map((k) => activityKindLabels[k])} value={activityKinds.indexOf(kind)} onChange={(e) => setKind(activityKinds[Number(e.detail.value)])}>
          <View className='ui-input' aria-label={`活动类型：${activityKindLabels[kind]}`}>{activityKindLabels[kind]}</View>
        </Picker>
      </Field>
      <CellGroup title='其他联办单位（选填）'>
        {(units.data?.items ?? []).map((s) => (
          <Cell key={s.id} title={s.name} onClick={toggle(s.id)} value={cohosts.includes(s.id) ? <Tag tone='success'>联办</Tag> : undefined} />
        ))}
      </CellGroup>
      {error && <Notice tone='error'>{error}</Notice>}
    </Page>
  )
}
