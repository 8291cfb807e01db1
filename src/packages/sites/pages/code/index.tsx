/** A site's printable check-in code, for its managers and staff: the poster, 打印, and (for staff) every site's posters. */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Empty, Page, Skeleton } from '@/components/ui'
import { isDistrictStaff } from '@/domain/person'
import { useCall } from '@/hooks/useCall'
import { getSite, getSiteCode } from '@/services/sites'
import { useSession } from '@/stores/session'
import { canPrint, printPage, SitePoster } from '../../poster'

export default function SiteCodePage() {
  const [id, setId] = useState<string | null>(null)
  const code = useCall(id, () => getSiteCode({ siteId: id! }))
  const site = useCall(id, () => getSite({ siteId: id! }))
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    setId(String(params.id ?? ''))
    if (!me) loadMe().catch(() => undefined)
  })

  const failed = code.error ?? site.error
  if (failed) return <Page><Empty icon='alert' title={failed.message} hint='请稍后再试' action={{ label: '重试', onClick: () => { code.retry(); site.retry() } }} /></Page>
  if (!code.data || !site.data) return <Page><Skeleton count={1} /></Page>
  const staff = me && isDistrictStaff({ grants: me.roles })
  const actions = (canPrint || staff) ? (
    <>
      {staff && <Button kind='plain' onClick={() => Taro.navigateTo({ url: '/packages/sites/pages/print/index' })}>打印全部联盟点</Button>}
      {canPrint && <Button onClick={printPage}>打印</Button>}
    </>
  ) : undefined
  return (
    <Page title={`${site.data.name}签到码`} actions={actions}>
      <SitePoster name={site.data.name} image={code.data.image} />
      <View className='muted site-print-note'>
        打印后张贴在联盟点入口醒目处，群众用微信扫码即可签到。{canPrint ? '' : '长按二维码可保存图片，再发送到电脑打印。'}
      </View>
    </Page>
  )
}
