/** 编辑阵地档案: a site's founder, theme, members' 界别 and annual plan, for its own admins and staff (operations.saveProfile). */
import { Input, Textarea } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Field, Notice, Page, Skeleton } from '@/components/ui'
import { asFailure } from '@/hooks/latest'
import { getSiteProfile, saveSiteProfile } from '@/services/operations'

const limits = { founder: 40, theme: 60, sectors: 200, annualPlan: 2000 }

export default function EditProfilePage() {
  const [siteId, setSiteId] = useState<string>()
  const [form, setForm] = useState<{ founder: string; theme: string; sectors: string; annualPlan: string }>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  useLoad((params) => {
    const id = String(params.id ?? '')
    setSiteId(id)
    getSiteProfile({ siteId: id }).then(
      (p) => setForm({ founder: p.founder, theme: p.theme, sectors: p.sectors.join('、'), annualPlan: p.annualPlan }),
      (e) => setError(asFailure(e).message),
    )
  })
  if (!form || !siteId) return <Page title='编辑阵地档案'>{error ? <Notice tone='error'>{error}</Notice> : <Skeleton count={2} />}</Page>
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value })
  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const sectors = form.sectors.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean)
      await saveSiteProfile({ siteId, founder: form.founder, theme: form.theme, sectors, annualPlan: form.annualPlan })
      Taro.showToast({ title: '已保存', icon: 'success' })
      if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title='编辑阵地档案' actions={<Button loading={busy} onClick={save}>保存</Button>}>
      {error && <Notice tone='error'>{error}</Notice>}
      <Field label='创办人' count={{ value: form.founder, max: limits.founder }}>
        <Input className='ui-input' value={form.founder} maxlength={limits.founder} onInput={set('founder')} nativeProps={{ 'aria-label': '创办人' }} />
      </Field>
      <Field label='主题' count={{ value: form.theme, max: limits.theme }}>
        <Input className='ui-input' value={form.theme} maxlength={limits.theme} onInput={set('theme')} nativeProps={{ 'aria-label': '主题' }} />
      </Field>
      <Field label='委员界别' hint='多个界别用顿号分隔，最多 20 个'>
        <Input className='ui-input' value={form.sectors} maxlength={limits.sectors} onInput={set('sectors')} nativeProps={{ 'aria-label': '委员界别' }} />
      </Field>
      <Field label='年度联动活动计划' count={{ value: form.annualPlan, max: limits.annualPlan }}>
        <Textarea className='ui-input ui-textarea' value={form.annualPlan} maxlength={limits.annualPlan} onInput={set('annualPlan')} nativeProps={{ 'aria-label': '年度联动活动计划' }} />
      </Field>
    </Page>
  )
}
