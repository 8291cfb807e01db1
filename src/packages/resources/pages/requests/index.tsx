/**
 * 预约审核: the bookings of the units I manage (staff: every unit) waiting for a decision; agree, or
 * decline with a reason; the other states, no-shows included; and, for staff, the bookers suspended
 * for no-shows (暂停预约).
 */
import { Input } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { isDistrictStaff } from '@/domain/person'
import { bookingStatusLabels, type Booking, type BookingStatus } from '@/domain/resources'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { bookingRequests, decideBooking } from '@/services/resources'
import { useSession } from '@/stores/session'
import { bookingTones, spanLabel } from '../../labels'
import { SuspensionList } from '../../Suspensions'

type Tab = BookingStatus | 'suspended'
const statusTabs: TabItem<Tab>[] = (['pending', 'confirmed', 'declined', 'cancelled', 'expired', 'no_show'] as const).map((key) => ({ key, label: bookingStatusLabels[key] }))

export default function BookingRequestsPage() {
  const [tab, setTab] = useState<Tab>('pending')
  const status: BookingStatus = tab === 'suspended' ? 'pending' : tab
  const staff = useSession((s) => (s.me ? isDistrictStaff({ grants: s.me.roles }) : false))
  const tabs = staff ? [...statusTabs, { key: 'suspended' as const, label: '暂停预约' }] : statusTabs
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
      <Tabs label='预约状态' items={tabs} value={tab} onChange={(key) => setTab(key as Tab)} />
      {tab === 'suspended' && <SuspensionList />}
      {tab !== 'suspended' && message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {tab === 'pending' && (
        <Field label='说明（不同意时必填）'>
          <Input className='ui-input' value={note} maxlength={200} placeholder='例如：当天已安排馆内活动' onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': '审核说明' }} />
        </Field>
      )}
      {tab !== 'suspended' && <List list={list} skeleton='list' empty={{ icon: 'check', title: `没有${bookingStatusLabels[status]}的预约`, hint: '新的预约申请会在这里出现' }}>
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
      </List>}
    </Page>
  )
}
