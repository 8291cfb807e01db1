/**
 * One 提案: its text, proposers, units and due day, each proposer's reply and rating, and every move
 * (who, role, when, opinion). Each person sees only the moves the machine and their role allow: the
 * drafter submits, members co-sign, editors 立案 / 不立案 / 退回 / 交办 / 延期, the units reply to
 * each proposer, a proposer rates their reply.
 */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, PageError, Skeleton, Tag } from '@/components/ui'
import { NOTE_LIMITS } from '@/domain/opinions'
import { can } from '@/domain/opinions/permissions'
import { gradeLabels, MAX_MONTHS, mayMove, proposalMoveLabels, proposalStateLabels, replyGrades, satisfactionLabels, satisfactions, type ReplyGrade } from '@/domain/opinions/proposals'
import { shanghaiDateTime } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { listUnits } from '@/services/feedback'
import { cosignProposal, getProposal, moveProposal, rateProposal, replyProposal } from '@/services/opinions'
import { proposalTone } from '../../tones'
import { focusable, picked, useAct, usePerson } from '../../useAct'

export default function ProposalPage() {
  const [id, setId] = useState<number | null>(null)
  const proposal = useCall(id === null ? null : `proposal-${id}`, () => getProposal({ proposalId: id! }))
  const person = usePerson()
  const editor = can(person, 'handleProposal')
  const units = useCall(editor ? 'units' : null, () => listUnits({}))
  const [note, setNote] = useState('')
  const [unit, setUnit] = useState<{ id: string; name: string }>()
  const [months, setMonths] = useState(MAX_MONTHS)
  const [grade, setGrade] = useState<ReplyGrade>('A')
  const [reply, setReply] = useState('')
  const { busy, error, act } = useAct(() => proposal.retry())
  useLoad((params) => setId(Number(params.id)))

  if (proposal.error) return <Page><PageError error={proposal.error} retry={proposal.retry} /></Page>
  if (!proposal.data) return <Page><Skeleton count={3} /></Page>
  const p = proposal.data
  const proposer = p.proposers.some((x) => x.id === person.userId)
  const handles = can(person, 'replyAsUnit', { unitIds: p.units.map((u) => u.id) })
  const mine = p.replies.find((r) => r.proposerId === person.userId && r.round === p.round)
  const move = (m: 'submit' | 'return' | 'register' | 'reject', done: string) => act(() => moveProposal({ proposalId: p.id, move: m, note: note || undefined }), done)

  return (
    <Page title={p.title}>
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='ui-card' role='article' aria-label={p.title} {...focusable}>
        <View role='heading' aria-level={1}>{p.title}</View>
        <View><Tag tone={proposalTone[p.state]}>{p.stateLabel}</Tag> {p.category}{p.replyDue ? ` · ${p.replyDue} 前答复（${p.months} 个月）` : ''}</View>
        <View>{p.body}</View>
      </View>
      <CellGroup title='提案人'>
        {p.proposers.map((x) => <Cell key={x.id} title={x.name} value={x.role === 'lead' ? '领衔' : x.role === 'cosigner' ? '联名' : '并案'} />)}
      </CellGroup>
      {p.units.length > 0 && (
        <CellGroup title='承办单位'>{p.units.map((u) => <Cell key={u.id} title={u.name} value={u.lead ? '主办' : '协办'} />)}</CellGroup>
      )}
      {p.replies.length > 0 && (
        <CellGroup title='答复与评价（每位提案人一份）'>
          {p.replies.map((r) => (
            <Cell key={`${r.round}-${r.proposerId}`} title={`${r.proposer}${r.round > 1 ? '（重新办理）' : ''} · ${r.grade ? gradeLabels[r.grade] : ''}`}
              label={`${r.body ?? ''}${r.satisfaction ? ` · 评价：${satisfactionLabels[r.satisfaction]}` : ''}`} />
          ))}
        </CellGroup>
      )}
      <CellGroup title='办理经过'>
        {p.timeline.map((t, i) => (
          <Cell key={i} title={`${proposalMoveLabels[t.move]} · ${proposalStateLabels[t.toState]} · ${t.actorRole}`} label={`${shanghaiDateTime(t.at)}${t.note ? ` · ${t.note}` : ''}`} />
        ))}
      </CellGroup>
      {p.proposers[0]?.id === person.userId && mayMove(p.state, 'submit') && <Button loading={busy} onClick={() => move('submit', '已提交')}>提交立案</Button>}
      {!proposer && can(person, 'draftProposal') && mayMove(p.state, 'cosign') && (
        <Button kind='plain' loading={busy} onClick={() => act(() => cosignProposal({ proposalId: p.id }), '已联名')}>联名提出</Button>
      )}
      {editor && (mayMove(p.state, 'register') || mayMove(p.state, 'extend')) && (
        <CellGroup title='办理'>
          <Field label='办理意见' hint='退回、不予立案、延期时必填' count={{ value: note, max: NOTE_LIMITS.max }}>
            <Textarea className='ui-input ui-textarea' value={note} maxlength={NOTE_LIMITS.max} onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': '办理意见' }} />
          </Field>
          {mayMove(p.state, 'register') && (
            <>
              <Button loading={busy} onClick={() => move('register', '已立案')}>立案</Button>
              <Button kind='plain' loading={busy} onClick={() => move('reject', '已不予立案')}>不予立案</Button>
              <Button kind='plain' loading={busy} onClick={() => move('return', '已退回')}>退回修改</Button>
            </>
          )}
          {mayMove(p.state, 'extend') && (
            <>
              <Field label='延期后的办理期限' hint={`自交办起最长 ${MAX_MONTHS} 个月`}>
                <Input className='ui-input' type='number' value={String(months)} onInput={(e) => setMonths(Number(e.detail.value))} nativeProps={{ 'aria-label': '延期后的办理期限（月）' }} />
              </Field>
              <Button kind='plain' loading={busy} onClick={() => act(() => moveProposal({ proposalId: p.id, move: 'extend', months, note: note || undefined }), '已延期')}>批准延期</Button>
            </>
          )}
        </CellGroup>
      )}
      {editor && mayMove(p.state, 'assign') && (
        <CellGroup title='交办'>
          <Picker mode='selector' range={(units.data ?? []).map((u) => u.name)} onChange={(e) => setUnit(picked(units.data ?? [])(e))}>
            <Cell title='主办单位' value={unit?.name ?? '请选择'} arrow onClick={() => undefined} />
          </Picker>
          <Button loading={busy} disabled={!unit} why='请先选择主办单位' onClick={() => act(() => moveProposal({ proposalId: p.id, move: 'assign', unitIds: [unit!.id] }), '已交办')}>交办</Button>
        </CellGroup>
      )}
      {handles && mayMove(p.state, 'reply') && (
        <CellGroup title='答复提案人'>
          <Field label='答复等级'>
            <Picker mode='selector' range={replyGrades.map((g) => gradeLabels[g])} onChange={(e) => setGrade(picked(replyGrades)(e))}>
              <View className='ui-input' role='button' aria-label={`答复等级：${gradeLabels[grade]}`}>{gradeLabels[grade]}</View>
            </Picker>
          </Field>
          <Field label='答复内容' hint='答复本轮尚未收到答复的每位提案人'>
            <Textarea className='ui-input ui-textarea' value={reply} maxlength={5000} onInput={(e) => setReply(e.detail.value)} nativeProps={{ 'aria-label': '答复内容' }} />
          </Field>
          <Button loading={busy} onClick={() => act(() => replyProposal({ proposalId: p.id, grade, body: reply }), '已答复')}>提交答复</Button>
        </CellGroup>
      )}
      {proposer && mine && !mine.satisfaction && mayMove(p.state, 'evaluate') && (
        <CellGroup title='评价答复'>
          {satisfactions.map((s) => (
            <Button key={s} kind={s === 'unsatisfied' ? 'plain' : 'primary'} loading={busy} onClick={() => act(() => rateProposal({ proposalId: p.id, satisfaction: s }), '已评价')}>{satisfactionLabels[s]}</Button>
          ))}
        </CellGroup>
      )}
    </Page>
  )
}
