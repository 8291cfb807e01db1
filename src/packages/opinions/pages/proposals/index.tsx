/** 提案: my proposals (members), every proposal (editors, auditors), those my unit handles (unit handlers); members draft a new one. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { can } from '@/domain/opinions/permissions'
import type { ProposalSummary } from '@/domain/opinions/proposals'
import { DRAFT_URL, proposalUrl } from '@/domain/opinions/urls'
import { holds } from '@/domain/person'
import { shanghaiDay } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { listProposals } from '@/services/opinions'
import { proposalTone } from '../../tones'
import { usePerson } from '../../useAct'

type Scope = 'mine' | 'all' | 'unit'

export default function ProposalsPage() {
  const person = usePerson()
  const tabs: TabItem<Scope>[] = [
    ...(holds(person, 'member') ? [{ key: 'mine' as const, label: '我的提案' }] : []),
    ...(can(person, 'seeAll') ? [{ key: 'all' as const, label: '全部提案' }] : []),
    ...(holds(person, 'unit_handler') ? [{ key: 'unit' as const, label: '本单位承办' }] : []),
  ]
  const [chosen, setScope] = useState<Scope>()
  // Until the person is known (or when the chosen tab is not theirs), their first tab.
  const scope = tabs.find((tab) => tab.key === chosen)?.key ?? tabs[0]?.key ?? 'mine'
  const list = useList<ProposalSummary>(`proposals-${scope}`, (cursor) => listProposals({ scope, cursor }))
  return (
    <Page onRefresh={list.reload} actions={can(person, 'draftProposal') ? <Button onClick={() => Taro.navigateTo({ url: DRAFT_URL })}>起草提案</Button> : undefined}>
      {tabs.length > 1 && <Tabs label='提案范围' items={tabs} value={scope} onChange={(key) => setScope(key as Scope)} />}
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'topic', title: '暂无提案', hint: scope === 'mine' ? '点击下方“起草提案”，可从已采纳的建议起草' : '立案交办的提案会出现在这里' }}>
          {(items) => items.map((p) => (
            <Cell key={p.id} arrow title={p.title} label={`${shanghaiDay(new Date(p.createdAt))}${p.replyDue ? ` · ${p.replyDue} 前答复` : ''}`}
              value={<Tag tone={proposalTone[p.state]}>{p.stateLabel}</Tag>} onClick={() => Taro.navigateTo({ url: proposalUrl(p.id) })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
