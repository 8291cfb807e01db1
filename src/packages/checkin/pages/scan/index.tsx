/**
 * The scan entry: a site's code opens this page with `scene`. It shows the site and checks the
 * person in, with their location when they allow it.
 */
import { Button, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import PrivacyPopup from '../../../../components/PrivacyPopup'
import Screen from '../../../../components/Screen'
import type { CheckinRecord } from '../../../../domain/checkin'
import { locationLabels } from '../../../../domain/geo'
import { parseScene } from '../../../../domain/scene'
import type { SiteDetail } from '../../../../domain/sites'
import { shanghaiDateTime } from '../../../../domain/time'
import { scanCheckin } from '../../../../services/checkin'
import { CallFailure } from '../../../../services/call'
import { currentFix } from '../../../../services/location'
import { getSite } from '../../../../services/sites'

type Outcome = { kind: 'done' | 'already'; record: CheckinRecord } | { kind: 'error'; message: string }

export default function ScanPage() {
  const [scene, setScene] = useState('')
  const [site, setSite] = useState<SiteDetail>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [busy, setBusy] = useState(false)

  useLoad((params) => {
    const raw = String(params.scene ?? '')
    const parsed = parseScene(raw)
    if (!parsed.ok) return setOutcome({ kind: 'error', message: parsed.reason })
    setScene(raw)
    getSite({ siteId: parsed.siteId }).then(setSite).catch((e: CallFailure) => setOutcome({ kind: 'error', message: e.message }))
  })

  const checkIn = async (withLocation: boolean) => {
    if (busy) return
    setBusy(true)
    try {
      const fix = withLocation ? await currentFix() : undefined
      const record = await scanCheckin({ scene, location: fix })
      setOutcome({ kind: 'done', record })
      Taro.showToast({ title: '签到成功', icon: 'success' })
    } catch (e) {
      const failure = e as CallFailure
      setOutcome(failure.code === 'duplicate'
        ? { kind: 'already', record: failure.data as CheckinRecord }
        : { kind: 'error', message: failure.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen>
      {site && (
        <View className='card'>
          <View className='title'>{site.name}</View>
          <View className='muted'>{site.address}</View>
        </View>
      )}
      {outcome?.kind === 'done' && (
        <View className='notice ok' aria-live='polite'>
          <View className='title'>签到成功</View>
          <View>签到时间：{shanghaiDateTime(outcome.record.at)}</View>
          <View>{locationLabels[outcome.record.locationStatus]}</View>
        </View>
      )}
      {outcome?.kind === 'already' && (
        <View className='notice' aria-live='polite'>
          <View className='title'>今天已签到</View>
          <View>首次签到时间：{shanghaiDateTime(outcome.record.at)}</View>
        </View>
      )}
      {outcome?.kind === 'error' && <View className='notice err' aria-live='assertive'>{outcome.message}</View>}
      {site && !outcome && (
        <View>
          <View className='notice'>签到时将获取您的位置，仅用于核验是否在本点附近；不提供位置也可签到，记为“未核验位置”。</View>
          <Button className='btn' loading={busy} onClick={() => checkIn(true)}>签到</Button>
          <Button className='btn-plain' disabled={busy} onClick={() => checkIn(false)}>不提供位置，直接签到</Button>
        </View>
      )}
      {outcome && outcome.kind !== 'error' && (
        <Button className='btn-plain' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>查看我的签到</Button>
      )}
      <PrivacyPopup />
    </Screen>
  )
}
