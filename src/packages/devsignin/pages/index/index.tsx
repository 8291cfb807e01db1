/**
 * Browser only: sign in. On the local host, pick a demo identity (the dev sign-in stands in for
 * WeChat's); on a self-hosted production host, WeChat web authorisation or a staff code
 * (ProductionSignin.tsx).
 */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Notice, Page } from '@/components/ui'
import { roleLabels, type Role } from '@/domain/roles'
import { signinMethods, type SigninMethods } from '@/services/signin'
import { TOKEN_KEY } from '@/services/transport'
import { useSession } from '@/stores/session'
import { ProductionSignin } from './ProductionSignin'

type Persona = { persona: Role; nickname: string }

/** The router's own parameters, not the page's. */
const ROUTER_PARAMS = new Set(['stamp', '$taroTimestamp'])

/**
 * Where to go once signed in: the page below this one (the one that asked for sign-in), opened
 * afresh. Every page in the stack was loaded as nobody or as someone else, and a call that failed
 * with 请先登录 would show that error until 重试; two calls may also have opened this page twice.
 */
function returnUrl(): string | null {
  const below = [...Taro.getCurrentPages()].reverse().find((page) => page.route && !page.route.includes('packages/devsignin/'))
  if (!below?.route) return null
  // The page's parameters as its URL had them (h5's router keeps them URL-encoded), less the router's own.
  const params = ((below as { $taroParams?: Record<string, unknown> }).$taroParams ?? below.options ?? {}) as Record<string, unknown>
  const query = Object.entries(params)
    .filter(([key, value]) => !ROUTER_PARAMS.has(key) && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&')
  return `/${below.route.replace(/^\//, '')}${query ? `?${query}` : ''}`
}

async function post(path: string, body?: object) {
  const response = await fetch(path, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })
  return response.json()
}

export default function DevSignin() {
  const [personas, setPersonas] = useState<Persona[]>([])
  const [methods, setMethods] = useState<SigninMethods>()
  const [error, setError] = useState('')
  const loadMe = useSession((s) => s.loadMe)

  useLoad(() => {
    signinMethods()
      .then((found) => {
        setMethods(found)
        if (found.dev) return post('/dev/personas').then((r) => setPersonas(r.data))
      })
      .catch(() => setError('无法连接服务，请稍后再试'))
  })

  const signedIn = async () => {
    await loadMe()
    const back = returnUrl()
    if (back) Taro.reLaunch({ url: back })
    else Taro.switchTab({ url: '/pages/mine/index' })
  }
  const signIn = async (body: object) => {
    const result = await post('/dev/signin', body)
    if (!result.ok) return setError(result.error.message)
    Taro.setStorageSync(TOKEN_KEY, result.data.token)
    await signedIn()
  }

  if (methods && !methods.dev) {
    return (
      <Page>
        {error && <Notice tone='error'>{error}</Notice>}
        <ProductionSignin methods={methods} back={returnUrl() ?? '/pages/mine/index'} done={signedIn} />
      </Page>
    )
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
