/**
 * Sign-in on a self-hosted h5 (no demo personas): inside WeChat, web authorisation — silent for
 * residents, with the WeChat nickname only when the person chooses it, after saying why; at a
 * desktop, the 8-digit code a staff member's mini-program shows (我的 → 网页登录码). A refusal the
 * host sent back (`?error=`) is said in its own words; a 快照页 visitor is told how to leave it.
 */
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Field, Notice } from '@/components/ui'
import { errorMessages, type ErrorCode } from '@/domain/errors'
import { SIGNIN_CODE } from '@/domain/signin'
import { inWechat, signInWithCode, wechatSigninUrl, type SigninMethods } from '@/services/signin'
import './index.css'

export function ProductionSignin({ methods, back, done }: { methods: SigninMethods; back: string; done(): Promise<void> }) {
  const refused = Taro.getCurrentInstance().router?.params?.error as ErrorCode | undefined
  const [error, setError] = useState(refused && refused in errorMessages ? errorMessages[refused] : '')
  const [code, setCode] = useState('')
  const wechat = methods.wechat && inWechat()

  const useCode = async () => {
    const answer = await signInWithCode(code.trim())
    if (!answer.ok) return setError(answer.error.message)
    await done()
  }
  const go = (scope: 'snsapi_base' | 'snsapi_userinfo') => () => {
    window.location.href = wechatSigninUrl(scope, back)
  }

  return (
    <View>
      {error && <Notice tone='error'>{error}</Notice>}
      {wechat && (
        <View>
          <Notice>登录后可签到、提议和投票。微信只向本站提供您的识别码（openid），不提供手机号。</Notice>
          <Button onClick={go('snsapi_base')}>微信一键登录</Button>
          <Notice>如希望其他人看到您的微信昵称，可选择下面的方式（需要您在微信中同意）。</Notice>
          <Button kind='plain' onClick={go('snsapi_userinfo')}>使用微信昵称登录</Button>
        </View>
      )}
      <Field label='工作人员登录码' hint='在小程序“我的 → 网页登录码”中获取，5 分钟内有效'>
        <View className='signin-code'>
          <Input className='ui-input' type='number' value={code} maxlength={8} placeholder='8 位数字' nativeProps={{ 'aria-label': '工作人员登录码' }}
            onInput={(e) => setCode(e.detail.value)} />
          <Button disabled={!SIGNIN_CODE.test(code.trim())} onClick={useCode}>登录</Button>
        </View>
      </Field>
    </View>
  )
}
