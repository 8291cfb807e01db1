/** The story page's forms: staff hand over, publish and supervise; a handler acknowledges, reports and replies; people rate. */
import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, FormRow } from '@/components/ui'
import { ratingLabels, type AssignmentView, type Story } from '@/domain/feedback'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import {
  acknowledgeAssignment,
  assignTopic,
  listUnits,
  postProgress,
  publishOutcome,
  rateOutcome,
  replyAssignment,
  superviseTopic,
} from '@/services/feedback'

/** Runs an action, says how it went, and reloads the page's story. */
export function useAct(done: () => void) {
  const [busy, setBusy] = useState(false)
  return {
    busy,
    act: async (work: () => Promise<unknown>, message: string) => {
      setBusy(true)
      try {
        await work()
        Taro.showToast({ title: message, icon: 'success' })
        done()
        return true
      } catch (e) {
        Taro.showToast({ title: asFailure(e).message, icon: 'none' })
        return false
      } finally {
        setBusy(false)
      }
    },
  }
}

function Field({ label, value, onInput, placeholder }: { label: string; value: string; onInput(v: string): void; placeholder: string }) {
  return (
    <FormRow label={label}>
      <Textarea className='ui-input ui-textarea' value={value} placeholder={placeholder} maxlength={2000}
        onInput={(e) => onInput(e.detail.value)} nativeProps={{ 'aria-label': label }} />
    </FormRow>
  )
}

export function AssignForm({ topicId, onDone }: { topicId: number; onDone(): void }) {
  const units = useCall('units', () => listUnits())
  const [chosen, setChosen] = useState<string[]>([])
  const { busy, act } = useAct(onDone)
  const toggle = (id: string) => setChosen((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]))
  return (
    <CellGroup title='交办承办单位'>
      {(units.data ?? []).map((u) => (
        <Cell key={u.id} icon={chosen.includes(u.id) ? 'check' : undefined} title={chosen.includes(u.id) ? `${u.name}（已选）` : u.name} onClick={() => toggle(u.id)} />
      ))}
      <View className='story-actions'>
        <Button loading={busy} disabled={chosen.length === 0}
          onClick={() => act(() => assignTopic({ topicId, units: chosen.map((unitId) => ({ unitId })) }), '已交办')}>
          交办（{chosen.length} 个单位，默认 15 个工作日）
        </Button>
      </View>
    </CellGroup>
  )
}

export function HandlerForm({ assignment, onDone }: { assignment: AssignmentView; onDone(): void }) {
  const [text, setText] = useState('')
  const { busy, act } = useAct(() => {
    setText('')
    onDone()
  })
  const id = assignment.id
  if (assignment.status === 'assigned') {
    return (
      <CellGroup title={`${assignment.unitName}：待签收`}>
        <View className='story-actions'>
          <Button loading={busy} onClick={() => act(() => acknowledgeAssignment({ assignmentId: id }), '已签收')}>签收</Button>
        </View>
      </CellGroup>
    )
  }
  if (assignment.status !== 'acknowledged') return null
  return (
    <CellGroup title={`${assignment.unitName}：办理中`}>
      <Field label='办理进展或答复' value={text} onInput={setText} placeholder='写明做了什么、结果如何' />
      <View className='story-actions'>
        <Button kind='plain' loading={busy} onClick={() => act(() => postProgress({ assignmentId: id, note: text }), '已记录进展')}>记录进展</Button>
        <Button kind='plain' loading={busy} onClick={() => act(() => postProgress({ assignmentId: id, note: text, reassign: true }), '已申请调整')}>申请调整单位</Button>
        <Button loading={busy} onClick={() => act(() => replyAssignment({ assignmentId: id, reply: text }), '已答复')}>提交答复</Button>
      </View>
    </CellGroup>
  )
}

export function StaffForm({ story, onDone }: { story: Story; onDone(): void }) {
  const [text, setText] = useState('')
  const { busy, act } = useAct(() => {
    setText('')
    onDone()
  })
  const publishable = story.state === 'replied'
  const supervisable = ['assigned', 'in_progress', 'reopened', 'replied', 'published', 'evaluated'].includes(story.state)
  if (!publishable && !supervisable) return null
  return (
    <CellGroup title='督办与公示'>
      <Field label={publishable ? '办理结果或督办说明' : '督办说明'} value={text} onInput={setText} placeholder={publishable ? '向群众公示的办理结果' : '督办的理由和要求'} />
      <View className='story-actions'>
        {supervisable && <Button kind='plain' loading={busy} onClick={() => act(() => superviseTopic({ topicId: story.topicId, note: text }), '已督办')}>督办</Button>}
        {publishable && <Button loading={busy} onClick={() => act(() => publishOutcome({ topicId: story.topicId, summary: text }), '已公示')}>公示办理结果</Button>}
      </View>
    </CellGroup>
  )
}

export function RateForm({ story, onDone }: { story: Story; onDone(): void }) {
  const [score, setScore] = useState(story.mine?.score ?? 0)
  const [comment, setComment] = useState('')
  const { busy, act } = useAct(onDone)
  const change = !!story.mine
  return (
    <CellGroup title={change ? '修改我的评价（7 天内）' : '评价办理结果'}>
      <View className='story-scores' role='radiogroup' aria-label='满意度'>
        {[5, 4, 3, 2, 1].map((s) => (
          <Button key={s} kind={score === s ? 'primary' : 'plain'} label={`${ratingLabels[s]}${score === s ? '（已选）' : ''}`} onClick={() => setScore(s)}>{ratingLabels[s]}</Button>
        ))}
      </View>
      <Field label='评价意见（选填）' value={comment} onInput={setComment} placeholder='说说您的看法' />
      <View className='story-actions'>
        <Button loading={busy} disabled={score === 0}
          onClick={() => act(() => rateOutcome({ topicId: story.topicId, score, comment: comment.trim() || undefined, change }), '感谢您的评价')}>
          提交评价
        </Button>
      </View>
    </CellGroup>
  )
}
