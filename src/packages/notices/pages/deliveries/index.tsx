/**
 * A notice's delivery log, headed by the notice (title, state, reach): each in-app notice and
 * service message, its state, and who read it. Only the actions that apply are offered (none
 * once withdrawn; 置顶 or 取消置顶, not both), and while rows are still being sent the log
 * refreshes itself.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Cell, CellGroup, List, Notice, Page, Tag, useConfirm } from '@/components/ui'
import { noticeActions, noticeStatusLabels, type Delivery, type NoticeHead } from '@/domain/notices'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { noticeDeliveries, pinNotice, withdrawNotice } from '@/services/notices'

const statusLabels: Record<Delivery['status'], string> = { pending: '待发送', sending: '发送中', sent: '已送达', failed: '未送达' }
const statusTones = { pending: 'muted', sending: 'muted', sent: 'success', failed: 'warning' } as const
const noticeTones = { scheduled: 'muted', published: 'success', withdrawn: 'warning' } as const
/** How often the log looks again while something is still on its way. */
const REFRESH_MS = 3000

export default function DeliveriesPage() {
  const [id, setId] = useState(0)
  const [head, setHead] = useState<NoticeHead>()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  useLoad((params) => setId(Number(params.id)))
  const list = useList(`deliveries-${id}`, (cursor) =>
    id
      ? noticeDeliveries({ noticeId: id, cursor }).then((page) => {
          setHead(page.notice)
          return page
        })
      : Promise.resolve({ items: [], next: null }))
  const [confirm, confirmDialog] = useConfirm()
  const moving = list.items.some((d) => d.status === 'pending' || d.status === 'sending')
  const { reload } = list
  useEffect(() => {
    if (!moving) return
    const timer = setTimeout(() => reload(), REFRESH_MS)
    return () => clearTimeout(timer)
  }, [moving, reload, list.items])

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
  const buttons = {
    pin: <Button key='pin' kind='plain' onClick={act(() => pinNotice({ noticeId: id, pinned: true }), '已置顶')}>置顶</Button>,
    unpin: <Button key='unpin' kind='plain' onClick={act(() => pinNotice({ noticeId: id, pinned: false }), '已取消置顶')}>取消置顶</Button>,
    withdraw: (
      <Button key='withdraw' kind='plain' onClick={act(() => withdrawNotice({ noticeId: id }), '已撤回，收件人将不再看到这条通知', {
        title: '撤回这条通知？',
        content: '撤回后，收件人将不再看到这条通知，尚未发出的服务通知也不再发送。撤回后不能恢复。',
      })}>撤回</Button>
    ),
  }
  return (
    <Page title={head?.title} onRefresh={list.reload}>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {head && (
        <View className='card' role='region' aria-label='通知'>
          <View className='title'>{head.title}</View>
          <View>
            <Tag tone={noticeTones[head.status]}>{noticeStatusLabels[head.status]}</Tag>
            {head.pinned && <Tag>置顶</Tag>}
            {head.audienceSize !== null && <Tag tone='muted'>发送给 {head.audienceSize} 人</Tag>}
          </View>
          <View className='muted'>{head.status === 'scheduled' ? '定时发布：' : '发布于 '}{shanghaiDateTime(head.publishAt)}</View>
          {noticeActions(head).map((action) => buttons[action])}
        </View>
      )}
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
