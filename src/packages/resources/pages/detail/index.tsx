/**
 * One resource: what it is, whose, its rules and its free slots of the coming week; tap a slot and
 * 预约. A clash (someone was faster) shows the nearest free slots to pick instead.
 */
import { Input, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Field, Notice, Page, Skeleton, Tag, groupsOf, PageError } from '@/components/ui'
import { resourceKindLabels, type Span } from '@/domain/resources'
import { dayHeading, shanghaiClock, shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { bookResource, getResource, resourceSchedule } from '@/services/resources'
import { spanLabel } from '../../labels'

export default function ResourceDetailPage() {
  const [id, setId] = useState<number | null>(null)
  const [picked, setPicked] = useState<Span>()
  const [purpose, setPurpose] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [nearest, setNearest] = useState<Span[]>([])
  useLoad((params) => setId(Number(params.id) || 0))
  const resource = useCall(id === null ? null : `r:${id}`, () => getResource({ resourceId: id! }))
  const minutes = resource.data ? Math.max(resource.data.rules.minMinutes, 60) : 60
  const schedule = useCall(resource.data ? `s:${id}:${minutes}` : null, () =>
    resourceSchedule({ resourceId: id!, days: 7, minutes }))

  if (resource.error) return <Page><PageError error={resource.error} retry={resource.retry} /></Page>
  if (!resource.data) return <Page><Skeleton count={2} /></Page>
  const r = resource.data
  const book = async () => {
    if (!picked) return
    setBusy(true)
    try {
      const done = await bookResource({ resourceId: r.id, startsAt: picked.startsAt, endsAt: picked.endsAt, purpose })
      setMessage({ ok: true, text: done.status === 'pending' ? '已提交预约，等待资源所在单位审核，时段已为您保留' : '预约成功' })
      setNearest([])
      setPicked(undefined)
    } catch (e) {
      const failure = asFailure(e)
      setMessage({ ok: false, text: failure.message })
      const free = (failure.data as { free?: Span[] } | undefined)?.free
      setNearest(free ?? [])
    } finally {
      setBusy(false)
      schedule.retry()
    }
  }
  const slot = (s: Span) => (
    <Cell key={s.startsAt} icon='clock' title={`${shanghaiClock(new Date(s.startsAt))}—${shanghaiClock(new Date(s.endsAt))}`}
      value={picked?.startsAt === s.startsAt ? <Tag tone='success'>已选</Tag> : undefined} onClick={() => setPicked(s)} />
  )
  const canBook = r.status === 'open' && r.kind !== 'data'
  return (
    <Page title={r.name} onRefresh={async () => { resource.retry(); schedule.retry() }}
      actions={canBook ? <Button loading={busy} disabled={!picked} why={picked ? undefined : '请先选择一个空闲时段'} onClick={book}>预约</Button> : undefined}>
      <View className='card'>
        <View className='title'>{r.name}</View>
        <View>
          <Tag>{resourceKindLabels[r.kind]}</Tag>
          <Tag tone={r.needsApproval ? 'warning' : 'success'}>{r.needsApproval ? '需所在单位审核' : '即时确认'}</Tag>
        </View>
        {r.description && <View className='muted'>{r.description}</View>}
      </View>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <CellGroup>
        <Cell icon='location' title={r.siteName} label={r.parentName ? `属于${r.parentName}` : undefined} arrow
          onClick={() => Taro.navigateTo({ url: `/packages/sites/pages/detail/index?id=${r.siteId}` })} />
        {r.capacity && <Cell icon='mine' title={`可容纳 ${r.capacity} 人`} />}
        <Cell icon='clock' title={`需提前 ${r.rules.noticeHours} 小时预约，最多预约 ${r.rules.maxDaysAhead} 天内`}
          label={`每次 ${r.rules.minMinutes}—${r.rules.maxMinutes} 分钟；开始前 ${r.rules.cancelHours} 小时内不能自行取消`} />
        {(r.rules.bufferBeforeMin > 0 || r.rules.bufferAfterMin > 0) && (
          <Cell icon='clock' title={`前后各留准备时间：前 ${r.rules.bufferBeforeMin} 分钟，后 ${r.rules.bufferAfterMin} 分钟`} />
        )}
        {r.children.length > 0 && <Cell icon='location' title={`包含：${r.children.map((c) => c.name).join('、')}`} label='预约整体时，各分区同时被占用' />}
      </CellGroup>
      {nearest.length > 0 && (
        <CellGroup title='最近的空闲时段'>
          {nearest.map((s) => <Cell key={s.startsAt} icon='clock' title={spanLabel(s)} onClick={() => setPicked(s)}
            value={picked?.startsAt === s.startsAt ? <Tag tone='success'>已选</Tag> : undefined} />)}
        </CellGroup>
      )}
      {canBook && (
        <Field label='用途'>
          <Input className='ui-input' value={purpose} maxlength={200} placeholder='例如：民生圆桌会' onInput={(e) => setPurpose(e.detail.value)} nativeProps={{ 'aria-label': '用途' }} />
        </Field>
      )}
      {!canBook && (r.kind === 'data' && r.status === 'open'
        ? <Button onClick={() => Taro.navigateTo({ url: `/packages/resources/pages/data-request/index?id=${r.id}` })}>申请数据</Button>
        : <Notice tone='info'>{r.kind === 'data' ? '该数据资源暂停申请' : '该资源暂停预约'}</Notice>)}
      {canBook && schedule.data && (schedule.data.free.length === 0
        ? <Empty icon='calendar' title='未来 7 天没有空闲时段' hint='稍后再来看看，或选择其他资源' />
        : groupsOf(schedule.data.free, (s) => shanghaiDay(new Date(s.startsAt))).map((group) => (
          <CellGroup key={group.key} title={`${dayHeading(group.key)} 可预约`}>{group.items.map(slot)}</CellGroup>
        )))}
      {r.manages && (
        <CellGroup title='本单位资源'>
          <Cell icon='check' title='预约审核' label='同意或不同意本单位资源的预约' arrow onClick={() => Taro.navigateTo({ url: '/packages/resources/pages/requests/index' })} />
        </CellGroup>
      )}
    </Page>
  )
}
