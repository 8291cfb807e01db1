/**
 * A topic's public page: what was proposed, where it stands, its whole story (timeline), the
 * meeting record; following and supporting; and, for the people who may, the next moves.
 */
import { Image, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { VoteButton } from '@/components/VoteButton'
import { Button, Cell, CellGroup, Notice, Page, Skeleton, Tag, useConfirm, PageError } from '@/components/ui'
import * as topicPermissions from '@/domain/topics/permissions'
import { topicStateTone } from '@/domain/topics/labels'
import { moves, movesFrom, topicStateLabels, type TopicDetail } from '@/domain/topics'
import { shanghaiDateTime, shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import { useSharePage } from '@/hooks/useSharePage'
import { photoUrl } from '@/services/photos'
import { askToSubscribe } from '@/services/notices'
import { followTopic, getTopic, screenTopic } from '@/services/topics'
import { getBallot } from '@/services/votes'
import { useSession } from '@/stores/session'
import './index.css'

type Decision = 'accept' | 'return' | 'reject' | 'release'

/** What each screening decision does, said in the dialog before it is made. */
const consequences: Record<Decision, (title: string) => string> = {
  accept: (title) => `议题“${title}”将被受理，进入本月月月说事，可列入投票。受理后不能再退回或不予采纳。`,
  return: (title) => `议题“${title}”将退回提议人修改，提议人修改后可重新提交。`,
  reject: (title) => `议题“${title}”将不予采纳，到此结束，不能恢复。处理说明提议人可以看到。`,
  release: (title) => `议题“${title}”的内容将通过人工审核，公开显示并进入待审核。`,
}

/** The topic itself is a region a keyboard can reach (the page scrolls). */
const focusable: object = { tabIndex: 0 }

function Screening({ topic, onDone }: { topic: TopicDetail; onDone(): void }) {
  const [note, setNote] = useState('')
  const [confirm, confirmDialog] = useConfirm()
  const decide = async (decision: Decision) => {
    if (moves[decision].note && !note.trim()) return Taro.showToast({ title: `${moves[decision].label}须填写说明`, icon: 'none' })
    const label = moves[decision].label
    if (!(await confirm({ title: `${label}这个议题？`, content: consequences[decision](topic.title) }))) return
    try {
      await screenTopic({ topicId: topic.id, decision, note: note.trim() || undefined })
      Taro.showToast({ title: `已${moves[decision].label}`, icon: 'success' })
      setNote('')
      onDone()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }
  const decisions = movesFrom(topic.state).filter((m): m is Decision => ['accept', 'return', 'reject', 'release'].includes(m))
  return (
    <CellGroup title='审核处理'>
      <View className='topic-note'>
        <Textarea className='ui-input' value={note} maxlength={500} placeholder='处理说明（退回、不予采纳时必填）'
          onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': '处理说明' }} />
      </View>
      <View className='topic-decisions'>
        {decisions.map((d) => <Button key={d} kind={d === 'accept' || d === 'release' ? 'primary' : 'plain'} onClick={() => decide(d)}>{moves[d].label}</Button>)}
      </View>
      {confirmDialog}
    </CellGroup>
  )
}

/** The Asia/Shanghai day a topic was chosen: its meeting cannot be earlier. */
const selectedDay = (timeline: { at: string; state: string }[]) => {
  const chosen = timeline.filter((entry) => entry.state === 'selected').pop()
  return chosen ? shanghaiDay(new Date(chosen.at)) : ''
}

export default function TopicPage() {
  const [id, setId] = useState<number | null>(null)
  const topic = useCall(id === null ? null : `topic-${id}`, () => getTopic({ topicId: id! }))
  // On the ballot: the site's ballot says whether I voted for it (the same state as the 议事 tab's row).
  const onBallot = topic.data?.state === 'on_ballot' ? topic.data : null
  const ballot = useCall(onBallot && `ballot-${onBallot.siteId}-${onBallot.month}`, () => getBallot({ siteId: onBallot!.siteId, month: onBallot!.month }))
  const mine = ballot.data?.topics.find((b) => b.id === id)
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    setId(Number(params.id))
    if (!me) loadMe().catch(() => undefined)
  })
  useSharePage(topic.data ? `月月说事：${topic.data.title}` : undefined, `/packages/topics/pages/detail/index?id=${id}`)

  if (topic.error) return <Page><PageError error={topic.error} retry={topic.retry} /></Page>
  if (!topic.data) return <Page><Skeleton count={3} /></Page>
  const t = topic.data
  const person = me ? { userId: me.userId, grants: me.roles } : undefined
  const subject = { siteId: t.siteId, proposerId: t.proposerId, state: t.state }
  const may = (action: topicPermissions.TopicAction) => !!person && topicPermissions.can(person, action, subject)
  const screenable = (t.state === 'submitted' && may('screen')) || (t.state === 'held' && may('release'))
  const ended = ['held', 'rejected', 'merged'].includes(t.state)

  const act = (work: () => Promise<unknown>, done: string) => async () => {
    try {
      await work()
      Taro.showToast({ title: done, icon: 'success' })
      topic.retry()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }

  return (
    <Page title={t.title} onRefresh={async () => topic.retry()} actions={(
      <>
        {!ended && (
          <Button kind='plain' onClick={act(() => Promise.all([
            // Following asks (from the tap, as WeChat requires) for one progress message.
            t.following ? 0 : askToSubscribe(['topic_progress']).catch(() => 0),
            followTopic({ topicId: t.id, follow: !t.following }),
          ]), t.following ? '已取消关注' : '已关注')}>
            {t.following ? '取消关注' : '关注'}
          </Button>
        )}
        {!ended && !t.supporting && t.proposerId !== me?.userId && (
          <Button kind='plain' onClick={act(() => followTopic({ topicId: t.id, follow: true, support: true }), '已支持')}>支持</Button>
        )}
        {ballot.data && mine && <VoteButton topic={mine} ballot={ballot.data} onChange={() => Promise.all([ballot.retry(), topic.retry()])} />}
        {may('edit') && <Button onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/propose/index?id=${t.id}` })}>修改后重新提交</Button>}
        {t.state === 'selected' && may('recordMeeting') && (
          <Button onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/meeting/index?id=${t.id}&since=${selectedDay(t.timeline)}` })}>记录协商</Button>
        )}
      </>
    )}>
      <View className='card' role='article' aria-label={t.title} {...focusable}>
        <View className='title'>{t.title}</View>
        <View><Tag tone={topicStateTone[t.state]}>{topicStateLabels[t.state]}</Tag><Tag tone='muted'>{t.category}</Tag>
          {t.votes !== null && <Tag tone='success'>{t.votes} 票</Tag>}{t.supporters > 0 && <Tag tone='muted'>{t.supporters} 人支持</Tag>}</View>
        <View className='muted'>{t.siteName} · {t.proposer} 提出 · {shanghaiDateTime(t.createdAt)}</View>
        <View className='topic-body'>{t.body}</View>
        {t.photos.length > 0 && (
          <View className='topic-photos'>
            {t.photos.map((id, i) => (
              <Image key={id} className='topic-photo' src={photoUrl(id)} mode='aspectFill' ariaLabel={`现场照片 ${i + 1}`}
                onClick={() => Taro.previewImage({ urls: t.photos.map(photoUrl), current: photoUrl(id) })} />
            ))}
          </View>
        )}
      </View>
      {t.mergedInto && (
        <Notice>已合并到议题“{t.mergedInto.title}”，<View className='link' role='link' onClick={() => Taro.redirectTo({ url: `/packages/topics/pages/detail/index?id=${t.mergedInto!.id}` })}>查看</View></Notice>
      )}
      {screenable && <Screening topic={t} onDone={topic.retry} />}
      {t.meeting && (
        <CellGroup title='协商议事记录'>
          <Cell title={`${t.meeting.form} · ${shanghaiDateTime(t.meeting.at)}`} label={t.meeting.place} />
          <Cell title={`参加 ${t.meeting.participants} 人`} label={t.meeting.sectors.join('、')} />
          <Cell title='协商意见' label={t.meeting.opinions} />
          <Cell title='下一步' label={t.meeting.nextSteps} />
        </CellGroup>
      )}
      {['deliberated', 'assigned', 'in_progress', 'replied', 'published', 'evaluated', 'closed', 'reopened'].includes(t.state) && (
        <CellGroup>
          <Cell icon='check' title='交办、答复与评价' label='承办单位、办理期限、答复和群众评价' arrow
            onClick={() => Taro.navigateTo({ url: `/packages/feedback/pages/story/index?id=${t.id}` })} />
        </CellGroup>
      )}
      <CellGroup title='办理进程'>
        {t.timeline.map((entry, i) => (
          <Cell key={i} icon={i === t.timeline.length - 1 ? 'check' : 'clock'} title={topicStateLabels[entry.state]}
            label={`${shanghaiDateTime(entry.at)} · ${entry.actor ? `${entry.actor}（${entry.role}）` : entry.role}${entry.note ? ` · ${entry.note}` : ''}`} />
        ))}
      </CellGroup>
    </Page>
  )
}
