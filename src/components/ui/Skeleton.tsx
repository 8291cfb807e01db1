/** Grey shapes where content is about to appear: cards (a title and lines) or list rows. */
import { View } from '@tarojs/components'

export function Skeleton({ shape = 'card', count = 3 }: { shape?: 'card' | 'list'; count?: number }) {
  return (
    <View className={`ui-skeleton ui-skeleton-${shape}`} role='status' aria-busy='true' aria-label='正在加载'>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className='ui-skeleton-item'>
          <View className='ui-skeleton-line ui-skeleton-title' />
          <View className='ui-skeleton-line' />
          {shape === 'card' && <View className='ui-skeleton-line ui-skeleton-short' />}
        </View>
      ))}
    </View>
  )
}
