/** Browser only: pick a demo identity (the local host's dev sign-in stands in for WeChat's). */
import { Button, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../../components/Screen'
import { roleLabels, type Role } from '../../../../domain/roles'
import { TOKEN_KEY } from '../../../../services/transport'
import { useSession } from '../../../../stores/session'

type Persona = { persona: Role; nickname: string }

async function post(path: string, body?: object) {
  const response = await fetch(path, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })
  return response.json()
}

export default function DevSignin() {
  const [personas, setPersonas] = useState<Persona[]>([])
  const [error, setError] = useState('')
  const loadMe = useSession((s) => s.loadMe)

  useLoad(() => {
    post('/dev/personas').then((r) => setPersonas(r.data)).catch(() => setError('无法连接本地服务'))
  })

  const signIn = async (body: object) => {
    const result = await post('/dev/signin', body)
    if (!result.ok) return setError(result.error.message)
    Taro.setStorageSync(TOKEN_KEY, result.data.token)
    await loadMe()
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.switchTab({ url: '/pages/mine/index' })
  }

  return (
    <Screen>
      <View className='notice'>本地演示环境：请选择一个身份登录。正式小程序中身份由微信提供。</View>
      {error && <View className='notice err'>{error}</View>}
      <Button className='btn' onClick={() => signIn({ guest: Date.now().toString(36) })}>以新群众身份体验</Button>
      {personas.map((p) => (
        <Button key={p.persona} className='btn-plain' onClick={() => signIn({ persona: p.persona })}>
          {roleLabels[p.persona]}：{p.nickname}
        </Button>
      ))}
    </Screen>
  )
}
