/**
 * A site's 阵地档案: its founder, theme, members' 界别 and annual plan, and its 六有 this quarter.
 * Anyone sees the statuses and the day each was last verified; the site's managers also see why a
 * dimension is not yet 达标 and how many items prove each (the files themselves stay private).
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Notice, Page, PageError, Skeleton, Tag } from '@/components/ui'
import { archiveUrl, deskUrl, dimensionLabels, planUrl, visitsUrl, evidenceDimensions, evidenceKindOf, profileEditUrl, statusTones, type EvidenceDimension } from '@/domain/operations'
import { can } from '@/domain/operations/permissions'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { currentFix } from '@/services/location'
import { getSiteBadges, getSiteProfile, getSiteStatus, recordEvidence } from '@/services/operations'
import { choosePhotoFiles } from '@/services/photos'
import { asFailure } from '@/hooks/latest'
import { useSession } from '@/stores/session'

const evidenceWords: Record<EvidenceDimension, string> = { venue: '场地照片', sign: '标识牌照片', rules: '制度文件' }

export default function SiteOperationsPage() {
  const [id, setId] = useState<string | null>(null)
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    setId(String(params.id ?? ''))
    if (!me) loadMe().catch(() => undefined)
  })
  const manages = !!me && !!id && can({ grants: me.roles }, 'viewEvidence', { id })
  const profile = useCall(id, () => getSiteProfile({ siteId: id! }))
  const badges = useCall(id && !manages ? id : null, () => getSiteBadges({ siteId: id! }))
  const status = useCall(id && manages ? id : null, () => getSiteStatus({ siteId: id! }))

  const upload = async (dimension: EvidenceDimension) => {
    try {
      const fix = evidenceKindOf[dimension] === 'photo' ? await currentFix() : undefined
      const [file] = await choosePhotoFiles(1, 'private')
      if (!file) return
      // A scanned rules page is a photo file recorded as the rules document.
      const done = await recordEvidence({ siteId: id!, dimension, fileKind: evidenceKindOf[dimension], fileId: file.fileId, bytes: file.bytes, ...(fix ? { lat: fix.lat, lng: fix.lng } : {}) })
      Taro.showToast({ title: done.outsideRadius ? '已上传，位置待核实' : '已上传', icon: done.outsideRadius ? 'none' : 'success' })
      status.retry()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }

  if (profile.error) return <Page><PageError error={profile.error} retry={profile.retry} /></Page>
  if (!profile.data) return <Page><Skeleton count={2} /></Page>
  const p = profile.data
  const rows = status.data
    ? status.data.dimensions.map((d) => ({ ...d, on: d.verifiedAt ? shanghaiDay(new Date(d.verifiedAt)) : null, items: status.data!.evidence.filter((e) => e.dimension === d.dimension).length }))
    : (badges.data?.badges ?? []).map((b) => ({ ...b, on: b.verifiedOn, reason: '', items: undefined as number | undefined }))
  return (
    <Page title={p.siteName} actions={manages ? <Button kind='plain' onClick={() => Taro.navigateTo({ url: profileEditUrl(p.siteId) })}>编辑档案</Button> : undefined}>
      <CellGroup title='阵地档案'>
        <Cell icon='mine' title='创办人' value={p.founder || '未填写'} />
        <Cell icon='topic' title='主题' value={p.theme || '未填写'} />
        <Cell icon='check' title='委员界别' value={p.sectors.length ? p.sectors.join('、') : '未填写'} />
      </CellGroup>
      <View className='card'>
        <View className='title'>年度联动活动计划</View>
        <View className='muted'>{p.annualPlan || '尚未填写年度计划'}</View>
      </View>
      <CellGroup title='六有'>
        {rows.length === 0 && <Skeleton count={1} />}
        {rows.map((d) => (
          <Cell key={d.dimension} icon={d.status === 'met' ? 'check' : 'alert'}
            title={<>{d.label} <Tag tone={statusTones[d.status]}>{d.statusLabel}</Tag></>}
            label={[d.reason, d.on ? `核验于 ${d.on}` : '尚未核验'].filter(Boolean).join('；')}
            value={d.items === undefined ? undefined : `材料 ${d.items} 份`} />
        ))}
      </CellGroup>
      {manages && (
        <CellGroup title='上传六有材料'>
          {evidenceDimensions.map((dimension) => (
            <Cell key={dimension} icon='check' title={`${dimensionLabels[dimension]}：${evidenceWords[dimension]}`}
              label={dimension === 'rules' ? '拍摄制度文件（JPG 或 PNG）' : '请在阵地现场拍摄，照片带拍摄位置'} arrow onClick={() => upload(dimension)} />
          ))}
        </CellGroup>
      )}
      <CellGroup title='计划与观摩'>
        <Cell icon='calendar' title='年度联动计划' label='按月计划与已开展活动' arrow onClick={() => Taro.navigateTo({ url: planUrl(p.siteId) })} />
        {manages && <Cell icon='check' title='季度观摩' label='自评、书面审核、现场观摩、整改复核' arrow onClick={() => Taro.navigateTo({ url: visitsUrl(p.siteId) })} />}
        {manages && <Cell icon='topic' title='活动档案' label='每场活动一件档案，可导出年度档案包' arrow onClick={() => Taro.navigateTo({ url: archiveUrl(p.siteId) })} />}
      </CellGroup>
      {manages && (
        <CellGroup title='值班'>
          <Cell icon='check' title='代为签到' label='为没有智能手机的居民签到' arrow onClick={() => Taro.navigateTo({ url: deskUrl(p.siteId) })} />
        </CellGroup>
      )}
      {manages && <Notice>六有材料仅本联盟点管理员和区政协工作人员可见；公众只看到各项是否达标和核验日期。</Notice>}
    </Page>
  )
}
