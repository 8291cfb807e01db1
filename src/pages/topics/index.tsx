/**
 * 议事 tab: this month's 月月说事 at the person's site. While proposals are collected: the
 * proposal box and the month's topics; while voting: the ballot; after: the results.
 */
import { Picker, View } from '@tarojs/components'
import { VoteButton } from '@/components/VoteButton'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Cell, CellGroup, Empty, List, Notice, Page, Skeleton, Tag, PageError } from '@/components/ui'
import type { Ballot, BallotTopic, CycleView } from '@/domain/votes'
import { BELOW_MINIMUM, reachesMinimum } from '@/domain/cycle'
import { phaseLabels, topicStateTone } from '@/domain/topics/labels'
import { topicStateLabels } from '@/domain/topics'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { listSites } from '@/services/sites'
import { listTopics } from '@/services/topics'
import { getBallot } from '@/services/votes'
import { useTopicSite } from '@/stores/topicSite'
import { useTabShown } from '@/stores/tabBar'

const topicUrl = (id: number) => `/packages/topics/pages/detail/index?id=${id}`

/** A result's count, and why a topic was not chosen when it had too few votes. */
function resultLabel(topic: BallotTopic, cycle: CycleView): string {
  const votes = topic.votes ?? 0
  const short = topic.state === 'not_selected' && !reachesMinimum(votes, cycle)
  return short ? `${votes} 票 · ${BELOW_MINIMUM}（至少 ${cycle.minVotes} 票）` : `${votes} 票`
}

/** A ballot row: its vote, and a tap anywhere else opens the topic's text (read before voting). */
function BallotRow({ topic, ballot, onChange }: { topic: BallotTopic; ballot: Ballot; onChange(): void }) {
  return (
    <Cell title={topic.title} label={<><Tag tone='muted'>{topic.category}</Tag>{topic.votes !== null && <Tag tone='success'>{topic.votes} 票</Tag>}</>}
      value={<VoteButton topic={topic} ballot={ballot} onChange={onChange} />} arrow onClick={() => Taro.navigateTo({ url: topicUrl(topic.id) })} />
  )
}

export default function TopicsTab() {
  useTabShown(1)
  const { siteId, choose, resolve } = useTopicSite()
  const [site, setSite] = useState<string | null>(siteId ?? null)
  const ballot = useCall(site, () => getBallot({ siteId: site! }))
  const month = ballot.data?.cycle.month
  const topics = useList(`${site}|${month}`, (cursor) =>
    site && month ? listTopics({ siteId: site, month, cursor }) : Promise.resolve({ items: [], next: null }))
  const sites = useCall('sites', () => listSites({ limit: 100 }))

  useLoad((params) => {
    if (params.site) choose(String(params.site))
  })
  useEffect(() => {
    resolve().then(setSite)
  }, [resolve, siteId])
  useDidShow(() => {
    if (site) ballot.retry()
  })

  const refresh = () => Promise.all([ballot.retry(), topics.reload()])
  if (ballot.error) return <Page><PageError error={ballot.error} retry={ballot.retry} /></Page>
  if (!ballot.data) return <Page><Skeleton count={3} /></Page>
  const b = ballot.data
  const { cycle } = b
  const siteList = sites.data?.items ?? []
  const proposing = cycle.phase === 'proposing' || cycle.phase === 'before'
  // The month's list says which topics I voted for, as the ballot does (one place to vote: the ballot).
  const mine = new Set(b.topics.filter((t) => t.mine).map((t) => t.id))

  return (
    // A tab page has no bottom action bar (on h5 the tab bar would cover it): the proposal button sits in the header.
    <Page onRefresh={async () => refresh()}>
      <View className='card'>
        <View className='title'>{cycle.siteName} · {cycle.month.replace('-', ' 年 ')} 月月说事</View>
        <View><Tag>{phaseLabels[cycle.phase]}</Tag><Tag tone='muted'>征集 {shanghaiDay(new Date(cycle.proposeStart)).slice(5)} 至 {shanghaiDay(new Date(new Date(cycle.proposeEnd).getTime() - 1)).slice(5)}</Tag>
          <Tag tone='muted'>投票 {shanghaiDay(new Date(cycle.voteStart)).slice(5)} 至 {shanghaiDay(new Date(new Date(cycle.voteEnd).getTime() - 1)).slice(5)}</Tag></View>
        <Picker mode='selector' range={siteList.map((s) => s.name)} onChange={(e) => choose(siteList[Number(e.detail.value)].id)}>
          <View className='link' role='button' aria-label='切换联盟点'>切换联盟点</View>
        </Picker>
        {proposing && (
          <Button onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/propose/index?site=${cycle.siteId}` })}>我要提议题</Button>
        )}
      </View>
      {cycle.status === 'voting' && (
        <>
          {b.eligible
            ? <Notice>每人 {cycle.votesPerPerson} 票，每个议题最多 1 票，您还剩 {b.left} 票。{cycle.liveCounts ? '' : '票数在投票结束后公布。'}</Notice>
            : <Notice tone='error'>{b.reason}</Notice>}
          <CellGroup title='本期投票'>
            {b.topics.length === 0 && <Empty icon='topic' title='本期没有列入投票的议题' />}
            {b.topics.map((t) => <BallotRow key={t.id} topic={t} ballot={b} onChange={ballot.retry} />)}
          </CellGroup>
        </>
      )}
      {cycle.status === 'closed' && (
        <CellGroup title='投票结果'>
          {b.topics.map((t, i) => (
            <Cell key={t.id} title={`${i + 1}. ${t.title}`} label={resultLabel(t, cycle)}
              value={<Tag tone={topicStateTone[t.state]}>{topicStateLabels[t.state]}</Tag>} arrow onClick={() => Taro.navigateTo({ url: topicUrl(t.id) })} />
          ))}
          <Cell title='并列时先受理的议题优先' />
        </CellGroup>
      )}
      <CellGroup title='本月议题'>
        <List list={topics} skeleton='list' empty={{ icon: 'topic', title: '本月还没有议题', hint: proposing ? '点击上方“我要提议题”，说说身边的事' : '下个月再来提议题吧' }}>
          {(items) => items.map((t) => (
            <Cell key={t.id} title={t.title} label={`${t.proposer} · ${t.category}${t.supporters ? ` · ${t.supporters} 人支持` : ''}`}
              value={<><Tag tone={topicStateTone[t.state]}>{topicStateLabels[t.state]}</Tag>{mine.has(t.id) && <Tag tone='success'>已投</Tag>}</>}
              arrow onClick={() => Taro.navigateTo({ url: topicUrl(t.id) })} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
