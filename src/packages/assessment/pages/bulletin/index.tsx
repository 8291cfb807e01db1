/**
 * 月通报: the month's figures per unit against the month before, with the alliance's totals written
 * as the bulletin's opening line. A live draft for staff, auditors and site admins until it is
 * frozen (staff, or the 5th working day); then a version under review, which a unit may appeal
 * (an upheld appeal issues the next version, its change shown), then final and open to everyone.
 * Every version names its check codes and stays readable.
 */
import { View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Notice, Page, Skeleton, Tabs, Tag, type TabItem } from '@/components/ui'
import { bulletinStatusLabels, type Bulletin } from '@/domain/assessment/bulletin'
import { can, ownUnits } from '@/domain/assessment/permissions'
import { addMonths } from '@/domain/cycle'
import { siteCategories, siteCategoryLabels, type SiteCategory } from '@/domain/sites'
import { asFailure } from '@/hooks/latest'
import '../../assessment.css'
import { useCall } from '@/hooks/useCall'
import { fetchMe } from '@/services/account'
import { exportBulletin, freezeBulletin, monthAppeals, monthBulletin, publishBulletin } from '@/services/assessment'
import { saveDocument } from '@/services/files'
import { AppealForm, AppealList } from '../../components/appeals'
import { changeLabel, lastMonth, monthLabel } from '../../labels'

const tabs: TabItem<SiteCategory>[] = siteCategories.map((key) => ({ key, label: siteCategoryLabels[key] }))

const total = (b: Bulletin, figure: string) => b.totals.find((t) => t.figure === figure)?.value ?? 0
const statusTone = { draft: 'warning', review: 'warning', final: 'success', superseded: 'muted' } as const

function Versions({ b, onPick }: { b: Bulletin; onPick(version: number): void }) {
  if (b.versions.length < 2 && b.changeLog.length === 0) return null
  return (
    <CellGroup title='版本'>
      {b.changeLog.map((c) => (
        <Cell key={c.appealId} title={`更正：${b.units.find((u) => u.siteId === c.siteId)?.name ?? c.siteId} ${b.totals.find((t) => t.figure === c.figure)?.label ?? c.figure} ${c.from} → ${c.to}`} label={c.note} />
      ))}
      {b.versions.map((v) => (
        <Cell key={v.version} title={`第 ${v.version} 版 · ${bulletinStatusLabels[v.status]}`} label={`校验码 ${v.hash.slice(0, 16)}`}
          arrow={v.version !== b.version} onClick={v.version !== b.version ? () => onPick(v.version) : undefined} />
      ))}
    </CellGroup>
  )
}

export default function BulletinPage() {
  const [month, setMonth] = useState<string>()
  const [version, setVersion] = useState<number>()
  const [category, setCategory] = useState<SiteCategory>('flow')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  useLoad((params) => setMonth(params.month || lastMonth()))
  const bulletin = useCall(month ? `b:${month}:${version ?? ''}` : null, () => monthBulletin({ month: month!, version }))
  const me = useCall('me', () => fetchMe())
  const grants = me.data?.roles ?? []
  const staff = can({ grants }, 'publish')
  const seesAppeals = can({ grants }, 'viewDraft')
  const appeals = useCall(month && seesAppeals && bulletin.data?.version ? `a:${month}` : null, () => monthAppeals({ month: month! }))
  const go = (to: string) => { setMessage(undefined); setVersion(undefined); setMonth(to) }
  const months = month && (
    <View className='assessment-years'>
      <Button kind='plain' label={`查看${monthLabel(addMonths(month, -1))}`} onClick={() => go(addMonths(month, -1))}>上个月</Button>
      <View className='title' aria-live='polite'>{monthLabel(month)}</View>
      {month < lastMonth() ? <Button kind='plain' label={`查看${monthLabel(addMonths(month, 1))}`} onClick={() => go(addMonths(month, 1))}>下个月</Button> : <View className='assessment-spacer' />}
    </View>
  )
  if (bulletin.error) return <Page>{months}<Empty icon='alert' title={bulletin.error.message} hint='请换一个月份' action={{ label: '重试', onClick: bulletin.retry }} /></Page>
  if (!bulletin.data) return <Page>{months}<Skeleton count={3} /></Page>
  const b = bulletin.data
  const reload = () => { setVersion(undefined); bulletin.retry(); appeals.retry() }
  const act = async (call: () => Promise<unknown>, ok: string, refresh = true) => {
    setBusy(true)
    try {
      await call()
      setMessage({ ok: true, text: ok })
      if (refresh) reload()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    } finally {
      setBusy(false)
    }
  }
  const save = (format: 'docx' | 'xlsx') =>
    act(async () => saveDocument(await exportBulletin({ month: b.month, version: b.version ?? undefined, format })), format === 'docx' ? '已导出 Word 文档' : '已导出 Excel 表格', false)
  const told = (text: string) => { setMessage({ ok: true, text }); reload() }
  const current = version === undefined
  const action = !staff || !current ? undefined
    : b.status === 'draft' ? <Button loading={busy} label={`冻结${monthLabel(b.month)}通报`} onClick={() => act(() => freezeBulletin({ month: b.month }), '月通报已冻结，已下发各单位征求意见')}>冻结通报</Button>
      : b.status === 'review' ? <Button loading={busy} label={`发布${monthLabel(b.month)}通报`} onClick={() => act(() => publishBulletin({ month: b.month }), '月通报已发布，各联盟单位管理员将收到通知')}>发布通报</Button>
        : undefined
  const appealSite = b.status === 'review' && current ? ownUnits({ grants })[0] : undefined
  return (
    <Page onRefresh={async () => reload()} actions={action}>
      {months}
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <View className='card'>
        <View>
          <Tag tone={statusTone[b.status]}>{bulletinStatusLabels[b.status]}</Tag>
          {b.version !== null && <Tag tone='muted'>{`第 ${b.version} 版`}</Tag>}
        </View>
        <View>{`本月联盟共开展活动 ${total(b, 'activities.held')} 场，参与 ${total(b, 'activities.attendance')} 人次，签到 ${total(b, 'checkin.visits')} 人次；提出议题 ${total(b, 'topics.proposed')} 件，公示成果 ${total(b, 'feedback.published')} 件。`}</View>
        {b.status === 'review' && <View>{`征求意见至 ${b.appealUntil}，各单位如有异议可提出申诉。`}</View>}
        {b.appeals.total > 0 && <View>{`本月收到申诉 ${b.appeals.total} 件：成立 ${b.appeals.upheld} 件，不成立 ${b.appeals.rejected} 件，待处理 ${b.appeals.pending} 件。`}</View>}
        {b.hash && <View className='assessment-hash'>{`校验码 ${b.hash.slice(0, 16)}`}</View>}
        {b.inputsHash && <View className='assessment-hash'>{`输入校验码 ${b.inputsHash.slice(0, 16)}`}</View>}
      </View>
      <View className='assessment-years'>
        <Button kind='plain' loading={busy} label={`导出${monthLabel(b.month)}通报 Word 文档`} onClick={() => save('docx')}>导出 Word</Button>
        <Button kind='plain' loading={busy} label={`导出${monthLabel(b.month)}通报 Excel 表格`} onClick={() => save('xlsx')}>导出 Excel</Button>
      </View>
      <Versions b={b} onPick={setVersion} />
      {appeals.data && <AppealList appeals={appeals.data} decides={staff && b.status === 'review'} onDecided={told} />}
      {appealSite && <AppealForm bulletin={b} siteId={appealSite} onFiled={told} />}
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
