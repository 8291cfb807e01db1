/**
 * One suggestion and what became of it: its state, content, the timeline (who decided, when, with
 * what note) and what came of it (专报, 提案, a unit's answer). Its author may withdraw it while
 * undecided; an editor accepts, returns with a note, merges it into a similar one, or hands it
 * straight to a unit (即商即转).
 */
import { Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, PageError, Skeleton, Tag } from '@/components/ui'
import { lengthProblem } from '@/domain/limits'
import { channelLabels, NOTE_LIMITS, nextState, suggestionStateLabels } from '@/domain/opinions'
import { outcomeLine } from '@/domain/opinions/outcomes'
import { proposalUrl, reportUrl } from '@/domain/opinions/urls'
import { can } from '@/domain/opinions/permissions'
import { shanghaiDateTime } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { listUnits } from '@/services/feedback'
import { getSuggestion, handOff, mergeSuggestion, screenSuggestion, similarSuggestions, withdrawSuggestion } from '@/services/opinions'
import { stateTone } from '../../tones'
import { useAct, usePerson } from '../../useAct'

export default function SuggestionPage() {
  const [id, setId] = useState<number | null>(null)
  const detail = useCall(id === null ? null : `suggestion-${id}`, () => getSuggestion({ suggestionId: id! }))
  const person = usePerson()
  const [note, setNote] = useState('')
  const editor = can(person, 'screen')
  const similar = useCall(editor && id !== null && detail.data ? `similar-${id}` : null, () => similarSuggestions({ title: detail.data!.title, except: id! }))
  const units = useCall(editor ? 'units' : null, () => listUnits({}))
  const [unit, setUnit] = useState<{ id: string; name: string }>()
  const { busy, error, act } = useAct(() => {
    setNote('')
    detail.retry()
  })
  useLoad((params) => setId(Number(params.id)))

  if (detail.error) return <Page><PageError error={detail.error} retry={detail.retry} /></Page>
  if (!detail.data) return <Page><Skeleton count={3} /></Page>
  const s = detail.data
  const noteProblem = lengthProblem('审核意见', note, NOTE_LIMITS)
  const mayWithdraw = person.userId > 0 && nextState(s.state, 'withdraw') !== null && !editor

  return (
    <Page title={s.title}>
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='ui-card'>
        <View role='heading' aria-level={1}>{s.title}</View>
        <View><Tag tone={stateTone[s.state]}>{s.stateLabel}</Tag> {s.category} · {channelLabels[s.channel]}</View>
        {editor && <View>建议人：{s.suggester}{s.phone ? ` · ${s.phone}` : ''}</View>}
        <View>{s.content}</View>
      </View>
      <CellGroup title='办理经过'>
        {s.timeline.map((entry, i) => (
          <Cell key={i} title={`${suggestionStateLabels[entry.toState]} · ${entry.actorRole}`} label={`${shanghaiDateTime(entry.at)}${entry.note ? ` · ${entry.note}` : ''}`} />
        ))}
      </CellGroup>
      {s.outcomes.length > 0 && (
        <CellGroup title='转化成果与答复'>
          {s.outcomes.map((o) => (
            <Cell key={`${o.kind}-${o.id}`} title={outcomeLine(o)} arrow={o.kind !== 'handoff' && (o.kind === 'proposal' || editor)}
              onClick={() => o.kind !== 'handoff' && Taro.navigateTo({ url: o.kind === 'proposal' ? proposalUrl(o.id) : reportUrl(o.id) })} />
          ))}
        </CellGroup>
      )}
      {editor && (nextState(s.state, 'accept') !== null || nextState(s.state, 'use') !== null) && (
        <CellGroup title='即商即转：直接交承办单位'>
          <Picker mode='selector' range={(units.data ?? []).map((u) => u.name)} onChange={(e) => setUnit((units.data ?? [])[Number(e.detail.value)])}>
            <Cell title='承办单位' value={unit?.name ?? '请选择'} arrow onClick={() => undefined} />
          </Picker>
          <Button kind='plain' loading={busy} disabled={!unit} why='请先选择承办单位'
            onClick={() => act(() => handOff({ suggestionId: s.id, unitId: unit!.id, dueDays: 5 }), '已交办')}>交办（5 个工作日内答复）</Button>
        </CellGroup>
      )}
      {editor && nextState(s.state, 'accept') !== null && (
        <CellGroup title='审核'>
          <Field label='审核意见' hint='退回、合并时必填' count={{ value: note, max: NOTE_LIMITS.max }}>
            <Textarea className='ui-input ui-textarea' value={note} maxlength={NOTE_LIMITS.max} onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': '审核意见' }} />
          </Field>
          <Button loading={busy} onClick={() => act(() => screenSuggestion({ suggestionId: s.id, decision: 'accept', note: note || undefined }), '已采纳')}>采纳</Button>
          <Button kind='plain' loading={busy} disabled={!!noteProblem} why={noteProblem} onClick={() => act(() => screenSuggestion({ suggestionId: s.id, decision: 'return', note }), '已退回')}>退回</Button>
        </CellGroup>
      )}
      {editor && nextState(s.state, 'merge') !== null && (similar.data ?? []).length > 0 && (
        <CellGroup title='相近建议（可合并）'>
          {(similar.data ?? []).map((other) => (
            <Cell key={other.id} title={other.title} label={`相似度 ${Math.round(other.similarity * 100)}% · ${suggestionStateLabels[other.state]}`}
              value={<Button kind='plain' disabled={!!noteProblem} why={noteProblem} onClick={() => act(() => mergeSuggestion({ suggestionId: s.id, intoId: other.id, note }), '已合并')}>合并到此</Button>} />
          ))}
        </CellGroup>
      )}
      {mayWithdraw && <Button kind='plain' loading={busy} onClick={() => act(() => withdrawSuggestion({ suggestionId: s.id }), '已撤回')}>撤回建议</Button>}
    </Page>
  )
}
