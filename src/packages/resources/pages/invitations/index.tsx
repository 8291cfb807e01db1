/** 专家邀请: invitations to me as an expert or a course's teacher; accept or decline, and confirm a session once it has been held. */
import { useState } from 'react'
import { Button, Cell, CellGroup, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { bookingStatusLabels, type Booking } from '@/domain/resources'
import { useList } from '@/hooks/useList'
import { myInvitations, respondInvitation, sessionHeld } from '@/services/resources'
import { bookingTones, spanLabel } from '../../labels'
import { CalendarButton, useOutcome } from '../../sharing'

type Shown = 'pending' | 'confirmed' | 'declined'
const tabs: TabItem<Shown>[] = [{ key: 'pending', label: '待答复' }, { key: 'confirmed', label: '已接受' }, { key: 'declined', label: '已婉拒' }]

export default function InvitationsPage() {
  const [status, setStatus] = useState<Shown>('pending')
  const list = useList(status, (cursor) => myInvitations({ cursor, status }))
  const { message, act } = useOutcome(list.reload)
  const respond = (b: Booking, accept: boolean) => act(async () => {
    await respondInvitation({ bookingId: b.id, accept })
    return accept ? `已接受${b.forSiteName ?? b.personName}的邀请，对方现在可以看到您的联系方式` : '已婉拒该邀请'
  })
  const held = (b: Booking) => act(async () => {
    const done = await sessionHeld({ bookingId: b.id })
    return done.points > 0 ? `已确认开展，履职档案记 ${done.points} 分` : '已确认开展'
  })
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='邀请状态' items={tabs} value={status} onChange={(key) => setStatus(key as Shown)} />
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <List list={list} skeleton='list' empty={{ icon: 'mine', title: '没有邀请', hint: '联盟单位邀请您开展咨询或授课时会出现在这里' }}>
        {(items) => (
          <CellGroup>
            {items.map((b) => (
              <Cell key={b.id} icon='calendar' title={`${b.resourceName} · ${spanLabel(b)}`}
                label={`${b.forSiteName ?? b.personName}${b.purpose ? ` · ${b.purpose}` : ''}`}
                value={status === 'pending'
                  ? (
                    <>
                      <Button label={`接受：${b.resourceName} ${spanLabel(b)}`} onClick={respond(b, true)}>接受</Button>
                      <Button kind='plain' label={`婉拒：${b.resourceName} ${spanLabel(b)}`} onClick={respond(b, false)}>婉拒</Button>
                    </>
                  )
                  : status === 'confirmed' && Date.parse(b.endsAt) <= Date.now()
                    ? <Button kind='plain' label={`确认已开展：${b.resourceName} ${spanLabel(b)}`} onClick={held(b)}>确认已开展</Button>
                    : status === 'confirmed' ? <CalendarButton booking={b} /> : <Tag tone={bookingTones[b.status]}>{bookingStatusLabels[b.status]}</Tag>} />
            ))}
          </CellGroup>
        )}
      </List>
    </Page>
  )
}
