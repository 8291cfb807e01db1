/** Name, birth year and the ID card's last 4 characters, as the desk asks them (never the whole number). */
import { Input } from '@tarojs/components'
import { Field } from '@/components/ui'
import { ID_LAST4 } from '@/domain/operations'

export const emptyIdentity = { name: '', birthYear: '', idLast4: '' }
export type IdentityForm = typeof emptyIdentity

/** What is wrong with the form, or undefined when it is ready. */
export function identityProblem(form: IdentityForm): string | undefined {
  const year = Number(form.birthYear)
  if ([...form.name.trim()].length < 2) return '请填写姓名'
  if (!/^\d{4}$/.test(form.birthYear) || year < 1900) return '请填写 4 位出生年份'
  if (!ID_LAST4.test(form.idLast4.toUpperCase())) return '身份证号后 4 位须为 4 位数字（末位可为 X）'
  return undefined
}

export const identityOf = (form: IdentityForm) => ({ name: form.name.trim(), birthYear: Number(form.birthYear), idLast4: form.idLast4.toUpperCase() })

export function IdentityFields({ form, onChange }: { form: IdentityForm; onChange(form: IdentityForm): void }) {
  const set = (key: keyof IdentityForm) => (e: { detail: { value: string } }) => onChange({ ...form, [key]: e.detail.value })
  return (
    <>
      <Field label='姓名'>
        <Input className='ui-input' value={form.name} maxlength={20} onInput={set('name')} nativeProps={{ 'aria-label': '姓名' }} />
      </Field>
      <Field label='出生年份' hint='例如 1948'>
        <Input className='ui-input' type='number' value={form.birthYear} maxlength={4} onInput={set('birthYear')} nativeProps={{ 'aria-label': '出生年份' }} />
      </Field>
      <Field label='身份证号后 4 位'>
        <Input className='ui-input' type='idcard' value={form.idLast4} maxlength={4} onInput={set('idLast4')} nativeProps={{ 'aria-label': '身份证号后 4 位' }} />
      </Field>
    </>
  )
}
