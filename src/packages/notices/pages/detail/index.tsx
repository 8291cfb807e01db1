/** One notice, opened from the notice centre: opening it is its read receipt. */
import { Image, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Page, Skeleton, PageError } from '@/components/ui'
import { shanghaiDateTime } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { photoUrl } from '@/services/photos'
import { openNotice, syncUnreadBadge } from '@/services/notices'
import './index.css'

export default function NoticeDetailPage() {
  const [id, setId] = useState<number | null>(null)
  const notice = useCall(id === null ? null : String(id), () => openNotice({ id: id! }).then((item) => {
    syncUnreadBadge()
    return item
  }))
  useLoad((params) => setId(Number(params.id)))

  if (notice.error) return <Page><PageError error={notice.error} hint='返回消息中心看看其他消息' retry={notice.retry} /></Page>
  if (!notice.data) return <Page><Skeleton count={2} /></Page>
  const n = notice.data
  return (
    <Page title={n.title}>
      <View className='card'>
        <View className='title' role='heading' aria-level={1}>{n.title}</View>
        <View className='muted'>{`${n.sender ?? '议题动态'} · ${shanghaiDateTime(n.at)}`}</View>
        {n.cover && <Image className='notice-cover' src={photoUrl(n.cover)} mode='widthFix' nativeProps={{ alt: '通知封面' }} />}
        <View className='notice-body'>{n.body}</View>
        {(n.target || (!n.noticeId && n.link)) && (
          <Button kind='plain' onClick={() => Taro.navigateTo({ url: (n.target ?? n.link)! })}>查看详情</Button>
        )}
      </View>
    </Page>
  )
}
