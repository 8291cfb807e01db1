/** 交办事项: a unit handler's assignments (only their unit's), or every assignment for staff; open ones first by tab. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { supervisionLabels } from '@/domain/feedback'
import { useList } from '@/hooks/useList'
import { listAssignments } from '@/services/feedback'

type Which = 'open' | 'all'
const tabs: TabItem<Which>[] = [
  { key: 'open', label: '待办' },
  { key: 'all', label: '全部' },
]
const statusLabels = { assigned: '待签收', acknowledged: '办理中', replied: '已答复', withdrawn: '已调整' } as const

export default function TasksPage() {
  const [which, setWhich] = useState<Which>('open')
  const list = useList(which, (cursor) => listAssignments({ open: which === 'open', cursor }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='交办事项' items={tabs} value={which} onChange={(key) => setWhich(key as Which)} />
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'check', title: '没有待办的交办事项', hint: '新交办的议题会通知您' }}>
          {(items) => items.map((a) => (
            <Cell key={a.id} arrow title={a.topicTitle} onClick={() => Taro.navigateTo({ url: `/packages/feedback/pages/story/index?id=${a.topicId}` })}
              label={`${a.unitName} · ${a.siteName} · 签收期限 ${a.ackDue} · 答复期限 ${a.replyDue}`}
              value={<Tag tone={a.level > 0 || a.overdue ? 'warning' : 'primary'}>{a.level > 0 ? supervisionLabels[a.level] : statusLabels[a.status]}</Tag>} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
