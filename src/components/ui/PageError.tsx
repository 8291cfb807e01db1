/**
 * A page that could not load: what went wrong, a retry when trying again may help, and always a
 * way on: back to the page before, or home when the page was opened directly (a scan, a link).
 * Something missing or not the person's to see is said as it is, with no retry and no "check your
 * network".
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from './Button'
import { Empty } from './Empty'

export interface PageErrorProps {
  error: { code: string; message: string }
  retry?(): void
  /** What to do next when trying again may help (default 请稍后再试). */
  hint?: string
}

const FINAL = ['not_found', 'forbidden', 'unauthenticated', 'invalid_input']
export const HOME = '/pages/index/index'

export function PageError({ error, retry, hint = '请稍后再试' }: PageErrorProps) {
  const final = FINAL.includes(error.code)
  const behind = Taro.getCurrentPages().length > 1
  const goOn = () => (behind ? Taro.navigateBack() : Taro.switchTab({ url: HOME }))
  return (
    <View className='ui-page-error'>
      <Empty icon='alert' title={error.message} hint={final ? undefined : hint} action={!final && retry ? { label: '重试', onClick: retry } : undefined} />
      <Button kind='plain' onClick={goOn}>{behind ? '返回上一页' : '回到首页'}</Button>
    </View>
  )
}
