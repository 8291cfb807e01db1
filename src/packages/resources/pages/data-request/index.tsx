/** 数据申请: a data set's fields to pick, the purpose and the de-identification level; the owning unit decides. */
import { Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, PageError, Skeleton, Tag, problemsOf, whyNotReady } from '@/components/ui'
import { deidLevelLabels, deidLevels, type DeidLevel } from '@/domain/resources/sharing'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { dataset, requestData } from '@/services/resources'

export default function DataRequestPage() {
  const [id, setId] = useState<number | null>(null)
  const [fields, setFields] = useState<string[]>([])
  const [purpose, setPurpose] = useState('')
  const [level, setLevel] = useState<DeidLevel>('aggregate')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  useLoad((params) => setId(Number(params.id) || 0))
  const data = useCall(id === null ? null : `d:${id}`, () => dataset({ resourceId: id! }))
  if (data.error) return <Page><PageError error={data.error} retry={data.retry} /></Page>
  if (!data.data) return <Page><Skeleton count={2} /></Page>
  const set = data.data
  const toggle = (f: string) => () => setFields((all) => (all.includes(f) ? all.filter((x) => x !== f) : [...all, f]))
  const problems = problemsOf({
    fields: fields.length ? undefined : '请至少选择一个字段',
    purpose: [...purpose.trim()].length >= 5 ? undefined : '用途至少 5 个字',
  })
  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      await requestData({ resourceId: set.id, fields, purpose, level })
      await Taro.redirectTo({ url: '/packages/resources/pages/data-requests/index?mine=1' })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title={`申请：${set.name}`} actions={<Button loading={busy} disabled={problems.length > 0} why={whyNotReady(problems)} onClick={submit}>提交申请</Button>}>
      <Notice tone='info'>{`${set.siteName}审批后，您可在 30 天内下载；每次下载都会留痕。请只申请工作需要的字段。`}</Notice>
      <CellGroup title='需要的字段'>
        {set.fields.map((f) => (
          <Cell key={f} title={f} onClick={toggle(f)} value={fields.includes(f) ? <Tag tone='success'>已选</Tag> : <Tag tone='muted'>未选</Tag>} />
        ))}
      </CellGroup>
      <Field label='用途' hint='说明用于什么工作，例如：编制本季度协商活动简报' count={{ value: purpose, max: 500 }}>
        <Textarea className='ui-input ui-textarea' value={purpose} maxlength={500} onInput={(e) => setPurpose(e.detail.value)} nativeProps={{ 'aria-label': '用途' }} />
      </Field>
      <CellGroup title='脱敏级别'>
        {deidLevels.map((l) => (
          <Cell key={l} title={deidLevelLabels[l]} onClick={() => setLevel(l)} value={level === l ? <Tag tone='success'>已选</Tag> : undefined} />
        ))}
      </CellGroup>
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='muted'>依据《个人信息保护法》《数据安全法》，数据仅限申请用途使用，不得转交他人。</View>
    </Page>
  )
}
