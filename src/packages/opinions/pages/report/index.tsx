/**
 * One 专报 (editors, auditors): its state, the suggestions it was written from, 报送 → 采用 → 批示,
 * the 批示 text (read apart: editors and auditors only), and a 批示's follow-up handed to a unit.
 */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, PageError, Skeleton, Tag } from '@/components/ui'
import { reportLevels, reportMachine, reportStateLabels } from '@/domain/opinions'
import { can } from '@/domain/opinions/permissions'
import { suggestionUrl } from '@/domain/opinions/urls'
import { useCall } from '@/hooks/useCall'
import { listUnits } from '@/services/feedback'
import { getReport, handOff, moveReport, readEndorsement } from '@/services/opinions'
import { focusable, picked, useAct, usePerson } from '../../useAct'

export default function ReportPage() {
  const [id, setId] = useState<number | null>(null)
  const report = useCall(id === null ? null : `report-${id}`, () => getReport({ reportId: id! }))
  const person = usePerson()
  const editor = can(person, 'report')
  const endorsed = report.data?.state === 'endorsed'
  const text = useCall(endorsed && can(person, 'readEndorsement') ? `endorsement-${id}` : null, () => readEndorsement({ reportId: id! }))
  const units = useCall(editor ? 'units' : null, () => listUnits({}))
  const [level, setLevel] = useState<(typeof reportLevels)[number]>(reportLevels[0])
  const [adoptedBy, setAdoptedBy] = useState('')
  const [endorsement, setEndorsement] = useState('')
  const [unit, setUnit] = useState<{ id: string; name: string }>()
  const { busy, error, act } = useAct(() => report.retry())
  useLoad((params) => setId(Number(params.id)))

  if (report.error) return <Page><PageError error={report.error} retry={report.retry} /></Page>
  if (!report.data) return <Page><Skeleton count={3} /></Page>
  const r = report.data
  const may = (move: keyof typeof reportMachine) => editor && reportMachine[move].from.includes(r.state)
  const levelPicker = (
    <Field label='级别'>
      <Picker mode='selector' range={[...reportLevels]} onChange={(e) => setLevel(picked(reportLevels)(e))}>
        <View className='ui-input' role='button' aria-label={`级别：${level}`}>{level}</View>
      </Picker>
    </Field>
  )
  return (
    <Page title={r.title}>
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='ui-card' role='article' aria-label={r.title} {...focusable}>
        <View role='heading' aria-level={1}>{r.title}</View>
        <View><Tag tone='success'>{reportStateLabels[r.state]}</Tag>{r.submittedLevel ? ` 报送${r.submittedLevel}` : ''}{r.adoptedBy ? ` · ${r.adoptedBy}采用` : ''}{r.endorsedLevel ? ` · 获${r.endorsedLevel}领导批示` : ''}</View>
      </View>
      {text.data && <CellGroup title='批示内容（仅信息员、监督员可见）'><Cell title={text.data.text} label={text.data.level ?? ''} /></CellGroup>}
      <CellGroup title='来源建议'>
        {r.suggestionIds.map((s) => <Cell key={s} arrow title={`建议 ${s}`} onClick={() => Taro.navigateTo({ url: suggestionUrl(s) })} />)}
      </CellGroup>
      {may('submit') && <CellGroup title='报送'>{levelPicker}<Button loading={busy} onClick={() => act(() => moveReport({ reportId: r.id, move: 'submit', level }), '已报送')}>报送专报</Button></CellGroup>}
      {may('adopt') && (
        <CellGroup title='采用'>
          <Field label='采用单位'><Input className='ui-input' value={adoptedBy} onInput={(e) => setAdoptedBy(e.detail.value)} nativeProps={{ 'aria-label': '采用单位' }} /></Field>
          <Button loading={busy} onClick={() => act(() => moveReport({ reportId: r.id, move: 'adopt', adoptedBy }), '已录入采用')}>录入采用</Button>
        </CellGroup>
      )}
      {may('endorse') && (
        <CellGroup title='批示'>
          {levelPicker}
          <Field label='批示内容' hint='仅社情民意信息员和监督员可见'>
            <Textarea className='ui-input ui-textarea' value={endorsement} maxlength={1000} onInput={(e) => setEndorsement(e.detail.value)} nativeProps={{ 'aria-label': '批示内容' }} />
          </Field>
          <Button loading={busy} onClick={() => act(() => moveReport({ reportId: r.id, move: 'endorse', level, endorsement }), '已录入批示')}>录入批示</Button>
        </CellGroup>
      )}
      {editor && endorsed && (
        <CellGroup title='据批示交办'>
          <Picker mode='selector' range={(units.data ?? []).map((u) => u.name)} onChange={(e) => setUnit(picked(units.data ?? [])(e))}>
            <Cell title='承办单位' value={unit?.name ?? '请选择'} arrow onClick={() => undefined} />
          </Picker>
          <Button loading={busy} disabled={!unit} why='请先选择承办单位' onClick={() => act(() => handOff({ reportId: r.id, unitId: unit!.id, dueDays: 10 }), '已交办')}>交办（10 个工作日内答复）</Button>
        </CellGroup>
      )}
    </Page>
  )
}
