/**
 * The organiser's 签到码 screen: a code that changes every few seconds (a photo of it is stale
 * before it can be forwarded), and the live count of check-ins.
 */
import { Image, View } from '@tarojs/components'
import Taro, { useLoad, useUnload } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Page, Skeleton, PageError } from '@/components/ui'
import { useCall } from '@/hooks/useCall'
import { getActivityCode, listAttendance } from '@/services/activities'
import './index.css'

export default function ActivityCodePage() {
  const [id, setId] = useState<number | null>(null)
  const [tick, setTick] = useState(0)
  const key = id === null ? null : `${id}:${tick}`
  const code = useCall(key, () => getActivityCode({ activityId: id! }))
  const count = useCall(key, () => listAttendance({ activityId: id!, limit: 1 }))
  useLoad((params) => {
    setId(Number(params.id) || 0)
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: true })
  })
  useUnload(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: false })
  })

  // A new code when this one's slot ends: by the phone's clock, but never sooner than 2 s nor later
  // than one period, so a phone whose clock is off (by a minute or a month) still shows a live code.
  const refreshAt = code.data?.refreshAt
  const periodMs = (code.data?.periodS ?? 10) * 1000
  useEffect(() => {
    if (!refreshAt) return undefined
    const timer = setTimeout(() => setTick((t) => t + 1), Math.min(periodMs, Math.max(2000, Date.parse(refreshAt) - Date.now() + 200)))
    return () => clearTimeout(timer)
  }, [refreshAt, periodMs, tick])

  if (code.error && !code.data) return <Page><PageError error={code.error} hint='请确认您是活动组织者' retry={code.retry} /></Page>
  if (!code.data) return <Page><Skeleton count={1} /></Page>
  return (
    <Page>
      <View className='card activity-code-card'>
        <Image className='activity-code' src={code.data.image} mode='widthFix'
          ariaLabel='活动动态签到码' nativeProps={{ alt: '活动动态签到码', 'data-scene': code.data.scene, 'data-target': code.data.target }} />
        <View>请参会委员打开小程序“扫码签到”扫描此码</View>
        <View className='muted'>签到码每 {code.data.periodS} 秒更换，截图转发无效</View>
      </View>
      <View className='card activity-code-card' aria-live='polite'>
        <View className='muted'>已签到</View>
        <View className='activity-code-count'>{count.data?.count ?? '—'} 人</View>
      </View>
    </Page>
  )
}
