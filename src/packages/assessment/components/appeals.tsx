/**
 * 月通报's appeals on the bulletin page: a site admin's form against one figure of their unit while
 * the version is under review, and the month's appeals — staff decide each pending one with a note
 * (成立 issues the next version, 不成立 leaves it), a site admin follows their own.
 */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Tag } from '@/components/ui'
import { bulletinAppealStatusLabels, type Appeal, type Bulletin } from '@/domain/assessment/bulletin'
import { asFailure } from '@/hooks/latest'
import { fileAppeal, decideAppeal } from '@/services/assessment'

type Said = { ok: boolean; text: string } | undefined

function Said({ said }: { said: Said }) {
  return said ? <Notice tone={said.ok ? 'success' : 'error'}>{said.text}</Notice> : null
}

/** Runs a call with the button busy: a refusal is said here, a success is handed to the page (the form may go). */
function useSend(done: (said: string) => void) {
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<Said>()
  const send = async (call: () => Promise<unknown>, ok: string) => {
    setBusy(true)
    try {
      await call()
      setSaid(undefined)
      done(ok)
    } catch (e) {
      setSaid({ ok: false, text: asFailure(e).message })
    } finally {
      setBusy(false)
    }
  }
  return { busy, said, send }
}

export function AppealForm({ bulletin, siteId, onFiled }: { bulletin: Bulletin; siteId: string; onFiled(said: string): void }) {
  const unit = bulletin.units.find((u) => u.siteId === siteId)
  const [index, setIndex] = useState(0)
  const [claimed, setClaimed] = useState('')
  const [reason, setReason] = useState('')
  const { busy, said, send } = useSend(onFiled)
  if (!unit) return null
  const line = unit.lines[index]
  const value = Number(claimed)
  const ready = claimed.trim() !== '' && Number.isFinite(value) && [...reason.trim()].length >= 5
  const file = () => send(() => fileAppeal({ month: bulletin.month, siteId, figure: line.figure, claimed: value, reason, evidence: '' }), '申诉已提交，区政协工作人员处理后会通知您')
  return (
    <CellGroup title={`对${unit.name}的数据提出申诉（截至 ${bulletin.appealUntil}）`}>
      <Field label='申诉的数据项'>
        <Picker mode='selector' range={unit.lines.map((l) => `${l.label}（通报 ${l.value}）`)} value={index} onChange={(e) => setIndex(Number(e.detail.value))}>
          <View className='ui-input' role='button' aria-label={`申诉的数据项：${line.label}，通报 ${line.value}`}>{`${line.label}（通报 ${line.value}）`}</View>
        </Picker>
      </Field>
      <Field label='应为'>
        <Input className='ui-input' type='digit' value={claimed} placeholder='核实后的数值' onInput={(e) => setClaimed(e.detail.value)} nativeProps={{ 'aria-label': '应为' }} />
      </Field>
      <Field label='申诉理由' count={{ value: reason, max: 300 }} hint='至少 5 个字，写明哪些记录未计入或计错'>
        <Textarea className='ui-input ui-textarea' value={reason} maxlength={300} onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'aria-label': '申诉理由' }} />
      </Field>
      <Said said={said} />
      <Button loading={busy} disabled={!ready} why={ready ? undefined : '请填写应为的数值和至少 5 个字的理由'} onClick={file}>提交申诉</Button>
    </CellGroup>
  )
}

function Decide({ appeal, onDecided }: { appeal: Appeal; onDecided(said: string): void }) {
  const [note, setNote] = useState('')
  const { busy, said, send } = useSend(onDecided)
  const ready = [...note.trim()].length >= 2
  const decide = (uphold: boolean) =>
    send(() => decideAppeal({ appealId: appeal.id, uphold, note, value: null }), uphold ? '申诉成立，已重新下发更正后的通报' : '已驳回该申诉')
  return (
    <View className='card'>
      <Field label='处理意见' count={{ value: note, max: 300 }}>
        <Textarea className='ui-input ui-textarea' value={note} maxlength={300} onInput={(e) => setNote(e.detail.value)} nativeProps={{ 'aria-label': `处理意见：${appeal.siteName}${appeal.label}` }} />
      </Field>
      <Said said={said} />
      <View className='assessment-years'>
        <Button loading={busy} disabled={!ready} why={ready ? undefined : '请填写处理意见'} label={`申诉成立：${appeal.siteName}${appeal.label}`} onClick={() => decide(true)}>申诉成立</Button>
        <Button kind='plain' loading={busy} disabled={!ready} label={`申诉不成立：${appeal.siteName}${appeal.label}`} onClick={() => decide(false)}>不成立</Button>
      </View>
    </View>
  )
}

export function AppealList({ appeals, decides, onDecided }: { appeals: Appeal[]; decides: boolean; onDecided(said: string): void }) {
  if (appeals.length === 0) return null
  return (
    <CellGroup title='申诉'>
      {appeals.map((a) => (
        <View key={a.id}>
          <Cell title={`${a.siteName} · ${a.label}：${a.value} → ${a.claimed}`} label={a.note ? `${a.reason}｜处理意见：${a.note}` : a.reason}
            value={<Tag tone={a.status === 'upheld' ? 'success' : a.status === 'pending' ? 'warning' : 'muted'}>{bulletinAppealStatusLabels[a.status]}</Tag>} />
          {decides && a.status === 'pending' && <Decide appeal={a} onDecided={onDecided} />}
        </View>
      ))}
    </CellGroup>
  )
}
