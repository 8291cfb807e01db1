/**
 * 我的预约: my bookings, newest first, each with its state; cancel one until its deadline; check in
 * at the place from 15 minutes before the start to 15 after, with the site's code (WeChat: the
 * camera scanner; h5: the code typed). My standing shows on top: a warning after a no-show, or
 * the suspension and until when.
 */
import { Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tag, useConfirm } from '@/components/ui'
import { bookingStatusLabels, type Booking } from '@/domain/resources'
import { checkinWindow } from '@/domain/resources/attendance'
import { sceneOf } from '@/domain/scene'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { bookingStanding, cancelBooking, checkInBooking, myBookings } from '@/services/resources'
import { bookingTones, detailUrl, mayCancel, spanLabel } from '../../labels'
import { BookingExtras, CalendarButton } from '../../sharing'
import { StandingNotice } from '../../Standing'

/** Within the check-in window by the phone's clock (the server judges again with its own). */
const mayCheckIn = (b: Booking, now = Date.now()) => {
  const { from, to } = checkinWindow(new Date(b.startsAt))
  return b.status === 'confirmed' && from.getTime() <= now && now <= to.getTime()
}

export default function MyBookingsPage() {
  const list = useList('mine', (cursor) => myBookings({ cursor }))
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [confirm, confirmDialog] = useConfirm()
  const standing = useCall('standing', () => bookingStanding({}))
  const [typing, setTyping] = useState<Booking>()
  const [code, setCode] = useState('')
  const checkIn = async (b: Booking, scene: string) => {
    try {
      await checkInBooking({ bookingId: b.id, scene })
      setMessage({ ok: true, text: `已签到：${b.resourceName}` })
      setTyping(undefined)
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const scan = (b: Booking) => async () => {
    if (process.env.TARO_ENV !== 'weapp') return setTyping(b)
    try {
      await checkIn(b, sceneOf(await Taro.scanCode({ onlyFromCamera: true })))
    } catch {
      // The person closed the scanner.
    }
  }
  const cancel = (b: Booking) => async () => {
    const yes = await confirm({ title: '取消预约？', content: `“${b.resourceName}”${spanLabel(b)} 的预约将被取消，时段会空出给他人。` })
    if (!yes) return
    try {
      await cancelBooking({ bookingId: b.id })
      setMessage({ ok: true, text: '已取消预约' })
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  return (
    <Page onRefresh={list.reload}>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <StandingNotice standing={standing.data} />
      {typing && (
        <CellGroup title={`签到：${typing.resourceName}`}>
          <Field label='现场签到码'>
            <Input className='ui-input' value={code} maxlength={64} placeholder='现场二维码的签到码，例如 s=F01' onInput={(e) => setCode(e.detail.value)} nativeProps={{ 'aria-label': '现场签到码' }} />
          </Field>
          <Button disabled={!code} why='请填写签到码' onClick={() => checkIn(typing, code)}>确认签到</Button>
        </CellGroup>
      )}
      <List list={list} skeleton='list'
        empty={{ icon: 'calendar', title: '还没有预约', hint: '在联盟资源清单中选择场地、专家或课程预约', action: { label: '查看联盟资源', onClick: () => Taro.navigateTo({ url: '/packages/resources/pages/list/index' }) } }}>
        {(items) => (
          <CellGroup>
            {items.map((b) => (
              <Cell key={b.id} icon='calendar' title={b.resourceName}
                label={`${spanLabel(b)} · ${b.siteName}${b.note ? ` · ${b.note}` : ''}${mayCancel(b) ? ` · ${shanghaiDateTime(b.cancelBy)} 前可取消` : ''}`}
                value={
                  <>
                    <Tag tone={bookingTones[b.status]}>{bookingStatusLabels[b.status]}</Tag>
                    {mayCheckIn(b) && <Button label={`签到：${b.resourceName} ${spanLabel(b)}`} onClick={scan(b)}>签到</Button>}
                    {mayCancel(b) && <Button kind='plain' label={`取消预约：${b.resourceName} ${spanLabel(b)}`} onClick={cancel(b)}>取消</Button>}
                    <CalendarButton booking={b} />
                    <BookingExtras booking={b} />
                  </>
                }
                onClick={() => Taro.navigateTo({ url: detailUrl(b.resourceId) })} />
            ))}
          </CellGroup>
        )}
      </List>
      {confirmDialog}
    </Page>
  )
}
