/** A message in the page: the outcome of an action, a failure, or a note before acting. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Icon } from './Icon'

export type NoticeTone = 'info' | 'success' | 'error'
const icons = { info: 'alert', success: 'check', error: 'alert' } as const

export function Notice({ tone = 'info', children }: { tone?: NoticeTone; children: ReactNode }) {
  return (
    <View className={`ui-notice ui-notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={icons[tone]} className='ui-notice-icon' />
      <View className='ui-notice-body'>{children}</View>
    </View>
  )
}
