/**
 * 月通报: the month's figures per unit against the month before, with the alliance's totals written
 * as the bulletin's opening line. A draft (computed live) for staff, auditors and site admins until
 * staff publish it; published, it is frozen (its hash shown) and open to everyone.
 */
import { View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Notice, Page, Skeleton, Tabs, Tag, type TabItem } from '@/components/ui'
import { bulletinStatusLabels, type Bulletin } from '@/domain/assessment'
import { can } from '@/domain/assessment/permissions'
import { addMonths } from '@/domain/cycle'
import { siteCategories, siteCategoryLabels, type SiteCategory } from '@/domain/sites'
import { asFailure } from '@/hooks/latest'
import '../../assessment.css'
import { useCall } from '@/hooks/useCall'
import { fetchMe } from '@/services/account'
import { monthBulletin, publishBulletin } from '@/services/assessment'
import { changeLabel, lastMonth, monthLabel } from '../../labels'

const tabs: TabItem<SiteCategory>[] = siteCategories.map((key) => ({ key, label: siteCategoryLabels[key] }))

const total = (b: Bulletin, figure: string) => b.totals.find((t) => t.figure === figure)?.value ?? 0

export default function BulletinPage() {
  const [month, setMonth] = useState<string>()
  const [category, setCategory] = useState<SiteCategory>('flow')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  useLoad((params) => setMonth(params.month || lastMonth()))
  const bulletin = useCall(month ? `b:${month}` : null, () => monthBulletin({ month: month! }))
  const me = useCall('me', () => fetchMe())
  const publishes = !!me.data && can({ grants: me.data.roles }, 'publish')
  const months = month && (
    <View className='assessment-years'>
      <Button kind='plain' label={`查看${monthLabel(addMonths(month, -1))}`} onClick={() => { setMessage(undefined); setMonth(addMonths(month, -1)) }}>上个月</Button>
      <View className='title' aria-live='polite'>{monthLabel(month)}</View>
      {month < lastMonth() ? <Button kind='plain' label={`查看${monthLabel(addMonths(month, 1))}`} onClick={() => { setMessage(undefined); setMonth(addMonths(month, 1)) }}>下个月</Button> : <View className='assessment-spacer' />}
    </View>
  )
  if (bulletin.error) return <Page>{months}<Empty icon='alert' title={bulletin.error.message} hint='请换一个月份' action={{ label: '重试', onClick: bulletin.retry }} /></Page>
  if (!bulletin.data) return <Page>{months}<Skeleton count={3} /></Page>
  const b = bulletin.data
  const publish = async () => {
    setBusy(true)
    try {
      await publishBulletin({ month: b.month })
      setMessage({ ok: true, text: '月通报已发布，各联盟单位管理员将收到通知' })
      bulletin.retry()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    } finally {
      setBusy(false)
    }
  }
  const draft = b.status === 'draft'
  return (
    <Page onRefresh={async () => bulletin.retry()}
      actions={draft && publishes ? <Button loading={busy} label={`发布${monthLabel(b.month)}通报`} onClick={publish}>发布通报</Button> : undefined}>
      {months}
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <View className='card'>
        <View>
          <Tag tone={draft ? 'warning' : 'success'}>{bulletinStatusLabels[b.status]}</Tag>
        </View>
        <View>{`本月联盟共开展活动 ${total(b, 'activities.held')} 场，参与 ${total(b, 'activities.attendance')} 人次，签到 ${total(b, 'checkin.visits')} 人次；提出议题 ${total(b, 'topics.proposed')} 件，公示成果 ${total(b, 'feedback.published')} 件。`}</View>
        {b.hash && <View className='assessment-hash'>{`校验码 ${b.hash.slice(0, 16)}`}</View>}
      </View>
      <Tabs label='单位类别' items={tabs} value={category} onChange={(key) => setCategory(key as SiteCategory)} />
      {b.units.filter((u) => u.category === category).map((u) => (
        <CellGroup key={u.siteId} title={u.name}>
          {u.lines.filter((l) => l.value !== 0 || l.before !== 0).map((l) => (
            <Cell key={l.figure} title={l.label} label={changeLabel(l.change)} value={String(l.value)} />
          ))}
          {u.lines.every((l) => l.value === 0 && l.before === 0) && <Cell title='本月与上月均无记录' />}
        </CellGroup>
      ))}
    </Page>
  )
}
