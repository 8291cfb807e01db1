/** One field of a form: its label above, the control, and a hint under it. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export function FormRow({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <View className='ui-form-row'>
      <View className='ui-form-label'>{label}</View>
      <View className='ui-form-control'>{children}</View>
      {hint && <View className='ui-form-hint'>{hint}</View>}
    </View>
  )
}
