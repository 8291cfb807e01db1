/** A site's printable check-in code, for its managers and staff. */
import { Image, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Empty, Page, Skeleton } from '@/components/ui'
import { useCall } from '@/hooks/useCall'
import { getSiteCode } from '@/services/sites'
import './index.css'

export default function SiteCodePage() {
  const [id, setId] = useState<string | null>(null)
  const code = useCall(id, () => getSiteCode({ siteId: id! }))
  useLoad((params) => setId(String(params.id ?? '')))

  if (code.error) return <Page><Empty icon='alert' title={code.error.message} hint='请稍后再试' action={{ label: '重试', onClick: code.retry }} /></Page>
  if (!code.data) return <Page><Skeleton count={1} /></Page>
  return (
    <Page>
      <View className='card site-code-card'>
        <Image className='site-code' src={code.data.image} mode='widthFix' showMenuByLongpress
          ariaLabel='联盟点签到二维码' nativeProps={{ alt: '联盟点签到二维码' }} />
        <View>打印后张贴在联盟点入口，群众扫码即可签到</View>
        <View className='muted'>场景值：{code.data.scene}</View>
      </View>
    </Page>
  )
}
