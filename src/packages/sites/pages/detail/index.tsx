/**
 * A site's page: what it is, where (the address opens the phone's map), whom to call, today's
 * activities (each opens), its 月月说事 and published outcomes, and (for its managers) its code.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { FollowSite } from '@/components/FollowSite'
import { Button, Cell, CellGroup, Empty, Page, Skeleton, Tag, PageError } from '@/components/ui'
import * as sitePermissions from '@/domain/sites/permissions'
import { activityUrl } from '@/domain/activities'
import { siteTags } from '@/domain/sites'
import { shanghaiClock } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { useSharePage } from '@/hooks/useSharePage'
import { openMap } from '@/services/maps'
import { getSite } from '@/services/sites'
import { useTopicSite } from '@/stores/topicSite'
import SixBadges from '../../six'
import StudioSection from '../../studio'
import { useSession } from '@/stores/session'

export default function SiteDetailPage() {
  const [id, setId] = useState<string | null>(null)
  const site = useCall(id, () => getSite({ siteId: id! }))
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  const chooseTopicSite = useTopicSite((t) => t.choose)

  useLoad((params) => {
    setId(String(params.id ?? ''))
    if (!me) loadMe().catch(() => undefined)
  })
  useSharePage(site.data?.name, `/packages/sites/pages/detail/index?id=${id}`)

  if (site.error) return <Page><PageError error={site.error} retry={site.retry} /></Page>
  if (!site.data) return <Page><Skeleton count={2} /></Page>
  const s = site.data
  const manages = me && sitePermissions.can({ grants: me.roles }, 'viewCode', s)
  const go = (url: string) => () => Taro.navigateTo({ url })

  return (
    <Page title={s.name} actions={(
      <>
        {manages && <Button kind='plain' onClick={go(`/packages/sites/pages/code/index?id=${s.id}`)}>签到二维码</Button>}
        <Button onClick={go(`/packages/checkin/pages/scan/index?scene=${encodeURIComponent(s.scene)}`)}>到场签到</Button>
      </>
    )}>
      <View className='card'>
        <View className='title'>{s.name}</View>
        <View>{siteTags(s).map((tag) => <Tag key={tag}>{tag}</Tag>)}</View>
        <View className='muted'>{s.intro}</View>
      </View>
      <CellGroup>
        <FollowSite siteId={s.id} />
        <Cell icon='location' title={s.address} label='在地图中查看' arrow onClick={() => openMap({ lat: s.lat, lng: s.lng, name: s.name, address: s.address })} />
        <Cell icon='clock' title={`开放时间：${s.openHours}`} />
        <Cell icon='phone' title={`联系人：${s.contactName}`} value={s.contactPhone} arrow
          onClick={() => Taro.makePhoneCall({ phoneNumber: s.contactPhone })} />
      </CellGroup>
      <CellGroup title='今日活动'>
        {s.todayActivities.length === 0 && <Empty icon='calendar' title='今天暂无活动' hint='可以先到场签到，或改天再来看看' />}
        {s.todayActivities.map((a) => (
          <Cell key={a.id} icon='calendar' title={a.title} label={a.place} arrow onClick={go(activityUrl(a.id))}
            value={`${shanghaiClock(new Date(a.startsAt))}—${shanghaiClock(new Date(a.endsAt))}`} />
        ))}
        <Cell icon='calendar' title='本点全部活动' arrow onClick={go(`/packages/activities/pages/list/index?site=${s.id}`)} />
        {manages && <Cell icon='calendar' title='发布活动' label='报名、动态签到码和签到名单' arrow onClick={go(`/packages/activities/pages/create/index?site=${s.id}`)} />}
      </CellGroup>
      <CellGroup title='月月说事'>
        <Cell icon='topic' title='本点月月说事' label='提议题、投票、看结果' arrow onClick={() => {
          chooseTopicSite(s.id)
          Taro.switchTab({ url: '/pages/topics/index' })
        }} />
        <Cell icon='check' title='本点办理结果公示' arrow onClick={go(`/packages/feedback/pages/outcomes/index?site=${s.id}`)} />
      </CellGroup>
      {s.kind === 'studio' && <SixBadges siteId={s.id} />}
      {s.kind === 'studio' && <StudioSection siteId={s.id} />}
    </Page>
  )
}
