/** An icon from src/assets/icons, drawn in the text colour at 1em, so it scales with elder mode. */
import { Text } from '@tarojs/components'
import type { IconName } from './icon-names'

export type { IconName }

export function Icon({ name, className = '' }: { name: IconName; className?: string }) {
  return <Text className={`ui-icon icon-${name} ${className}`} aria-hidden='true' />
}
