/**
 * 日历订阅: a secret link to the unit's bookings for a calendar app (Outlook, 苹果日历, 企业微信…).
 * The link is shown once when made; making a new one or stopping ends the old one.
 */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Notice, Page, PageError, Skeleton } from '@/components/ui'
import { unitsOf } from '@/domain/resources/permissions'
import { useCall } from '@/hooks/useCall'
import { fetchMe } from '@/services/account'
import { feedLink, feedRevoke } from '@/services/resources'
import { useOutcome } from '../../sharing'

const absolute = (path: string) => (process.env.TARO_ENV === 'h5' ? `${window.location.origin}${path}` : path)

export default function FeedPage() {
  const me = useCall('me', () => fetchMe())
  const siteId = unitsOf({ grants: me.data?.roles ?? [] })[0]
  const [link, setLink] = useState<string>()
  const { message, act } = useOutcome()
  const make = act(async () => {
    setLink(absolute((await feedLink({ siteId: siteId! })).path))
    return '已生成新的订阅链接，旧链接已失效'
  })
  const stop = act(async () => {
    setLink(undefined)
    return (await feedRevoke({ siteId: siteId! })).revoked ? '已停止订阅，链接已失效' : '当前没有有效的订阅链接'
  })
  if (me.error) return <Page><PageError error={me.error} retry={me.retry} /></Page>
  if (!me.data) return <Page><Skeleton count={2} /></Page>
  if (!siteId) return <Page><Notice tone='info'>只有联盟单位的管理员可以订阅本单位的预约日历</Notice></Page>
  return (
    <Page title='日历订阅'>
      <Notice tone='info'>订阅链接相当于密码：拿到链接的人都能看到本单位资源的预约时间和用途（不含预约人姓名和电话）。请只交给本单位工作人员。</Notice>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      {link && (
        <CellGroup title='订阅链接（只显示这一次）'>
          <Cell icon='calendar' title='复制链接' label={link} arrow onClick={() => Taro.setClipboardData({ data: link })} />
          <View className='muted'>在日历软件中选择“添加订阅日历”，粘贴此链接。</View>
        </CellGroup>
      )}
      <Button onClick={make}>生成新链接</Button>
      <Button kind='plain' onClick={stop}>停止订阅</Button>
    </Page>
  )
}
