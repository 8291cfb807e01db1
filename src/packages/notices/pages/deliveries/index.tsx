/** A notice's delivery log: each in-app notice and service message, its state, and who read it; withdraw and pin. */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, List, Notice, Page, Tag, useConfirm } from '@/components/ui'
import type { Delivery } from '@/domain/notices'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { noticeDeliveries, pinNotice, withdrawNotice } from '@/services/notices'

const statusLabels: Record<Delivery['status'], string> = { pending: '待发送', sending: '发送中', sent: '已送达', failed: '未送达' }
const statusTones = { pending: 'muted', sending: 'muted', sent: 'success', failed: 'warning' } as const

export default function DeliveriesPage() {
  const [id, setId] = useState(0)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  useLoad((params) => setId(Number(params.id)))
  const list = useList(`deliveries-${id}`, (cursor) => (id ? noticeDeliveries({ noticeId: id, cursor }) : Promise.resolve({ items: [], next: null })))
  const [confirm, confirmDialog] = useConfirm()
  const act = (run: () => Promise<unknown>, done: string, ask?: { title: string; content: string }) => async () => {
    if (ask && !(await confirm(ask))) return
    try {
      await run()
      setMessage({ ok: true, text: done })
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  return (
    <Page onRefresh={list.reload}>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <Button kind='plain' onClick={act(() => pinNotice({ noticeId: id, pinned: true }), '已置顶')}>置顶</Button>
      <Button kind='plain' onClick={act(() => pinNotice({ noticeId: id, pinned: false }), '已取消置顶')}>取消置顶</Button>
      <Button kind='plain' onClick={act(() => withdrawNotice({ noticeId: id }), '已撤回，收件人将不再看到这条通知', {
        title: '撤回这条通知？',
        content: '撤回后，收件人将不再看到这条通知，尚未发出的服务通知也不再发送。撤回后不能恢复。',
      })}>撤回</Button>
      {confirmDialog}
      <CellGroup title='送达记录'>
        <List list={list} skeleton='list' empty={{ icon: 'empty', title: '还没有送达记录', hint: '定时通知到发布时间后开始发送' }}>
          {(items) => items.map((d) => (
            <Cell key={d.id} title={d.recipient}
              label={`${d.kind === 'inapp' ? '站内消息' : '服务通知'}${d.sentAt ? ` · ${shanghaiDateTime(d.sentAt)}` : ''}${d.lastError ? ` · ${d.lastError}` : ''}`}
              value={<Tag tone={d.kind === 'inapp' && d.read ? 'primary' : statusTones[d.status]}>{d.kind === 'inapp' && d.read ? '已读' : statusLabels[d.status]}</Tag>}
              onClick={() => Taro.showModal({ title: d.recipient, showCancel: false, content: `${statusLabels[d.status]}，尝试 ${d.attempts} 次${d.lastError ? `；${d.lastError}` : ''}` })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
