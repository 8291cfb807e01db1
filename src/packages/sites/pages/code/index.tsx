/** A site's printable check-in code, for its managers and staff. */
import { Image, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../../components/Screen'
import type { SiteCode } from '../../../../domain/sites'
import { CallFailure } from '../../../../services/call'
import { getSiteCode } from '../../../../services/sites'

export default function SiteCodePage() {
  const [code, setCode] = useState<SiteCode>()
  const [error, setError] = useState('')
  useLoad((params) => {
    getSiteCode({ siteId: String(params.id ?? '') }).then(setCode).catch((e: CallFailure) => setError(e.message))
  })
  if (error) return <Screen><View className='notice err'>{error}</View></Screen>
  if (!code) return <Screen><View className='empty'>正在生成二维码…</View></Screen>
  return (
    <Screen>
      <View className='card' style={{ textAlign: 'center' }}>
        <Image className='site-code' src={code.image} mode='widthFix' style={{ width: '80%' }} showMenuByLongpress ariaLabel='联盟点签到二维码' />
        <View className='muted'>打印后张贴在联盟点入口，群众扫码即可签到</View>
        <View className='muted'>场景值：{code.scene}</View>
      </View>
    </Screen>
  )
}
