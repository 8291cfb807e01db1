/** The page's main actions, fixed above the bottom edge and the home indicator. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export function ActionBar({ children }: { children: ReactNode }) {
  return <View className='ui-action-bar'>{children}</View>
}
