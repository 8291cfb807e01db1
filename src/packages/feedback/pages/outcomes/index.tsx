/** 公示: every published outcome — topic, site, units, reply summary, dates, on time or not, satisfaction. Names masked. */
import Taro from '@tarojs/taro'
import { Cell, CellGroup, List, Page, Tag } from '@/components/ui'
import { topicStateTone } from '@/domain/topics/labels'
import { topicStateLabels, type TopicState } from '@/domain/topics'
import { shanghaiDay } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { useSharePage } from '@/hooks/useSharePage'
import { listOutcomes } from '@/services/feedback'

export default function OutcomesPage() {
  const list = useList('outcomes', (cursor) => listOutcomes({ cursor }))
  useSharePage('件件有回音：议题办理结果公示', '/packages/feedback/pages/outcomes/index')
  return (
    <Page title='办理结果公示' onRefresh={list.reload}>
      <CellGroup>
        <List list={list} skeleton='list' empty={{ icon: 'topic', title: '还没有公示的办理结果', hint: '议题办结答复后会在这里公示' }}>
          {(items) => items.map((o) => (
            <Cell key={o.topicId} arrow onClick={() => Taro.navigateTo({ url: `/packages/feedback/pages/story/index?id=${o.topicId}` })}
              title={o.title}
              label={`${o.siteName} · ${o.proposer} 提出 · ${o.units.join('、')} 承办 · 交办 ${shanghaiDay(new Date(o.assignedAt))} · 公示 ${shanghaiDay(new Date(o.publishedAt))}${o.onTime ? ' · 按时办结' : ' · 逾期办结'} · ${o.summary}${o.rating.count ? ` · ${o.rating.count} 人评价，满意率 ${Math.round((o.rating.satisfied ?? 0) * 100)}%` : ''}`}
              value={<Tag tone={topicStateTone[o.state as TopicState]}>{topicStateLabels[o.state as TopicState]}</Tag>} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
