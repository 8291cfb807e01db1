/** A site's page: what it is, where, whom to call, today's activities, and (for its managers) its code. */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../../components/Screen'
import * as sitePermissions from '../../../../domain/permissions/sites'
import { siteTags, type SiteDetail } from '../../../../domain/sites'
import { shanghaiClock } from '../../../../domain/time'
import { CallFailure } from '../../../../services/call'
import { getSite } from '../../../../services/sites'
import { useSession } from '../../../../stores/session'

export default function SiteDetailPage() {
  const [site, setSite] = useState<SiteDetail>()
  const [error, setError] = useState('')
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)

  useLoad((params) => {
    getSite({ siteId: String(params.id ?? '') })
      .then((detail) => {
        setSite(detail)
        Taro.setNavigationBarTitle({ title: detail.name })
      })
      .catch((e: CallFailure) => setError(e.message))
    if (!me) loadMe().catch(() => undefined)
  })

  const manages = site && me && sitePermissions.can({ grants: me.roles }, 'viewCode', site)

  if (error) return <Screen><View className='notice err'>{error}</View></Screen>
  if (!site) return <Screen><View className='empty'>加载中…</View></Screen>
  return (
    <Screen>
      <View className='card'>
        <View className='title'>{site.name}</View>
        <View>{siteTags(site).map((tag) => <Text key={tag} className='tag'>{tag}</Text>)}</View>
        <View className='muted'>{site.intro}</View>
      </View>
      <View className='card'>
        <View>地址：{site.address}</View>
        <View>开放时间：{site.openHours}</View>
        <View>联系人：{site.contactName}　{site.contactPhone}</View>
      </View>
      <View className='card'>
        <View className='title'>今日活动</View>
        {site.todayActivities.length === 0 && <View className='muted'>今天暂无活动</View>}
        {site.todayActivities.map((a) => (
          <View key={a.id} className='activity'>
            <Text>{shanghaiClock(new Date(a.startsAt))}—{shanghaiClock(new Date(a.endsAt))}　</Text>
            <Text>{a.title}</Text>
            <View className='muted'>{a.place}</View>
          </View>
        ))}
      </View>
      <Button className='btn' onClick={() => Taro.navigateTo({ url: `/packages/checkin/pages/scan/index?scene=${encodeURIComponent(site.scene)}` })}>
        到场签到
      </Button>
      {manages && (
        <Button className='btn-plain' onClick={() => Taro.navigateTo({ url: `/packages/sites/pages/code/index?id=${site.id}` })}>
          查看本点签到二维码
        </Button>
      )}
    </Screen>
  )
}
