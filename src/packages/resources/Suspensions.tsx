/** Staff's part of 预约审核: the bookers suspended for no-shows; lift a suspension with a reason (it forgives the no-shows behind it). */
import { Input } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Tag } from '@/components/ui'
import type { Suspension } from '@/domain/resources/attendance'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { bookingSuspensions, waiveSuspension } from '@/services/resources'

export function SuspensionList() {
  const list = useList('suspensions', (cursor) => bookingSuspensions({ cursor }))
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const lift = (s: Suspension) => async () => {
    try {
      await waiveSuspension({ suspensionId: s.id, reason })
      setMessage({ ok: true, text: `已解除 ${s.personName} 的预约暂停` })
      setReason('')
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const running = (s: Suspension) => !s.liftedAt && Date.parse(s.endsAt) > Date.now()
  return (
    <>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <Field label='解除原因（必填）'>
        <Input className='ui-input' value={reason} maxlength={200} placeholder='例如：当日场馆停电，非本人原因' onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'aria-label': '解除原因' }} />
      </Field>
      <List list={list} skeleton='list' empty={{ icon: 'check', title: '没有暂停预约的用户', hint: '90 天内 3 次预约未到场的用户会在这里出现' }}>
        {(items) => (
          <CellGroup>
            {items.map((s) => (
              <Cell key={s.id} icon='mine' title={s.personName}
                label={`暂停 ${shanghaiDateTime(s.startsAt)} 至 ${shanghaiDateTime(s.endsAt)}${s.note ? ` · 解除原因：${s.note}` : ''}`}
                value={running(s)
                  ? <Button kind='plain' disabled={[...reason].length < 2} why='请先填写解除原因' label={`解除暂停：${s.personName}`} onClick={lift(s)}>解除</Button>
                  : <Tag tone='muted'>{s.liftedAt ? '已解除' : '已到期'}</Tag>} />
            ))}
          </CellGroup>
        )}
      </List>
    </>
  )
}
