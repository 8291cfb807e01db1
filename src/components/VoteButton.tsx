/**
 * A topic's vote, the same on every page that shows a topic on the ballot: 投票 before the cast,
 * then 已投 with 撤回 (while voting is open), or just 已投 once it closed. The answer's votes left
 * are said in a toast; `onChange` reloads the page's ballot, so the state shown is the server's.
 */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@/components/ui'
import type { Ballot, BallotTopic } from '@/domain/votes'
import { asFailure } from '@/hooks/latest'
import { castVote, withdrawVote } from '@/services/votes'
import './vote.css'

export function VoteButton({ topic, ballot, onChange }: { topic: Pick<BallotTopic, 'id' | 'title' | 'mine'>; ballot: Ballot; onChange(): void }) {
  const act = async () => {
    try {
      const { left } = topic.mine ? await withdrawVote({ topicId: topic.id }) : await castVote({ topicId: topic.id })
      Taro.showToast({ title: topic.mine ? `已撤回，剩余 ${left} 票` : `投票成功，剩余 ${left} 票`, icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
    onChange()
  }
  const open = ballot.cycle.status === 'voting' && ballot.eligible
  if (!open) return topic.mine ? <Tag tone='success'>已投</Tag> : null
  if (topic.mine) {
    return <View className='vote-state'><Tag tone='success'>已投</Tag><Button kind='plain' label={`撤回投票：${topic.title}`} onClick={act}>撤回</Button></View>
  }
  return <Button label={`投票：${topic.title}`} disabled={ballot.left === 0} onClick={act}>投票</Button>
}
