/** A short label beside a title: a site's kind, a role, a status. */
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

export type TagTone = 'primary' | 'success' | 'warning' | 'muted'

export function Tag({ tone = 'primary', children }: { tone?: TagTone; children: ReactNode }) {
  return <Text className={`ui-tag ui-tag-${tone}`}>{children}</Text>
}
