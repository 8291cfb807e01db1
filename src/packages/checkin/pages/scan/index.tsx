/**
 * The scan entry: a site's code opens this page with `scene`. It shows the site and checks the
 * person in, with their location when they allow it.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import PrivacyPopup from '@/components/PrivacyPopup'
import { FollowSite } from '@/components/FollowSite'
import { Button, Empty, Icon, Notice, Page, Skeleton, PageError } from '@/components/ui'
import type { CheckinRecord } from '@/domain/checkin'
import { locationLabels, RAW_LOCATION_DAYS } from '@/domain/geo'
import { parseScene } from '@/domain/scene'
import { shanghaiDateTime } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { scanCheckin } from '@/services/checkin'
import { currentFix } from '@/services/location'
import { getSite } from '@/services/sites'

type Outcome = { kind: 'done' | 'already'; record: CheckinRecord } | { kind: 'error'; message: string }

export default function ScanPage() {
  const [scene, setScene] = useState<{ raw: string; siteId: string } | { reason: string }>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [busy, setBusy] = useState(false)
  const siteId = scene && 'siteId' in scene ? scene.siteId : null
  const site = useCall(siteId, () => getSite({ siteId: siteId! }))

  useLoad((params) => {
    const raw = String(params.scene ?? '')
    const parsed = parseScene(raw)
    setScene(parsed.ok ? { raw, siteId: parsed.siteId } : { reason: parsed.reason })
  })

  const checkIn = async (withLocation: boolean) => {
    setBusy(true)
    try {
      const fix = withLocation ? await currentFix() : undefined
      const record = await scanCheckin({ scene: (scene as { raw: string }).raw, location: fix })
      setOutcome({ kind: 'done', record })
      Taro.showToast({ title: '签到成功', icon: 'success' })
    } catch (e) {
      const failure = asFailure(e)
      setOutcome(failure.code === 'duplicate'
        ? { kind: 'already', record: failure.data as CheckinRecord }
        : { kind: 'error', message: failure.message })
    } finally {
      setBusy(false)
    }
  }

  if (scene && 'reason' in scene) return <Page><Empty icon='qrcode' title={scene.reason} hint='请扫描联盟点张贴的签到二维码' /></Page>
  if (site.error) return <Page><PageError error={site.error} retry={site.retry} /></Page>
  if (!site.data) return <Page><Skeleton count={1} /></Page>

  const actions = outcome && outcome.kind !== 'error'
    ? <Button kind='plain' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>查看我的签到</Button>
    : (
      <>
        <Button kind='plain' disabled={busy} onClick={() => checkIn(false)}>不提供位置，直接签到</Button>
        <Button loading={busy} onClick={() => checkIn(true)}>签到</Button>
      </>
    )
  return (
    <Page actions={actions}>
      <View className='card'>
        <View className='title'>{site.data.name}</View>
        <View className='muted'><Icon name='location' /> {site.data.address}</View>
      </View>
      {outcome?.kind === 'done' && (
        <Notice tone='success'>
          <View className='title'>签到成功</View>
          <View>签到时间：{shanghaiDateTime(outcome.record.at)}</View>
          <View>{locationLabels[outcome.record.locationStatus]}</View>
        </Notice>
      )}
      {outcome?.kind === 'done' && <FollowSite siteId={outcome.record.siteId} offer />}
      {outcome?.kind === 'already' && (
        <Notice>
          <View className='title'>今天已签到</View>
          <View>首次签到时间：{shanghaiDateTime(outcome.record.at)}</View>
        </Notice>
      )}
      {outcome?.kind === 'error' && <Notice tone='error'>{outcome.message}</Notice>}
      {!outcome && (
        <Notice>签到时将获取您的位置，仅用于核验是否在本点附近，原始位置 {RAW_LOCATION_DAYS} 天后删除；不提供位置也可签到，记为“未核验位置”。</Notice>
      )}
      <PrivacyPopup />
    </Page>
  )
}
