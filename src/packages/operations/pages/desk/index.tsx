/**
 * 代为签到: the desk kiosk (a tablet at the site, in elder mode) where the site's admin checks in a
 * resident who has no phone — by name, birth year and the last 4 characters of the ID card, never
 * the whole number (operations.assist). The check-in counts for participation, marked as assisted.
 */
import { Input } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Field, Notice, Page } from '@/components/ui'
import { ID_LAST4 } from '@/domain/operations'
import { asFailure } from '@/hooks/latest'
import { assistCheckin } from '@/services/operations'
import { useSession } from '@/stores/session'

const empty = { name: '', birthYear: '', idLast4: '' }

export default function DeskPage() {
  const [siteId, setSiteId] = useState('')
  const [form, setForm] = useState(empty)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<string>()
  const setElder = useSession((s) => s.setElder)
  useLoad((params) => setSiteId(String(params.id ?? '')))
  // The kiosk shows in elder mode, and gives the device back as it found it.
  useEffect(() => {
    const before = useSession.getState().elder
    setElder(true)
    return () => setElder(before)
  }, [setElder])

  const year = Number(form.birthYear)
  const problem = [...form.name.trim()].length < 2 ? '请填写姓名' : !/^\d{4}$/.test(form.birthYear) || year < 1900 ? '请填写 4 位出生年份'
    : !ID_LAST4.test(form.idLast4.toUpperCase()) ? '身份证号后 4 位须为 4 位数字（末位可为 X）' : undefined
  const set = (key: keyof typeof empty) => (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value })
  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const record = await assistCheckin({ siteId, name: form.name.trim(), birthYear: year, idLast4: form.idLast4.toUpperCase() })
      setDone(`${form.name.trim()} 签到成功（${record.label}）`)
      setForm(empty)
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title='代为签到' actions={<Button loading={busy} disabled={!!problem} why={problem} onClick={submit}>确认签到</Button>}>
      <Notice>为没有智能手机的居民代为签到。只需身份证号后 4 位，请勿输入完整号码。每位工作人员每天最多代为签到 60 人，同一居民每天只能签到一次。</Notice>
      {done && <Notice tone='success'>{done}</Notice>}
      {error && <Notice tone='error'>{error}</Notice>}
      <Field label='姓名'>
        <Input className='ui-input' value={form.name} maxlength={20} onInput={set('name')} nativeProps={{ 'aria-label': '姓名' }} />
      </Field>
      <Field label='出生年份' hint='例如 1948'>
        <Input className='ui-input' type='number' value={form.birthYear} maxlength={4} onInput={set('birthYear')} nativeProps={{ 'aria-label': '出生年份' }} />
      </Field>
      <Field label='身份证号后 4 位'>
        <Input className='ui-input' type='idcard' value={form.idLast4} maxlength={4} onInput={set('idLast4')} nativeProps={{ 'aria-label': '身份证号后 4 位' }} />
      </Field>
    </Page>
  )
}
