/**
 * 显示名称: the name a resident shows to others (account.setName). The form checks the name as the
 * function will (length, one line, no office's title, no phone number) and shows how public pages
 * will show it (王*英). A member or staff keeps the name the office registered.
 */
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page } from '@/components/ui'
import { displayNameLimits, displayNameProblem, REGISTERED_NAME } from '@/domain/account'
import { maskName } from '@/domain/mask'
import { asFailure } from '@/hooks/latest'
import { setDisplayName } from '@/services/account'
import { useSession } from '@/stores/session'

export default function DisplayName() {
  const { me, loadMe, setMe } = useSession()
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const [shown, setShown] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => {
    loadMe().then((m) => setName((typed) => typed || m.nickname), () => undefined)
  }, [loadMe])

  const registered = me?.roles.some((g) => g.role !== 'resident')
  const problem = displayNameProblem(name)
  const unchanged = !!me && name.trim() === me.nickname
  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      setMe(await setDisplayName({ name }))
      Taro.showToast({ title: '已保存', icon: 'success' })
      // Back to 我的, also when this page was opened directly (a reload leaves nothing to go back to).
      if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
      else Taro.switchTab({ url: '/pages/mine/index' })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (registered) {
    return (
      <Page title='显示名称'>
        <CellGroup><Cell icon='mine' title='显示名称' value={me?.nickname} /></CellGroup>
        <Notice>{REGISTERED_NAME}</Notice>
      </Page>
    )
  }
  const preview = name.trim() && !problem ? maskName(name) : undefined
  return (
    <Page title='显示名称' actions={
      <Button loading={busy} disabled={!me || !!problem || unchanged} why={problem ? `还不能保存：${problem}` : unchanged ? '名称没有改动' : undefined}
        onBlocked={() => setShown(true)} onClick={save}>
        保存
      </Button>
    }>
      <Notice>设置其他人看到的名称。为保护隐私，公开页面只显示名称的首尾两个字。</Notice>
      {error && <Notice tone='error'>{error}</Notice>}
      <Field label='显示名称' hint={`${displayNameLimits.min}–${displayNameLimits.max} 个字，不要填写电话号码`}
        error={shown || touched ? problem : undefined} count={{ value: name, max: displayNameLimits.max }}>
        <Input className='ui-input' value={name} maxlength={displayNameLimits.max} placeholder='例如：王秀英' nativeProps={{ 'aria-label': '显示名称' }}
          onInput={(e) => { setName(e.detail.value); setTouched(true) }} />
      </Field>
      {preview && <View className='card'><View className='muted'>公开页面显示为</View><View className='title'>{preview}</View></View>}
    </Page>
  )
}
