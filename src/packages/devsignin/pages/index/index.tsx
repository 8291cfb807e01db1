/** Browser only: pick a demo identity (the local host's dev sign-in stands in for WeChat's). */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Notice, Page } from '@/components/ui'
import { roleLabels, type Role } from '@/domain/roles'
import { TOKEN_KEY } from '@/services/transport'
import { useSession } from '@/stores/session'

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
    <Page>
      <Notice>本地演示环境：请选择一个身份登录。正式小程序中身份由微信提供。</Notice>
      {error && <Notice tone='error'>{error}</Notice>}
      <Button onClick={() => signIn({ guest: Date.now().toString(36) })}>以新群众身份体验</Button>
      <CellGroup title='演示身份'>
        {personas.map((p) => (
          <Cell key={p.persona} icon='mine' title={`${roleLabels[p.persona]}：${p.nickname}`} arrow onClick={() => signIn({ persona: p.persona })} />
        ))}
      </CellGroup>
    </Page>
  )
}
