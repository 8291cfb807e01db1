/**
 * A rating as five stars (★ for the score rounded to a whole star, ☆ the rest),
 * read out as one image: "评分 4.5 星（满 5 星）". Sizes are em, so elder mode enlarges them;
 * `large` for the one rating a page is about.
 */
import { View } from '@tarojs/components'

export function Stars({ value, label = '评分', large }: { value: number; label?: string; large?: boolean }) {
  const filled = Math.max(0, Math.min(5, Math.round(value)))
  const shown = Math.round(value * 10) / 10
  return (
    <View className={`ui-stars${large ? ' ui-stars-large' : ''}`} role='img' aria-label={`${label} ${shown} 星（满 5 星）`}>
      {'★'.repeat(filled)}<View className='ui-stars-empty'>{'☆'.repeat(5 - filled)}</View>
    </View>
  )
}
