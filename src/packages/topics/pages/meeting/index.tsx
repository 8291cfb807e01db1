/** Recording the consultation meeting of a selected topic (议): form, time, place, who took part, what was agreed, what next. */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { PublicTextWarning } from '@/components/PublicTextWarning'
import { Button, Field, Notice, Page } from '@/components/ui'
import { meetingForms, type MeetingForm } from '@/domain/topics'
import { shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { recordMeeting } from '@/services/topics'
import './index.css'

export default function MeetingPage() {
  const [topicId, setTopicId] = useState(0)
  const [form, setForm] = useState<MeetingForm>('议事会')
  const [day, setDay] = useState(shanghaiDay(new Date()))
  const [time, setTime] = useState('09:00')
  const [place, setPlace] = useState('')
  const [participants, setParticipants] = useState('')
  const [sectors, setSectors] = useState('')
  const [opinions, setOpinions] = useState('')
  const [nextSteps, setNextSteps] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [since, setSince] = useState('')
  useLoad((params) => {
    setTopicId(Number(params.id))
    // The meeting is on or after the day the topic was chosen (the server refuses an earlier one).
    const chosen = /^\d{4}-\d{2}-\d{2}$/.test(params.since ?? '') ? params.since! : ''
    setSince(chosen)
    if (chosen > day) setDay(chosen)
  })

  const submit = async () => {
    setBusy(true)
    try {
      await recordMeeting({
        topicId,
        form,
        at: new Date(`${day}T${time}:00+08:00`).toISOString(),
        place,
        participants: Number(participants),
        sectors: sectors.split(/[、,，\s]+/).filter(Boolean),
        opinions,
        nextSteps,
      })
      Taro.showToast({ title: '已记录', icon: 'success' })
      Taro.redirectTo({ url: `/packages/topics/pages/detail/index?id=${topicId}` })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  const text = (label: string, value: string, set: (v: string) => void, placeholder: string, multi = false) =>
    multi ? (
      <Textarea className='ui-input ui-textarea' value={value} placeholder={placeholder} onInput={(e) => set(e.detail.value)} nativeProps={{ 'aria-label': label }} />
    ) : (
      <Input className='ui-input' value={value} placeholder={placeholder} onInput={(e) => set(e.detail.value)} nativeProps={{ 'aria-label': label }} />
    )

  return (
    <Page actions={<Button loading={busy} onClick={submit}>保存议事记录</Button>}>
      {error && <Notice tone='error'>{error}</Notice>}
      <Field label='协商形式'>
        <Picker mode='selector' range={[...meetingForms]} onChange={(e) => setForm(meetingForms[Number(e.detail.value)])}>
          <View className='ui-input' role='button' aria-label={`协商形式：${form}`}>{form}</View>
        </Picker>
      </Field>
      <Field label='时间'>
        <View className='meeting-when'>
          <Picker mode='date' value={day} start={since || undefined} onChange={(e) => setDay(e.detail.value)}><View className='ui-input' role='button' aria-label={`日期：${day}`}>{day}</View></Picker>
          <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}><View className='ui-input' role='button' aria-label={`时间：${time}`}>{time}</View></Picker>
        </View>
      </Field>
      <Field label='地点'>{text('地点', place, setPlace, '例如：区图书馆三楼报告厅')}</Field>
      <Field label='参会人数'>{text('参会人数', participants, setParticipants, '例如：23')}</Field>
      <Field label='参会界别' hint='用顿号分隔，例如：社区居民、政协委员、职能部门'>{text('参会界别', sectors, setSectors, '社区居民、政协委员')}</Field>
      <Field label='协商意见'>{text('协商意见', opinions, setOpinions, '会上达成的一致意见', true)}<PublicTextWarning text={opinions} /></Field>
      <Field label='下一步'>{text('下一步', nextSteps, setNextSteps, '例如：交区交通运输局办理')}<PublicTextWarning text={nextSteps} /></Field>
    </Page>
  )
}
