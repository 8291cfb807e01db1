/**
 * 交办事项: a unit handler's assignments (only their unit's), or every assignment for staff; open
 * ones first by tab. Staff also have 待公示: the topics every unit has replied to, waiting for the
 * outcome to be published (opened with `tab=publish` from the 工作台 on 我的).
 */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { isDistrictStaff } from '@/domain/person'
import type { TopicSummary } from '@/domain/topics'
import { supervisionLabels, type AssignmentView } from '@/domain/feedback'
import { useList } from '@/hooks/useList'
import { listAssignments } from '@/services/feedback'
import { listTopics } from '@/services/topics'
import { useSession } from '@/stores/session'

type Which = 'open' | 'all' | 'publish'
const tabs: TabItem<Which>[] = [
  { key: 'open', label: '待办' },
  { key: 'all', label: '全部' },
]
const staffTabs: TabItem<Which>[] = [...tabs, { key: 'publish', label: '待公示' }]
const statusLabels = { assigned: '待签收', acknowledged: '办理中', replied: '已答复', withdrawn: '已调整' } as const
const story = (topicId: number) => () => Taro.navigateTo({ url: `/packages/feedback/pages/story/index?id=${topicId}` })

export default function TasksPage() {
  const me = useSession((s) => s.me)
  const staff = !!me && isDistrictStaff({ grants: me.roles })
  const [which, setWhich] = useState<Which>('open')
  useLoad((params) => {
    if (params.tab === 'publish' || params.tab === 'all') setWhich(params.tab)
  })
  const shown = which === 'publish' && !staff ? 'open' : which
  const assignments = useList<AssignmentView>(shown === 'publish' ? 'open' : shown, (cursor) => listAssignments({ open: shown !== 'all', cursor }))
  const toPublish = useList<TopicSummary>(staff ? 'publish' : 'none', (cursor) => (staff ? listTopics({ state: 'replied', cursor }) : Promise.resolve({ items: [], next: null })))
  return (
    <Page onRefresh={shown === 'publish' ? toPublish.reload : assignments.reload}>
      <Tabs label='交办事项' items={staff ? staffTabs : tabs} value={shown} onChange={(key) => setWhich(key as Which)} />
      <CellGroup>
        {shown === 'publish' ? (
          <List list={toPublish} skeleton='list' empty={{ icon: 'check', title: '没有待公示的议题', hint: '承办单位全部答复后，议题会出现在这里' }}>
            {(items) => items.map((t) => (
              <Cell key={t.id} arrow title={t.title} label={`${t.siteName} · ${t.category}`} onClick={story(t.id)} value={<Tag tone='warning'>待公示</Tag>} />
            ))}
          </List>
        ) : (
          <List list={assignments} skeleton='list' empty={{ icon: 'check', title: '没有待办的交办事项', hint: '新交办的议题会通知您' }}>
            {(items) => items.map((a) => (
              <Cell key={a.id} arrow title={a.topicTitle} onClick={story(a.topicId)}
                label={`${a.unitName} · ${a.siteName} · 签收期限 ${a.ackDue} · 答复期限 ${a.replyDue}`}
                value={<Tag tone={a.level > 0 || a.overdue ? 'warning' : 'primary'}>{a.level > 0 ? supervisionLabels[a.level] : statusLabels[a.status]}</Tag>} />
            ))}
          </List>
        )}
      </CellGroup>
    </Page>
  )
}
