/** Nothing to show (or a failure): an illustration, what happened, and what to do next. */
import { View } from '@tarojs/components'
import { Button } from './Button'
import { Icon, type IconName } from './Icon'

export interface EmptyProps {
  icon?: IconName
  /** What happened, in one line. */
  title: string
  /** What to do next. */
  hint?: string
  action?: { label: string; onClick(): void }
}

export function Empty({ icon = 'empty', title, hint, action }: EmptyProps) {
  return (
    <View className='ui-empty'>
      <View className='ui-empty-art'><Icon name={icon} /></View>
      <View className='ui-empty-title'>{title}</View>
      {hint && <View className='ui-empty-hint'>{hint}</View>}
      {action && <Button kind='plain' onClick={action.onClick}>{action.label}</Button>}
    </View>
  )
}
