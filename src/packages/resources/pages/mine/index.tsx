/** 我的预约: my bookings, newest first, each with its state; cancel one until its deadline. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, List, Notice, Page, Tag, useConfirm } from '@/components/ui'
import { bookingStatusLabels, type Booking } from '@/domain/resources'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { cancelBooking, myBookings } from '@/services/resources'
import { bookingTones, detailUrl, mayCancel, spanLabel } from '../../labels'
import { BookingExtras, CalendarButton } from '../../sharing'

export default function MyBookingsPage() {
  const list = useList('mine', (cursor) => myBookings({ cursor }))
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [confirm, confirmDialog] = useConfirm()
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
