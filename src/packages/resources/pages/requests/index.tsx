/** 预约审核: the bookings of the units I manage (staff: every unit) waiting for a decision; agree, or decline with a reason. */
import { Input } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { bookingStatusLabels, type Booking, type BookingStatus } from '@/domain/resources'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { bookingRequests, decideBooking } from '@/services/resources'
import { bookingTones, spanLabel } from '../../labels'

const tabs: TabItem<BookingStatus>[] = (['pending', 'confirmed', 'declined', 'cancelled'] as const).map((key) => ({ key, label: bookingStatusLabels[key] }))

export default function BookingRequestsPage() {
  const [status, setStatus] = useState<BookingStatus>('pending')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const list = useList(status, (cursor) => bookingRequests({ cursor, status }))
  const decide = (b: Booking, approve: boolean) => async () => {
    try {
      await decideBooking({ bookingId: b.id, approve, note })
      setMessage({ ok: true, text: approve ? `已同意 ${b.personName} 的预约` : `已不同意 ${b.personName} 的预约` })
      setNote('')
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='预约状态' items={tabs} value={status} onChange={(key) => setStatus(key as BookingStatus)} />
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {status === 'pending' && (
        <Field label='说明（不同意时必填）'>
          <Input className='ui-input' value={note} maxlength={200} placeholder='例如：当天已安排馆内活动' onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': '审核说明' }} />
        </Field>
      )}
      <List list={list} skeleton='list' empty={{ icon: 'check', title: `没有${bookingStatusLabels[status]}的预约`, hint: '新的预约申请会在这里出现' }}>
        {(items) => (
          <CellGroup>
            {items.map((b) => (
              <Cell key={b.id} icon='calendar' title={`${b.resourceName} · ${spanLabel(b)}`}
                label={`${b.personName}${b.forSiteName ? `（${b.forSiteName}）` : ''}${b.purpose ? ` · ${b.purpose}` : ''}`}
                value={status === 'pending'
                  ? (
                    <>
                      <Button label={`同意：${b.personName} ${spanLabel(b)}`} onClick={decide(b, true)}>同意</Button>
                      <Button kind='plain' label={`不同意：${b.personName} ${spanLabel(b)}`} onClick={decide(b, false)}>不同意</Button>
                    </>
                  )
                  : <Tag tone={bookingTones[b.status]}>{bookingStatusLabels[b.status]}</Tag>} />
            ))}
          </CellGroup>
        )}
      </List>
    </Page>
  )
}
