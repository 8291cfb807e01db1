/** 建议审核: the editor's list of suggestions by state (待审核 first); a tap opens one to accept, return or merge. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { channelLabels, type SuggestionState, type SuggestionSummary } from '@/domain/opinions'
import { suggestionUrl } from '@/domain/opinions/urls'
import { shanghaiDay } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { listSuggestions } from '@/services/opinions'
import { stateTone } from '../../tones'

const tabs: TabItem<SuggestionState>[] = [
  { key: 'submitted', label: '待审核' },
  { key: 'held', label: '待人工审核' },
  { key: 'accepted', label: '已采纳' },
  { key: 'used', label: '已转化' },
  { key: 'returned', label: '已退回' },
]

export default function ScreenSuggestionsPage() {
  const [state, setState] = useState<SuggestionState>('submitted')
  const list = useList<SuggestionSummary>(state, (cursor) => listSuggestions({ scope: 'all', state, cursor }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='建议状态' items={tabs} value={state} onChange={(key) => setState(key as SuggestionState)} />
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'check', title: '没有这一状态的建议', hint: '新提交的建议会出现在“待审核”' }}>
          {(items) => items.map((s) => (
            <Cell key={s.id} arrow title={s.title} label={`${s.suggester} · ${s.category} · ${channelLabels[s.channel]} · ${shanghaiDay(new Date(s.createdAt))}`}
              value={<Tag tone={stateTone[s.state]}>{s.stateLabel}</Tag>} onClick={() => Taro.navigateTo({ url: suggestionUrl(s.id) })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
