/** "我的": who I am, my check-ins, binding a member or staff profile, and elder mode. */
import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../components/Screen'
import type { CheckinRecord } from '../../domain/checkin'
import { locationLabels } from '../../domain/geo'
import { roleLabels } from '../../domain/roles'
import { shanghaiDateTime } from '../../domain/time'
import { bindProfile } from '../../services/account'
import { CallFailure } from '../../services/call'
import { myCheckins } from '../../services/checkin'
import { useSession } from '../../stores/session'

export default function Mine() {
  const { me, loadMe, setMe, elder, setElder } = useSession()
  const [checkins, setCheckins] = useState<CheckinRecord[]>()
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()

  useDidShow(() => {
    loadMe().then(() => myCheckins()).then((page) => setCheckins(page.items)).catch((e: CallFailure) => setMessage({ ok: false, text: e.message }))
  })

  const bind = async () => {
    try {
      const next = await bindProfile({ code })
      setMe(next)
      setCode('')
      setMessage({ ok: true, text: `绑定成功，您的身份：${roleLabels[next.primaryRole]}` })
    } catch (e) {
      setMessage({ ok: false, text: (e as CallFailure).message })
    }
  }

  return (
    <Screen>
      <View className='card'>
        <View className='title'>{me?.nickname || '微信用户'}</View>
        <View>{me?.roles.map((g) => <Text key={`${g.role}${g.siteId ?? ''}${g.unitId ?? ''}`} className='tag'>{roleLabels[g.role]}</Text>)}</View>
      </View>
      {message && <View className={`notice ${message.ok ? 'ok' : 'err'}`} aria-live='polite'>{message.text}</View>}
      <View className='card'>
        <View className='title'>我的签到</View>
        {checkins?.length === 0 && <View className='muted'>还没有签到记录，到联盟点扫码即可签到</View>}
        {checkins?.map((c) => (
          <View key={c.id} className='checkin-item'>
            <View>{c.siteName}</View>
            <View className='muted'>{shanghaiDateTime(c.at)}　{locationLabels[c.locationStatus]}</View>
          </View>
        ))}
      </View>
      <View className='card'>
        <View className='title'>绑定委员或工作人员身份</View>
        <View className='muted'>请输入区政协发放的 8 位绑定码</View>
      </View>
      <Input className='input' value={code} maxlength={8} placeholder='绑定码' aria-label='绑定码' onInput={(e) => setCode(e.detail.value)} />
      <Button className='btn' disabled={code.trim().length !== 8} onClick={bind}>绑定</Button>
      <View className='card row'>
        <Text>长辈模式（大字体）</Text>
        <Switch checked={elder} color='#b71c1c' onChange={(e) => setElder(e.detail.value)} aria-label='长辈模式' />
      </View>
      {me?.roles.some((g) => g.role === 'staff' || g.role === 'admin') && (
        <Button className='btn-plain' onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/profiles/index' })}>发放委员、工作人员绑定码</Button>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <Button className='btn-plain' onClick={() => Taro.navigateTo({ url: '/packages/devsignin/pages/index/index' })}>切换演示身份</Button>
      )}
    </Screen>
  )
}
