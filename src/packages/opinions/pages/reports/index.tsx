/** 社情民意信息专报 (editors, auditors): the reports by state; an editor writes one from accepted suggestions (一事一报). */
import { Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { reportStateLabels, reportStates, type ReportState, type SuggestionSummary } from '@/domain/opinions'
import { can } from '@/domain/opinions/permissions'
import type { ReportSummary } from '@/domain/opinions/proposal-contract'
import { reportUrl } from '@/domain/opinions/urls'
import { shanghaiDay } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { listReports, listSuggestions, writeReport } from '@/services/opinions'
import { useAct, usePerson } from '../../useAct'

const tabs: TabItem<ReportState>[] = reportStates.map((key) => ({ key, label: reportStateLabels[key] }))

export default function ReportsPage() {
  const writes = can(usePerson(), 'report')
  const [state, setState] = useState<ReportState>('submitted')
  const reports = useList<ReportSummary>(`reports-${state}`, (cursor) => listReports({ state, cursor }))
  const accepted = useList<SuggestionSummary>('accepted', (cursor) => listSuggestions({ scope: 'all', state: 'accepted', cursor }))
  const [chosen, setChosen] = useState<number[]>([])
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const { busy, error, act } = useAct(() => reports.reload())
  const toggle = (id: number) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))
  const write = () => act(async () => {
    const made = await writeReport({ title, body, suggestionIds: chosen })
    Taro.navigateTo({ url: reportUrl(made.id) })
  }, '专报已编写')
  return (
    <Page onRefresh={reports.reload}>
      {error && <Notice tone='error'>{error}</Notice>}
      <Tabs label='专报状态' items={tabs} value={state} onChange={(key) => setState(key as ReportState)} />
      <CellGroup>
        <List list={reports} skeleton='list' empty={{ icon: 'topic', title: '没有这一状态的专报', hint: '从已采纳的建议编写专报后会出现在“已编写”' }}>
          {(items) => items.map((r) => (
            <Cell key={r.id} arrow title={r.title} label={`${shanghaiDay(new Date(r.createdAt))}${r.submittedLevel ? ` · 报送${r.submittedLevel}` : ''}${r.adoptedBy ? ` · ${r.adoptedBy}采用` : ''}`}
              value={<Tag tone='success'>{reportStateLabels[r.state]}</Tag>} onClick={() => Taro.navigateTo({ url: reportUrl(r.id) })} />
          ))}
        </List>
      </CellGroup>
      {writes && (
        <CellGroup title='编写专报（一事一报）'>
          <List list={accepted} skeleton='list' empty={{ icon: 'check', title: '暂无已采纳的建议', hint: '在“建议审核”中采纳建议后可写入专报' }}>
            {(items) => items.map((s) => (
              <Cell key={s.id} title={s.title} label={`${s.category} · 编号 ${s.id}`} value={<Tag tone={chosen.includes(s.id) ? 'success' : 'muted'}>{chosen.includes(s.id) ? '已选' : '选择'}</Tag>}
                onClick={() => toggle(s.id)} />
            ))}
          </List>
          <Field label='专报标题' count={{ value: title, max: 60 }}>
            <Input className='ui-input' value={title} maxlength={60} onInput={(e) => setTitle(e.detail.value)} nativeProps={{ 'aria-label': '专报标题' }} />
          </Field>
          <Field label='专报正文' hint='不超过 1500 字为宜' count={{ value: body, max: 5000 }}>
            <Textarea className='ui-input ui-textarea' value={body} maxlength={5000} onInput={(e) => setBody(e.detail.value)} nativeProps={{ 'aria-label': '专报正文' }} />
          </Field>
          <Button loading={busy} disabled={chosen.length === 0} why='请至少选择一条建议' onClick={write}>编写专报</Button>
        </CellGroup>
      )}
    </Page>
  )
}
