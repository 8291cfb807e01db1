/**
 * A member's activity check-in. The organiser's code opens this page with its `scene` (h5: from the
 * URL); opened from an activity, it scans with the in-app scanner, camera only. A code picked from
 * the album (WeChat scene 1049) is refused by the server.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Empty, Notice, Page } from '@/components/ui'
import { sceneOf } from '@/domain/scene'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { checkInActivity } from '@/services/activities'
import { detailUrl } from '../../labels'

type Outcome = { ok: true; title: string; at: string; points: number; activityId: number } | { ok: false; message: string; at?: string }

export default function ActivityCheckinPage() {
  const [activityId, setActivityId] = useState<number>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [busy, setBusy] = useState(false)

  /** `entryScene`: how WeChat opened this page, when a scan outside the app opened it with the code. */
  const submit = async (scene: string, forActivity?: number, entryScene?: number) => {
    setBusy(true)
    try {
      const done = await checkInActivity({ scene, activityId: forActivity, entryScene })
      setOutcome({ ok: true, ...done })
    } catch (e) {
      const failure = asFailure(e)
      setOutcome({ ok: false, message: failure.message, at: (failure.data as { at?: string } | undefined)?.at })
    } finally {
      setBusy(false)
    }
  }

  useLoad((params) => {
    const forActivity = Number(params.activity) || undefined
    setActivityId(forActivity)
    if (params.scene) submit(String(params.scene), forActivity, process.env.TARO_ENV === 'weapp' ? Taro.getEnterOptionsSync().scene : undefined)
  })

  const scan = async () => {
    try {
      const read = await Taro.scanCode({ onlyFromCamera: true })
      await submit(sceneOf(read), activityId)
    } catch {
      // The person closed the scanner.
    }
  }

  const go = (url: string) => () => Taro.navigateTo({ url })
  const actions = outcome?.ok
    ? (
      <>
        <Button kind='plain' onClick={go(detailUrl(outcome.activityId))}>查看活动</Button>
        {outcome.points > 0 && <Button onClick={go('/packages/duty/pages/mine/index')}>我的履职</Button>}
      </>
    )
    : <Button loading={busy} onClick={scan}>扫码签到</Button>
  return (
    <Page actions={actions}>
      {!outcome && !busy && <Empty icon='qrcode' title='扫描组织者屏幕上的签到码' hint='签到码每隔几秒更换，请在活动现场扫码' />}
      {outcome?.ok && (
        <Notice tone='success'>
          <View className='title'>签到成功</View>
          <View>{outcome.title}</View>
          <View>签到时间：{shanghaiDateTime(outcome.at)}</View>
          {outcome.points > 0 && <View>履职积分 +{outcome.points}</View>}
        </Notice>
      )}
      {outcome && !outcome.ok && (
        <Notice tone='error'>
          <View>{outcome.message}</View>
          {outcome.at && <View>首次签到时间：{shanghaiDateTime(outcome.at)}</View>}
        </Notice>
      )}
    </Page>
  )
}
