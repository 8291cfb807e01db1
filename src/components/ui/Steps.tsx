/**
 * A step bar: each step done (✓), the current one marked, the rest to come; a late step in the
 * warning colour. Read as a list whose current item is `aria-current="step"`.
 */
import { View } from '@tarojs/components'

export function Steps({ steps, current, late = [], label }: { steps: readonly string[]; current: number; late?: number[]; label: string }) {
  return (
    <View className='ui-steps' role='list' aria-label={label}>
      {steps.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo'
        return (
          <View key={step} role='listitem' aria-current={state === 'current' ? 'step' : undefined}
            className={`ui-step ui-step-${state}${late.includes(i) ? ' ui-step-late' : ''}`}>
            <View className='ui-step-dot'>{state === 'done' ? '✓' : i + 1}</View>
            <View className='ui-step-name'>{step}{late.includes(i) ? '（逾期）' : ''}</View>
          </View>
        )
      })}
    </View>
  )
}
