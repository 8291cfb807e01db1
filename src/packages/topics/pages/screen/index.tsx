/**
 * Screening: the submitted (and, for staff, held) topics of the sites a person manages, each with
 * its possible duplicates at the same site, ranked by similarity; a duplicate can be merged into
 * the topic it repeats. Accepting, returning and rejecting happen on the topic's page.
 */
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { Button, Cell, CellGroup, List, Page, Tag, useConfirm } from '@/components/ui'
import type { TopicSummary } from '@/domain/topics'
import { mergeTargetStates, topicStateLabels } from '@/domain/topics'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { asFailure } from '@/hooks/latest'
import { listTopics, screenTopic, similarTopics } from '@/services/topics'
import { useSession } from '@/stores/session'

function Duplicates({ topic, onMerged }: { topic: TopicSummary; onMerged(): void }) {
  const similar = useCall(`dup-${topic.id}`, () => similarTopics({ siteId: topic.siteId, title: topic.title }))
  // Only a topic still open can take a duplicate in (the server would also accept one already
  // replied, published or rated, which would leave the merged proposer nothing to follow).
  const others = (similar.data ?? []).filter((s) => s.id !== topic.id && mergeTargetStates.includes(s.state))
  const [confirm, confirmDialog] = useConfirm()
  const merge = (intoTopicId: number, intoTitle: string) => async () => {
    const yes = await confirm({
      title: '合并这两个议题？',
      content: `议题“${topic.title}”将合并到“${intoTitle}”，不再单独审核和投票；它的提议人和关注者将改为关注“${intoTitle}”。合并后不能撤销。`,
    })
    if (!yes) return
    try {
      await screenTopic({ topicId: topic.id, decision: 'merge', intoTopicId, note: '与已有议题重复，合并办理' })
      Taro.showToast({ title: '已合并', icon: 'success' })
      onMerged()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }
  return (
    <>
      {others.slice(0, 3).map((s) => (
        <Cell key={s.id} title={`可能重复：${s.title}`} label={`相似度 ${Math.round(s.similarity * 100)}% · ${topicStateLabels[s.state]}`}
          value={<Button kind='plain' label={`合并到：${s.title}`} onClick={merge(s.id, s.title)}>合并</Button>} />
      ))}
      {confirmDialog}
    </>
  )
}

export default function ScreenPage() {
  const me = useSession((s) => s.me)
  const adminOf = me?.roles.find((g) => g.role === 'site_admin')?.siteId ?? undefined
  const staff = me?.roles.some((g) => g.role === 'staff' || g.role === 'admin')
  const siteId = staff ? undefined : adminOf
  const submitted = useList(`submitted|${siteId}`, (cursor) => listTopics({ siteId, state: 'submitted', cursor }))
  const held = useList(`held|${staff}`, (cursor) => (staff ? listTopics({ state: 'held', cursor }) : Promise.resolve({ items: [], next: null })))
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) Promise.all([submitted.reload(), held.reload()])
    shown.current = true
  })
  return (
    <Page onRefresh={() => Promise.all([submitted.reload(), held.reload()])}>
      <CellGroup title='待审核的议题'>
        <List list={submitted} skeleton='list' empty={{ icon: 'check', title: '没有待审核的议题', hint: '新提交的议题会出现在这里' }}>
          {(items) => items.map((t) => (
            <CellGroup key={t.id}>
              <Cell title={t.title} label={`${t.siteName} · ${t.proposer} · ${t.category}`} value={<Tag tone='warning'>待审核</Tag>} arrow
                onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${t.id}` })} />
              <Duplicates topic={t} onMerged={submitted.reload} />
            </CellGroup>
          ))}
        </List>
      </CellGroup>
      {staff && (
        <CellGroup title='内容待人工审核'>
          <List list={held} skeleton='list' empty={{ icon: 'check', title: '没有待人工审核的内容' }}>
            {(items) => items.map((t) => (
              <Cell key={t.id} title={t.title} label={`${t.siteName} · ${t.proposer}`} value={<Tag tone='warning'>内容审核中</Tag>} arrow
                onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${t.id}` })} />
            ))}
          </List>
        </CellGroup>
      )}
    </Page>
  )
}
