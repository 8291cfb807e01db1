/**
 * 季度观摩: a site's visits of the year and this quarter's next step — the site's self-assessment
 * (its managers), the desk review, the on-site visit with the site's rotating code and the review
 * after the fixes (district staff who do not run the site). The site shows its code for the reviewer.
 */
import { Input, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, CellGroup, Empty, Field, Notice, Page, PageError, Skeleton } from '@/components/ui'
import { dimensions, quarterOf, type Dimension } from '@/domain/operations'
import { can } from '@/domain/operations/permissions'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { deskReview, getVisitCode, getVisits, recordVisit, reviewVisit, selfAssess } from '@/services/operations'
import { useSession } from '@/stores/session'
import { itemsOf, Verdicts, type VerdictChoice } from '../../components/Verdicts'
import { VisitCard } from '../../components/VisitCard'
import '../../operations.css'

export default function VisitsPage() {
  const [id, setId] = useState<string | null>(null)
  const [choice, setChoice] = useState<VerdictChoice>({})
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState<string>()
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    setId(String(params.id ?? ''))
    if (!me) loadMe().catch(() => undefined)
  })
  const quarter = quarterOf(new Date())
  const year = Number(quarter.slice(0, 4))
  const visits = useCall(id, () => getVisits({ year, siteId: id! }))
  const person = { grants: me?.roles ?? [] }
  const manages = !!id && can(person, 'selfAssess', { id })
  const reviews = !!id && can(person, 'visit', { id })

  const act = async (work: () => Promise<unknown>, title: string) => {
    setBusy(true)
    try {
      await work()
      Taro.showToast({ title, icon: 'success' })
      setChoice({})
      setCode('')
      visits.retry()
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const showCode = async () => {
    try {
      setShown((await getVisitCode({ siteId: id! })).code)
    } catch (e) {
      Taro.showToast({ title: asFailure(e).message, icon: 'none' })
    }
  }

  if (visits.error) return <Page><PageError error={visits.error} retry={visits.retry} /></Page>
  if (!visits.data || !me) return <Page><Skeleton count={2} /></Page>
  const current = visits.data.items.find((v) => v.quarter === quarter)
  const open: Dimension[] = current?.items.filter((item) => item.verdict !== 'met').map((item) => item.dimension) ?? []
  const siteQuarter = { siteId: id!, quarter }
  let step = null
  if (!current && manages) {
    const items = itemsOf(dimensions, choice)
    step = (
      <CellGroup title={`${quarter} 自评`}>
        <Verdicts dimensions={dimensions} value={choice} onChange={setChoice} />
        <Button loading={busy} disabled={!items} why='请逐项自评' onClick={() => act(() => selfAssess({ ...siteQuarter, items: items! }), '已提交自评')}>提交自评</Button>
      </CellGroup>
    )
  } else if (current?.stage === 'self_assessed' && reviews) {
    step = <Button loading={busy} onClick={() => act(() => deskReview(siteQuarter), '已完成书面审核')}>完成书面审核（核验材料并抽取活动）</Button>
  } else if (current?.stage === 'desk_reviewed' && reviews) {
    const items = itemsOf(dimensions, choice)
    const why = !code.trim() ? '请输入联盟点现场显示的观摩签到码' : !items ? '请逐项评定' : undefined
    step = (
      <CellGroup title='现场观摩'>
        <Field label='观摩签到码' hint='到达联盟点后，请管理员打开“观摩签到码”'>
          <Input className='ui-input' value={code} maxlength={40} onInput={(e) => setCode(e.detail.value)} nativeProps={{ 'aria-label': '观摩签到码' }} />
        </Field>
        <Verdicts dimensions={dimensions} value={choice} onChange={setChoice} />
        <Button loading={busy} disabled={!!why} why={why} onClick={() => act(() => recordVisit({ ...siteQuarter, code: code.trim(), items: items! }), '已记录观摩')}>提交观摩结论</Button>
      </CellGroup>
    )
  } else if (current?.stage === 'rectifying' && reviews) {
    const items = itemsOf(open, choice)
    step = (
      <CellGroup title='整改复核'>
        <Verdicts dimensions={open} value={choice} onChange={setChoice} />
        <Button loading={busy} disabled={!items} why='请逐项复核' onClick={() => act(() => reviewVisit({ ...siteQuarter, items: items! }), '已完成复核')}>提交复核结论</Button>
      </CellGroup>
    )
  }
  return (
    <Page title='季度观摩'>
      {manages && current?.stage === 'desk_reviewed' && (
        <View className='card'>
          <View className='title'>观摩签到码</View>
          {shown ? <View className='visit-code' aria-label={`观摩签到码 ${shown}`}>{shown}</View> : <View className='muted'>评审人员到达后打开，5 分钟内有效</View>}
          <Button kind='plain' onClick={showCode}>{shown ? '刷新签到码' : '打开观摩签到码'}</Button>
        </View>
      )}
      {step}
      {!step && !current && <Notice>本季度尚未开始观摩：联盟点先自评，再由区政协工作人员书面审核和现场观摩。</Notice>}
      {visits.data.items.length === 0 && <Empty icon='calendar' title='本年度尚无观摩记录' hint='每季度一次：自评、书面审核、现场观摩、整改复核' />}
      {visits.data.items.map((visit) => <VisitCard key={visit.id} visit={visit} />)}
    </Page>
  )
}
