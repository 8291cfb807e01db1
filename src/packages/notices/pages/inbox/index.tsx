/**
 * The notice centre: staff notices addressed to me (pinned ones first) and what happened to the
 * topics I follow, newest first; an unread one is marked by one small dot (and its title in bold). “接收提醒” asks WeChat for one-time
 * authorisations, so the next notices also arrive as service messages.
 */
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Button, Cell, CellGroup, List, Notice, Page } from '@/components/ui'
import type { InboxItem } from '@/domain/notices'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { askToSubscribe, inbox, readNotices, syncUnreadBadge } from '@/services/notices'
import './index.css'

export default function InboxPage() {
  const [pinned, setPinned] = useState<InboxItem[]>([])
  const [unread, setUnread] = useState(0)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const list = useList('inbox', (cursor) =>
    inbox({ cursor }).then((page) => {
      if (!cursor) setPinned(page.pinned)
      setUnread(page.unread)
      return page
    }),
  )
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) list.reload()
    shownBefore.current = true
  })

  const open = (item: InboxItem) => () => {
    if (item.noticeId) return Taro.navigateTo({ url: `/packages/notices/pages/detail/index?id=${item.id}` })
    readNotices({ ids: [item.id] }).then(() => syncUnreadBadge(), () => undefined)
    if (item.link) Taro.navigateTo({ url: item.link })
  }
  const readAll = async () => {
    await readNotices({ all: true })
    await Promise.all([list.reload(), syncUnreadBadge()])
  }
  const subscribe = async () => {
    try {
      const accepted = await askToSubscribe(['notice', 'topic_progress'])
      setMessage(accepted ? { ok: true, text: '已开启提醒：下一条通知和议题进展会以服务通知发送给您' } : { ok: false, text: '未开启提醒，您仍可在消息中心查看' })
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const row = (item: InboxItem) => (
    <Cell key={item.id} icon={item.noticeId ? 'home' : 'topic'}
      title={item.read ? item.title : <View className='inbox-unread'><View className='inbox-dot' role='img' aria-label='未读' />{item.title}</View>}
      label={`${item.sender ?? '议题动态'} · ${shanghaiDateTime(item.at)}`} arrow onClick={open(item)} />
  )

  return (
    <Page onRefresh={() => Promise.all([list.reload(), syncUnreadBadge()])}>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <View className='card'>
        <View>{unread > 0 ? `您有 ${unread} 条未读消息` : '没有未读消息'}</View>
        <View className='muted'>开启提醒后，通知和关注议题的进展会以微信服务通知送达（每次授权发送一条）。</View>
        <Button kind='plain' onClick={subscribe}>接收提醒</Button>
        {unread > 0 && <Button kind='plain' onClick={readAll}>全部标为已读</Button>}
      </View>
      {pinned.length > 0 && <CellGroup title='置顶通知'>{pinned.map(row)}</CellGroup>}
      <CellGroup title='全部消息'>
        <List list={list} skeleton='list' empty={{ icon: 'empty', title: '还没有消息', hint: '关注联盟点或议题后，相关通知会出现在这里' }}>
          {(items) => items.map(row)}
        </List>
      </CellGroup>
    </Page>
  )
}
