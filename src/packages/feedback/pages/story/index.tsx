/**
 * A topic's 交办督复评 story: which units handle it and by when, their progress and replies,
 * supervision, the published outcome and its ratings; and, for the people who may, the next step.
 * Headed by the topic's title and a step bar (交办 → 签收 → 办理 → 答复 → 公示 → 评价) that says
 * where it stands and which units are late; each reply is shown once (under its unit); the rating
 * is five stars, larger in elder mode.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Cell, CellGroup, Empty, Notice, Page, Skeleton, Stars, Steps, Tag, PageError } from '@/components/ui'
import { ratingLabels, storyProgress, storySteps, supervisionLabels } from '@/domain/feedback'
import { can, handlesUnit } from '@/domain/feedback/permissions'
import { topicStateTone } from '@/domain/topics/labels'
import { topicStateLabels, type TopicState } from '@/domain/topics'
import { shanghaiDateTime } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { useSharePage } from '@/hooks/useSharePage'
import { topicStory } from '@/services/feedback'
import { useSession } from '@/stores/session'
import { Appeals, AssignForm, HandlerForm, RateForm, ReassignForm, StaffForm } from './parts'
import './index.css'

const statusLabels = { assigned: '待签收', acknowledged: '办理中', replied: '已答复', withdrawn: '已调整' } as const
const noteLabels = { progress: '办理进展', reassign: '申请调整', reply: '答复', supervise: '督办', decision: '调整决定' } as const

export default function StoryPage() {
  const [id, setId] = useState<number | null>(null)
  const story = useCall(id === null ? null : `story-${id}`, () => topicStory({ topicId: id! }))
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    setId(Number(params.id))
    if (!me) loadMe().catch(() => undefined)
  })
  useSharePage('议题办理情况', `/packages/feedback/pages/story/index?id=${id}`)

  if (story.error) return <Page><PageError error={story.error} retry={story.retry} /></Page>
  if (!story.data) return <Page><Skeleton count={3} /></Page>
  const s = story.data
  const state = s.state as TopicState
  const person = me ? { userId: me.userId, grants: me.roles } : undefined
  const staff = !!person && can(person, 'assign')
  const mine = person ? s.assignments.filter((a) => handlesUnit(person, a.unitId)) : []
  const title = s.assignments[0]?.topicTitle
  const progress = storyProgress(state, s.assignments)
  const lateUnits = s.assignments.filter((a) => a.overdue && a.status !== 'withdrawn' && a.status !== 'replied').map((a) => a.unitName)

  return (
    <Page title={title ? `办理情况：${title}` : '办理情况'} onRefresh={async () => story.retry()}>
      <View className='card'>
        {title && <View className='title'>{title}</View>}
        <View><Tag tone={topicStateTone[state]}>{topicStateLabels[state]}</Tag></View>
        <Steps label='办理进度' steps={storySteps} current={progress.current} late={progress.late} />
        {lateUnits.length > 0 && <View className='story-late'>逾期未办结：{lateUnits.join('、')}</View>}
        {s.rating.count > 0 && s.rating.average !== null && (
          <View className='story-rating'><Stars large value={s.rating.average} label='群众评价' /><View className='muted'>{s.rating.count} 人评价 · 平均 {s.rating.average} 分</View></View>
        )}
        <View className='story-link' role='link' onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${s.topicId}` })}>查看议题全文和办理进程</View>
      </View>
      {state === 'reopened' && <Notice tone='error'>群众评价不满意或经督办，本议题已重新交承办单位办理</Notice>}
      {staff && state === 'deliberated' && <AssignForm topicId={s.topicId} onDone={story.retry} />}
      {s.assignments.length > 0 && (
        <CellGroup title='承办单位'>
          {s.assignments.map((a) => (
            <Cell key={a.id} title={a.unitName}
              label={`${statusLabels[a.status]} · 签收期限 ${a.ackDue} · 答复期限 ${a.replyDue}${a.reply ? ` · 答复：${a.reply}` : ''}`}
              value={a.level > 0 ? <Tag tone='warning'>{supervisionLabels[a.level]}</Tag> : a.overdue ? <Tag tone='warning'>逾期</Tag> : undefined} />
          ))}
        </CellGroup>
      )}
      {mine.map((a) => <HandlerForm key={a.id} assignment={a} onDone={story.retry} />)}
      {staff && s.assignments.filter((a) => a.reassignRequested && a.status !== 'withdrawn').map((a) => <ReassignForm key={a.id} assignment={a} onDone={story.retry} />)}
      {staff && <StaffForm story={s} onDone={story.retry} />}
      {s.outcome && (
        <CellGroup title='办理结果公示'>
          <Cell title={s.outcome.summary} label={`公示于 ${shanghaiDateTime(s.outcome.publishedAt)}`} />
          {s.ratings.filter((r) => r.comment).map((r) => <Cell key={r.id} title={r.comment} value={<Tag tone='muted'>{ratingLabels[r.score]}</Tag>} />)}
        </CellGroup>
      )}
      {s.outcome && <Appeals story={s} staff={staff} handler={mine.length > 0} onDone={story.retry} />}
      {s.mayRate && <RateForm story={s} onDone={story.retry} />}
      {s.mine && <Notice tone='success'><View className='story-rating'><View>您的评价：{ratingLabels[s.mine.score]}</View><Stars value={s.mine.score} label='您的评价' /></View></Notice>}
      {s.notes.some((n) => n.kind !== 'reply') && (
        <CellGroup title='办理记录'>
          {/* A reply is shown under its unit above, once. */}
          {s.notes.filter((n) => n.kind !== 'reply').map((n, i) => (
            <Cell key={i} icon='clock' title={`${noteLabels[n.kind]}${n.unitName ? ` · ${n.unitName}` : ''}`} label={`${shanghaiDateTime(n.at)} · ${n.body}`} />
          ))}
        </CellGroup>
      )}
      {s.assignments.length === 0 && state !== 'deliberated' && <Empty icon='topic' title='该议题尚未交办' hint='协商议事后，由政协工作人员交承办单位办理' />}
    </Page>
  )
}
