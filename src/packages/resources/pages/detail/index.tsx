/**
 * One resource: what it is, whose, its rules and its free slots of the coming week; tap a slot and
 * 预约, once or every week. A clash (someone was faster) shows the nearest free slots to pick
 * instead; a series that cannot be booked whole lists the weeks that failed. A suspended booker
 * sees why and until when.
 */
import { Input, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Field, Notice, Page, Skeleton, Tag, groupsOf, PageError } from '@/components/ui'
import { openHoursLabel, resourceKindLabels, type Span } from '@/domain/resources'
import type { Occurrence } from '@/domain/resources/series'
import { dayHeading, shanghaiClock, shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { bookingStanding, bookResource, getResource, resourceSchedule } from '@/services/resources'
import { spanLabel } from '../../labels'
import { RepeatField, type RepeatChoice } from '../../Repeat'
import { StandingNotice } from '../../Standing'

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']
/** "2 次未能预约：12 月 1 日 周二（该日为节假日…）…", from a series' answer. */
const refusedWeeks = (occurrences: Occurrence[]) => {
  const refused = occurrences.filter((o) => o.result !== 'created')
  return refused.map((o) => `${dayHeading(shanghaiDay(new Date(o.startsAt)))}${'message' in o ? `（${o.message}）` : ''}`).join('；')
}

export default function ResourceDetailPage() {
  const [id, setId] = useState<number | null>(null)
  const [picked, setPicked] = useState<Span>()
  const [purpose, setPurpose] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [nearest, setNearest] = useState<Span[]>([])
  const [repeat, setRepeat] = useState<RepeatChoice>({ weeks: 1, partial: false })
  const standing = useCall('standing', () => bookingStanding({}))
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
      const series = repeat.weeks > 1 ? repeat : undefined
      const done = await bookResource({ resourceId: r.id, startsAt: picked.startsAt, endsAt: picked.endsAt, purpose, repeat: series })
      const booked = done.occurrences ? `每周预约 ${done.occurrences.filter((o) => o.result === 'created').length} 次` : '预约'
      const skipped = done.occurrences && done.occurrences.some((o) => o.result !== 'created') ? `；未能预约：${refusedWeeks(done.occurrences)}` : ''
      setMessage({ ok: true, text: `${done.status === 'pending' ? `已提交${booked}，等待资源所在单位审核，时段已为您保留` : `${booked}成功`}${skipped}` })
      setNearest([])
      setPicked(undefined)
    } catch (e) {
      const failure = asFailure(e)
      const facts = failure.data as { free?: Span[]; occurrences?: Occurrence[] } | undefined
      setMessage({ ok: false, text: facts?.occurrences ? `${failure.message}。未能预约：${refusedWeeks(facts.occurrences)}` : failure.message })
      const free = facts?.free
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
  const suspended = Boolean(standing.data?.suspendedUntil)
  const closedOn = r.rules.closedWeekdays.map((d) => WEEKDAY_NAMES[d]).join('、')
  return (
    <Page title={r.name} onRefresh={async () => { resource.retry(); schedule.retry() }}
      actions={canBook ? <Button loading={busy} disabled={!picked || suspended} why={suspended ? '预约功能暂停中' : picked ? undefined : '请先选择一个空闲时段'} onClick={book}>预约</Button> : undefined}>
      <View className='card'>
        <View className='title'>{r.name}</View>
        <View>
          <Tag>{resourceKindLabels[r.kind]}</Tag>
          <Tag tone={r.needsApproval ? 'warning' : 'success'}>{r.needsApproval ? '需所在单位审核' : '即时确认'}</Tag>
        </View>
        {r.description && <View className='muted'>{r.description}</View>}
      </View>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <StandingNotice standing={standing.data} />
      <CellGroup>
        <Cell icon='location' title={r.siteName} label={r.parentName ? `属于${r.parentName}` : undefined} arrow
          onClick={() => Taro.navigateTo({ url: `/packages/sites/pages/detail/index?id=${r.siteId}` })} />
        {r.capacity && <Cell icon='mine' title={`可容纳 ${r.capacity} 人`} />}
        <Cell icon='clock' title={`需提前 ${r.rules.noticeHours} 小时预约，最多预约 ${r.rules.maxDaysAhead} 天内`}
          label={`每次 ${r.rules.minMinutes}—${r.rules.maxMinutes} 分钟；开始前 ${r.rules.cancelHours} 小时内不能自行取消`} />
        <Cell icon='calendar' title={`开放时间 ${openHoursLabel(r.rules)}`} label={`${closedOn ? `${closedOn}闭馆；` : ''}法定节假日不开放`} />
        {r.rules.unitMonthHours !== null && <Cell icon='clock' title={`每个单位每月最多预约 ${r.rules.unitMonthHours} 小时`} />}
        {r.rules.seated && r.capacity && <Cell icon='mine' title={`按座位预约，每场 ${r.capacity} 个名额`} />}
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
      {canBook && <RepeatField value={repeat} onChange={setRepeat} />}
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
