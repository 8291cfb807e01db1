/** Staff issue member and staff profiles; each gets a one-time bind code to hand to the person. */
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../../components/Screen'
import type { Profile } from '../../../../domain/account'
import { roleLabels, type BindableRole } from '../../../../domain/roles'
import type { SiteSummary } from '../../../../domain/sites'
import { createProfile, listProfiles } from '../../../../services/admin'
import { CallFailure } from '../../../../services/call'
import { listSites } from '../../../../services/sites'

const issuable: BindableRole[] = ['member', 'site_admin', 'staff', 'auditor']

export default function ProfilesPage() {
  const [role, setRole] = useState<BindableRole>('member')
  const [name, setName] = useState('')
  const [sites, setSites] = useState<SiteSummary[]>([])
  const [site, setSite] = useState<SiteSummary>()
  const [profiles, setProfiles] = useState<Profile[]>([])
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()

  const fail = (e: CallFailure) => setMessage({ ok: false, text: e.message })
  useLoad(() => {
    listProfiles().then((page) => setProfiles(page.items)).catch(fail)
    listSites({ limit: 100 }).then((page) => setSites(page.items)).catch(fail)
  })

  const issue = async () => {
    try {
      const profile = await createProfile({ role, name, siteId: role === 'site_admin' ? site?.id : undefined })
      setProfiles([profile, ...profiles])
      setName('')
      setMessage({ ok: true, text: `已为${profile.name}生成绑定码 ${profile.bindCode}` })
    } catch (e) {
      fail(e as CallFailure)
    }
  }

  return (
    <Screen>
      {message && <View className={`notice ${message.ok ? 'ok' : 'err'}`} aria-live='polite'>{message.text}</View>}
      <View className='card'>
        <Picker mode='selector' range={issuable.map((r) => roleLabels[r])} onChange={(e) => setRole(issuable[Number(e.detail.value)])}>
          <View className='row'><Text>身份</Text><Text>{roleLabels[role]} ▾</Text></View>
        </Picker>
        {role === 'site_admin' && (
          <Picker mode='selector' range={sites.map((s) => s.name)} onChange={(e) => setSite(sites[Number(e.detail.value)])}>
            <View className='row'><Text>联盟点</Text><Text>{site?.name ?? '请选择'} ▾</Text></View>
          </Picker>
        )}
      </View>
      <Input className='input' value={name} maxlength={20} placeholder='姓名' aria-label='姓名' onInput={(e) => setName(e.detail.value)} />
      <Button className='btn' disabled={!name.trim()} onClick={issue}>生成绑定码</Button>
      <View className='card'>
        <View className='title'>已发放</View>
        {profiles.map((p) => (
          <View key={p.id} className='row'>
            <Text>{p.name}（{roleLabels[p.role]}）</Text>
            <Text className='muted'>{p.boundAt ? '已绑定' : p.bindCode}</Text>
          </View>
        ))}
      </View>
    </Screen>
  )
}
