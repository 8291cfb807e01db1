/**
 * 数据申请: mine (`?mine=1`: each with its state, and 下载 while its link lasts) or, for a unit's
 * managers, the requests to their unit: approve with the de-identified extract, or decline with a reason.
 */
import { Textarea } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { dataRequestStatusLabels, dataRequestStatuses, deidLevelLabels, type DataRequest, type DataRequestStatus } from '@/domain/resources/sharing'
import { shanghaiDateTime } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { saveText } from '@/services/files'
import { dataRequests, decideData, downloadData } from '@/services/resources'
import { useOutcome } from '../../sharing'

const tabs: TabItem<DataRequestStatus>[] = dataRequestStatuses.map((key) => ({ key, label: dataRequestStatusLabels[key] }))
const tones = { pending: 'warning', approved: 'success', declined: 'muted' } as const

export default function DataRequestsPage() {
  const mine = useRouter().params.mine === '1'
  const [status, setStatus] = useState<DataRequestStatus>('pending')
  const [draft, setDraft] = useState({ extract: '', note: '' })
  const list = useList(`${mine}:${status}`, (cursor) => dataRequests({ cursor, mine, status }))
  const { message, act } = useOutcome(list.reload)
  const decide = (d: DataRequest, approve: boolean) => act(async () => {
    const done = await decideData({ requestId: d.id, approve, extract: approve ? draft.extract : '', note: draft.note })
    setDraft({ extract: '', note: '' })
    return done.expiresAt ? `已批准，下载链接有效至 ${shanghaiDateTime(done.expiresAt)}` : '已不批准'
  })
  const download = (d: DataRequest) => act(async () => {
    const file = await downloadData({ token: d.token! })
    await saveText(file.filename, file.csv, 'text/csv;charset=utf-8')
    return `已下载，链接有效至 ${shanghaiDateTime(file.expiresAt)}`
  })
  const action = (d: DataRequest) => {
    if (!mine && d.status === 'pending') {
      return (
        <>
          <Button label={`批准：${d.personName} 申请的${d.resourceName}`} onClick={decide(d, true)}>批准</Button>
          <Button kind='plain' label={`不批准：${d.personName} 申请的${d.resourceName}`} onClick={decide(d, false)}>不批准</Button>
        </>
      )
    }
    if (d.token) return <Button kind='plain' label={`下载：${d.resourceName}`} onClick={download(d)}>下载</Button>
    return <Tag tone={tones[d.status]}>{dataRequestStatusLabels[d.status]}</Tag>
  }
  return (
    <Page title={mine ? '我的数据申请' : '数据申请审批'} onRefresh={list.reload}>
      <Tabs label='申请状态' items={tabs} value={status} onChange={(key) => setStatus(key as DataRequestStatus)} />
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {!mine && status === 'pending' && (
        <>
          <Field label='脱敏后的数据（CSV，批准时必填）' hint='按申请的字段和脱敏级别整理好后粘贴在这里'>
            <Textarea className='ui-input ui-textarea' value={draft.extract} maxlength={200000} onInput={(e) => setDraft((d) => ({ ...d, extract: e.detail.value }))} nativeProps={{ 'aria-label': '脱敏后的数据' }} />
          </Field>
          <Field label='说明（不批准时必填）'>
            <Textarea className='ui-input ui-textarea' value={draft.note} maxlength={200} onInput={(e) => setDraft((d) => ({ ...d, note: e.detail.value }))} nativeProps={{ 'aria-label': '审批说明' }} />
          </Field>
        </>
      )}
      <List list={list} skeleton='list' empty={{ icon: 'topic', title: `没有${dataRequestStatusLabels[status]}的申请`, hint: mine ? '在联盟资源清单的“数据”中选择数据资源申请' : '新的数据申请会在这里出现' }}>
        {(items) => (
          <CellGroup>
            {items.map((d) => (
              <Cell key={d.id} icon='topic' title={`${d.resourceName}（${d.siteName}）`} value={action(d)}
                label={`${mine ? '' : `${d.personName}${d.forSiteName ? `（${d.forSiteName}）` : ''} · `}${d.fields.join('、')} · ${deidLevelLabels[d.level]} · ${d.purpose}${d.note ? ` · ${d.note}` : ''}${d.expiresAt ? ` · ${shanghaiDateTime(d.expiresAt)} 前可下载` : ''}`} />
            ))}
          </CellGroup>
        )}
      </List>
    </Page>
  )
}
