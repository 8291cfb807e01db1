/** The organiser's list: who checked in (live count), who signed up but did not; add or undo with a reason; export CSV. */
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tag, useConfirm } from '@/components/ui'
import { signupLabels } from '@/domain/activities'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useList } from '@/hooks/useList'
import { addAttendee, exportAttendance, listAttendance, listSignups, undoAttendance } from '@/services/activities'
import { saveText } from '@/services/files'
import { signupTones } from '../../labels'

const LIVE_MS = 10_000

export default function AttendancePage() {
  // Read at once (not in useLoad), so the lists ask for this activity from their first call.
  const [id] = useState(() => Number(Taro.getCurrentInstance().router?.params.id) || 0)
  const [count, setCount] = useState<number>()
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const attendance = useList(`a${id}`, async (cursor) => {
    const page = await listAttendance({ activityId: id, cursor })
    setCount(page.count)
    return page
  })
  const signups = useList(`s${id}`, (cursor) => listSignups({ activityId: id, cursor }))
  const reload = () => Promise.all([attendance.reload(), signups.reload()])
  // The list is live while the activity runs: check-ins arrive every few seconds.
  const reloadAttendance = attendance.reload
  useEffect(() => {
    const timer = setInterval(() => void reloadAttendance(), LIVE_MS)
    return () => clearInterval(timer)
  }, [reloadAttendance])

  const [confirm, confirmDialog] = useConfirm()
  const change = (run: () => Promise<{ count: number }>, done: string, ask?: { title: string; content: string }) => async () => {
    if (ask) {
      if (reason.trim().length < 2) return setMessage({ ok: false, text: '请先填写撤销的原因（至少 2 个字）' })
      if (!(await confirm(ask))) return
    }
    try {
      const r = await run()
      setCount(r.count)
      setReason('')
      setMessage({ ok: true, text: done })
      await reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const download = async () => {
    try {
      const file = await exportAttendance({ activityId: id })
      await saveText(file.filename, file.csv, 'text/csv;charset=utf-8')
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }

  return (
    <Page onRefresh={reload} actions={<Button kind='plain' onClick={download}>导出名单（CSV）</Button>}>
      <View className='card' aria-live='polite'>
        <View className='title'>已签到 {count ?? '—'} 人</View>
        <View className='muted'>补签或撤销签到须填写原因，操作将记入审计日志</View>
      </View>
      <Field label='原因' hint='例如：手机没电，现场核实身份'>
        <Input className='ui-input' value={reason} maxlength={200} placeholder='补签或撤销的原因' nativeProps={{ 'aria-label': '原因' }}
          onInput={(e) => setReason(e.detail.value)} />
      </Field>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <CellGroup title='已签到'>
        <List list={attendance} skeleton='list' empty={{ icon: 'check', title: '还没有人签到', hint: '打开签到码请参会人员扫码' }}>
          {(items) => items.map((r) => (
            <Cell key={r.userId} title={r.name} label={`${shanghaiDateTime(r.at)}${r.via === 'manual' ? ` · 补签：${r.reason ?? ''}` : ''}`}
              value={<Button kind='plain' label={`撤销签到：${r.name}`} onClick={change(() => undoAttendance({ activityId: id, userId: r.userId, reason }), `已撤销 ${r.name} 的签到`, {
                title: '撤销签到？',
                content: `${r.name}的这次签到将被撤销，由此得到的履职积分一并扣除；原因“${reason.trim()}”将记入审计日志。`,
              })}>撤销</Button>} />
          ))}
        </List>
      </CellGroup>
      {confirmDialog}
      <CellGroup title='报名人员'>
        <List list={signups} skeleton='list' empty={{ icon: 'mine', title: '暂无报名', hint: '公开活动也可以不报名直接签到' }}>
          {(items) => items.map((r) => (
            <Cell key={r.userId} title={r.name} label={<Tag tone={signupTones[r.status]}>{signupLabels[r.status]}</Tag>}
              value={r.checkedIn ? <Tag tone='success'>已签到</Tag>
                : <Button kind='plain' label={`补签：${r.name}`} onClick={change(() => addAttendee({ activityId: id, userId: r.userId, reason }), `已为 ${r.name} 补签`)}>补签</Button>} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
