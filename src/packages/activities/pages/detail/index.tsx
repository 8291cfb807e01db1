/** One activity: what, where, when and who may come; sign up or cancel, add it to the calendar; organisers open the code and the list. */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Notice, Page, Skeleton, Tag, useConfirm, PageError } from '@/components/ui'
import { activityIcs, activityKindLabels, audienceLabels, signupLabels } from '@/domain/activities'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { useSharePage } from '@/hooks/useSharePage'
import { cancelSignup, getActivity, signUp } from '@/services/activities'
import { saveText } from '@/services/files'
import { detailUrl, seats, signupTones, when } from '../../labels'

export default function ActivityDetailPage() {
  const [id, setId] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [confirm, confirmDialog] = useConfirm()
  const activity = useCall(id === null ? null : String(id), () => getActivity({ activityId: id! }))
  useLoad((params) => setId(Number(params.id) || 0))
  useSharePage(activity.data?.title, detailUrl(id ?? 0))

  const act = (run: () => Promise<string>) => async () => {
    setBusy(true)
    try {
      setMessage({ ok: true, text: await run() })
      activity.retry()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    } finally {
      setBusy(false)
    }
  }

  if (activity.error) return <Page><PageError error={activity.error} retry={activity.retry} /></Page>
  if (!activity.data) return <Page><Skeleton count={2} /></Page>
  const a = activity.data
  const ended = new Date(a.endsAt).getTime() < Date.now()
  const join = act(async () => {
    const r = await signUp({ activityId: a.id })
    return r.status === 'confirmed' ? '报名成功' : `名额已满，您在候补第 ${r.position} 位，有人取消时按顺序递补`
  })
  const cancelNow = act(async () => {
    await cancelSignup({ activityId: a.id })
    return '已取消报名'
  })
  const cancel = async () => {
    const yes = await confirm({
      title: '取消报名？',
      content: a.mine?.status === 'confirmed'
        ? `您将不再参加“${a.title}”，名额会按顺序递补给候补的人。再报名时如名额已满，只能候补。`
        : `您将退出“${a.title}”的候补。再报名时将重新排在候补最后。`,
    })
    if (yes) await cancelNow()
  }
  const addToCalendar = async () => {
    if (process.env.TARO_ENV === 'weapp') {
      await Taro.addPhoneCalendar({ title: a.title, startTime: Date.parse(a.startsAt) / 1000, endTime: String(Date.parse(a.endsAt) / 1000), location: `${a.siteName} ${a.place}` })
    } else {
      await saveText(`活动-${a.id}.ics`, activityIcs(a, new Date()), 'text/calendar;charset=utf-8')
    }
  }
  const go = (url: string) => () => Taro.navigateTo({ url })

  const actions = !ended && (
    <>
      {a.mine ? <Button kind='plain' disabled={busy} onClick={cancel}>取消报名</Button> : null}
      {a.mine ? <Button kind='plain' onClick={addToCalendar}>加入日历</Button> : <Button loading={busy} onClick={join}>报名参加</Button>}
    </>
  )
  return (
    <Page title={a.title} onRefresh={async () => activity.retry()} actions={actions || undefined}>
      <View className='card'>
        <View className='title'>{a.title}</View>
        <View>
          <Tag>{activityKindLabels[a.kind]}</Tag>
          <Tag tone='muted'>{audienceLabels[a.audience]}</Tag>
          {a.mine && <Tag tone={signupTones[a.mine.status]}>{signupLabels[a.mine.status]}{a.mine.position ? ` 第 ${a.mine.position} 位` : ''}</Tag>}
          {a.checkedIn && <Tag tone='success'>已签到</Tag>}
        </View>
        {a.intro && <View className='muted'>{a.intro}</View>}
      </View>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <CellGroup>
        <Cell icon='clock' title={when(a)} />
        <Cell icon='location' title={`${a.siteName} · ${a.place}`} arrow onClick={go(`/packages/sites/pages/detail/index?id=${a.siteId}`)} />
        <Cell icon='mine' title={seats(a)} label={a.waitlisted ? `候补 ${a.waitlisted} 人` : undefined} />
        {a.organiserName && <Cell icon='mine' title={`组织者：${a.organiserName}`} />}
        {a.cohosts.length > 0 && <Cell icon='location' title={`联办单位：${a.cohosts.map((c) => c.siteName).join('、')}`} />}
        {a.sectors.length > 0 && <Cell icon='topic' title={`参加界别：${a.sectors.join('、')}`} />}
        {a.topicId && <Cell icon='topic' title='关联的月月说事议题' arrow onClick={go(`/packages/topics/pages/detail/index?id=${a.topicId}`)} />}
        <Cell icon='qrcode' title='现场签到' label='活动开始前 30 分钟起，用“扫码签到”扫描组织者屏幕上的动态签到码' arrow
          onClick={go(`/packages/activities/pages/checkin/index?activity=${a.id}`)} />
      </CellGroup>
      {a.manages && (
        <CellGroup title='组织者'>
          <Cell icon='qrcode' title='打开签到码' label={`每 ${a.codePeriodS} 秒更换一次`} arrow onClick={go(`/packages/activities/pages/code/index?id=${a.id}`)} />
          <Cell icon='check' title='签到名单' value={`${a.attendance} 人`} arrow onClick={go(`/packages/activities/pages/attendance/index?id=${a.id}`)} />
        </CellGroup>
      )}
      {confirmDialog}
    </Page>
  )
}
