/** The notices I sent (all of them for district staff): reach, delivered, read and messages sent. */
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { Button, Cell, CellGroup, List, Page, Tag } from '@/components/ui'
import { describeAudience, noticeStatusLabels } from '@/domain/notices'
import { shanghaiDateTime } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { sentNotices } from '@/services/notices'

export default function SentPage() {
  const list = useList('sent', (cursor) => sentNotices({ cursor }))
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) list.reload()
    shownBefore.current = true
  })
  return (
    <Page onRefresh={list.reload} actions={<Button onClick={() => Taro.navigateTo({ url: '/packages/notices/pages/compose/index' })}>写通知</Button>}>
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'alert', title: '还没有发过通知', hint: '点“写通知”向关注者发送' }}>
          {(items) => items.map((n) => (
            <Cell key={n.id} title={n.title} arrow
              label={`${describeAudience(n.audience)} · ${shanghaiDateTime(n.publishAt)}\n送达 ${n.delivered}/${n.audienceSize ?? '—'} · 已读 ${n.read} · 服务通知 ${n.messages}`}
              value={<Tag tone={n.status === 'published' ? 'success' : 'muted'}>{noticeStatusLabels[n.status]}</Tag>}
              onClick={() => Taro.navigateTo({ url: `/packages/notices/pages/deliveries/index?id=${n.id}` })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
