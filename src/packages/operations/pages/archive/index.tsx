/**
 * 活动档案: a site's archive of the year — every activity held, its number (year-site-sequence), its
 * plan, sign-in list, minutes and photos, closed only with all four — and the year's bundle (a tar
 * with a SHA-256 manifest) for the district's records. The files stay private: no link here lasts.
 */
import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Notice, Page, PageError, Skeleton, Tabs, Tag } from '@/components/ui'
import { shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { getArchive, getArchiveBundle } from '@/services/operations'

/** Saves the bundle in the browser; the mini-program keeps it in its user folder to open from there. */
function save(fileName: string, base64: string) {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = `data:application/x-tar;base64,${base64}`
    link.download = fileName
    link.click()
    return
  }
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64')
  Taro.showModal({ title: '已保存', content: `档案包已保存到本机：${fileName}`, showCancel: false })
}

export default function ArchivePage() {
  const [id, setId] = useState<string | null>(null)
  const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [busy, setBusy] = useState(false)
  const [hash, setHash] = useState<string>()
  useLoad((params) => setId(String(params.id ?? '')))
  const index = useCall(id ? `${id}:${year}` : null, () => getArchive({ siteId: id!, year }))
  const years = [thisYear - 1, thisYear].map((y) => ({ key: String(y), label: `${y} 年` }))

  const bundle = async () => {
    setBusy(true)
    try {
      const made = await getArchiveBundle({ siteId: id!, year })
      save(made.fileName, made.base64)
      setHash(`${made.fileName}：${made.files} 个文件${made.missingFiles ? `，${made.missingFiles} 个文件缺失` : ''}；SHA-256 ${made.sha256}`)
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (index.error) return <Page><PageError error={index.error} retry={index.retry} /></Page>
  if (!index.data) return <Page><Skeleton count={2} /></Page>
  const a = index.data
  return (
    <Page title={`${a.siteName}活动档案`} actions={a.entries.length ? <Button loading={busy} onClick={bundle}>导出年度档案包</Button> : undefined}>
      <Tabs items={years} value={String(year)} onChange={(key) => { setYear(Number(key)); setHash(undefined) }} label='年份' />
      <Notice>每场活动一件档案：活动方案、签到名单、活动纪要和至少一张照片，四项齐全方可归档。已归档 {a.closed} / {a.entries.length} 场。</Notice>
      {hash && <View className='card muted' style={{ wordBreak: 'break-all' }}>{hash}</View>}
      {a.entries.length === 0 && <Empty icon='calendar' title='该年度尚无已开展的活动' hint='活动结束且有人签到后，即可上传档案材料' />}
      {a.entries.length > 0 && (
        <CellGroup title={`${year} 年活动`}>
          {a.entries.map((e) => (
            <Cell key={e.activityId} icon={e.closed ? 'check' : 'alert'}
              title={<>{e.title} <Tag tone={e.closed ? 'success' : 'warning'}>{e.closed ? '已归档' : '待补'}</Tag></>}
              label={[e.number ?? '未编号', shanghaiDay(new Date(e.startsAt)), `签到 ${e.signins} 人`, e.missing.length ? `缺：${e.missing.join('、')}` : ''].filter(Boolean).join(' · ')} />
          ))}
        </CellGroup>
      )}
    </Page>
  )
}
