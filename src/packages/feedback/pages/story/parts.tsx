/** The story page's forms: staff hand over, publish and supervise; a handler acknowledges, reports and replies; people rate. */
import { Picker, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PublicTextWarning } from '@/components/PublicTextWarning'
import { Button, Cell, CellGroup, Field, useConfirm } from '@/components/ui'
import { ratingLabels, type AssignmentView, type Story, type Unit } from '@/domain/feedback'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import {
  acknowledgeAssignment,
  appealRating,
  assignTopic,
  decideAppeal,
  decideReassign,
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

/** The longest text these forms take (the function's limit for a reply). */
const TEXT_MAX = 2000

interface TextFieldProps {
  label: string
  value: string
  onInput(v: string): void
  placeholder: string
  /** The text will be shown on the public pages: warn of what will be masked. */
  isPublic?: boolean
}

function TextField({ label, value, onInput, placeholder, isPublic }: TextFieldProps) {
  return (
    <Field label={label} count={{ value, max: TEXT_MAX }}>
      <Textarea className='ui-input ui-textarea' value={value} placeholder={placeholder} maxlength={TEXT_MAX}
        onInput={(e) => onInput(e.detail.value)} nativeProps={{ 'aria-label': label }} />
      {isPublic && <PublicTextWarning text={value} />}
    </Field>
  )
}

export function AssignForm({ topicId, onDone }: { topicId: number; onDone(): void }) {
  const units = useCall('units', () => listUnits())
  const [chosen, setChosen] = useState<string[]>([])
  const { busy, act } = useAct(onDone)
  const [confirm, confirmDialog] = useConfirm()
  const toggle = (id: string) => setChosen((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]))
  const assign = async () => {
    const names = (units.data ?? []).filter((u) => chosen.includes(u.id)).map((u) => u.name).join('、')
    const yes = await confirm({
      title: '交办这个议题？',
      content: `议题将交${names}办理，默认期限 15 个工作日，承办单位会收到通知。交办后不能撤回，只能由承办单位申请调整。`,
    })
    if (yes) await act(() => assignTopic({ topicId, units: chosen.map((unitId) => ({ unitId })) }), '已交办')
  }
  return (
    <CellGroup title='交办承办单位'>
      {(units.data ?? []).map((u) => (
        <Cell key={u.id} icon={chosen.includes(u.id) ? 'check' : undefined} title={chosen.includes(u.id) ? `${u.name}（已选）` : u.name} onClick={() => toggle(u.id)} />
      ))}
      <View className='story-actions'>
        <Button loading={busy} disabled={chosen.length === 0}
          onClick={assign}>
          交办（{chosen.length} 个单位，默认 15 个工作日）
        </Button>
      </View>
      {confirmDialog}
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
      <TextField label='办理进展或答复' value={text} onInput={setText} placeholder='写明做了什么、结果如何' isPublic />
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
  const [confirm, confirmDialog] = useConfirm()
  const publishable = story.state === 'replied'
  const publish = async () => {
    const yes = await confirm({
      title: '公示办理结果？',
      content: '填写的办理结果将向所有人公示，提议人、投票人和关注者会收到通知并可以评价。公示后不能撤回或修改。',
    })
    if (yes) await act(() => publishOutcome({ topicId: story.topicId, summary: text }), '已公示')
  }
  const supervisable = ['assigned', 'in_progress', 'reopened', 'replied', 'published', 'evaluated'].includes(story.state)
  if (!publishable && !supervisable) return null
  return (
    <CellGroup title='督办与公示'>
      <TextField label={publishable ? '办理结果或督办说明' : '督办说明'} value={text} onInput={setText} placeholder={publishable ? '向群众公示的办理结果' : '督办的理由和要求'} isPublic />
      <View className='story-actions'>
        {supervisable && <Button kind='plain' loading={busy} onClick={() => act(() => superviseTopic({ topicId: story.topicId, note: text }), '已督办')}>督办</Button>}
        {publishable && <Button loading={busy} onClick={publish}>公示办理结果</Button>}
      </View>
      {confirmDialog}
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
      <TextField label='评价意见（选填）' value={comment} onInput={setComment} placeholder='说说您的看法' />
      <View className='story-actions'>
        <Button loading={busy} disabled={score === 0}
          onClick={() => act(() => rateOutcome({ topicId: story.topicId, score, comment: comment.trim() || undefined, change }), '感谢您的评价')}>
          提交评价
        </Button>
      </View>
    </CellGroup>
  )
}

/** A unit handler appeals a rating they believe unfair; staff decide each pending appeal with a note. */
export function Appeals({ story, staff, handler, onDone }: { story: Story; staff: boolean; handler: boolean; onDone(): void }) {
  const [text, setText] = useState('')
  const { busy, act } = useAct(() => {
    setText('')
    onDone()
  })
  const pending = story.appeals.filter((a) => a.status === 'pending')
  const appealed = new Set(story.appeals.map((a) => a.ratingId))
  const open = handler ? story.ratings.filter((r) => !appealed.has(r.id)) : []
  if (!(staff && pending.length) && !open.length && !story.appeals.length) return null
  const statusLabels = { pending: '待处理', upheld: '申诉成立', dismissed: '申诉未成立' } as const
  return (
    <CellGroup title='评价申诉'>
      {story.appeals.map((a) => (
        <Cell key={a.id} title={`${ratingLabels[a.score]}：${a.reason}`} value={statusLabels[a.status]} />
      ))}
      {(open.length > 0 || (staff && pending.length > 0)) && (
        <TextField label={staff ? '处理说明' : '申诉理由'} value={text} onInput={setText} placeholder={staff ? '支持或驳回的理由' : '说明该评价为何不公正'} />
      )}
      <View className='story-actions'>
        {open.map((r) => (
          <Button key={r.id} kind='plain' loading={busy} onClick={() => act(() => appealRating({ ratingId: r.id, reason: text }), '已提交申诉')}>
            申诉“{ratingLabels[r.score]}{r.comment ? `：${r.comment}` : ''}”
          </Button>
        ))}
        {staff && pending.map((a) => (
          <View key={a.id} className='story-actions'>
            <Button kind='plain' loading={busy} onClick={() => act(() => decideAppeal({ appealId: a.id, uphold: true, note: text }), '已支持申诉')}>支持申诉（{ratingLabels[a.score]}：{a.reason.slice(0, 8)}）</Button>
            <Button kind='plain' loading={busy} onClick={() => act(() => decideAppeal({ appealId: a.id, uphold: false, note: text }), '已驳回申诉')}>驳回申诉（{ratingLabels[a.score]}：{a.reason.slice(0, 8)}）</Button>
          </View>
        ))}
      </View>
    </CellGroup>
  )
}

/** Staff decide a unit's request to hand its assignment to another unit. */
export function ReassignForm({ assignment, onDone }: { assignment: AssignmentView; onDone(): void }) {
  const units = useCall('units', () => listUnits())
  const [to, setTo] = useState<Unit>()
  const [text, setText] = useState('')
  const { busy, act } = useAct(onDone)
  const decide = (approve: boolean) =>
    act(() => decideReassign({ assignmentId: assignment.id, approve, note: text, toUnitId: approve ? to?.id : undefined }), approve ? '已同意调整' : '已答复不同意')
  return (
    <CellGroup title={`${assignment.unitName}申请调整承办单位`}>
      <Picker mode='selector' range={(units.data ?? []).map((u) => u.name)} onChange={(e) => setTo(units.data?.[Number(e.detail.value)])}>
        <Cell title='改由' value={to?.name ?? '（不指定）'} arrow onClick={() => undefined} />
      </Picker>
      <TextField label='调整说明' value={text} onInput={setText} placeholder='同意或不同意的理由' />
      <View className='story-actions'>
        <Button kind='plain' loading={busy} onClick={() => decide(false)}>不同意</Button>
        <Button loading={busy} onClick={() => decide(true)}>同意调整</Button>
      </View>
    </CellGroup>
  )
}
