/** Staff: every member's total for a year (by points, or by name in pinyin order) with bands (合格 green, 不合格 warning), one member's record, a correction with a reason, export. */
import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tabs, Tag, type TabItem } from '@/components/ui'
import { dutyBandLabels, type DutyMemberRow } from '@/domain/duty'
import { byPinyin } from '@/domain/pinyin'
import { PAGE_MAX } from '@/domain/page'
import { shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { correctDuty, dutyMembers, exportDuty, memberDuty } from '@/services/duty'
import * as dutyPermissions from '@/domain/duty/permissions'
import { saveText } from '@/services/files'
import { useSession } from '@/stores/session'
import { bandTones, DutyYearView } from '../../duty-view'

type Sort = 'total' | 'name'
const sorts: TabItem<Sort>[] = [{ key: 'total', label: '按积分' }, { key: 'name', label: '按姓名' }]
const today = shanghaiDay(new Date())
const year = Number(today.slice(0, 4))

export default function DutyMembersPage() {
  const [sort, setSort] = useState<Sort>('total')
  const [chosen, setChosen] = useState<DutyMemberRow>()
  const [form, setForm] = useState({ day: today, points: '', reason: '' })
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  // Auditors read every record; only district staff correct one.
  const corrects = useSession((s) => !!s.me && dutyPermissions.can({ grants: s.me.roles }, 'correct'))
  // By name: a page as large as allowed, in pinyin order (the database orders by code point).
  const list = useList(sort, (cursor) => dutyMembers({ year, sort, cursor, limit: sort === 'name' ? PAGE_MAX : undefined }))
  const record = useCall(chosen ? String(chosen.userId) : null, () => memberDuty({ userId: chosen!.userId, year }))

  const save = async () => {
    try {
      const r = await correctDuty({ userId: chosen!.userId, day: form.day, points: Number(form.points), reason: form.reason })
      setMessage({ ok: true, text: `已更正，${chosen!.name} 本年度合计 ${r.total} 分` })
      setForm({ day: today, points: '', reason: '' })
      record.retry()
      await list.reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const download = async () => {
    const file = await exportDuty({ year })
    await saveText(file.filename, file.csv, 'text/csv;charset=utf-8')
  }
  const field = (name: keyof typeof form, label: string, placeholder: string) => (
    <Field label={label}>
      <Input className='ui-input' value={form[name]} placeholder={placeholder} nativeProps={{ 'aria-label': label }}
        onInput={(e) => setForm((f) => ({ ...f, [name]: e.detail.value }))} />
    </Field>
  )

  return (
    <Page onRefresh={list.reload} actions={<Button kind='plain' onClick={download}>导出 {year} 年积分（CSV）</Button>}>
      <Tabs label='排序' items={sorts} value={sort} onChange={(key) => setSort(key as Sort)} />
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {chosen && record.data && (
        <>
          <View className='card'><View className='title'>{chosen.name} · {chosen.sector}</View></View>
          <DutyYearView year={record.data} />
          {corrects && (
            <CellGroup title='添加更正'>
              {field('day', '日期', 'YYYY-MM-DD')}
              {field('points', '分值', '如 5 或 -3')}
              {field('reason', '更正原因', '必填，将记入审计日志')}
              <Button disabled={!form.points || form.reason.trim().length < 2} onClick={save}>保存更正</Button>
            </CellGroup>
          )}
        </>
      )}
      <CellGroup title={`${year} 年度委员履职积分`}>
        <List list={list} skeleton='list' empty={{ icon: 'mine', title: '还没有委员', hint: '发放委员绑定码后，委员绑定即可出现在这里' }}>
          {(items) => (sort === 'name' ? byPinyin(items, (m) => m.name) : items).map((m) => (
            <Cell key={m.userId} title={m.name} label={`${m.sector || '未填界别'} · ${m.records} 条记录`} arrow
              value={<Tag tone={bandTones[m.band]}>{m.total} 分 {dutyBandLabels[m.band]}</Tag>}
              onClick={() => setChosen(m)} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
