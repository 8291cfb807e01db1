/** Staff issue member, staff and unit handler profiles; each gets a one-time bind code to hand to the person. */
import { Input, Picker } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, List, Notice, Page, Tag } from '@/components/ui'
import type { Profile } from '@/domain/account'
import { PAGE_MAX } from '@/domain/page'
import { roleLabels, type BindableRole } from '@/domain/roles'
import type { Unit } from '@/domain/feedback'
import type { SiteSummary } from '@/domain/sites'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { useList } from '@/hooks/useList'
import { createProfile, listProfiles } from '@/services/admin'
import { listUnits } from '@/services/feedback'
import { listSites } from '@/services/sites'

const issuable: BindableRole[] = ['member', 'site_admin', 'unit_handler', 'staff', 'auditor']

export default function ProfilesPage() {
  const [role, setRole] = useState<BindableRole>('member')
  const [name, setName] = useState('')
  const [site, setSite] = useState<SiteSummary>()
  const [unit, setUnit] = useState<Unit>()
  const [sector, setSector] = useState('')
  const [issued, setIssued] = useState<Profile[]>([])
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const sites = useCall(role === 'site_admin' || role === 'member' ? 'sites' : null, () => listSites({ limit: PAGE_MAX }).then((page) => page.items))
  // A member's site is their studio (optional); a site admin's, the site they manage.
  const choices = (sites.data ?? []).filter((s) => role !== 'member' || s.kind === 'studio')
  const units = useCall(role === 'unit_handler' ? 'units' : null, () => listUnits())
  const profiles = useList('profiles', (cursor) => listProfiles({ cursor }))

  const issue = async () => {
    try {
      const profile = await createProfile({
        role,
        name,
        siteId: role === 'site_admin' || role === 'member' ? site?.id : undefined,
        unitId: role === 'unit_handler' ? unit?.id : undefined,
        sector: role === 'member' && sector.trim() ? sector.trim() : undefined,
      })
      setIssued([profile, ...issued])
      setName('')
      setSector('')
      setMessage({ ok: true, text: `已为${profile.name}生成绑定码 ${profile.bindCode}` })
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  const row = (p: Profile) => (
    <Cell key={p.id} title={p.name} label={roleLabels[p.role]} value={p.boundAt ? <Tag tone='success'>已绑定</Tag> : p.bindCode} />
  )

  return (
    <Page onRefresh={profiles.reload}>
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <CellGroup>
        <Picker mode='selector' range={issuable.map((r) => roleLabels[r])} onChange={(e) => { setRole(issuable[Number(e.detail.value)]); setSite(undefined) }}>
          <Cell title='身份' value={roleLabels[role]} arrow onClick={() => undefined} />
        </Picker>
        {(role === 'site_admin' || role === 'member') && (
          <Picker mode='selector' range={choices.map((s) => s.name)} onChange={(e) => setSite(choices[Number(e.detail.value)])}>
            <Cell title={role === 'member' ? '委员工作室（可选）' : '联盟点'} value={site?.name ?? (role === 'member' ? '不选' : '请选择')} arrow onClick={() => undefined} />
          </Picker>
        )}
        {role === 'unit_handler' && (
          <Picker mode='selector' range={(units.data ?? []).map((u) => u.name)} onChange={(e) => setUnit(units.data?.[Number(e.detail.value)])}>
            <Cell title='承办单位' value={unit?.name ?? '请选择'} arrow onClick={() => undefined} />
          </Picker>
        )}
      </CellGroup>
      <Field label='姓名'>
        <Input className='ui-input' value={name} maxlength={20} placeholder='请输入姓名' nativeProps={{ 'aria-label': '姓名' }} onInput={(e) => setName(e.detail.value)} />
      </Field>
      {role === 'member' && (
        <Field label='界别' hint='用于按界别发送通知和履职统计，例如：文化艺术界'>
          <Input className='ui-input' value={sector} maxlength={20} placeholder='请输入界别（可选）' nativeProps={{ 'aria-label': '界别' }} onInput={(e) => setSector(e.detail.value)} />
        </Field>
      )}
      <Button disabled={!name.trim() || (role === 'site_admin' && !site) || (role === 'unit_handler' && !unit)} onClick={issue}>生成绑定码</Button>
      <CellGroup title='已发放'>
        {issued.map(row)}
        <List list={profiles} skeleton='list' empty={{ icon: 'key', title: '还没有发放绑定码', hint: '填写姓名并选择身份后生成' }}>
          {(items) => items.filter((p) => !issued.some((i) => i.id === p.id)).map(row)}
        </List>
      </CellGroup>
    </Page>
  )
}
