/** 我的建议: each of the person's suggestions with its state and what came of it (专报, 提案, a unit's answer); a tap opens the whole story. */
import Taro from '@tarojs/taro'
import { Button, Cell, CellGroup, List, Page, Tag } from '@/components/ui'
import { channelLabels, type SuggestionSummary } from '@/domain/opinions'
import { outcomeLine } from '@/domain/opinions/outcomes'
import { SUBMIT_URL, suggestionUrl } from '@/domain/opinions/urls'
import { shanghaiDay } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { listSuggestions } from '@/services/opinions'
import { stateTone } from '../../tones'

export default function MySuggestionsPage() {
  const list = useList<SuggestionSummary>('mine', (cursor) => listSuggestions({ scope: 'mine', cursor }))
  return (
    <Page onRefresh={list.reload} actions={<Button onClick={() => Taro.navigateTo({ url: SUBMIT_URL })}>我有建议</Button>}>
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'check', title: '还没有提交过建议', hint: '点击下方“我有建议”说说您的想法' }}>
          {(items) => items.map((s) => (
            <Cell key={s.id} arrow title={s.title} label={[`${s.category} · ${channelLabels[s.channel]} · ${shanghaiDay(new Date(s.createdAt))}`, ...s.outcomes.map(outcomeLine)].join('\n')}
              value={<Tag tone={stateTone[s.state]}>{s.stateLabel}</Tag>} onClick={() => Taro.navigateTo({ url: suggestionUrl(s.id) })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
