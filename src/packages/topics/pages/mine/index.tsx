/** My topics: what I proposed, voted for and follow. */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, List, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { topicStateTone } from '@/domain/topics/labels'
import { topicStateLabels } from '@/domain/topics'
import { useList } from '@/hooks/useList'
import { listTopics } from '@/services/topics'

type Mine = 'proposed' | 'voted' | 'followed'
const tabs: TabItem<Mine>[] = [
  { key: 'proposed', label: '我提出的' },
  { key: 'voted', label: '我投票的' },
  { key: 'followed', label: '我关注的' },
]

export default function MyTopicsPage() {
  const [mine, setMine] = useState<Mine>('proposed')
  useLoad((params) => {
    if (tabs.some((t) => t.key === params.mine)) setMine(params.mine as Mine)
  })
  const list = useList(mine, (cursor) => listTopics({ mine, cursor }))
  return (
    <Page onRefresh={list.reload}>
      <Tabs label='我的议题' items={tabs} value={mine} onChange={(key) => setMine(key)} />
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'topic', title: '这里还没有议题', hint: '到“议事”页看看本月的月月说事' }}>
          {(items) => items.map((t) => (
            <Cell key={t.id} title={t.title} label={`${t.siteName} · ${t.month}`} value={<Tag tone={topicStateTone[t.state]}>{topicStateLabels[t.state]}</Tag>} arrow
              onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${t.id}` })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
